import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegisterResult } from '../../../shared/rpc/dto';
import { useQueue } from '../queue/queueStore';
import { invalidateTables } from '../rpc/liveUpdates';
import { useShell } from '../shell/shellStore';
import type { IntakeValues } from './formValues';
import { IntakeForm } from './IntakeForm';

/**
 * The intake dialog. It stays mounted while closed, so a draft survives an accidental Esc; only a
 * successful registration clears it.
 */
export function IntakeModal() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const queryClient = useQueryClient();
  const open = useShell((s) => s.intakeOpen);
  const setOpen = useShell((s) => s.setIntakeOpen);
  const select = useQueue((s) => s.select);
  const [form] = Form.useForm<IntakeValues>();

  const registered = ({ case: created, warnings }: RegisterResult) => {
    setOpen(false);
    select(created.id);
    // Show the new case now rather than when main's "changed" event arrives.
    void invalidateTables(queryClient, new Set(['cases']));
    const title = t('intake.done', { caseNo: created.caseNo });
    if (warnings.length === 0) {
      notification.success({ title, placement: 'topRight' });
    } else {
      notification.warning({
        title,
        duration: 0,
        description: (
          <>
            {t('intake.warnings')}
            <ul className="notice-list">
              {warnings.map((w) => (
                <li key={w}>{t(`warnings.${w}`)}</li>
              ))}
            </ul>
          </>
        ),
      });
    }
  };

  return (
    <Modal
      open={open}
      title={t('intake.title')}
      width={960}
      style={{ top: 24 }}
      footer={null}
      forceRender
      mask={{ closable: false }}
      onCancel={() => setOpen(false)}
      afterOpenChange={(visible) => visible && form.focusField('channel')}
    >
      <IntakeForm form={form} onRegistered={registered} onCancel={() => setOpen(false)} />
    </Modal>
  );
}

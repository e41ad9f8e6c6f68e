import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal, type FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterResult } from '../../../shared/rpc/dto';
import { useQueue } from '../queue/queueStore';
import { invalidateTables } from '../rpc/liveUpdates';
import { useShell } from '../shell/shellStore';
import type { IntakeValues } from './formValues';
import { IntakeForm } from './IntakeForm';

/**
 * The first field takes the keyboard as soon as the dialog shows (tried again when its animation
 * ends), never from a field the handler is already typing in: a late focus would send the rest of
 * their typing to the wrong field.
 */
function focusFirstField(form: FormInstance<IntakeValues>, body: HTMLElement | null): void {
  if (!body?.contains(document.activeElement)) form.focusField('channel');
}

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
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const frame = requestAnimationFrame(() => focusFirstField(form, body.current));
    return () => cancelAnimationFrame(frame);
  }, [open, form]);

  const registered = ({ case: created, warnings }: RegisterResult, unlinked: number) => {
    setOpen(false);
    select(created.id);
    // Show the new case now rather than when main's "changed" event arrives.
    void invalidateTables(queryClient, new Set(['cases']));
    const title = t('intake.done', { caseNo: created.caseNo });
    const notes = warnings.map((w) => t(`warnings.${w}`));
    if (unlinked > 0) notes.push(t('intake.linkFailed', { count: unlinked }));
    if (notes.length === 0) {
      notification.success({ title, placement: 'topRight' });
    } else {
      notification.warning({
        title,
        duration: 0,
        description: (
          <>
            {t('intake.warnings')}
            <ul className="notice-list">
              {notes.map((note) => (
                <li key={note}>{note}</li>
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
      afterOpenChange={(visible) => visible && focusFirstField(form, body.current)}
    >
      <div ref={body}>
        <IntakeForm form={form} onRegistered={registered} onCancel={() => setOpen(false)} />
      </div>
    </Modal>
  );
}

import type { NotificationInstance } from 'antd/es/notification/interface';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../shared/notify/dto';
import { useConnection } from '../rpc/connection';
import { useRpc } from '../rpc/RpcProvider';
import { useNotices } from './noticeStore';
import { openCase } from './openCase';
import { playAlertTone } from './tone';

/**
 * Shows the notices main pushes (main already left out what quiet mode silences). In Electron main
 * has shown a native notification; in a browser the page shows a system notification when it may,
 * else an in-app one. Every notice also goes to the bell's list, and an L3 plays a tone.
 */
export function useNoticeFeed(api: NotificationInstance): void {
  const rpc = useRpc();
  const { t } = useTranslation();
  const add = useNotices((s) => s.add);

  useEffect(() => {
    const show = (notice: Notice) => {
      add(notice);
      if (notice.level >= 3) playAlertTone();
      if (useConnection.getState().host === 'electron') return;
      const title = t(notice.titleKey, notice.params);
      const body = t(notice.bodyKey, notice.params);
      if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        const system = new Notification(title, { body, tag: notice.id });
        system.onclick = () => {
          window.focus();
          openCase(notice.caseId);
          system.close();
        };
      } else {
        api.open({
          key: notice.id,
          message: title,
          description: body,
          onClick: () => openCase(notice.caseId),
        });
      }
    };
    const offNotify = rpc.on('notify', show);
    const offOpen = rpc.on('notify.open', ({ caseId }) => openCase(caseId));
    return () => {
      offNotify();
      offOpen();
    };
  }, [rpc, t, add, api]);
}

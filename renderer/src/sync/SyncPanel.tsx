import { Alert, Badge, Button, Descriptions, Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncStatusView } from '../../../shared/sync/view';
import { formatShanghaiDateTime } from '../format/time';
import { useShell } from '../shell/shellStore';
import { ConflictInbox } from './ConflictInbox';
import { MODE_BADGE } from './SyncIndicator';
import { useSyncPanel } from './syncPanelStore';
import { ageParts, useNow } from './useSyncStatus';

/** The sync details behind the status bar item: where, who, what is waiting, and the conflict inbox. */
export function SyncPanel({ status }: { status: SyncStatusView }) {
  const { t } = useTranslation();
  const { open, setOpen } = useSyncPanel();
  const go = useShell((s) => s.go);
  const now = useNow(open && status.oldestPendingAt !== null, 1000);
  const age = status.oldestPendingAt === null ? null : ageParts(now - status.oldestPendingAt);
  return (
    <Drawer
      open={open}
      onClose={() => setOpen(false)}
      title={t('sync.details')}
      size="large"
      destroyOnHidden
      data-testid="sync-panel"
    >
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('sync.label')}>
          <Badge status={MODE_BADGE[status.mode]} text={t(`sync.mode.${status.mode}`)} />
        </Descriptions.Item>
        {status.serverUrl && (
          <Descriptions.Item label={t('sync.server')}>{status.serverUrl}</Descriptions.Item>
        )}
        {status.user && (
          <Descriptions.Item label={t('sync.user')}>
            {status.user.name}（{status.user.username}）
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('sync.pendingCount')}>
          {status.pendingCount}
          {age && ` · ${t('sync.oldestPending')} ${t(age.key, { n: age.n })}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.lastSync')}>
          {status.lastSyncAt === null ? t('sync.never') : formatShanghaiDateTime(status.lastSyncAt)}
        </Descriptions.Item>
        {status.lastError && status.mode === 'offline' && (
          <Descriptions.Item label={t('sync.lastError')}>{status.lastError}</Descriptions.Item>
        )}
      </Descriptions>
      {status.blockedOnUser && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={t('sync.blockedOnUser', { user: status.blockedOnUser })}
        />
      )}
      <Button
        style={{ marginTop: 12 }}
        onClick={() => {
          setOpen(false);
          go('settings');
        }}
      >
        {t('sync.openSettings')}
      </Button>
      <ConflictInbox />
    </Drawer>
  );
}

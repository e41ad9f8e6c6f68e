import { CloudSyncOutlined } from '@ant-design/icons';
import { Badge, Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncMode } from '../../../shared/sync/view';
import { SyncPanel } from './SyncPanel';
import { useSyncPanel } from './syncPanelStore';
import { ageParts, useNow, useSyncStatus } from './useSyncStatus';

export const MODE_BADGE: Record<SyncMode, 'default' | 'success' | 'processing' | 'warning' | 'error'> = {
  standalone: 'default',
  signedOut: 'warning',
  offline: 'error',
  syncing: 'processing',
  online: 'success',
};

/**
 * The status bar's sync item: mode, unsent changes and how long the oldest has waited, open
 * conflicts. A button, so Tab reaches it and Enter opens the details and the conflict inbox.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const setOpen = useSyncPanel((s) => s.setOpen);
  const now = useNow(status?.oldestPendingAt != null);
  if (!status) return null;
  const age = status.oldestPendingAt === null ? null : ageParts(now - status.oldestPendingAt);
  const summary = [
    t(`sync.mode.${status.mode}`),
    status.pendingCount > 0 ? t('sync.pending', { count: status.pendingCount }) : null,
    status.openConflicts > 0 ? t('sync.conflicts', { count: status.openConflicts }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <Button
        type="text"
        size="small"
        className="header-item"
        data-testid="sync-indicator"
        data-mode={status.mode}
        aria-label={`${t('sync.label')}: ${summary}`}
        title={t('sync.details')}
        onClick={() => setOpen(true)}
      >
        <CloudSyncOutlined />
        <Badge status={MODE_BADGE[status.mode]} text={t(`sync.mode.${status.mode}`)} />
        {status.pendingCount > 0 && (
          <span data-testid="sync-pending">
            {t('sync.pending', { count: status.pendingCount })}
            {age && ` · ${t(age.key, { n: age.n })}`}
          </span>
        )}
        {status.openConflicts > 0 && (
          <Tag color="red" data-testid="sync-conflicts">
            {t('sync.conflicts', { count: status.openConflicts })}
          </Tag>
        )}
      </Button>
      <SyncPanel status={status} />
    </>
  );
}

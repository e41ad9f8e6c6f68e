import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConnection, type ConnectionStatus } from '../rpc/connection';

const BADGE: Record<ConnectionStatus, 'success' | 'processing' | 'warning' | 'error'> = {
  online: 'success',
  connecting: 'processing',
  reconnecting: 'warning',
  unauthorized: 'error',
};

/** The push channel's state: while it is down, the queue may be behind other workstations. */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const status = useConnection((s) => s.status);
  return (
    <Tooltip title={t('connection.label')}>
      <span className="header-item" role="status" aria-label={t('connection.label')} data-testid="connection">
        <Badge status={BADGE[status]} text={t(`connection.${status}`)} />
      </span>
    </Tooltip>
  );
}

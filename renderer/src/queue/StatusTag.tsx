import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../shared/domain/status';

/** One colour per stage, so a column of statuses reads at a glance; finished cases are muted. */
const STATUS_COLORS: Record<CaseStatus, string> = {
  registered: 'blue',
  accepted: 'cyan',
  transferred: 'geekblue',
  carrier_replied: 'purple',
  verifying: 'gold',
  mediating: 'magenta',
  callback: 'orange',
  closed: 'green',
  not_accepted: 'red',
  withdrawn: 'default',
};

export function StatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} variant="filled" className="status-tag">
      {t(`lifecycle.status.${status}`)}
    </Tag>
  );
}

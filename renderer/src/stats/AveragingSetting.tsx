import { Card, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AVERAGING_METHODS } from '../../../shared/stats/rates';
import { useRpcMutation, useRpcQuery } from '../rpc/queries';

/**
 * How the main carriers' average rate (主要快递企业平均申诉率) is computed. DOMAIN §3.4: the published
 * notices are evidently not volume-weighted, so the arithmetic mean is the default.
 */
export function AveragingSetting({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const current = useRpcQuery('stats.averaging', {});
  const set = useRpcMutation('stats.setAveraging');
  return (
    <Card size="small" title={t('statsAveraging.label')} data-testid="stats-averaging">
      <Space orientation="vertical">
        <Radio.Group
          value={current.data?.averaging}
          disabled={!canEdit || set.isPending}
          onChange={(e) => set.mutate({ averaging: e.target.value as (typeof AVERAGING_METHODS)[number] })}
        >
          <Space orientation="vertical">
            {AVERAGING_METHODS.map((m) => (
              <Radio key={m} value={m}>
                {t(`statsAveraging.${m}`)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        <Typography.Text type="secondary">{t('statsAveraging.note')}</Typography.Text>
      </Space>
    </Card>
  );
}

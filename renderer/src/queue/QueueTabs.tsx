import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { QUEUE_VIEWS, type QueueView } from '../../../shared/domain/views';
import { formatCount } from '../format/numbers';
import { useLocale } from '../i18n/hooks';
import { useRpcQuery } from '../rpc/queries';

function ViewLabel({ view }: { view: QueueView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const count = useRpcQuery('cases.count', { view }).data?.count;
  return (
    <span className="view-tab">
      {t(`queue.view.${view}`)}
      <span className="view-count" data-testid={`view-count-${view}`}>
        {count === undefined ? '…' : formatCount(count, locale)}
      </span>
    </span>
  );
}

/** The saved views, each with its live count (counts come from the store's indexes). */
export function QueueTabs({ view, onChange }: { view: QueueView; onChange(view: QueueView): void }) {
  const { t } = useTranslation();
  return (
    <Tabs
      className="queue-tabs"
      aria-label={t('queue.views')}
      activeKey={view}
      onChange={(key) => onChange(key as QueueView)}
      items={QUEUE_VIEWS.map((v) => ({ key: v, label: <ViewLabel view={v} /> }))}
    />
  );
}

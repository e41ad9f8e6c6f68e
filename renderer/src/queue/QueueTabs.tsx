import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUEUE_VIEWS, type QueueView, type UserView } from '../../../shared/domain/views';
import { formatCount } from '../format/numbers';
import { useLocale } from '../i18n/hooks';
import { useRpcMutation, useRpcQuery } from '../rpc/queries';
import { useQueue } from './queueStore';
import { UserViewEditor } from './UserViewEditor';

const USER = 'user:';

function Count({ n, capped = false, testId }: { n: number | undefined; capped?: boolean; testId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = n === undefined ? '…' : formatCount(capped ? n - 1 : n, locale);
  return (
    <span className="view-count" data-testid={testId}>
      {capped ? t('queue.userViews.countCapped', { n: text }) : text}
    </span>
  );
}

function UserViewLabel({ view }: { view: UserView }) {
  const count = useRpcQuery('queue.views.count', { id: view.id }).data;
  return (
    <span className="view-tab">
      {view.name}
      <Count n={count?.count} capped={count?.capped} testId={`user-view-count-${view.id}`} />
    </span>
  );
}

/** The saved views with their live counts (one request for all), then the user's own views. */
export function QueueTabs() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { view, userViewId, setView, setUserView } = useQueue();
  const counts = useRpcQuery('queue.counts', {}).data;
  const userViews = useRpcQuery('queue.views.list', {}).data ?? [];
  const remove = useRpcMutation('queue.views.delete');
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const active = userViews.find((v) => v.id === userViewId);

  const items = [
    ...QUEUE_VIEWS.map((v: QueueView) => ({
      key: v,
      label: (
        <span className="view-tab">
          {t(`queue.view.${v}`)}
          <Count n={counts?.[v]} testId={`view-count-${v}`} />
        </span>
      ),
    })),
    ...userViews.map((v) => ({ key: `${USER}${v.id}`, label: <UserViewLabel view={v} /> })),
  ];

  const extra = (
    <Space size={4}>
      {active && (
        <>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(active)}>
            {t('queue.userViews.edit')}
          </Button>
          <Button
            size="small"
            icon={<DeleteOutlined />}
            onClick={() =>
              void modal.confirm({
                title: t('queue.userViews.deleteConfirm', { name: active.name }),
                onOk: async () => {
                  await remove.mutateAsync({ id: active.id });
                  setView(view);
                },
              })
            }
          >
            {t('queue.userViews.delete')}
          </Button>
        </>
      )}
      <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-view">
        {t('queue.userViews.new')}
      </Button>
    </Space>
  );

  return (
    <>
      <Tabs
        className="queue-tabs"
        aria-label={t('queue.views')}
        activeKey={userViewId ? `${USER}${userViewId}` : view}
        onChange={(key) =>
          key.startsWith(USER) ? setUserView(key.slice(USER.length)) : setView(key as QueueView)
        }
        items={items}
        tabBarExtraContent={extra}
      />
      {editing && (
        <UserViewEditor
          view={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setUserView(saved.id);
          }}
        />
      )}
    </>
  );
}

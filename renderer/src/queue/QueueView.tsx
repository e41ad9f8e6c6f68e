import { Alert, Button, Empty, Spin } from 'antd';
import type { InputRef } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { QUEUE_VIEWS } from '../../../shared/domain/views';
import { errorText } from '../forms/errorText';
import { useTranslator } from '../i18n/hooks';
import { useRpcQuery } from '../rpc/queries';
import { hasCommandModifier, isTypingTarget, useKeydown, useOverlayOpen } from '../shell/keyboard';
import { useShell } from '../shell/shellStore';
import { CaseDrawer } from '../case/CaseDrawer';
import { EmptyStore } from './EmptyStore';
import { QueueGrid } from './QueueGrid';
import { QueueTabs } from './QueueTabs';
import { QueueToolbar } from './QueueToolbar';
import { useQueue } from './queueStore';
import { useQueuePages } from './useQueuePages';

/** 案件队列: saved views over the whole store, with the first-start demo offer when it is empty. */
export function QueueView() {
  const openIntake = useShell((s) => s.setIntakeOpen);
  const demo = useRpcQuery('demo.status', {});
  const searchRef = useRef<InputRef>(null);
  const overlayOpen = useOverlayOpen();
  const setView = useQueue((s) => s.setView);

  useKeydown((e) => {
    if (hasCommandModifier(e) || isTypingTarget(e.target)) return;
    if (e.key === '/') {
      e.preventDefault();
      searchRef.current?.focus();
    } else if (/^[1-5]$/.test(e.key)) {
      setView(QUEUE_VIEWS[Number(e.key) - 1]!);
    }
  }, !overlayOpen);

  return (
    <div className="queue-view">
      <QueueToolbar searchRef={searchRef} onRegister={() => openIntake(true)} />
      {demo.data?.offerDemo ? (
        <EmptyStore onRegister={() => openIntake(true)} />
      ) : (
        <QueueViews keyboard={!overlayOpen} />
      )}
      <CaseDrawer />
    </div>
  );
}

function QueueViews({ keyboard }: { keyboard: boolean }) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const { view, selectedId, setView, select, open } = useQueue();
  const pages = useQueuePages(view);
  const total = useRpcQuery('cases.count', { view }).data?.count;

  let body;
  if (pages.isPending) {
    body = <Spin className="queue-status" size="large" />;
  } else if (pages.error && pages.rows.length === 0) {
    body = (
      <Alert
        type="error"
        showIcon
        className="queue-status"
        title={t('queue.loadFailed')}
        description={errorText(pages.error, translator)}
        action={<Button onClick={() => void pages.refetch()}>{t('queue.retry')}</Button>}
      />
    );
  } else if (pages.rows.length === 0) {
    body = <Empty className="queue-status" description={t('queue.empty')} />;
  } else {
    body = (
      <QueueGrid
        rows={pages.rows}
        total={total}
        hasMore={pages.hasNextPage}
        fetching={pages.isFetching}
        loadMore={() => void pages.fetchNextPage()}
        selectedId={selectedId}
        onSelect={select}
        onOpen={open}
        keyboard={keyboard}
      />
    );
  }

  return (
    <>
      <QueueTabs view={view} onChange={setView} />
      {body}
    </>
  );
}

import './queue.css';
import { Alert, Button, Empty, Spin } from 'antd';
import type { InputRef } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { QUEUE_VIEWS, SHORT_SEARCH_WINDOW } from '../../../shared/domain/views';
import { errorText } from '../forms/errorText';
import { formatCount } from '../format/numbers';
import { useLocale, useTranslator } from '../i18n/hooks';
import { useRpcMutation, useRpcQuery } from '../rpc/queries';
import { hasCommandModifier, isTypingTarget, useKeydown, useOverlayOpen } from '../shell/keyboard';
import { useShell } from '../shell/shellStore';
import { BulkActionBar } from '../case/BulkActionBar';
import { CaseDrawer } from '../case/CaseDrawer';
import { CaseShortcuts } from '../case/caseCommands';
import { EmptyStore } from './EmptyStore';
import { QueueGrid } from './QueueGrid';
import { QueueTabs } from './QueueTabs';
import { QueueToolbar } from './QueueToolbar';
import { sourceOf, useQueue } from './queueStore';
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
    } else if (/^[1-9]$/.test(e.key)) {
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
  const locale = useLocale();
  const { view, userViewId, search, selectedId, select, open, setSearch, checked, toggleChecked } =
    useQueue();
  const checkedIds = useMemo(() => new Set(checked), [checked]);
  const source = sourceOf({ view, userViewId, search });
  const pages = useQueuePages(source);
  const counts = useRpcQuery('queue.counts', {}).data;
  const userViews = useRpcQuery('queue.views.list', {}).data;
  const userView = userViews?.find((v) => v.id === userViewId);
  const updateView = useRpcMutation('queue.views.update');
  const total = source.kind === 'view' ? counts?.[source.view] : undefined;

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
        checked={checkedIds}
        onToggleChecked={toggleChecked}
        keyboard={keyboard}
        autoFocus={source.kind === 'search'}
        sort={userView?.sort}
        onSort={
          userView
            ? (sort) =>
                updateView.mutate({
                  id: userView.id,
                  definition: { name: userView.name, filters: userView.filters, sort },
                })
            : undefined
        }
      />
    );
  }

  return (
    <>
      <QueueTabs />
      <CaseShortcuts caseId={selectedId} enabled={keyboard} />
      <BulkActionBar rows={pages.rows.filter((r) => checkedIds.has(r.id))} />
      {search !== null && (
        <Alert
          className="queue-search-banner"
          type="info"
          data-testid="search-banner"
          title={t('queue.search.title', { text: search })}
          description={
            pages.searchKind &&
            t(`queue.search.kind.${pages.searchKind}`, { n: formatCount(SHORT_SEARCH_WINDOW, locale) })
          }
          action={<Button onClick={() => setSearch(null)}>{t('queue.search.clear')}</Button>}
        />
      )}
      {body}
    </>
  );
}

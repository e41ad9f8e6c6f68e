import { useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Checkbox, Spin } from 'antd';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListItem } from '../../../shared/rpc/dto';
import { hasCommandModifier, isActivatableTarget, isTypingTarget, useKeydown } from '../shell/keyboard';
import type { SortColumn, ViewSort } from '../../../shared/domain/views';
import { useColumnPrefs } from './columnPrefs';
import { columnKey, queueFeatures, useQueueColumns } from './columns';

/** Fixed geometry: the virtualizer never measures, so a million-row view scrolls like a short one. */
export const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 40;
/** Start fetching the next page this many rows (1.5 pages) before the end: a fast flick never reaches it. */
const PREFETCH_ROWS = 150;

export interface QueueGridProps {
  rows: CaseListItem[];
  /** All rows in the view (from `cases.count`), for assistive technology. */
  total: number | undefined;
  hasMore: boolean;
  /** A page request is in flight: wait before asking for the next one. */
  fetching: boolean;
  loadMore(): void;
  selectedId: string | null;
  onSelect(id: string): void;
  onOpen(id: string): void;
  /** Rows ticked for a bulk action. */
  checked: ReadonlySet<string>;
  onToggleChecked(id: string): void;
  /** Off while a dialog or drawer owns the keyboard. */
  keyboard: boolean;
  /** Take the keyboard focus when shown (search results, after Enter in the search box). */
  autoFocus?: boolean;
  /** A user view's sort: its headers sort in the store. Saved views keep their indexed order. */
  sort?: ViewSort | undefined;
  onSort?: ((sort: ViewSort) => void) | undefined;
}

/** Queue columns the store can sort a user view by (personal data columns are not sortable). */
const SORTABLE: Record<string, SortColumn> = {
  caseNo: 'caseNo',
  receivedAt: 'receivedAt',
  status: 'status',
  channel: 'channel',
  carrierId: 'carrierId',
  waybillNo: 'waybillNo',
  category: 'category',
  assigneeId: 'assigneeId',
};

/** The queue's rows: a virtualised ARIA grid over keyset pages, driven by j/k/arrows and Enter. */
export function QueueGrid(props: QueueGridProps) {
  const { rows, total, hasMore, fetching, loadMore, selectedId, onSelect, onOpen } = props;
  const { t } = useTranslation();
  const allColumns = useQueueColumns();
  const { prefs, set: savePrefs } = useColumnPrefs();
  // Widths being dragged, before they are saved.
  const [dragWidths, setDragWidths] = useState<Record<string, number>>({});
  const columns = useMemo(() => {
    const hidden = new Set(prefs.hidden);
    return allColumns
      .filter((c) => !hidden.has(columnKey(c)))
      .map((c) => {
        const width = dragWidths[columnKey(c)] ?? prefs.widths[columnKey(c)];
        return width === undefined ? c : { ...c, size: width };
      });
  }, [allColumns, prefs, dragWidths]);
  const table = useTable({ features: queueFeatures, columns, data: rows, getRowId: (row) => row.id });
  const startResize = (id: string, startWidth: number, startX: number) => {
    let width = startWidth;
    const move = (e: PointerEvent) => {
      width = Math.max(48, Math.min(1200, Math.round(startWidth + e.clientX - startX)));
      setDragWidths((w) => ({ ...w, [id]: width }));
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      savePrefs({ ...prefs, widths: { ...prefs.widths, [id]: width } });
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  const tableRows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: tableRows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The sticky header sits above the rows inside the same scroller.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (index) => tableRows[index]?.id ?? 'loader',
  });
  const items = virtualizer.getVirtualItems();

  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !fetching && lastIndex >= tableRows.length - PREFETCH_ROWS) loadMore();
  }, [hasMore, fetching, lastIndex, tableRows.length, loadMore]);

  const indexById = useMemo(() => new Map(rows.map((row, i) => [row.id, i])), [rows]);
  const selectedIndex = selectedId === null ? -1 : (indexById.get(selectedId) ?? -1);

  useScrollAnchor(scrollRef, rows, indexById);

  const autoFocus = props.autoFocus ?? false;
  useEffect(() => {
    if (autoFocus) scrollRef.current?.focus({ preventScroll: true });
  }, [autoFocus]);

  const move = (delta: number) => {
    if (rows.length === 0) return;
    const from = selectedIndex >= 0 ? selectedIndex : delta > 0 ? -1 : rows.length;
    const to = Math.min(rows.length - 1, Math.max(0, from + delta));
    onSelect(rows[to]!.id);
    virtualizer.scrollToIndex(to, { align: 'auto' });
  };

  useKeydown((e) => {
    if (hasCommandModifier(e) || isTypingTarget(e.target)) return;
    // Arrows on a radio group (the language switch) belong to it.
    if (e.key.startsWith('Arrow') && e.target instanceof HTMLInputElement) return;
    const screen = Math.max(
      1,
      Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT) - 1,
    );
    const steps: Record<string, number> = {
      j: 1,
      ArrowDown: 1,
      k: -1,
      ArrowUp: -1,
      PageDown: screen,
      PageUp: -screen,
      Home: -rows.length,
      End: rows.length,
    };
    const step = steps[e.key];
    if (step !== undefined) {
      e.preventDefault();
      move(step);
    } else if (e.key === ' ' && selectedId && !isActivatableTarget(e.target)) {
      e.preventDefault();
      props.onToggleChecked(selectedId);
    } else if (
      e.key === 'Enter' &&
      selectedId &&
      (e.target === scrollRef.current || !isActivatableTarget(e.target))
    ) {
      e.preventDefault();
      onOpen(selectedId);
    }
  }, props.keyboard);

  const width = table.getTotalSize();
  return (
    <div
      ref={scrollRef}
      className="queue-scroll"
      role="grid"
      aria-label={t('queue.grid')}
      aria-rowcount={total === undefined ? -1 : total + 1}
      aria-colcount={columns.length}
      aria-activedescendant={selectedId !== null && selectedIndex >= 0 ? rowDomId(selectedId) : undefined}
      tabIndex={0}
    >
      <div role="rowgroup" className="queue-head" style={{ minWidth: width, height: HEADER_HEIGHT }}>
        {table.getHeaderGroups().map((group) => (
          <div role="row" aria-rowindex={1} key={group.id} className="queue-row">
            <div
              role="columnheader"
              className="queue-cell queue-check"
              aria-label={t('queue.check.header')}
            />
            {group.headers.map((header) => {
              const sortColumn = props.onSort ? SORTABLE[header.column.id] : undefined;
              const sorted = sortColumn !== undefined && props.sort?.column === sortColumn;
              const direction = sorted ? props.sort!.direction : undefined;
              return (
                <div
                  role="columnheader"
                  key={header.id}
                  className={sortColumn ? 'queue-cell queue-head-sortable' : 'queue-cell'}
                  style={{ width: header.getSize(), position: 'relative' }}
                  aria-sort={
                    direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined
                  }
                  onClick={
                    sortColumn
                      ? () =>
                          props.onSort!({
                            column: sortColumn,
                            direction: direction === 'desc' ? 'asc' : 'desc',
                          })
                      : undefined
                  }
                >
                  <table.FlexRender header={header} />
                  {direction && <span aria-hidden>{direction === 'asc' ? ' ▲' : ' ▼'}</span>}
                  <span
                    className="queue-resize"
                    aria-hidden
                    onClick={(e) => e.stopPropagation()}
                    onPointerDown={(e) => {
                      e.preventDefault();
                      e.stopPropagation();
                      startResize(header.column.id, header.getSize(), e.clientX);
                    }}
                  />
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div
        role="rowgroup"
        className="queue-body"
        style={{ height: virtualizer.getTotalSize(), minWidth: width }}
      >
        {items.map((item) => {
          const row = tableRows[item.index];
          const style = { height: ROW_HEIGHT, transform: `translateY(${item.start - HEADER_HEIGHT}px)` };
          if (!row) {
            return (
              <div role="row" key={item.key} className="queue-row queue-loader" style={style}>
                <div role="gridcell" className="queue-cell">
                  <Spin size="small" /> {t('queue.loadingMore')}
                </div>
              </div>
            );
          }
          const selected = item.index === selectedIndex;
          const checked = props.checked.has(row.id);
          return (
            <div
              role="row"
              key={item.key}
              id={rowDomId(row.id)}
              aria-rowindex={item.index + 2}
              aria-selected={selected}
              data-testid="queue-row"
              data-case-no={row.original.caseNo}
              data-checked={checked}
              className={`queue-row${selected ? ' queue-row-selected' : ''}${checked ? ' queue-row-checked' : ''}`}
              style={{ ...style, minWidth: width }}
              onClick={(e) => {
                if (e.ctrlKey || e.metaKey) props.onToggleChecked(row.id);
                onSelect(row.id);
                scrollRef.current?.focus({ preventScroll: true });
              }}
              onDoubleClick={() => onOpen(row.id)}
            >
              <div role="gridcell" className="queue-cell queue-check" onClick={(e) => e.stopPropagation()}>
                <Checkbox
                  checked={checked}
                  tabIndex={-1}
                  aria-label={t('queue.check.row', { caseNo: row.original.caseNo })}
                  onChange={() => props.onToggleChecked(row.id)}
                />
              </div>
              {row.getAllCells().map((cell) => (
                <div
                  role="gridcell"
                  key={cell.id}
                  className="queue-cell"
                  style={{ width: cell.column.getSize() }}
                >
                  <table.FlexRender cell={cell} />
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function rowDomId(caseId: string): string {
  return `case-row-${caseId}`;
}

/**
 * When a refetch inserts rows above what the handler is reading (a new appeal arrives), shift the
 * scroll position by the same amount so the rows on screen stay put. At the very top nothing is
 * shifted: there the new case should appear.
 */
function useScrollAnchor(
  scrollRef: RefObject<HTMLDivElement | null>,
  rows: CaseListItem[],
  indexById: Map<string, number>,
): void {
  const anchor = useRef<{ id: string; index: number } | null>(null);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    const before = anchor.current;
    if (el && before && el.scrollTop > 0) {
      const now = indexById.get(before.id);
      if (now !== undefined && now !== before.index) el.scrollTop += (now - before.index) * ROW_HEIGHT;
    }
    const record = () => {
      if (!el) return;
      const index = Math.min(rows.length - 1, Math.floor(el.scrollTop / ROW_HEIGHT));
      const row = rows[index];
      anchor.current = row ? { id: row.id, index } : null;
    };
    record();
    el?.addEventListener('scroll', record, { passive: true });
    return () => el?.removeEventListener('scroll', record);
  }, [scrollRef, rows, indexById]);
}

import { columnSizingFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListItem } from '../../../shared/rpc/dto';
import { carrierName, categoryName, reasonName, staffName } from '../format/names';
import { formatShanghaiDateTime } from '../format/time';
import { useLocale } from '../i18n/hooks';
import { useRpcQuery } from '../rpc/queries';
import { StatusTag } from './StatusTag';

/**
 * Only column sizing is registered: sorting, filtering and paging are done by the store's
 * indexed queries, so the table never processes rows itself (manual mode by construction).
 */
export const queueFeatures = tableFeatures({ columnSizingFeature });
const col = createColumnHelper<typeof queueFeatures, CaseListItem>();

/** Ellipsis cells keep their full text in a tooltip. */
function Clipped({ text }: { text: string }) {
  return (
    <span className="queue-clip" title={text}>
      {text}
    </span>
  );
}

/** A column's id: the display columns name theirs, accessor columns are named by their field. */
export function columnKey(def: { id?: string | undefined }): string {
  return def.id ?? (def as { accessorKey?: string }).accessorKey ?? '';
}

export function useQueueColumns() {
  const { t } = useTranslation();
  const locale = useLocale();
  const reference = useRpcQuery('reference.get', {}).data;

  return useMemo(() => {
    const carriers = new Map(reference?.carriers.map((c) => [c.id, c]));
    const staff = reference?.staff ?? [];
    return col.columns([
      col.accessor('caseNo', {
        header: t('queue.col.caseNo'),
        size: 150,
        cell: (c) => <Clipped text={c.getValue()} />,
      }),
      col.accessor('receivedAt', {
        header: t('queue.col.receivedAt'),
        size: 132,
        cell: (c) => formatShanghaiDateTime(c.getValue()),
      }),
      col.accessor('status', {
        header: t('queue.col.status'),
        size: 96,
        cell: (c) => <StatusTag status={c.getValue()} />,
      }),
      col.accessor('channel', {
        header: t('queue.col.channel'),
        size: 100,
        cell: (c) => <Clipped text={t(`channel.${c.getValue()}`)} />,
      }),
      col.accessor('appellantName', {
        header: t('queue.col.appellant'),
        size: 76,
        cell: (c) => <Clipped text={c.getValue()} />,
      }),
      col.accessor('appellantPhone', { header: t('queue.col.phone'), size: 112 }),
      col.accessor('carrierId', {
        header: t('queue.col.carrier'),
        size: 96,
        cell: (c) => <Clipped text={carrierName(carriers.get(c.getValue()), locale) || c.getValue()} />,
      }),
      col.accessor('waybillNo', {
        header: t('queue.col.waybill'),
        size: 150,
        cell: (c) => <Clipped text={c.getValue()} />,
      }),
      col.display({
        id: 'category',
        header: t('queue.col.category'),
        size: 220,
        cell: ({ row }) => {
          const { category, reason } = row.original;
          return (
            <Clipped text={`${categoryName(category, locale)} / ${reasonName(category, reason, locale)}`} />
          );
        },
      }),
      col.accessor('assigneeId', {
        header: t('queue.col.assignee'),
        size: 88,
        cell: (c) => {
          const name = staffName(staff, c.getValue());
          return name ? (
            <Clipped text={name} />
          ) : (
            <Typography.Text type="secondary">{t('queue.unassigned')}</Typography.Text>
          );
        },
      }),
    ]);
  }, [t, locale, reference]);
}

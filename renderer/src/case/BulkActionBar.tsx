import { Alert, Button, Input, Popover, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkInput } from '../../../shared/casework/schemas';
import type { CaseListItem } from '../../../shared/rpc/dto';
import { errorText } from '../forms/errorText';
import { carrierName } from '../format/names';
import { formatShanghaiDateTime } from '../format/time';
import { useLocale, useTranslator } from '../i18n/hooks';
import { useRpcMutation, useRpcQuery } from '../rpc/queries';
import { AssignDialog } from './AssignDialog';
import { useCasework } from './caseworkStore';
import { selectionCsv } from './selectionCsv';

type WithoutIds<T> = T extends unknown ? Omit<T, 'caseIds'> : never;
type Outcomes = { caseId: string; applied: boolean; message?: string }[];

/**
 * Actions on a queue selection: assign, transfer, add a tag, export. The queue owns the selection
 * and mounts this with the selected rows; each case is applied or refused on its own, with the reason.
 */
export function BulkActionBar({ rows }: { rows: readonly CaseListItem[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const translator = useTranslator();
  const carriers = useRpcQuery('reference.get', {}).data?.carriers ?? [];
  const bulk = useRpcMutation('casework.bulk');
  const openAssign = useCasework((s) => s.openAssign);
  const [tag, setTag] = useState('');
  const [outcomes, setOutcomes] = useState<Outcomes | null>(null);
  const caseIds = rows.map((r) => r.id);
  if (rows.length === 0) return null;

  const run = (input: WithoutIds<BulkInput>) =>
    bulk.mutate({ ...input, caseIds } as BulkInput, { onSuccess: (result) => setOutcomes(result) });

  const exportCsv = () => {
    const csv = selectionCsv(
      rows,
      (c) => (translator.exists(`field.${c}`) ? t(`field.${c}`) : c),
      (c, row) => (c === 'receivedAt' ? formatShanghaiDateTime(row.receivedAt) : row[c]),
    );
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `cases-${Date.now()}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const refused = outcomes?.filter((o) => !o.applied) ?? [];
  const caseNo = (id: string) => rows.find((r) => r.id === id)?.caseNo ?? id;

  return (
    <div
      className="case-bulk-bar"
      role="toolbar"
      aria-label={t('casework.bulk.selected', { count: rows.length })}
    >
      <Space wrap>
        <Typography.Text strong>{t('casework.bulk.selected', { count: rows.length })}</Typography.Text>
        <Button size="small" onClick={() => openAssign(caseIds, 'bulk')}>
          {t('casework.bulk.assign')}
        </Button>
        <Popover
          trigger="click"
          content={
            <Select
              style={{ width: 200 }}
              aria-label={t('casework.field.carrierId')}
              showSearch={{ optionFilterProp: 'label' }}
              options={carriers.map((c) => ({ value: c.id, label: carrierName(c, locale) }))}
              onChange={(carrierId: string) => run({ action: 'transfer', carrierId })}
            />
          }
        >
          <Button size="small">{t('casework.bulk.transfer')}</Button>
        </Popover>
        <Space.Compact size="small">
          <Input
            size="small"
            value={tag}
            maxLength={40}
            aria-label={t('casework.bulk.tag')}
            placeholder={t('casework.bulk.tag')}
            onChange={(e) => setTag(e.target.value)}
            style={{ width: 140 }}
          />
          <Button
            size="small"
            disabled={tag.trim() === ''}
            onClick={() => run({ action: 'tag', tag: tag.trim() })}
          >
            {t('casework.bulk.tag')}
          </Button>
        </Space.Compact>
        <Button size="small" onClick={exportCsv}>
          {t('casework.bulk.export')}
        </Button>
      </Space>
      {bulk.error && <Alert type="error" showIcon title={errorText(bulk.error, translator)} />}
      {outcomes && (
        <Alert
          type={refused.length > 0 ? 'warning' : 'success'}
          closable={{ onClose: () => setOutcomes(null) }}
          title={t('casework.bulk.result', {
            applied: outcomes.length - refused.length,
            refused: refused.length,
          })}
          description={
            refused.length > 0 && (
              <Table
                size="small"
                rowKey="caseId"
                pagination={false}
                dataSource={refused}
                columns={[
                  { dataIndex: 'caseId', title: t('field.caseNo'), render: (id: string) => caseNo(id) },
                  { dataIndex: 'message', title: t('casework.field.reason') },
                ]}
              />
            )
          }
        />
      )}
      <AssignDialog source="bulk" />
    </div>
  );
}

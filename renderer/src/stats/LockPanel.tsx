import { Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONTRIBUTION_FIELDS, type PostLockDifference } from '../../../shared/stats/dto';
import { useRpcMutation, useRpcQuery } from '../rpc/queries';

/** The fields whose value differs between the snapshot and now. */
function changedFields(d: PostLockDifference): string[] {
  if (!d.before || !d.after) return [];
  return CONTRIBUTION_FIELDS.filter((_, i) => JSON.stringify(d.before![i]) !== JSON.stringify(d.after![i]));
}

/**
 * A period's lock: lock it (editors), or, once locked, who locked it and when, and every case whose
 * contribution changed since (the notice above then shows the frozen snapshot).
 */
export function LockPanel({ period, canEdit }: { period: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const locks = useRpcQuery('stats.locks', {});
  const reference = useRpcQuery('reference.get', {});
  const lock = locks.data?.find((l) => l.period === period);
  const differences = useRpcQuery('stats.differences', { period }, { enabled: lock !== undefined });
  const doLock = useRpcMutation('stats.lock');

  if (!lock) {
    if (!canEdit || locks.isLoading) return null;
    return (
      <Popconfirm
        title={t('statsLock.confirm', { period })}
        onConfirm={() => doLock.mutateAsync({ period })}
        okText={t('statsLock.lock')}
      >
        <Button loading={doLock.isPending}>{t('statsLock.lock')}</Button>
      </Popconfirm>
    );
  }
  const by = reference.data?.staff.find((s) => s.id === lock.lockedBy)?.name ?? lock.lockedBy;
  const at = new Date(lock.lockedAt).toLocaleString(i18n.language);
  const rows = differences.data ?? [];
  return (
    <Card
      size="small"
      data-testid="stats-lock"
      title={t('statsLock.differences', { count: rows.length })}
      style={{ flex: '2 1 480px' }}
    >
      <Typography.Paragraph type="secondary">
        {t('statsLock.lockedBy', { period, at, by })}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="caseId"
        loading={differences.isFetching}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('statsLock.noDifferences') }}
        columns={[
          { title: t('statsLock.col.caseNo'), dataIndex: 'caseNo' },
          {
            title: t('statsLock.col.change'),
            dataIndex: 'change',
            render: (c: PostLockDifference['change']) => (
              <Tag color={c === 'changed' ? 'orange' : c === 'added' ? 'green' : 'red'}>
                {t(`statsLock.change.${c}`)}
              </Tag>
            ),
          },
          {
            title: t('statsLock.col.fields'),
            render: (_: unknown, d: PostLockDifference) =>
              changedFields(d)
                .map((f) => t(`statsLock.field.${f}`))
                .join('、'),
          },
        ]}
      />
    </Card>
  );
}

import { Button, Card, Checkbox, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardClock, Urgency } from '../../../shared/escalation/dto';
import { AssignDialog } from '../case/AssignDialog';
import { CaseDrawer } from '../case/CaseDrawer';
import { useCasework } from '../case/caseworkStore';
import { useQueue } from '../queue/queueStore';
import { useRpcQuery } from '../rpc/queries';

const URGENCY_COLOR: Record<Urgency, string> = {
  overdue: 'red',
  today: 'volcano',
  tomorrow: 'orange',
  week: 'gold',
  later: 'default',
};
const DAY_COLOR = {
  workday: 'default',
  weekend: 'blue',
  holiday: 'green',
  makeup_workday: 'purple',
} as const;

const dueText = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** 时限看板: every open case's next clock by urgency and handler, with the calendar ahead. */
export function DeadlineBoard() {
  const { t } = useTranslation();
  const [carrierId, setCarrierId] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [limitName, setLimitName] = useState<string | null>(null);
  const [myTeam, setMyTeam] = useState(false);
  const [assigning, setAssigning] = useState<string | null>(null);
  const board = useRpcQuery('leads.board', { carrierId, category, limitName, myTeam, limit: 300 });
  const days = useRpcQuery('leads.calendar', { weeks: 4 }).data ?? [];
  const reference = useRpcQuery('reference.get', {}).data;
  const open = useQueue((s) => s.open);
  const openAssign = useCasework((s) => s.openAssign);
  const staffName = (id: string | null) =>
    id === null ? t('leads.board.unassigned') : (reference?.staff.find((s) => s.id === id)?.name ?? id);
  const data = board.data;
  const clocks = data?.clocks ?? [];
  const reassign = (c: BoardClock) => {
    setAssigning(c.assigneeId);
    openAssign([c.caseId], 'queue');
  };
  const total = data ? Object.values(data.counts).reduce((a, b) => a + b, 0) : 0;
  const distinct = (f: (c: BoardClock) => string) =>
    [...new Set(clocks.map(f))].map((v) => ({ value: v, label: v }));

  return (
    <div className="deadline-board" data-testid="deadline-board">
      <Card size="small" title={t('leads.board.calendar')}>
        <Space size={2} wrap>
          {days.map((d) => (
            <Tooltip key={d.date} title={`${t(`leads.day.${d.kind}`)}${d.holiday ? ` · ${d.holiday}` : ''}`}>
              <Tag color={DAY_COLOR[d.kind]} data-kind={d.kind}>
                {d.date.slice(5)}
                {d.provisional ? '*' : ''}
              </Tag>
            </Tooltip>
          ))}
        </Space>
      </Card>
      <Space wrap style={{ margin: '12px 0' }}>
        {data &&
          (Object.keys(data.counts) as Urgency[]).map((u) => (
            <Tag key={u} color={URGENCY_COLOR[u]} data-testid={`urgency-${u}`}>
              {t(`leads.urgency.${u}`)} {data.counts[u]}
            </Tag>
          ))}
        <Select
          allowClear
          placeholder={t('leads.board.carrier')}
          style={{ width: 140 }}
          value={carrierId}
          onChange={(v?: string) => setCarrierId(v ?? null)}
          options={(reference?.carriers ?? []).map((c) => ({ value: c.id, label: c.nameZh }))}
        />
        <Select
          allowClear
          placeholder={t('leads.board.category')}
          style={{ width: 140 }}
          value={category}
          onChange={(v?: string) => setCategory(v ?? null)}
          options={distinct((c) => c.category)}
        />
        <Select
          allowClear
          placeholder={t('leads.board.limitType')}
          style={{ width: 160 }}
          value={limitName}
          onChange={(v?: string) => setLimitName(v ?? null)}
          options={distinct((c) => c.limitName)}
        />
        <Checkbox checked={myTeam} onChange={(e) => setMyTeam(e.target.checked)}>
          {t('leads.board.myTeam')}
        </Checkbox>
      </Space>
      {data?.truncated && (
        <Typography.Paragraph type="secondary">
          {t('leads.board.truncated', { shown: clocks.length, total })}
        </Typography.Paragraph>
      )}
      <Table<BoardClock>
        size="small"
        rowKey={(c) => `${c.caseId}:${c.limitName}`}
        loading={board.isLoading}
        dataSource={clocks}
        pagination={{ pageSize: 50 }}
        onRow={(c) => ({
          tabIndex: 0,
          title: t('leads.board.rowHint'),
          onClick: () => open(c.caseId),
          onKeyDown: (e) => {
            if (e.key === 'Enter') open(c.caseId);
            if (e.key === 'a' && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              reassign(c);
            }
          },
        })}
        columns={[
          {
            key: 'urgency',
            title: '',
            render: (_, c) => <Tag color={URGENCY_COLOR[c.urgency]}>{t(`leads.urgency.${c.urgency}`)}</Tag>,
          },
          { key: 'caseNo', title: t('leads.board.caseNo'), dataIndex: 'caseNo' },
          {
            key: 'limit',
            title: t('leads.board.limit'),
            render: (_, c) => t(`clock.limit.${c.limitName}`, c.limitName),
          },
          {
            key: 'due',
            title: t('leads.board.due'),
            render: (_, c) => (
              <span>
                {dueText(c.dueAt)}{' '}
                {c.provisional && (
                  <Tooltip title={t('leads.board.provisionalHint')}>
                    <Tag color="warning" data-testid="provisional">
                      {t('leads.board.provisional')}
                    </Tag>
                  </Tooltip>
                )}
              </span>
            ),
          },
          { key: 'handler', title: t('leads.board.handler'), render: (_, c) => staffName(c.assigneeId) },
          {
            key: 'actions',
            title: '',
            render: (_, c) => (
              <Button
                size="small"
                onClick={(e) => {
                  e.stopPropagation();
                  reassign(c);
                }}
              >
                {t('leads.board.reassign')}
              </Button>
            ),
          },
        ]}
      />
      <Card size="small" title={t('leads.board.workload')}>
        <Table
          size="small"
          rowKey={(l) => l.staffId ?? '-'}
          pagination={false}
          dataSource={data?.workload ?? []}
          columns={[
            { key: 'name', title: t('leads.board.handler'), render: (_, l) => staffName(l.staffId) },
            { key: 'open', title: t('leads.board.open'), dataIndex: 'open' },
            { key: 'dueSoon', title: t('leads.board.dueSoon'), dataIndex: 'dueSoon' },
            { key: 'overdue', title: t('leads.board.overdue'), dataIndex: 'overdue' },
          ]}
        />
      </Card>
      <AssignDialog source="queue" expectedAssignee={assigning} />
      <CaseDrawer />
    </div>
  );
}

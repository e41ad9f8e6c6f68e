import { App as AntApp, Button, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationRow } from '../../../shared/escalation/dto';
import { CaseDrawer } from '../case/CaseDrawer';
import { errorText } from '../forms/errorText';
import { useTranslator } from '../i18n/hooks';
import { useQueue } from '../queue/queueStore';
import { useRpcMutation, useRpcQuery } from '../rpc/queries';

const LEVEL_COLOR = { 1: 'gold', 2: 'orange', 3: 'red' } as const;
type Dialog = { kind: 'resolve' | 'snooze'; row: EscalationRow } | null;

/** 升级督办: open escalations by level and age, the rule that fired and why; acknowledge, resolve, snooze. */
export function EscalationsView() {
  const { t } = useTranslation();
  const translator = useTranslator();
  const { message } = AntApp.useApp();
  const [ruleId, setRuleId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState('');
  const [hours, setHours] = useState(24);
  const list = useRpcQuery('leads.escalations', {
    ruleId,
    states: ['open', 'acknowledged', 'snoozed'],
    level: null,
    limit: 300,
  });
  const rules = useRpcQuery('leads.rules', {}).data ?? [];
  const acknowledge = useRpcMutation('leads.acknowledge');
  const resolve = useRpcMutation('leads.resolve');
  const snooze = useRpcMutation('leads.snooze');
  const open = useQueue((s) => s.open);
  const done = () => {
    setDialog(null);
    setText('');
    void list.refetch();
  };
  const fail = (error: unknown) => void message.error(errorText(error, translator));
  const age = (raisedAt: number) => {
    const h = Math.floor((Date.now() - raisedAt) / 3_600_000);
    return h < 48 ? t('leads.esc.hoursAge', { h }) : t('leads.esc.daysAge', { d: Math.floor(h / 24) });
  };
  const byLevel = list.data?.byLevel;

  return (
    <div className="escalations-view" data-testid="escalations-view">
      <Space wrap style={{ marginBottom: 12 }}>
        {byLevel &&
          ([3, 2, 1] as const).map((l) => (
            <Tag key={l} color={LEVEL_COLOR[l]} data-testid={`level-${l}`}>
              L{l} {byLevel[l]}
            </Tag>
          ))}
        <Select
          allowClear
          placeholder={t('leads.esc.allRules')}
          style={{ width: 200 }}
          value={ruleId}
          onChange={(v?: string) => setRuleId(v ?? null)}
          options={rules.map((r) => ({ value: r.id, label: r.id }))}
        />
      </Space>
      <Table<EscalationRow>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.rows ?? []}
        locale={{ emptyText: t('leads.esc.empty') }}
        pagination={{ pageSize: 50 }}
        columns={[
          {
            key: 'level',
            title: t('leads.esc.level'),
            render: (_, r) => <Tag color={LEVEL_COLOR[r.level]}>L{r.level}</Tag>,
          },
          {
            key: 'caseNo',
            title: t('leads.board.caseNo'),
            render: (_, r) => (
              <Button type="link" size="small" onClick={() => open(r.caseId)}>
                {r.caseNo}
              </Button>
            ),
          },
          { key: 'rule', title: t('leads.esc.rule'), dataIndex: 'ruleId' },
          { key: 'why', title: t('leads.esc.why'), render: (_, r) => t(r.evidence.key, r.evidence.params) },
          { key: 'age', title: t('leads.esc.age'), render: (_, r) => age(r.raisedAt) },
          { key: 'state', title: t('leads.esc.state'), render: (_, r) => t(`leads.esc.state.${r.state}`) },
          {
            key: 'actions',
            title: '',
            render: (_, r) => (
              <Space size={4}>
                <Button
                  size="small"
                  disabled={r.state !== 'open'}
                  onClick={() => acknowledge.mutateAsync({ id: r.id }).then(done, fail)}
                >
                  {t('leads.esc.acknowledge')}
                </Button>
                <Button size="small" onClick={() => setDialog({ kind: 'resolve', row: r })}>
                  {t('leads.esc.resolve')}
                </Button>
                <Button size="small" onClick={() => setDialog({ kind: 'snooze', row: r })}>
                  {t('leads.esc.snooze')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={dialog !== null}
        title={dialog ? `${t(`leads.esc.${dialog.kind}`)} · ${dialog.row.caseNo}` : ''}
        okButtonProps={{ disabled: text.trim() === '' }}
        onCancel={() => setDialog(null)}
        onOk={() => {
          if (!dialog) return;
          const id = dialog.row.id;
          const call =
            dialog.kind === 'resolve'
              ? resolve.mutateAsync({ id, note: text })
              : snooze.mutateAsync({ id, reason: text, until: Date.now() + hours * 3_600_000 });
          void call.then(done, fail);
        }}
      >
        {dialog?.kind === 'snooze' && (
          <Space style={{ marginBottom: 8 }}>
            {t('leads.esc.hours')}
            <InputNumber min={1} max={720} value={hours} onChange={(v) => setHours(v ?? 24)} />
          </Space>
        )}
        <Input.TextArea
          autoFocus
          rows={3}
          placeholder={t(dialog?.kind === 'snooze' ? 'leads.esc.reason' : 'leads.esc.note')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Modal>
      <CaseDrawer />
    </div>
  );
}

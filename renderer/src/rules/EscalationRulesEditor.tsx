import { App as AntApp, Button, InputNumber, Radio, Select, Space, Switch, Table } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fenToYuan, yuanToFen } from '../../../shared/domain/money';
import { ACTIONS, LEVELS, type EscalationRule, type RuleParams } from '../../../shared/escalation/rules';
import { errorText } from '../forms/errorText';
import { problemsFromRpcError, type FieldProblem } from '../forms/fieldErrors';
import { useTranslator } from '../i18n/hooks';
import { RpcCallError } from '../rpc/client';
import { useRpcMutation, useRpcQuery } from '../rpc/queries';
import { preBreachMode, problemsAt, problemsOutside, ruleDraft } from './drafts';
import { FieldProblems, OtherProblems } from './FieldProblems';

/** 升级规则: each rule's switch, level, actions and thresholds, saved one rule at a time. */
export function EscalationRulesEditor() {
  const { t } = useTranslation();
  const translator = useTranslator();
  const { message } = AntApp.useApp();
  const rules = useRpcQuery('leads.rules', {});
  const staff = useRpcQuery('reference.get', {}).data?.staff ?? [];
  const save = useRpcMutation('leads.saveRule');
  const [drafts, setDrafts] = useState<Record<string, EscalationRule>>({});
  const [problems, setProblems] = useState<Record<string, FieldProblem[]>>({});

  const rows = (rules.data ?? []).map((r) => drafts[r.id] ?? ruleDraft(r));
  const edit = (rule: EscalationRule, change: Partial<EscalationRule>) =>
    setDrafts((d) => ({ ...d, [rule.id]: { ...rule, ...change } }));
  const editParams = (rule: EscalationRule, params: RuleParams) => edit(rule, { params });
  const at = (rule: EscalationRule, path: string) => problemsAt(problems[rule.id] ?? [], path);

  const submit = (rule: EscalationRule) =>
    void save.mutateAsync(rule).then(
      () => {
        setDrafts(({ [rule.id]: _saved, ...rest }) => rest);
        setProblems(({ [rule.id]: _fixed, ...rest }) => rest);
        void message.success(t('rules.esc.saved', { id: rule.id }));
      },
      (error: unknown) => {
        if (error instanceof RpcCallError && error.error.details?.fields)
          setProblems((p) => ({ ...p, [rule.id]: problemsFromRpcError(error.error) }));
        void message.error(errorText(error, translator));
      },
    );

  const number = (
    rule: EscalationRule,
    path: string,
    value: number | undefined,
    onChange: (v: number) => void,
    suffix?: string,
  ): ReactNode => (
    <span className="threshold">
      <InputNumber
        aria-label={`${rule.id} ${path}`}
        data-testid={`${rule.id}-${path}`}
        value={value ?? null}
        suffix={suffix}
        onChange={(v) => v !== null && onChange(v)}
      />
      <FieldProblems problems={at(rule, path)} testId={`${rule.id}-${path}-problems`} />
    </span>
  );

  const thresholds = (rule: EscalationRule): ReactNode => {
    const p = rule.params;
    switch (p.kind) {
      case 'pre_breach': {
        const mode = p.periodPercent !== undefined ? 'share' : 'hours';
        return (
          <Space orientation="vertical" size={4}>
            <Radio.Group
              data-testid={`${rule.id}-mode`}
              value={mode}
              onChange={(e) => editParams(rule, preBreachMode(p, e.target.value as 'hours' | 'share'))}
              options={[
                { value: 'hours', label: t('rules.esc.preBreach.hours') },
                { value: 'share', label: t('rules.esc.preBreach.share') },
              ]}
            />
            {mode === 'hours'
              ? number(
                  rule,
                  'params.workingHoursBefore',
                  p.workingHoursBefore,
                  (v) => editParams(rule, { ...p, workingHoursBefore: v }),
                  t('rules.esc.hoursUnit'),
                )
              : number(
                  rule,
                  'params.periodPercent',
                  p.periodPercent,
                  (v) => editParams(rule, { ...p, periodPercent: v }),
                  t('rules.esc.percentUnit'),
                )}
            {mode === 'share' && <FieldProblems problems={at(rule, 'params.workingHoursBefore')} />}
          </Space>
        );
      }
      case 'repeat_appeals':
        return (
          <Space wrap>
            {t('rules.esc.days')}
            {number(rule, 'params.days', p.days, (v) => editParams(rule, { ...p, days: v }))}
            {t('rules.esc.count')}
            {number(rule, 'params.minCount', p.minCount, (v) => editParams(rule, { ...p, minCount: v }))}
          </Space>
        );
      case 'outlet_pileup':
        return (
          <Space wrap>
            {t('rules.esc.count')}
            {number(rule, 'params.minCount', p.minCount, (v) => editParams(rule, { ...p, minCount: v }))}
          </Space>
        );
      case 'sensitive_words':
        return (
          <>
            <Select
              mode="tags"
              aria-label={t('rules.esc.words')}
              data-testid={`${rule.id}-words`}
              placeholder={t('rules.esc.words')}
              style={{ minWidth: 320 }}
              value={p.words}
              onChange={(words: string[]) => editParams(rule, { ...p, words })}
              open={false}
            />
            <FieldProblems problems={at(rule, 'params.words')} testId={`${rule.id}-params.words-problems`} />
          </>
        );
      case 'claim_amount':
        return (
          <Space wrap>
            {t('rules.esc.claimYuan')}
            {number(rule, 'params.thresholdFen', fenToYuan(p.thresholdFen), (v) =>
              editParams(rule, { ...p, thresholdFen: yuanToFen(v) }),
            )}
          </Space>
        );
      default:
        return t('rules.esc.none');
    }
  };

  const shownPaths = (rule: EscalationRule) => (path: string) =>
    [
      'level',
      'actions',
      'reassignTo',
      'params.words',
      'params.days',
      'params.minCount',
      'params.thresholdFen',
    ].includes(path) ||
    (rule.params.kind === 'pre_breach' &&
      ['params.workingHoursBefore', 'params.periodPercent'].includes(path));

  return (
    <Table<EscalationRule>
      className="rules-editor"
      data-testid="rules-editor"
      size="small"
      rowKey="id"
      loading={rules.isLoading}
      dataSource={rows}
      pagination={false}
      expandable={{
        expandedRowKeys: rows.filter((r) => (problems[r.id] ?? []).length > 0).map((r) => r.id),
        showExpandColumn: false,
        expandedRowRender: (rule) => (
          <OtherProblems problems={problemsOutside(problems[rule.id] ?? [], shownPaths(rule))} />
        ),
      }}
      columns={[
        {
          key: 'rule',
          title: t('rules.esc.rule'),
          render: (_, rule) => (
            <div>
              <div>{t(`rules.esc.kind.${rule.params.kind}`)}</div>
              <code>{rule.id}</code>
            </div>
          ),
        },
        {
          key: 'enabled',
          title: t('rules.esc.enabled'),
          render: (_, rule) => (
            <Switch
              aria-label={`${rule.id} ${t('rules.esc.enabled')}`}
              data-testid={`${rule.id}-enabled`}
              checked={rule.enabled}
              onChange={(enabled) => edit(rule, { enabled })}
            />
          ),
        },
        {
          key: 'level',
          title: t('rules.esc.level'),
          render: (_, rule) => (
            <Select
              aria-label={`${rule.id} ${t('rules.esc.level')}`}
              style={{ width: 150 }}
              value={rule.level}
              onChange={(level) => edit(rule, { level })}
              options={LEVELS.map((l) => ({ value: l, label: t(`rules.esc.level.${l}`) }))}
            />
          ),
        },
        {
          key: 'actions',
          title: t('rules.esc.actions'),
          render: (_, rule) => (
            <Space orientation="vertical" size={4}>
              <Select
                mode="multiple"
                aria-label={`${rule.id} ${t('rules.esc.actions')}`}
                style={{ minWidth: 220 }}
                value={rule.actions}
                onChange={(actions) => edit(rule, { actions })}
                options={ACTIONS.map((a) => ({ value: a, label: t(`rules.esc.action.${a}`) }))}
              />
              {rule.actions.includes('reassign') && (
                <Select
                  allowClear
                  aria-label={`${rule.id} ${t('rules.esc.reassignTo')}`}
                  placeholder={t('rules.esc.reassignTo')}
                  style={{ minWidth: 220 }}
                  value={rule.reassignTo}
                  onChange={(v?: string) => edit(rule, { reassignTo: v ?? null })}
                  options={staff.map((s) => ({ value: s.id, label: s.name }))}
                />
              )}
              <FieldProblems problems={[...at(rule, 'actions'), ...at(rule, 'reassignTo')]} />
            </Space>
          ),
        },
        { key: 'thresholds', title: t('rules.esc.thresholds'), render: (_, rule) => thresholds(rule) },
        {
          key: 'save',
          title: '',
          render: (_, rule) => (
            <Button
              size="small"
              type="primary"
              data-testid={`${rule.id}-save`}
              disabled={drafts[rule.id] === undefined}
              loading={save.isPending && save.variables?.id === rule.id}
              onClick={() => submit(rule)}
            >
              {t('rules.esc.save')}
            </Button>
          ),
        },
      ]}
    />
  );
}

import { App as AntApp, Alert, Button, InputNumber, Select, Space, Switch, Table, Tag, Tooltip } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIME_UNITS, type LimitRule, type RuleProfile } from '../../../shared/deadlines/profile-schema';
import type { ProfileVersion } from '../../../shared/deadlines/stored';
import type { Locale } from '../../../shared/rpc/dto';
import { errorText } from '../forms/errorText';
import { problemsFromRpcError, type FieldProblem } from '../forms/fieldErrors';
import { localName } from '../format/names';
import { formatShanghaiDateTime } from '../format/time';
import { useTranslator } from '../i18n/hooks';
import { RpcCallError } from '../rpc/client';
import { useRpcMutation, useRpcQuery } from '../rpc/queries';
import { DAY_UNITS, editLimit, problemsAt, problemsOutside, type LimitEdit } from './drafts';
import { FieldProblems, OtherProblems } from './FieldProblems';

const EDITED_FIELDS = ['unit', 'amount', 'rollForward', 'warning.workingDaysLeft', 'warning.elapsedPercent'];
const refOf = (v: ProfileVersion) => `${v.id}@${v.version}`;

/** 时限规则: pick a profile version, edit its limits, save them as a new version, activate a version. */
export function ProfileEditor() {
  const { t, i18n } = useTranslation();
  const translator = useTranslator();
  const { message } = AntApp.useApp();
  const locale = i18n.language as Locale;
  const versions = useRpcQuery('profiles.list', {});
  const [selected, setSelected] = useState<string | null>(null);
  const current = useMemo(() => {
    const list = versions.data ?? [];
    return list.find((v) => refOf(v) === selected) ?? list.find((v) => v.active) ?? list[0];
  }, [versions.data, selected]);
  const loaded = useRpcQuery(
    'profiles.get',
    { id: current?.id ?? '', version: current?.version ?? null },
    { enabled: current !== undefined },
  );
  const [draft, setDraft] = useState<RuleProfile | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const save = useRpcMutation('profiles.save');
  const activate = useRpcMutation('profiles.activate');

  // A different version on screen: start again from what is stored.
  const loadedProfile = loaded.data;
  useEffect(() => {
    setDraft(loadedProfile ?? null);
    setProblems([]);
  }, [loadedProfile]);

  const fail = (error: unknown) => {
    if (error instanceof RpcCallError && error.error.details?.fields)
      setProblems(problemsFromRpcError(error.error));
    void message.error(errorText(error, translator));
  };
  const change = (name: string, edit: Partial<LimitEdit>) => setDraft((d) => d && editLimit(d, name, edit));
  const dirty = draft !== null && JSON.stringify(draft) !== JSON.stringify(loadedProfile);
  const at = (name: string, field: string) => problemsAt(problems, `limits.${name}.${field}`);
  const others = problemsOutside(problems, (path) =>
    EDITED_FIELDS.some((f) => new RegExp(`^limits\\.[a-z_]+\\.${f.replace('.', '\\.')}$`).test(path)),
  );

  const rows = draft
    ? Object.entries(draft.limits).flatMap(([name, rule]) => (rule ? [{ name, rule }] : []))
    : [];

  return (
    <div className="profile-editor" data-testid="profile-editor">
      <Space wrap style={{ marginBottom: 12 }}>
        {t('rules.profile.version')}
        <Select
          data-testid="profile-version"
          style={{ minWidth: 360 }}
          loading={versions.isLoading}
          value={current ? refOf(current) : undefined}
          onChange={(v: string) => setSelected(v)}
          options={(versions.data ?? []).map((v) => ({
            value: refOf(v),
            label: (
              <Space size={4}>
                {t('rules.profile.versionLabel', {
                  name: localName(v.name, locale),
                  id: v.id,
                  version: v.version,
                })}
                {v.active && <Tag color="green">{t('rules.profile.active')}</Tag>}
                {v.builtIn && <Tag>{t('rules.profile.builtIn')}</Tag>}
              </Space>
            ),
          }))}
        />
        {current && (
          <span className="profile-facts">
            {t('rules.profile.cases', { count: current.cases })}
            {!current.builtIn &&
              ` · ${t('rules.profile.storedBy', { author: current.author, at: formatShanghaiDateTime(current.createdAt) })}`}
          </span>
        )}
      </Space>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('rules.profile.hint')} />
      <OtherProblems problems={others} />
      <Table<{ name: string; rule: LimitRule }>
        size="small"
        rowKey="name"
        loading={loaded.isLoading}
        dataSource={rows}
        pagination={false}
        columns={[
          {
            key: 'limit',
            title: t('rules.profile.limit'),
            render: (_, { name, rule }) => (
              <Tooltip title={rule.source.basis}>
                <span>{t(`clock.limit.${name}`)}</span> <Tag>{rule.source.confidence}</Tag>
              </Tooltip>
            ),
          },
          {
            key: 'amount',
            title: t('rules.profile.amount'),
            render: (_, { name, rule }) => (
              <>
                <Space.Compact>
                  <InputNumber
                    aria-label={`${name} ${t('rules.profile.amount')}`}
                    data-testid={`amount-${name}`}
                    min={1}
                    precision={0}
                    value={rule.amount}
                    onChange={(v) => v !== null && change(name, { amount: v })}
                  />
                  <Select
                    aria-label={`${name} ${t('rules.profile.unit')}`}
                    data-testid={`unit-${name}`}
                    style={{ width: 120 }}
                    value={rule.unit}
                    onChange={(unit) => change(name, { unit })}
                    options={TIME_UNITS.map((u) => ({ value: u, label: t(`rules.unit.${u}`) }))}
                  />
                </Space.Compact>
                <FieldProblems problems={[...at(name, 'amount'), ...at(name, 'unit')]} />
              </>
            ),
          },
          {
            key: 'rollForward',
            title: (
              <Tooltip title={t('rules.profile.rollForwardHint')}>{t('rules.profile.rollForward')}</Tooltip>
            ),
            render: (_, { name, rule }) => (
              <>
                <Switch
                  aria-label={`${name} ${t('rules.profile.rollForward')}`}
                  checked={rule.rollForward}
                  disabled={!DAY_UNITS.includes(rule.unit)}
                  onChange={(rollForward) => change(name, { rollForward })}
                />
                <FieldProblems problems={at(name, 'rollForward')} />
              </>
            ),
          },
          {
            key: 'workingDaysLeft',
            title: t('rules.profile.workingDaysLeft'),
            render: (_, { name, rule }) => (
              <>
                <InputNumber
                  aria-label={`${name} ${t('rules.profile.workingDaysLeft')}`}
                  data-testid={`days-left-${name}`}
                  precision={0}
                  value={rule.warning.workingDaysLeft ?? null}
                  onChange={(v) => change(name, { workingDaysLeft: v })}
                />
                <FieldProblems problems={at(name, 'warning.workingDaysLeft')} />
              </>
            ),
          },
          {
            key: 'elapsedPercent',
            title: t('rules.profile.elapsedPercent'),
            render: (_, { name, rule }) => (
              <>
                <InputNumber
                  aria-label={`${name} ${t('rules.profile.elapsedPercent')}`}
                  data-testid={`percent-${name}`}
                  value={rule.warning.elapsedPercent ?? null}
                  onChange={(v) => change(name, { elapsedPercent: v })}
                />
                <FieldProblems
                  problems={at(name, 'warning.elapsedPercent')}
                  testId={`percent-${name}-problems`}
                />
              </>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button
          type="primary"
          data-testid="profile-save"
          disabled={!dirty}
          loading={save.isPending}
          onClick={() =>
            void save.mutateAsync({ profile: draft }).then((saved) => {
              setProblems([]);
              setSelected(`${saved.id}@${saved.version}`);
              void message.success(t('rules.profile.saved', { ...saved }));
            }, fail)
          }
        >
          {dirty ? t('rules.profile.saveAsNew') : t('rules.profile.unchanged')}
        </Button>
        <Button
          data-testid="profile-activate"
          disabled={!current || current.active || dirty}
          loading={activate.isPending}
          onClick={() =>
            current &&
            void activate
              .mutateAsync({ id: current.id, version: current.version })
              .then((ref) => void message.success(t('rules.profile.activated', { ...ref })), fail)
          }
        >
          {t('rules.profile.activate')}
        </Button>
      </Space>
    </div>
  );
}

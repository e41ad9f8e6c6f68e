import { ExclamationCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clock, ClockState } from '../../../shared/deadlines';
import { errorText } from '../forms/errorText';
import { formatShanghaiDateTime } from '../format/time';
import { useLocale, useTranslator } from '../i18n/hooks';
import { useRpcQuery } from '../rpc/queries';
import { countdown, formatDueTime, isRunning, liveState } from './clockText';
import { useNow } from './useNow';

const MINUTE_MS = 60_000;

/**
 * 时限: every clock of the case, with its due time, a countdown while it runs, and why it is
 * due then. Main computes the clocks (working days need its calendar); while one runs they are
 * fetched again every minute, and the countdown moves on with the wall clock in between.
 */
export function ClocksSection({
  caseId,
  profile,
}: {
  caseId: string;
  /** The rule profile version the case was registered under, which its clocks are computed with. */
  profile?: { id: string; version: number };
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  const clocks = useRpcQuery(
    'cases.clocks',
    { id: caseId },
    { refetchInterval: (query) => (query.state.data?.some(isRunning) ? MINUTE_MS : false) },
  );
  const now = useNow(clocks.data?.some(isRunning) ?? false);
  const titleId = useId();

  return (
    <section className="case-block" aria-labelledby={titleId}>
      <Typography.Title level={5} id={titleId} className="case-block-title">
        {t('case.section.clocks')}
      </Typography.Title>
      {profile && (
        <Typography.Text type="secondary" className="clock-profile" data-testid="clock-profile">
          {t('rules.caseProfile', { ...profile })}
        </Typography.Text>
      )}
      {clocks.isPending && <Skeleton active title={false} paragraph={{ rows: 3 }} />}
      {clocks.error && !clocks.data && (
        <Alert
          type="error"
          showIcon
          title={t('clock.loadFailed')}
          description={errorText(clocks.error, translator)}
        />
      )}
      {clocks.data?.length === 0 && <Typography.Text type="secondary">{t('clock.none')}</Typography.Text>}
      {clocks.data && clocks.data.length > 0 && (
        <ul className="clock-list">
          {clocks.data.map((clock) => (
            <ClockRow key={clock.limit} clock={clock} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}

const STATE_TAG: Record<ClockState, { color: string; variant: 'filled' | 'solid' | 'outlined' }> = {
  on_track: { color: 'green', variant: 'filled' },
  warning: { color: 'orange', variant: 'filled' },
  due_today: { color: 'volcano', variant: 'solid' },
  overdue: { color: 'red', variant: 'solid' },
  met: { color: 'default', variant: 'filled' },
  missed: { color: 'red', variant: 'outlined' },
};

export function ClockStateTag({ state }: { state: ClockState }) {
  const { t } = useTranslation();
  const { color, variant } = STATE_TAG[state];
  return (
    <Tag color={color} variant={variant} className={`clock-state clock-state-${state}`}>
      {t(`clock.state.${state}`)}
    </Tag>
  );
}

function ClockRow({ clock, now }: { clock: Clock; now: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const explanationId = useId();
  const state = liveState(clock, now);
  const left = countdown(clock, now);
  const lines = locale === 'en' ? clock.explanation.en : clock.explanation.zh;
  const name = t(`clock.limit.${clock.limit}`);

  return (
    <li className="clock" data-limit={clock.limit} data-state={state}>
      <div className="clock-main">
        <span className="clock-name">{name}</span>
        <ClockStateTag state={state} />
        {clock.provisional && (
          <Tooltip title={t('clock.provisional.tip')} trigger={['hover', 'focus']}>
            {/* Focusable, so the reason is reachable from the keyboard too. */}
            <Tag
              color="gold"
              variant="outlined"
              icon={<ExclamationCircleOutlined />}
              tabIndex={0}
              className="clock-provisional"
              aria-label={`${t('clock.provisional')}：${t('clock.provisional.tip')}`}
            >
              {t('clock.provisional')}
            </Tag>
          </Tooltip>
        )}
        {clock.paused && (
          <Tag icon={<PauseCircleOutlined />} className="clock-paused">
            {t('clock.paused')}
          </Tag>
        )}
        <span className="clock-countdown" data-tone={left?.tone ?? 'muted'}>
          {left
            ? t(left.key, left.params)
            : clock.stoppedAt !== undefined &&
              t('clock.stopped', { time: formatShanghaiDateTime(clock.stoppedAt) })}
        </span>
      </div>
      <div className="clock-meta">
        <span className="clock-due">{t('clock.due', { time: formatDueTime(clock.dueAt) })}</span>
        <Button
          type="link"
          size="small"
          className="clock-why"
          aria-expanded={open}
          aria-controls={explanationId}
          onClick={() => setOpen((o) => !o)}
        >
          {t('clock.why')}
        </Button>
      </div>
      {open && (
        <ol id={explanationId} className="clock-explanation" aria-label={t('clock.explanationOf', { name })}>
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      )}
    </li>
  );
}

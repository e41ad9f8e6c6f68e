import {
  Alert,
  Button,
  Card,
  DatePicker,
  Drawer,
  Flex,
  Progress,
  Radio,
  Select,
  Space,
  Switch,
  Table,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_COLUMN_KEYS } from '../../../shared/stats/columns';
import { carrierLabel, categoryLabel, provinceLabel } from '../../../shared/stats/labels';
import type { DrillFilter, Notice } from '../../../shared/stats/notice';
import {
  formatOf,
  noticeTables,
  type ColumnFormat,
  type NoticeTable,
  type TableCell,
} from '../../../shared/stats/tables';
import { useRpc } from '../rpc/RpcProvider';
import { useRpcQuery } from '../rpc/queries';
import { Chart } from './Chart';
import { drillFilterFor } from './drill';
import { STATS_EDITORS } from '../../../shared/rpc/procedures/stats';
import { AveragingSetting } from './AveragingSetting';
import { LockPanel } from './LockPanel';
import { useExportJob } from './useExportJob';
import { VolumeImport } from './VolumeImport';

type Kind = 'month' | 'quarter';

/** Case exports offered here: the period's cases or a whole queue view (the queue offers its own). */
const CASE_SOURCES = ['period', 'all', 'open', 'closed'] as const;
type CaseSource = (typeof CASE_SOURCES)[number];

function periodId(kind: Kind, d: Dayjs): string {
  return kind === 'month' ? d.format('YYYY-MM') : `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
}

function formatCell(c: TableCell, f: ColumnFormat): string {
  if (c === null) return '—';
  if (typeof c === 'string') return c;
  return f === 'rate' || f === 'percent' || f === 'yuan' ? c.toFixed(2) : c.toLocaleString('zh-CN');
}

function NoticeTableCard({
  table,
  onDrill,
}: {
  table: NoticeTable;
  onDrill: (row: number, col: number) => boolean;
}) {
  const columns = table.headers.map((h, col) => ({
    title: h,
    key: String(col),
    align: table.formats[col] === 'text' ? ('left' as const) : ('right' as const),
    render: (_: unknown, row: { cells: TableCell[]; index: number }) => {
      const text = formatCell(row.cells[col] ?? null, formatOf(table, row.index, col));
      return typeof row.cells[col] === 'number' && onDrill(row.index, -1 - col) ? (
        <Button type="link" size="small" className="stats-drill" onClick={() => onDrill(row.index, col)}>
          {text}
        </Button>
      ) : (
        text
      );
    },
  }));
  const data = table.rows.map((cells, index) => ({ key: index, cells, index }));
  return (
    <Card size="small" title={table.title}>
      <Table size="small" pagination={false} columns={columns} dataSource={data} scroll={{ x: true }} />
    </Card>
  );
}

/** The Statistics view: the notice tables with drill-down, charts, comparison, exports with progress. */
export function StatsView() {
  const { t } = useTranslation();
  const rpc = useRpc();
  const [kind, setKind] = useState<Kind>('month');
  const [date, setDate] = useState<Dayjs>(() => dayjs().subtract(1, 'month'));
  const [compare, setCompare] = useState(false);
  const [compareDate, setCompareDate] = useState<Dayjs>(() => dayjs().subtract(2, 'month'));
  const [drill, setDrill] = useState<DrillFilter | null>(null);
  const [caseSource, setCaseSource] = useState<CaseSource>('period');
  const [caseFormat, setCaseFormat] = useState<'csv' | 'xlsx'>('csv');
  const period = periodId(kind, date);
  const comparePeriod = periodId(kind, compareDate);

  const notice = useRpcQuery('stats.notice', { period });
  const other = useRpcQuery('stats.notice', { period: comparePeriod }, { enabled: compare });
  const trend = useRpcQuery('stats.trend', { period, months: 12 });
  const drilled = useRpcQuery(
    'stats.drill',
    { filter: drill ?? { period }, limit: 200 },
    { enabled: drill !== null },
  );
  const job = useExportJob();
  const session = useRpcQuery('session.get', {}).data;
  const canEdit = session?.staff.roles.some((r) => STATS_EDITORS.includes(r)) ?? false;

  const n = notice.data;
  const tables = useMemo(() => (n ? noticeTables(n) : []), [n]);
  const charts = useMemo(() => (n ? chartOptions(n, trend.data ?? []) : null), [n, trend.data]);

  const drillTo = (table: string) => (row: number, col: number) => {
    if (!n) return false;
    const filter = drillFilterFor(n, table, row, col < 0 ? -1 - col : col);
    if (col >= 0 && filter) setDrill(filter);
    return filter !== null;
  };

  const running = job.progress?.state === 'running';
  const percent =
    job.progress && job.progress.total > 0 ? Math.floor((job.progress.done / job.progress.total) * 100) : 0;

  return (
    <Flex vertical gap={12} className="stats-view" data-testid="stats-view">
      <Space wrap>
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as Kind)} optionType="button">
          <Radio.Button value="month">{t('statsView.month')}</Radio.Button>
          <Radio.Button value="quarter">{t('statsView.quarter')}</Radio.Button>
        </Radio.Group>
        <DatePicker
          picker={kind}
          value={date}
          allowClear={false}
          onChange={(d) => d && setDate(d)}
          aria-label={t('statsView.period')}
        />
        <Switch checked={compare} onChange={setCompare} aria-label={t('statsView.compare')} />
        <span>{t('statsView.compare')}</span>
        {compare && (
          <DatePicker
            picker={kind}
            value={compareDate}
            allowClear={false}
            onChange={(d) => d && setCompareDate(d)}
          />
        )}
        <Button
          disabled={running}
          onClick={() => job.start(() => rpc.call('jobs.exportNotice', { period, format: 'xlsx' }))}
        >
          {t('statsView.exportXlsx')}
        </Button>
        <Button
          disabled={running}
          onClick={() => job.start(() => rpc.call('jobs.exportNotice', { period, format: 'csv' }))}
        >
          {t('statsView.exportCsv')}
        </Button>
        <Select
          value={caseSource}
          onChange={setCaseSource}
          aria-label={t('statsView.caseSource')}
          style={{ width: 150 }}
          options={CASE_SOURCES.map((v) => ({ value: v, label: t(`statsView.source.${v}`) }))}
        />
        <Select
          value={caseFormat}
          onChange={setCaseFormat}
          aria-label={t('statsView.caseFormat')}
          options={[
            { value: 'csv', label: 'CSV' },
            { value: 'xlsx', label: 'XLSX' },
          ]}
        />
        <Button
          disabled={running}
          onClick={() =>
            job.start(() =>
              rpc.call('jobs.exportCases', {
                source:
                  caseSource === 'period' ? { kind: 'period', period } : { kind: 'view', view: caseSource },
                format: caseFormat,
                columns: EXPORT_COLUMN_KEYS.filter((k) => k !== 'appellantName' && k !== 'appellantPhone'),
              }),
            )
          }
        >
          {t('statsView.exportCases')}
        </Button>
        {canEdit && <VolumeImport />}
      </Space>
      {job.progress && (
        <Space data-testid="export-progress">
          <Progress
            style={{ width: 320 }}
            percent={job.progress.state === 'done' ? 100 : percent}
            status={
              job.progress.state === 'failed'
                ? 'exception'
                : job.progress.state === 'running'
                  ? 'active'
                  : 'normal'
            }
          />
          <span>
            {t(`statsView.job.${job.progress.state}`, { done: job.progress.done, total: job.progress.total })}
          </span>
          {running ? (
            <Button onClick={job.cancel}>{t('statsView.cancel')}</Button>
          ) : (
            <Button onClick={job.dismiss}>{t('statsView.dismiss')}</Button>
          )}
        </Space>
      )}
      {notice.error && <Alert type="error" title={notice.error.message} />}
      {n?.locked && <Alert type="info" title={t('statsView.locked', { period: n.period })} />}
      <Flex wrap gap={12} align="start">
        <LockPanel period={period} canEdit={canEdit} />
        <AveragingSetting canEdit={canEdit} />
      </Flex>
      {compare && n && other.data && <Comparison a={n} b={other.data} />}
      {charts && (
        <Flex wrap gap={12}>
          <Card size="small" style={{ flex: '1 1 420px' }} title={t('statsView.chart.trend')}>
            <Chart option={charts.trend} label={t('statsView.chart.trend')} />
          </Card>
          <Card size="small" style={{ flex: '1 1 420px' }} title={t('statsView.chart.categories')}>
            <Chart option={charts.categories} label={t('statsView.chart.categories')} />
          </Card>
          <Card size="small" style={{ flex: '1 1 420px' }} title={t('statsView.chart.carriers')}>
            <Chart option={charts.carriers} label={t('statsView.chart.carriers')} />
          </Card>
          <Card size="small" style={{ flex: '1 1 420px' }} title={t('statsView.chart.provinces')}>
            <Chart option={charts.provinces} label={t('statsView.chart.provinces')} />
          </Card>
        </Flex>
      )}
      {tables.map((table) => (
        <NoticeTableCard key={table.name} table={table} onDrill={drillTo(table.name)} />
      ))}
      <Drawer
        open={drill !== null}
        onClose={() => setDrill(null)}
        title={t('statsView.drillTitle')}
        size="large"
      >
        <Table
          size="small"
          rowKey="id"
          loading={drilled.isFetching}
          dataSource={drilled.data ?? []}
          pagination={{ pageSize: 50 }}
          columns={[
            { title: t('statsView.col.caseNo'), dataIndex: 'caseNo' },
            { title: t('statsView.col.received'), dataIndex: 'receivedDate' },
            {
              title: t('statsView.col.carrier'),
              dataIndex: 'carrierId',
              render: (v: string) => carrierLabel(v),
            },
            {
              title: t('statsView.col.category'),
              dataIndex: 'category',
              render: (v: string) => categoryLabel(v),
            },
            { title: t('statsView.col.status'), dataIndex: 'status' },
          ]}
        />
      </Drawer>
    </Flex>
  );
}

function Comparison({ a, b }: { a: Notice; b: Notice }) {
  const { t } = useTranslation();
  const rows: [string, number | null, number | null][] = [
    [t('statsView.cmp.total'), a.overall.total.value, b.overall.total.value],
    [t('statsView.cmp.valid'), a.overall.valid.value, b.overall.valid.value],
    [t('statsView.cmp.appealRate'), a.overall.appealRate, b.overall.appealRate],
    [t('statsView.cmp.validRate'), a.overall.validRate, b.overall.validRate],
    [
      t('statsView.cmp.satisfaction'),
      a.overall.satisfactionAdministration,
      b.overall.satisfactionAdministration,
    ],
    [t('statsView.cmp.recovered'), a.overall.recoveredFen / 100, b.overall.recoveredFen / 100],
  ];
  return (
    <Card size="small" title={t('statsView.compareTitle', { a: a.period, b: b.period })}>
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => r[0]}
        dataSource={rows}
        columns={[
          { title: '', render: (_: unknown, r) => r[0] },
          { title: a.period, align: 'right', render: (_: unknown, r) => r[1] ?? '—' },
          { title: b.period, align: 'right', render: (_: unknown, r) => r[2] ?? '—' },
          {
            title: t('statsView.cmp.delta'),
            align: 'right',
            render: (_: unknown, r) =>
              r[1] !== null && r[2] !== null ? Math.round((r[1] - r[2]) * 100) / 100 : '—',
          },
        ]}
      />
    </Card>
  );
}

function chartOptions(n: Notice, trend: { month: string; total: number; valid: number }[]) {
  const byCategory = new Map<string, number>();
  for (const r of [...n.postal, ...n.express])
    byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + r.count);
  const ranked = [...n.carriers]
    .filter((c) => c.appealRate !== null)
    .sort((x, y) => (y.appealRate ?? 0) - (x.appealRate ?? 0));
  const byCount = [...n.carriers].sort((x, y) => y.count - x.count);
  const carriers = ranked.length > 0 ? ranked : byCount;
  const provinces = [...n.byProvince].sort((x, y) => y.count - x.count).slice(0, 15);
  return {
    trend: {
      tooltip: { trigger: 'axis' },
      legend: { data: ['申诉', '有效申诉'] },
      xAxis: { type: 'category', data: trend.map((p) => p.month) },
      yAxis: { type: 'value' },
      series: [
        { name: '申诉', type: 'line', data: trend.map((p) => p.total) },
        { name: '有效申诉', type: 'line', data: trend.map((p) => p.valid) },
      ],
    },
    categories: {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: '65%',
          data: [...byCategory]
            .filter(([, v]) => v > 0)
            .map(([k, v]) => ({ name: categoryLabel(k), value: v })),
        },
      ],
    },
    carriers: {
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', name: ranked.length > 0 ? '件/百万件' : '件' },
      yAxis: { type: 'category', inverse: true, data: carriers.map((c) => carrierLabel(c.carrierId)) },
      series: [{ type: 'bar', data: carriers.map((c) => (ranked.length > 0 ? c.appealRate : c.count)) }],
    },
    provinces: {
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: provinces.map((p) => provinceLabel(p.province)),
        axisLabel: { rotate: 45 },
      },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: provinces.map((p) => p.count) }],
    },
  };
}

import { CARRIERS } from '../domain/carriers';
import { PERIOD_PATTERN } from './period';

/** One accepted row of a business-volume file. */
export interface VolumeRow {
  line: number;
  carrierId: string;
  period: string;
  pieces: number;
}

export interface VolumeProblem {
  key: string;
  params: Record<string, string | number>;
}

export interface RejectedVolumeRow {
  line: number;
  values: string[];
  problems: VolumeProblem[];
}

export interface VolumePreview {
  valid: VolumeRow[];
  rejected: RejectedVolumeRow[];
  /** Set when the file itself is unusable (no recognisable header): nothing can be imported. */
  fileProblem: VolumeProblem | null;
}

const HEADERS = {
  carrier: ['carrier', '企业', '快递企业', '企业名称'],
  period: ['period', '期间', '统计期'],
  pieces: ['pieces', '业务量', '件数'],
};

const byName = new Map<string, string>();
for (const c of CARRIERS) for (const name of [c.id, c.zh, c.en]) byName.set(name.toLowerCase(), c.id);

/** A carrier by id, Chinese or English name. */
export function resolveCarrier(value: string): string | null {
  return byName.get(value.trim().toLowerCase()) ?? null;
}

/**
 * Validates a volume table (first row = header), row by row, with every reason a row fails.
 * A later row with the same carrier and period as an earlier one is a duplicate.
 */
export function validateVolumeTable(table: readonly (readonly string[])[]): VolumePreview {
  const [header, ...body] = table;
  const find = (names: string[]) => (header ?? []).findIndex((h) => names.includes(h.trim().toLowerCase()));
  const col = { carrier: find(HEADERS.carrier), period: find(HEADERS.period), pieces: find(HEADERS.pieces) };
  if (col.carrier < 0 || col.period < 0 || col.pieces < 0) {
    return { valid: [], rejected: [], fileProblem: { key: 'stats.volume.bad_header', params: {} } };
  }
  const valid: VolumeRow[] = [];
  const rejected: RejectedVolumeRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((values, i) => {
    const line = i + 2;
    if (values.every((v) => v.trim() === '')) return;
    const problems: VolumeProblem[] = [];
    const carrierText = (values[col.carrier] ?? '').trim();
    const periodText = (values[col.period] ?? '').trim();
    const piecesText = (values[col.pieces] ?? '').trim().replaceAll(',', '');
    const carrierId = carrierText ? resolveCarrier(carrierText) : null;
    if (!carrierText) problems.push({ key: 'stats.volume.missing_carrier', params: {} });
    else if (!carrierId)
      problems.push({ key: 'stats.volume.unknown_carrier', params: { value: carrierText } });
    if (!PERIOD_PATTERN.test(periodText))
      problems.push({ key: 'stats.volume.bad_period', params: { value: periodText } });
    if (!/^-?\d+$/.test(piecesText))
      problems.push({ key: 'stats.volume.not_a_number', params: { value: piecesText } });
    else if (Number(piecesText) < 0)
      problems.push({ key: 'stats.volume.negative', params: { value: piecesText } });
    if (carrierId && PERIOD_PATTERN.test(periodText)) {
      const key = `${carrierId}|${periodText}`;
      const first = seen.get(key);
      if (first !== undefined) problems.push({ key: 'stats.volume.duplicate', params: { line: first } });
      else if (problems.length === 0) seen.set(key, line);
    }
    if (problems.length > 0) rejected.push({ line, values: [...values], problems });
    else valid.push({ line, carrierId: carrierId!, period: periodText, pieces: Number(piecesText) });
  });
  return { valid, rejected, fileProblem: null };
}

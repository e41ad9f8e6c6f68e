import type { CaseEventView } from '../../../shared/rpc/dto';
import type { Translator } from '../forms/fieldErrors';

/**
 * How a history entry reads in the timeline: its name, and its recorded data as short
 * "label: value" pairs. Pure, so it is tested without a DOM. Values that people typed (details,
 * the carrier's reply) come back as plain strings and are rendered as text.
 */

const TRANSITION_PREFIX = 'transition.';

/** The transition an entry records (`transition.accept` → `accept`), or null for other facts. */
export function transitionOf(type: string): string | null {
  return type.startsWith(TRANSITION_PREFIX) ? type.slice(TRANSITION_PREFIX.length) : null;
}

/** The entry's name in the UI language; an entry type the catalogue does not know shows as stored. */
export function eventName(type: string, translator: Translator): string {
  const transition = transitionOf(type);
  const key = transition === null ? `case.event.${type}` : `lifecycle.transition.${transition}`;
  return translator.exists(key) ? translator.t(key) : type;
}

/**
 * The recorded data of an entry. Transitions are stored as {from, to, data, changes?} (older
 * ones as {from, to, data, before, after}); the statuses and lifecycle counters are the
 * timeline's status tag, not details. Registration stores its data directly.
 */
export function recordedData(event: Pick<CaseEventView, 'data'>): Record<string, unknown> {
  const data = event.data;
  if (!isRecord(data)) return {};
  if ('from' in data && 'to' in data && isRecord(data.data)) return data.data;
  return data;
}

/** Already shown elsewhere in the drawer (the header has the case number and received time). */
const HIDDEN = new Set(['caseNo', 'receivedAt', 'from', 'to', 'before', 'after', 'changes']);

/** Coded values and the catalogue section that labels them. */
function codePrefix(field: string, transition: string | null): string | null {
  switch (field) {
    case 'channel':
      return 'channel';
    case 'noticeMethod':
      return 'lifecycle.noticeMethod';
    case 'method':
      return 'lifecycle.carrierContactMethod';
    case 'closureReason':
      return 'lifecycle.closureReason';
    case 'ground':
      return 'lifecycle.escalationGround';
    case 'satisfaction.carrier':
    case 'satisfaction.administration':
      return 'lifecycle.satisfaction';
    case 'reason':
      // The reopen reason is free text; the others are codes.
      if (transition === 'not_accept') return 'lifecycle.notAcceptReason';
      if (transition === 'rehandle') return 'lifecycle.rehandleReason';
      return null;
    default:
      return null;
  }
}

export interface DetailLine {
  readonly field: string;
  readonly label: string;
  readonly value: string;
  /** Free text long enough to be clamped (the whole text stays available). */
  readonly long: boolean;
}

const LONG_TEXT = 60;

export interface DetailContext {
  readonly translator: Translator;
  /** The carrier's name in the UI language, or '' when the reference data does not know the id. */
  carrierName(id: string): string;
}

/** The entry's data as label/value lines, in the order it was recorded. */
export function eventDetails(event: Pick<CaseEventView, 'type' | 'data'>, ctx: DetailContext): DetailLine[] {
  const { translator } = ctx;
  const transition = transitionOf(event.type);
  const lines: DetailLine[] = [];
  const add = (field: string, raw: unknown) => {
    if (raw === undefined || raw === null || raw === '' || HIDDEN.has(field)) return;
    if (isRecord(raw)) {
      for (const [k, v] of Object.entries(raw)) add(`${field}.${k}`, v);
      return;
    }
    const labelKey = `case.data.${field}`;
    const label = translator.exists(labelKey) ? translator.t(labelKey) : field;
    const value = valueText(field, raw, transition, ctx);
    lines.push({ field, label, value, long: typeof raw === 'string' && value.length > LONG_TEXT });
  };
  for (const [field, raw] of Object.entries(recordedData(event))) add(field, raw);
  return lines;
}

function valueText(field: string, raw: unknown, transition: string | null, ctx: DetailContext): string {
  const { translator } = ctx;
  if (typeof raw === 'boolean') return translator.t(raw ? 'common.yes' : 'common.no');
  if (typeof raw === 'number' && field.endsWith('Yuan')) return translator.t('case.yuan', { amount: raw });
  if (field === 'carrierId' && typeof raw === 'string') return ctx.carrierName(raw) || raw;
  const prefix = codePrefix(field, transition);
  if (prefix !== null && typeof raw === 'string') {
    const key = `${prefix}.${raw}`;
    return translator.exists(key) ? translator.t(key) : raw;
  }
  if (typeof raw === 'string') return raw;
  return JSON.stringify(raw);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

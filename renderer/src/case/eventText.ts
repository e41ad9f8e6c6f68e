import { CATEGORIES } from '../../../shared/domain/categories';
import { yuanToFen } from '../../../shared/domain/money';
import type { CaseEventView, Locale } from '../../../shared/rpc/dto';
import { formatYuan } from '../../../shared/mediation/amount';
import type { Translator } from '../forms/fieldErrors';
import { categoryName, localName, provinceName } from '../format/names';
import { formatShanghaiDateTime } from '../format/time';

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

/**
 * Left out of a transition's details: the header has the case number and received time, the
 * status tag the statuses, the clocks section the rule profile; the counters are bookkeeping.
 */
const HIDDEN = new Set(['caseNo', 'receivedAt', 'profile', 'from', 'to', 'before', 'after', 'changes']);

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
  /** For the names reference data carries in both languages (provinces, categories). */
  readonly locale: Locale;
  /** The carrier's name in the UI language, or '' when the reference data does not know the id. */
  carrierName(id: string): string;
  /** A staff member's name, or the id when the reference data does not know it. */
  staffName(id: string): string;
  /** A linked appeal's case number, or '' while it is not known here. */
  caseNo(id: string): string;
}

/** A recorded value as text, or null when there is nothing to show. */
type Format = (raw: unknown, ctx: DetailContext) => string | null;
/** What reads names the UI language gives (codes, provinces, categories), not the case's own references. */
export type NameContext = Pick<DetailContext, 'translator' | 'locale'>;
type NameFormat = (raw: unknown, ctx: NameContext) => string | null;

interface FieldSpec {
  /** Catalogue key of the label. */
  readonly label: string;
  /** Free text (kept as typed) when absent. */
  readonly format?: Format;
  /**
   * What an empty side of a before/after pair means (未分配); without it an empty "before" is a
   * first value, shown as one plain line.
   */
  readonly none?: string;
}

/** A before/after pair of records (an agreement's terms and amount): each field is a pair of its own. */
interface RecordPairSpec {
  readonly fields: Fields;
}

/** Internal ids (uuids of notes, calls, sessions…) mean nothing to a handler. */
const INTERNAL_ID = 'internal-id';
type Fields = Readonly<Record<string, FieldSpec | typeof INTERNAL_ID>>;

interface EventSpec {
  /** The whole data is a {from, to} pair (an assignment, an agreement). */
  readonly pair?: FieldSpec | RecordPairSpec;
  readonly fields?: Fields;
}

const text: NameFormat = (raw) => (typeof raw === 'string' && raw !== '' ? raw : null);
const instant: Format = (raw) => (typeof raw === 'number' ? formatShanghaiDateTime(raw) : null);
const fen: Format = (raw, ctx) =>
  typeof raw === 'number' ? ctx.translator.t('case.yuan', { amount: formatYuan(raw) }) : null;
const number: Format = (raw) => (typeof raw === 'number' ? String(raw) : null);
const staff: Format = (raw, ctx) => (typeof raw === 'string' ? ctx.staffName(raw) : null);
const caseNo: Format = (raw, ctx) => (typeof raw === 'string' ? ctx.caseNo(raw) || null : null);

/** A code labelled by `${prefix}.${code}`; a code the catalogue does not know shows as stored. */
const code =
  (prefix: string): NameFormat =>
  (raw, ctx) => {
    if (typeof raw !== 'string' && typeof raw !== 'number') return null;
    const key = `${prefix}.${raw}`;
    return ctx.translator.exists(key) ? ctx.translator.t(key) : String(raw);
  };

/** A code labelled by a key of its own (the codes come from different screens). */
const codeOf =
  (keys: Readonly<Record<string, string>>): NameFormat =>
  (raw, ctx) => {
    if (typeof raw !== 'string') return null;
    const key = keys[raw];
    return key !== undefined && ctx.translator.exists(key) ? ctx.translator.t(key) : raw;
  };

/** A list of codes, joined with the UI language's list separator. */
const codes =
  (one: Format): Format =>
  (raw, ctx) => {
    if (!Array.isArray(raw)) return null;
    const texts = raw.map((item) => one(item, ctx)).filter((t): t is string => t !== null);
    return texts.length === 0 ? null : texts.join(ctx.translator.t('case.data.listSeparator'));
  };

const yuan: NameFormat = (raw, ctx) =>
  typeof raw === 'number' ? ctx.translator.t('case.yuan', { amount: formatYuan(yuanToFen(raw)) }) : null;
const province: NameFormat = (raw, ctx) => (typeof raw === 'string' ? provinceName(raw, ctx.locale) : null);
const category: NameFormat = (raw, ctx) => (typeof raw === 'string' ? categoryName(raw, ctx.locale) : null);
/** A reason code alone (a correction may have changed its category too); codes are unique across categories. */
const reason: NameFormat = (raw, ctx) => {
  if (typeof raw !== 'string') return null;
  const found = CATEGORIES.flatMap((c) => c.reasons).find((r) => r.code === raw);
  return found ? localName(found, ctx.locale) : raw;
};

const yesNo: Format = (raw, ctx) =>
  typeof raw === 'boolean' ? ctx.translator.t(raw ? 'common.yes' : 'common.no') : null;

/** An escalation's evidence is an i18n key and its params, as the escalations view shows it. */
const evidence: Format = (raw, ctx) => {
  if (!isRecord(raw) || typeof raw.key !== 'string' || !ctx.translator.exists(raw.key)) return null;
  const params = isRecord(raw.params) ? raw.params : {};
  const scalars = Object.fromEntries(
    Object.entries(params).filter((e): e is [string, string | number] =>
      ['string', 'number'].includes(typeof e[1]),
    ),
  );
  return ctx.translator.t(raw.key, scalars);
};

/** The corrected fields of `case.fields_edited`, labelled as on the case's details tab. */
const EDITED_FIELDS: Readonly<Record<string, FieldSpec & { readonly format?: NameFormat }>> = {
  appellantName: { label: 'field.appellantName' },
  appellantPhone: { label: 'field.appellantPhone' },
  description: { label: 'field.description' },
  waybillNo: { label: 'field.waybillNo' },
  serviceType: { label: 'field.serviceType', format: code('serviceType') },
  originProvince: { label: 'field.originProvince', format: province },
  destProvince: { label: 'field.destProvince', format: province },
  category: { label: 'field.category', format: category },
  reason: { label: 'field.reason', format: reason },
  demand: { label: 'field.demand', format: code('demand') },
  demandAmountYuan: { label: 'field.demandAmount', format: yuan, none: 'common.none' },
};

const ASSIGNEE: FieldSpec = { label: 'casework.assignee', format: staff, none: 'casework.unassigned' };
const ESCALATION_ID = { escalationId: INTERNAL_ID } as const;

/** The facts other than transitions, by entry type: what each recorded field is called and reads as. */
const EVENTS: Readonly<Record<string, EventSpec>> = {
  'case.claimed': { pair: ASSIGNEE },
  'case.released': { pair: ASSIGNEE },
  'case.assigned': { pair: ASSIGNEE },
  'tag.added': { fields: { tag: { label: 'casework.tags' } } },
  'case.fields_edited': {
    fields: {
      fields: {
        label: 'case.data.correctedFields',
        format: codes(
          codeOf(Object.fromEntries(Object.entries(EDITED_FIELDS).map(([k, v]) => [k, v.label]))),
        ),
      },
      ...EDITED_FIELDS,
    },
  },
  'note.added': {
    fields: { noteId: INTERNAL_ID, length: { label: 'case.data.noteLength', format: number } },
  },
  'contact.logged': {
    fields: {
      contactId: INTERNAL_ID,
      calledAt: { label: 'casework.contact.calledAt', format: instant },
      outcome: { label: 'casework.contact.outcome', format: code('casework.contact.outcome') },
      nextAttemptAt: { label: 'casework.contact.next', format: instant },
      note: { label: 'casework.contact.note' },
    },
  },
  'pii.revealed': {
    fields: {
      field: {
        label: 'case.data.piiField',
        format: codeOf({ name: 'field.appellantName', phone: 'field.appellantPhone' }),
      },
      reason: { label: 'case.data.reason' },
    },
  },
  'case.linked': {
    fields: {
      other: { label: 'casework.links', format: caseNo },
      reason: {
        label: 'case.data.linkReason',
        format: codeOf({
          waybill: 'casework.dup.matched.waybill',
          phone: 'casework.dup.matched.phone',
          manual: 'case.data.linkReason.manual',
        }),
      },
    },
  },
  'mediation.revised': {
    fields: {
      facts: { label: 'mediation.facts' },
      appellantPosition: { label: 'mediation.position.appellant' },
      carrierPosition: { label: 'mediation.position.carrier' },
    },
  },
  'mediation.representative_set': {
    fields: {
      side: { label: 'mediation.representative.side', format: code('mediation.representative') },
      fields: { label: 'case.data.recordedFields', format: codes(code('mediation.representative')) },
      replaced: { label: 'case.data.replaced', format: yesNo },
    },
  },
  'mediation.session_recorded': {
    fields: {
      sessionId: INTERNAL_ID,
      heldAt: { label: 'mediation.session.heldAt', format: instant },
      mode: { label: 'mediation.session.mode', format: code('mediation.session.mode') },
      attendees: { label: 'mediation.session.attendees', format: codes(code('mediation.attendee')) },
    },
  },
  'mediation.proposal_recorded': {
    fields: {
      proposalId: INTERNAL_ID,
      by: { label: 'mediation.proposal.by', format: code('mediation.proposer') },
      amountFen: { label: 'case.data.amount', format: fen },
    },
  },
  'mediation.opinion_issued': {
    fields: {
      opinion: { label: 'mediation.opinion.text' },
      replaces: { label: 'case.data.replacesOpinion', format: instant },
    },
  },
  'mediation.agreement_recorded': {
    pair: {
      fields: {
        terms: { label: 'mediation.agreement.terms' },
        amountFen: { label: 'case.data.amount', format: fen },
      },
    },
  },
  'mediation.outcome_recorded': {
    fields: {
      outcome: { label: 'mediation.outcome.choice', format: code('mediation.outcome') },
      note: { label: 'mediation.outcome.note' },
    },
  },
  'mediation.exported': {
    fields: {
      disclosed: {
        label: 'case.data.disclosed',
        format: codes(
          codeOf({
            'appellant.name': 'field.appellantName',
            'appellant.phone': 'field.appellantPhone',
            'representatives.appellant': 'mediation.representative.appellant',
            'representatives.carrier': 'mediation.representative.carrier',
          }),
        ),
      },
    },
  },
  'escalation.raised': {
    fields: {
      ...ESCALATION_ID,
      rule: { label: 'leads.esc.rule' },
      level: { label: 'leads.esc.level', format: code('rules.esc.level') },
      evidence: { label: 'leads.esc.why', format: evidence },
      priority: { label: 'queue.col.priority', format: number },
      assignee: ASSIGNEE,
    },
  },
  'escalation.climbed': {
    fields: { ...ESCALATION_ID, level: { label: 'leads.esc.level', format: code('rules.esc.level') } },
  },
  'escalation.acknowledged': { fields: ESCALATION_ID },
  'escalation.resolved': { fields: { ...ESCALATION_ID, note: { label: 'leads.esc.note' } } },
  'escalation.snoozed': {
    fields: {
      ...ESCALATION_ID,
      until: { label: 'case.data.snoozedUntil', format: instant },
      reason: { label: 'leads.esc.reason' },
    },
  },
};

/** A corrected field's label and a value of it as text (the conflict inbox shows both sides). */
export function editedFieldText(
  field: string,
  raw: unknown,
  ctx: NameContext,
): { label: string; value: string } {
  const spec = EDITED_FIELDS[field];
  const label = spec && ctx.translator.exists(spec.label) ? ctx.translator.t(spec.label) : field;
  const value = isEmpty(raw) ? null : (spec?.format ?? text)(raw, ctx);
  return { label, value: value ?? ctx.translator.t('common.none') };
}

/** The entry's data as label/value lines, in the order it was recorded. */
export function eventDetails(event: Pick<CaseEventView, 'type' | 'data'>, ctx: DetailContext): DetailLine[] {
  const spec = EVENTS[event.type];
  if (spec !== undefined) return specifiedDetails(event.data, spec, ctx);
  const transition = transitionOf(event.type);
  const lines: DetailLine[] = [];
  const add = (field: string, raw: unknown) => {
    if (isEmpty(raw) || HIDDEN.has(field)) return;
    if (isRecord(raw)) {
      for (const [k, v] of Object.entries(raw)) add(`${field}.${k}`, v);
      return;
    }
    lines.push(line(field, labelOf(field, ctx.translator), valueText(field, raw, transition, ctx), raw));
  };
  for (const [field, raw] of Object.entries(recordedData(event))) add(field, raw);
  return lines;
}

function specifiedDetails(data: unknown, spec: EventSpec, ctx: DetailContext): DetailLine[] {
  if (!isRecord(data)) return [];
  if (spec.pair !== undefined && 'from' in data && 'to' in data) return pairLines('', spec.pair, data, ctx);
  const lines: DetailLine[] = [];
  for (const [field, raw] of Object.entries(data)) {
    const fieldSpec = spec.fields?.[field];
    if (fieldSpec === INTERNAL_ID || isEmpty(raw)) continue;
    if (fieldSpec === undefined) {
      // A field this version does not know yet: shown as stored rather than dropped.
      lines.push(line(field, labelOf(field, ctx.translator), valueText(field, raw, null, ctx), raw));
    } else if (isPair(raw)) {
      lines.push(...pairLines(field, fieldSpec, raw, ctx));
    } else {
      const value = (fieldSpec.format ?? text)(raw, ctx);
      if (value !== null) lines.push(line(field, ctx.translator.t(fieldSpec.label), value, raw));
    }
  }
  return lines;
}

/**
 * A change as two lines, "原… / … before" and "新… / … after"; a first value (nothing before, and
 * no `none` that gives the emptiness a meaning) or an unchanged one as one plain line.
 */
function pairLines(
  field: string,
  spec: FieldSpec | RecordPairSpec,
  pair: { from?: unknown; to?: unknown },
  ctx: DetailContext,
): DetailLine[] {
  const { translator } = ctx;
  if ('fields' in spec) {
    const from = isRecord(pair.from) ? pair.from : {};
    const to = isRecord(pair.to) ? pair.to : {};
    const keys = [...new Set([...Object.keys(to), ...Object.keys(from)])];
    return keys.flatMap((k) => {
      const inner = spec.fields[k];
      if (inner === INTERNAL_ID) return [];
      const name = field === '' ? k : `${field}.${k}`;
      return pairLines(
        name,
        inner ?? { label: k, format: unknownValue(k) },
        { from: from[k], to: to[k] },
        ctx,
      );
    });
  }
  const format = spec.format ?? text;
  const none = spec.none === undefined ? null : translator.t(spec.none);
  const before = isEmpty(pair.from) ? none : format(pair.from, ctx);
  const after = (isEmpty(pair.to) ? none : format(pair.to, ctx)) ?? translator.t('common.none');
  const label = translator.exists(spec.label) ? translator.t(spec.label) : spec.label;
  const name = (side: string) => (field === '' ? side : `${field}.${side}`);
  if (before === null || before === after) return [line(field || 'to', label, after, pair.to)];
  return [
    line(name('from'), translator.t('case.data.before', { label }), before, pair.from),
    line(name('to'), translator.t('case.data.after', { label }), after, pair.to),
  ];
}

function line(field: string, label: string, value: string, raw: unknown): DetailLine {
  return { field, label, value, long: typeof raw === 'string' && value.length > LONG_TEXT };
}

function labelOf(field: string, translator: Translator): string {
  const key = `case.data.${field}`;
  return translator.exists(key) ? translator.t(key) : field;
}

const unknownValue =
  (field: string): Format =>
  (raw, ctx) =>
    valueText(field, raw, null, ctx);

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

function isEmpty(raw: unknown): boolean {
  return raw === undefined || raw === null || raw === '';
}

function isPair(raw: unknown): raw is { from: unknown; to: unknown } {
  return isRecord(raw) && 'from' in raw && 'to' in raw;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { z } from 'zod';
import { registerAppealSchema, type RegisterAppeal } from './appeal';
import { yuanToFen } from './money';

/**
 * Corrections of a registered case's descriptive fields (SYNC.md §3.1 "descriptive fields"): each
 * field carries the version it was edited from, so two people correcting the same field cannot
 * overwrite each other unseen, while two correcting different fields both succeed. Channel,
 * receipt time and carrier are not here: they start the statutory clocks or move by transfer.
 */
export const EDITABLE_FIELDS = [
  'appellantName',
  'appellantPhone',
  'description',
  'waybillNo',
  'serviceType',
  'originProvince',
  'destProvince',
  'category',
  'reason',
  'demand',
  'demandAmountYuan',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** Personal data (PIPL): the audit trail and conflict details name these fields, never their values. */
export const PERSONAL_FIELDS: ReadonlySet<EditableField> = new Set(['appellantName', 'appellantPhone']);

export type FieldValue = string | number | null;

export const fieldEditsSchema = z
  .partialRecord(
    z.enum(EDITABLE_FIELDS),
    z
      .object({
        value: z.union([z.string().max(4000), z.number().finite(), z.null()]),
        baseVersion: z.number().int().nonnegative(),
      })
      .strict(),
  )
  .refine((edits) => Object.keys(edits).length > 0, { error: 'validation.caseEdit.nothingToChange' });
export type FieldEdits = z.output<typeof fieldEditsSchema>;

/** A field's current value in a case's intake. */
export function fieldValue(intake: RegisterAppeal, field: EditableField): FieldValue {
  switch (field) {
    case 'appellantName':
      return intake.appellant.name;
    case 'appellantPhone':
      return intake.appellant.phone;
    case 'demandAmountYuan':
      return intake.demandAmountYuan ?? null;
    default:
      return intake[field];
  }
}

/** Same value for the store: amounts compared in fen, so 12.3 and 12.30 are no change. */
export function sameValue(field: EditableField, a: FieldValue, b: FieldValue): boolean {
  if (field === 'demandAmountYuan' && typeof a === 'number' && typeof b === 'number') {
    return yuanToFen(a) === yuanToFen(b);
  }
  return a === b;
}

/** Where registration's schema reports a field, by the edit field it belongs to. */
const ISSUE_PATHS: Readonly<Record<string, EditableField>> = {
  'appellant.name': 'appellantName',
  'appellant.phone': 'appellantPhone',
};

export type EditedIntake =
  | { readonly ok: true; readonly intake: RegisterAppeal }
  | { readonly ok: false; readonly issues: readonly { path: EditableField | ''; key: string }[] };

/**
 * The intake with the new values, validated by registration's own schema as a whole: a category
 * and reason that no longer belong together, or an unknown province, is refused as at intake.
 */
export function editedIntake(
  intake: RegisterAppeal,
  values: Partial<Record<EditableField, FieldValue>>,
): EditedIntake {
  const draft: Record<string, unknown> = { ...intake, appellant: { ...intake.appellant } };
  for (const [field, value] of Object.entries(values) as [EditableField, FieldValue][]) {
    if (field === 'appellantName' || field === 'appellantPhone') {
      (draft.appellant as Record<string, unknown>)[field === 'appellantName' ? 'name' : 'phone'] = value;
    } else if (value === null) {
      delete draft[field];
    } else {
      draft[field] = value;
    }
  }
  const parsed = registerAppealSchema.safeParse(draft);
  if (parsed.success) return { ok: true, intake: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => {
      const path = i.path.join('.');
      const field = ISSUE_PATHS[path] ?? (EDITABLE_FIELDS as readonly string[]).find((f) => f === path);
      return { path: (field as EditableField | undefined) ?? '', key: i.message };
    }),
  };
}

/**
 * The audit entry of a correction: the fields corrected, and each non-personal one's old and new
 * value as a {from, to} pair under its own name (personal data by field name only).
 */
export function fieldEditEventData(
  before: RegisterAppeal,
  after: RegisterAppeal,
  changed: readonly (readonly [EditableField, unknown])[],
): Record<string, unknown> {
  const data: Record<string, unknown> = { fields: changed.map(([field]) => field) };
  for (const [field] of changed) {
    if (!PERSONAL_FIELDS.has(field))
      data[field] = { from: fieldValue(before, field), to: fieldValue(after, field) };
  }
  return data;
}

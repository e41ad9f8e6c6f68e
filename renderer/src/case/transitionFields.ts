import type { z } from 'zod';

/** A form control derived from a transition's zod schema (shared/lifecycle/schemas.ts). */
export interface FieldSpec {
  /** Path inside the transition's `data`, e.g. ['satisfaction', 'carrier']. */
  path: string[];
  kind: 'text' | 'longText' | 'choice' | 'yesNo' | 'yuan';
  options: string[];
  required: boolean;
}

/** Longer limits get a text area; the lifecycle's short texts stay one line. */
const LONG_TEXT = 500;

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  entries?: Record<string, string>;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The controls of a transition form, in the schema's order. Hand-written forms would drift from
 * the rules main checks; deriving them keeps one definition, and the rules' cross-field checks
 * (superRefine) still run on submit, client-side and in main.
 */
export function fieldsOf(schema: z.ZodType, prefix: string[] = []): FieldSpec[] {
  const def = defOf(schema);
  if (def.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape).flatMap(([name, field]) => describe(field, [...prefix, name], true));
}

function describe(schema: z.ZodType, path: string[], required: boolean): FieldSpec[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
      return describe(def.innerType!, path, false);
    case 'pipe':
      return describe(def.in!, path, required);
    case 'object':
      return fieldsOf(schema, path);
    case 'enum':
      return [{ path, kind: 'choice', options: Object.values(def.entries ?? {}), required }];
    case 'boolean':
      return [{ path, kind: 'yesNo', options: [], required }];
    case 'number':
      return [{ path, kind: 'yuan', options: [], required }];
    default: {
      const max = (schema as unknown as { maxLength?: number | null }).maxLength ?? 0;
      return [{ path, kind: max > LONG_TEXT ? 'longText' : 'text', options: [], required }];
    }
  }
}

/** Where a choice's labels live: the lifecycle's code lists, or the app's channel names. */
const LABEL_PREFIXES = [
  'lifecycle.notAcceptReason',
  'lifecycle.noticeMethod',
  'lifecycle.carrierContactMethod',
  'lifecycle.rehandleReason',
  'lifecycle.closureReason',
  'lifecycle.satisfaction',
  'lifecycle.escalationGround',
  'channel',
];

export function choicePrefix(options: readonly string[], exists: (key: string) => boolean): string | null {
  const first = options[0];
  if (first === undefined) return null;
  return LABEL_PREFIXES.find((p) => options.every((o) => exists(`${p}.${o}`))) ?? null;
}

/** Main reports transition problems at `data.<field>`; the form's fields are paths inside data. */
export const formPath = (rpcPath: string) => rpcPath.replace(/^data\.?/, '');

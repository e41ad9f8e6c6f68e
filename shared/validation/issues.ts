import type { z } from 'zod';

/** One problem with an administrator's data, as an i18n key (shared/validation/messages.ts) and a field path. */
export interface IssueText {
  /** Dotted path, e.g. `limits.acceptance.amount`; empty for the whole document. */
  path: string;
  key: string;
  params: Record<string, string | number>;
}

const SIZED = new Set(['number', 'int', 'bigint', 'string', 'array', 'set', 'file']);

/**
 * zod issues → keys both UI languages can say, field by field. `known` maps the English messages
 * of a schema's own refinements to their keys; other messages are zod's generic ones, replaced
 * by a key per issue code.
 */
export function issueTexts(
  issues: readonly z.core.$ZodIssue[],
  known: Readonly<Record<string, string>> = {},
): IssueText[] {
  return issues.map((issue): IssueText => {
    const path = issue.path.map(String).join('.');
    const mine = known[issue.message];
    if (mine) return { path, key: mine, params: {} };
    switch (issue.code) {
      case 'invalid_type':
        return issue.message.endsWith('received undefined')
          ? { path, key: 'issue.required', params: {} }
          : { path, key: 'issue.invalidType', params: { expected: issue.expected } };
      case 'too_small':
      case 'too_big': {
        const origin = SIZED.has(issue.origin) ? issue.origin : 'number';
        const kind = origin === 'int' || origin === 'bigint' ? 'number' : origin === 'set' ? 'array' : origin;
        const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
        const strict = kind === 'number' && !issue.inclusive ? 'Exclusive' : '';
        const name = issue.code === 'too_small' ? 'tooSmall' : 'tooBig';
        return { path, key: `issue.${name}.${kind}${strict}`, params: { limit: Number(bound) } };
      }
      case 'invalid_value':
        return { path, key: 'issue.invalidValue', params: { values: issue.values.map(String).join(', ') } };
      case 'unrecognized_keys':
        return { path, key: 'issue.unknownKeys', params: { keys: issue.keys.join(', ') } };
      case 'invalid_format':
        return { path, key: 'issue.invalidFormat', params: {} };
      case 'not_multiple_of':
        return { path, key: 'issue.notMultipleOf', params: { divisor: Number(issue.divisor) } };
      default:
        return { path, key: 'issue.invalid', params: {} };
    }
  });
}

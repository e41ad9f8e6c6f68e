import type { FieldError, RpcError } from '../../../shared/rpc/errors';

/** One problem with one input path, from main's RpcError or from the client-side zod check. */
export interface FieldProblem {
  /** Dotted path into the input, e.g. `appellant.phone`. */
  path: string;
  /** i18n key, e.g. `validation.tooLong`. */
  key: string;
  params?: Record<string, string | number>;
  /** Main's translation, used when this catalogue does not know the key. */
  message?: string;
}

export interface Translator {
  exists(key: string): boolean;
  t(key: string, params?: Record<string, string | number>): string;
}

/** Translated here (so it follows the UI language now), falling back to main's own wording. */
export function problemText(problem: Omit<FieldProblem, 'path'>, translator: Translator): string {
  if (translator.exists(problem.key)) return translator.t(problem.key, problem.params);
  return problem.message || problem.key;
}

export function problemsFromRpcError(error: RpcError): FieldProblem[] {
  const fields: FieldError[] = error.details?.fields ?? [];
  return fields.map(({ path, key, params, message }) => ({ path, key, params, message }));
}

/** The part of a zod issue that says what and where; kept structural so tests can make them. */
export interface ZodIssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  maximum?: unknown;
  minimum?: unknown;
}

/**
 * shared/domain/appeal.ts puts i18n keys in its messages. Issues zod raises on its own (a yes/no
 * left unanswered, say) carry English prose instead. Form controls always produce the right type,
 * so a wrong type there means a missing answer: `required`; anything else is `invalid`.
 */
export function problemsFromZodIssues(issues: readonly ZodIssueLike[]): FieldProblem[] {
  return issues.map((issue) => {
    const key = issue.message.startsWith('validation.')
      ? issue.message
      : issue.code === 'invalid_type'
        ? 'validation.required'
        : 'validation.invalid';
    const params: Record<string, string | number> = {};
    if (issue.code === 'too_big' && issue.maximum !== undefined) params.max = Number(issue.maximum);
    if (issue.code === 'too_small' && issue.minimum !== undefined) params.min = Number(issue.minimum);
    return { path: issue.path.map(String).join('.'), key, params };
  });
}

export interface PlacedProblems {
  /** Messages per form field path; the first problem of a field is the one worth showing first. */
  byField: Map<string, string[]>;
  /** Messages whose path is not a field on the form (shown above the form, never dropped). */
  unplaced: string[];
}

export function placeProblems(
  problems: readonly FieldProblem[],
  fieldPaths: ReadonlySet<string>,
  translator: Translator,
): PlacedProblems {
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const problem of problems) {
    const text = problemText(problem, translator);
    if (!fieldPaths.has(problem.path)) {
      unplaced.push(problem.path ? `${problem.path}: ${text}` : text);
      continue;
    }
    const list = byField.get(problem.path) ?? [];
    if (!list.includes(text)) list.push(text);
    byField.set(problem.path, list);
  }
  return { byField, unplaced };
}

import type { z } from 'zod';
import type { Role } from '../domain/roles';

export type ProcedureKind = 'query' | 'mutation';

export interface Procedure<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly kind: ProcedureKind;
  readonly input: I;
  readonly roles: readonly Role[];
  /** Type-level only: the procedure's result type. */
  readonly output?: O;
}

/** `procedure<Output>().query(inputSchema, roles)`: the output type is named, the input inferred. */
export function procedure<O>() {
  return {
    query: <I extends z.ZodType>(input: I, roles: readonly Role[]): Procedure<I, O> => ({
      kind: 'query',
      input,
      roles,
    }),
    mutation: <I extends z.ZodType>(input: I, roles: readonly Role[]): Procedure<I, O> => ({
      kind: 'mutation',
      input,
      roles,
    }),
  };
}

export type InputOf<P> = P extends Procedure<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<P> = P extends Procedure<infer I, unknown> ? z.output<I> : never;
export type OutputOf<P> = P extends Procedure<z.ZodType, infer O> ? O : never;

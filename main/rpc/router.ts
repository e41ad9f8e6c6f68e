import type { z } from 'zod';
import { contract, type Contract, type ProcedureName } from '../../shared/rpc/contract';
import type { OutputOf, ParsedInputOf, Procedure } from '../../shared/rpc/define';
import type { Locale } from '../../shared/rpc/dto';
import { RpcFailure, type FieldError, type RpcError, type RpcResult } from '../../shared/rpc/errors';
import { translate } from '../../shared/i18n/translate';
import type { StoreJson } from '../store/protocol';
import type { SessionState } from '../store/service';

export interface CallContext {
  session: SessionState;
}

/**
 * The handlers of a group of procedures (one area's module in shared/rpc/procedures). A handler
 * may answer with the store worker's JSON text (`store.callJson`) instead of the value.
 */
export type HandlersFor<P extends Record<string, Procedure>> = {
  [N in keyof P]: (
    input: ParsedInputOf<P[N]>,
    ctx: CallContext,
  ) => Promise<OutputOf<P[N]> | StoreJson<OutputOf<P[N]>>>;
};

export type Handlers = HandlersFor<Contract>;

export interface Router {
  /** The value may be a StoreJson: transports send `encodeResult(result)` (main/rpc/wire.ts). */
  dispatch(name: string, input: unknown): Promise<RpcResult<unknown>>;
}

/** zod issues → field errors; messages that are not our keys become the generic one. */
export function fieldErrorsFrom(issues: readonly z.core.$ZodIssue[]): Omit<FieldError, 'message'>[] {
  return issues.map((issue) => {
    const key = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
    const params: Record<string, string | number> = {};
    if (issue.code === 'too_big') params.max = Number(issue.maximum);
    if (issue.code === 'too_small') params.min = Number(issue.minimum);
    return { path: issue.path.map(String).join('.'), key, params };
  });
}

function toRpcError(failure: RpcFailure, locale: Locale): RpcError {
  const fields = failure.fields.map((f) => ({ ...f, message: translate(locale, f.key, f.params ?? {}) }));
  return {
    code: failure.code,
    key: failure.key,
    message: translate(locale, failure.key, failure.params),
    ...(fields.length > 0 || Object.keys(failure.extra).length > 0
      ? { details: { ...failure.extra, fields } }
      : {}),
  };
}

/**
 * The one router both transports call (Electron IPC and the web host). The renderer is
 * untrusted: every input is parsed with the contract's schema and every role checked here.
 */
export function createRouter(
  handlers: Handlers,
  session: () => Promise<SessionState>,
  log = console,
): Router {
  return {
    async dispatch(name, input) {
      let locale: Locale = 'zh-CN';
      try {
        if (!Object.hasOwn(contract, name))
          throw new RpcFailure('UNKNOWN_PROCEDURE', 'errors.UNKNOWN_PROCEDURE', { name });
        const procName = name as ProcedureName;
        const procedure = contract[procName];
        const current = await session();
        locale = current.locale;
        if (!current.staff.roles.some((r) => procedure.roles.includes(r))) {
          throw new RpcFailure('FORBIDDEN', 'errors.FORBIDDEN', { name });
        }
        const parsed = procedure.input.safeParse(input ?? {});
        if (!parsed.success) {
          throw new RpcFailure(
            'VALIDATION_FAILED',
            'errors.VALIDATION_FAILED',
            {},
            fieldErrorsFrom(parsed.error.issues),
          );
        }
        const handler = handlers[procName] as (i: unknown, c: CallContext) => Promise<unknown>;
        return { ok: true, value: await handler(parsed.data, { session: current }) };
      } catch (error) {
        if (error instanceof RpcFailure) return { ok: false, error: toRpcError(error, locale) };
        log.error(`[rpc] ${name} failed`, error);
        return { ok: false, error: toRpcError(new RpcFailure('INTERNAL', 'errors.INTERNAL'), locale) };
      }
    },
  };
}

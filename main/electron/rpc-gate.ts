import type { RpcErrorCode, RpcResult } from '../../shared/rpc/errors';
import { translate } from '../../shared/i18n/translate';
import type { Router } from '../rpc/router';
import { isTrustedSender, isValidRpcName, type SenderFacts } from './policy';

export interface GateLog {
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

function rejected(code: RpcErrorCode, params: Record<string, string | number> = {}): RpcResult<never> {
  const key = `errors.${code}`;
  // The gate runs before the router knows the caller's locale; the renderer shows `key`
  // translated in its own language, `message` is the default-locale text for logs.
  return { ok: false, error: { code, key, message: translate('zh-CN', key, params) } };
}

/**
 * What the one IPC handler does with a call, without Electron: check the sender, refuse new
 * calls once shutdown began, check the name's shape, then hand (name, input) to the router,
 * which validates the input with the contract's zod schema and checks the caller's roles.
 * Never throws: every outcome is an RpcResult.
 */
export async function gateRpcCall(
  router: Router,
  sender: SenderFacts,
  closing: boolean,
  name: unknown,
  input: unknown,
  log: GateLog = console,
): Promise<RpcResult<unknown>> {
  if (!isTrustedSender(sender)) {
    log.warn(`[ipc] refused a call from an untrusted sender (${sender.frame?.url ?? 'no frame'})`);
    return rejected('FORBIDDEN', { name: typeof name === 'string' ? name.slice(0, 100) : '?' });
  }
  if (closing) return rejected('SHUTTING_DOWN');
  if (!isValidRpcName(name)) return rejected('UNKNOWN_PROCEDURE', { name: '?' });
  try {
    return await router.dispatch(name, input);
  } catch (error) {
    log.error(`[ipc] ${name} failed outside the router`, error);
    return rejected('INTERNAL');
  }
}

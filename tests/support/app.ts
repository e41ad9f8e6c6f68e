import { startApp, type AppContext } from '../../main/app/context';
import type { RpcResult } from '../../shared/rpc/errors';
import { encodeResult } from '../../main/rpc/wire';

/**
 * The real back end (store worker on a real SQLite file + router), as Electron and the web host
 * start it; results are what crosses to the renderer (encoded and parsed as the transports do).
 */
export async function startTestApp(
  dataDir: string,
): Promise<AppContext & { call: (name: string, input?: unknown) => Promise<RpcResult<unknown>> }> {
  const app = await startApp({ dataDir, host: 'web', version: 'test' });
  return {
    ...app,
    call: async (name, input = {}) =>
      JSON.parse(encodeResult(await app.router.dispatch(name, input))) as RpcResult<unknown>,
  };
}

export function value<T>(result: RpcResult<unknown>): T {
  if (!result.ok) throw new Error(`RPC failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

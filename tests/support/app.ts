import { startApp, type AppContext } from '../../main/app/context';
import type { RpcResult } from '../../shared/rpc/errors';

/** The real back end (store worker on a real SQLite file + router), as Electron and the web host start it. */
export async function startTestApp(
  dataDir: string,
): Promise<AppContext & { call: (name: string, input?: unknown) => Promise<RpcResult<unknown>> }> {
  const app = await startApp({ dataDir, host: 'web', version: 'test' });
  return { ...app, call: (name, input = {}) => app.router.dispatch(name, input) };
}

export function value<T>(result: RpcResult<unknown>): T {
  if (!result.ok) throw new Error(`RPC failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

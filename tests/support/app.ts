import { afterEach, beforeEach } from 'vitest';
import { startApp, type AppContext } from '../../main/app/context';
import type { RpcResult } from '../../shared/rpc/errors';
import { encodeResult } from '../../main/rpc/wire';
import { tempDir } from './temp';

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

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export interface TestAppSlot {
  /** The app of the running test. */
  readonly app: TestApp;
  /** Its data folder. */
  readonly dataDir: string;
  /** Closes the app, runs `whileClosed` (e.g. edits the store file beside it), and starts it again. */
  restart(whileClosed?: () => void): Promise<void>;
}

/**
 * A fresh data folder and a started app for every test of the file (or describe block), closed
 * and removed after it. Call at the top level; read `slot.app` inside tests and hooks.
 */
export function useTestApp(): TestAppSlot {
  let dir: ReturnType<typeof tempDir> | null = null;
  let app: TestApp | null = null;
  const current = <T>(value: T | null): T => {
    if (value === null) throw new Error('useTestApp: read inside a test or hook');
    return value;
  };
  beforeEach(async () => {
    dir = tempDir();
    app = await startTestApp(dir.path);
  });
  afterEach(async () => {
    await app?.close();
    dir?.cleanup();
    app = null;
    dir = null;
  });
  return {
    get app() {
      return current(app);
    },
    get dataDir() {
      return current(dir).path;
    },
    async restart(whileClosed) {
      await current(app).close();
      whileClosed?.();
      app = await startTestApp(current(dir).path);
    },
  };
}

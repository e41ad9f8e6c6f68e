import { app, dialog, Menu, safeStorage, session, type BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, type AppContext } from '../app/context';
import { APP_VERSION } from '../app/version';
import { resolveDataDir } from '../config/paths';
import { electronPrinter } from '../pdf/electron';
import type { Router } from '../rpc/router';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { showNativeNotice } from './notifications';
import { dataDirFlag } from './policy';
import { registerAppScheme, serveRenderer } from './protocol';
import { runtimePaths } from './runtime-paths';
import { guardAllWebContents, hardenSession } from './security';
import { createMainWindow } from './window';

/**
 * Electron main: lifecycle, the window, the app:// protocol and the IPC wiring. Everything
 * else (store worker, router, handlers) is startApp(), shared with the web host.
 */
const PRODUCT_NAME = 'Postal Complaint Desk';
/** How long quitting waits for the store to finish in-flight work and close. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

// Before `ready`: the privileged scheme, the sandbox for every renderer, and the data folder.
// userData IS the data folder, and by default the same one the web host and the CLI use
// (resolveDataDir: --data-dir, DESK_DATA_DIR, then the per-user folder), so `desk seed` fills
// the store the app opens. Chromium's own files go to a subfolder. The single-instance lock
// lives in userData, so separate --data-dir folders are separate instances (tests).
registerAppScheme();
app.enableSandbox();
const dataDir = resolveDataDir(dataDirFlag(process.argv) ?? undefined);
app.setPath('userData', dataDir);
app.setPath('sessionData', join(dataDir, 'chromium'));
if (process.platform === 'win32') app.setAppUserModelId('cn.postal.complaintdesk');
guardAllWebContents(app);

function fatal(title: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[main] ${title}:`, error);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function main(): void {
  let win: BrowserWindow | null = null;
  let phase: 'running' | 'closing' | 'closed' = 'running';
  let context: Promise<AppContext> | null = null;

  // Calls that arrive while the store is still opening wait for it instead of failing.
  const router: Router = {
    dispatch: async (name, input) => {
      if (!context) throw new Error('The store has not been started');
      return (await context).router.dispatch(name, input);
    },
  };
  const ipc = registerIpc(router, () => win);

  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('window-all-closed', () => app.quit());

  // Clean shutdown: refuse new calls, let the store drain in-flight work and close the
  // database (WAL checkpoint), then really quit.
  app.on('before-quit', (event) => {
    if (phase === 'closed') return;
    event.preventDefault();
    if (phase === 'closing') return;
    phase = 'closing';
    ipc.beginShutdown();
    const forced = setTimeout(() => {
      console.error(`[main] the store did not close within ${SHUTDOWN_TIMEOUT_MS} ms; exiting anyway`);
      app.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    void (async () => {
      try {
        if (context) await (await context).close();
      } catch (error) {
        console.error('[main] error while closing the store', error);
      } finally {
        clearTimeout(forced);
        phase = 'closed';
        ipc.dispose();
        app.quit();
      }
    })();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  void app.whenReady().then(() => {
    const paths = runtimePaths({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      mainDir: import.meta.dirname,
      env: process.env,
      electronVersion: process.versions.electron,
      platform: process.platform,
      arch: process.arch,
    });

    if (!existsSync(paths.nativeBinding)) {
      fatal(
        'SQLite module for Electron is missing',
        new Error(
          `Not found: ${paths.nativeBinding}\n` +
            (app.isPackaged
              ? 'The installation is incomplete; reinstall the application.'
              : 'Build it with `node scripts/electron-native.mjs` (npm start does this). See docs/native-modules.md.'),
        ),
      );
      return;
    }

    // The store opens (and migrates) while the window loads.
    context = startApp({
      host: 'electron',
      dataDir,
      version: APP_VERSION,
      migrationsDir: paths.migrationsDir,
      nativeBinding: paths.nativeBinding,
      printer: electronPrinter(),
      // The OS keychain seals the sync refresh token where there is one (not on a bare Linux session).
      secretCipher: safeStorage.isEncryptionAvailable()
        ? {
            encrypt: (plain) => safeStorage.encryptString(plain),
            decrypt: (sealed) => safeStorage.decryptString(sealed),
          }
        : undefined,
    });
    context.then(
      (ctx) => {
        console.log(`[main] store open: ${ctx.dataDir}`);
        ctx.store.on('changed', (payload) => ipc.send({ event: 'data.changed', payload }));
        ctx.jobs.on('progress', (payload) => ipc.send({ event: 'jobs.progress', payload }));
        ctx.escalations.on('raised', (payload) => ipc.send({ event: 'escalation.raised', payload }));
        ctx.sync.on('changed', (payload) => ipc.send({ event: 'data.changed', payload }));
        ctx.sync.on('status', (payload) => ipc.send({ event: 'sync.status', payload }));
        ctx.notifications.on('notify', (notice, locale) => {
          showNativeNotice(notice, locale, () => win, ipc);
          ipc.send({ event: 'notify', payload: notice });
        });
        ctx.store.on('exit', (code) => {
          if (phase === 'running')
            fatal('The case store stopped unexpectedly', new Error(`Store worker exited with code ${code}.`));
        });
      },
      (error: unknown) => fatal('The case store could not be opened', error),
    );

    hardenSession(session.defaultSession);
    serveRenderer(session.defaultSession, paths.rendererDir);
    Menu.setApplicationMenu(
      buildMenu({
        isPackaged: app.isPackaged,
        platform: process.platform,
        productName: PRODUCT_NAME,
        version: APP_VERSION,
        window: () => win,
      }),
    );
    win = createMainWindow({
      preload: paths.preload,
      title: `邮政业申诉工作台 · ${PRODUCT_NAME}`,
      devTools: !app.isPackaged,
      stateFile: join(dataDir, 'window-state.json'),
    });
    win.on('closed', () => {
      win = null;
    });
  });
}

if (app.requestSingleInstanceLock()) main();
else app.quit();

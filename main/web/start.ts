import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startApp } from '../app/context';
import { APP_VERSION } from '../app/version';
import { startWebHost } from './server';

/**
 * `npm run start:web -- [--data-dir D] [--port P]`: the workstation in any browser on this
 * machine, for development, the end-to-end tests and machines without Electron.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'renderer-dir': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535 (got "${values.port}")`);
    process.exit(2);
  }
  const app = await startApp({ dataDir: values['data-dir'], host: 'web', version: APP_VERSION });
  const host = await startWebHost({
    router: app.router,
    rendererDir: values['renderer-dir'] ?? fileURLToPath(new URL('../renderer/', import.meta.url)),
    port,
  });
  app.store.on('changed', (payload) => host.broadcast({ event: 'data.changed', payload }));
  app.jobs.on('progress', (payload) => host.broadcast({ event: 'jobs.progress', payload }));
  app.escalations.on('raised', (payload) => host.broadcast({ event: 'escalation.raised', payload }));
  app.sync.on('changed', (payload) => host.broadcast({ event: 'data.changed', payload }));
  app.sync.on('status', (payload) => host.broadcast({ event: 'sync.status', payload }));
  app.notifications.on('notify', (payload) => host.broadcast({ event: 'notify', payload }));
  console.log(`Postal Complaint Desk is running at ${host.url}`);
  console.log(`Data folder: ${app.dataDir}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping (finishing writes, closing the store)…`);
    await host.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

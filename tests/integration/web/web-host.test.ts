import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../../main/web/server';
import { validAppeal } from '../../support/appeals';
import { startTestApp } from '../../support/app';
import { tempDir } from '../../support/temp';

let dir: ReturnType<typeof tempDir>;
let app: Awaited<ReturnType<typeof startTestApp>>;
let host: WebHost;

beforeEach(async () => {
  dir = tempDir();
  const rendererDir = join(dir.path, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir.path, 'secret.txt'), 'secret');
  app = await startTestApp(join(dir.path, 'data'));
  host = await startWebHost({ router: app.router, rendererDir });
  app.store.on('changed', (payload) => host.broadcast({ event: 'data.changed', payload }));
});
afterEach(async () => {
  await host.close();
  await app.close();
  dir.cleanup();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  path: string,
  options: { method?: string; token?: string | null; body?: string; hostHeader?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: options.hostHeader ?? `127.0.0.1:${host.port}` };
    const token = options.token === undefined ? host.token : options.token;
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'POST', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web host', () => {
  it('prints a URL with the token and serves the renderer with a strict CSP', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    const page = await send('/', { method: 'GET', token: null });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect((await send('/queue/anything', { method: 'GET', token: null })).body).toMatch(/<title>desk/);
  });

  it('refuses the API without the token (401) and with a wrong one (403)', async () => {
    expect((await send('/rpc/app.info', { token: null, body: '{}' })).status).toBe(401);
    expect((await send('/rpc/app.info', { token: 'wrong', body: '{}' })).status).toBe(403);
    const ok = await send('/rpc/app.info', { body: '{}' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { host: 'web', caseCount: 0 } });
  });

  it('refuses foreign Host headers (DNS rebinding), bad JSON and oversized bodies', async () => {
    expect((await send('/rpc/app.info', { body: '{}', hostHeader: 'evil.example:80' })).status).toBe(421);
    expect((await send('/rpc/app.info', { body: '{not json' })).status).toBe(400);
    expect(
      (
        await send('/rpc/cases.register', {
          body: JSON.stringify({ description: 'x'.repeat(2 * 1024 * 1024) }),
        })
      ).status,
    ).toBe(413);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/../../secret.txt',
    ]) {
      const reply = await send(path, { method: 'GET', token: null });
      expect(reply.body).not.toContain('secret');
    }
    expect((await send('/assets/missing.js', { method: 'GET', token: null })).status).toBe(404);
  });

  it('pushes data.changed to authorised sockets only', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${host.port}/events`);
    await expect(new Promise((_, reject) => refused.on('error', reject))).rejects.toThrow(/401/);

    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/events?token=${host.token}`);
    await new Promise((resolve) => ws.on('open', resolve));
    const message = new Promise<string>((resolve) =>
      ws.on('message', (data: Buffer) => resolve(data.toString())),
    );
    const reply = await send('/rpc/cases.register', { body: JSON.stringify(validAppeal()) });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
    expect(JSON.parse(await message)).toMatchObject({
      event: 'data.changed',
      payload: { tables: ['cases'] },
    });
    ws.close();
  });
});

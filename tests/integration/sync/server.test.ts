import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncDb } from '../../../server/db';
import { registerAppealSchema } from '../../../shared/domain/appeal';
import {
  MAX_BODY_BYTES,
  PROTOCOL_VERSION,
  type PullResponse,
  type PushResponse,
} from '../../../shared/sync/protocol';
import { validAppeal } from '../../support/appeals';
import { TestClock, openTestDb, startServer, type TestDb } from '../../sync/server';

let handle: TestDb;
let db: SyncDb;
let app: FastifyInstance;
let clock: TestClock;

beforeEach(async () => {
  clock = new TestClock();
  handle = await openTestDb();
  db = handle.db;
  app = await startServer(db, clock);
});
afterEach(async () => {
  await app.close();
  await handle.dispose();
});

async function login(username: string, password: string, ws = 'ws-1') {
  const res = await app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { username, password, workstation: { id: ws, name: ws } },
  });
  return {
    status: res.statusCode,
    body: res.json() as { accessToken: string; refreshToken: string; error?: string },
  };
}

const appeal = (waybill = 'SF1234567890123') =>
  registerAppealSchema.parse(validAppeal({ waybillNo: waybill, receivedAt: clock.now() }));

function mutation<A>(seq: number, name: string, args: A, actor = 'u-li') {
  return { seq, id: randomUUID(), name, args, actorUserId: actor, occurredAt: clock.now() };
}

async function push(token: string, clientId: string, mutations: unknown[]) {
  const res = await app.inject({
    method: 'POST',
    url: '/sync/v1/push',
    headers: { authorization: `Bearer ${token}` },
    payload: { clientId, protocolVersion: PROTOCOL_VERSION, clientNow: clock.now(), mutations },
  });
  return {
    status: res.statusCode,
    body: res.json() as PushResponse & { error?: string; expectedSeq?: number },
  };
}

async function pull(token: string, clientId: string, cursor = 0, extra: Record<string, unknown> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/sync/v1/pull',
    headers: { authorization: `Bearer ${token}` },
    payload: {
      clientId,
      protocolVersion: PROTOCOL_VERSION,
      serverEpoch: null,
      cursor,
      lastAckedMutationId: 0,
      ...extra,
    },
  });
  return { status: res.statusCode, body: res.json() as PullResponse & { error?: string } };
}

describe('auth', () => {
  it('refuses a wrong password and an unknown user alike, and accepts the right one', async () => {
    expect(await login('li', 'nope')).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
    expect(await login('nobody', 'li-password')).toMatchObject({
      status: 401,
      body: { error: 'Unauthorized' },
    });
    const ok = await login('li', 'li-password');
    expect(ok.status).toBe(200);
    expect(ok.body.accessToken).toMatch(/\./);
  });

  it('refuses an expired access token; a refresh token works once and not after logout', async () => {
    const { body } = await login('li', 'li-password');
    clock.advance(16 * 60_000);
    const expired = await pull(body.accessToken, randomUUID());
    expect(expired).toMatchObject({ status: 401, body: { error: 'TokenExpired' } });
    const refreshed = await app.inject({
      method: 'POST',
      url: '/auth/refresh',
      payload: { refreshToken: body.refreshToken },
    });
    expect(refreshed.statusCode).toBe(200);
    const again = await app.inject({
      method: 'POST',
      url: '/auth/refresh',
      payload: { refreshToken: body.refreshToken },
    });
    expect(again.statusCode).toBe(401);
    const next = refreshed.json() as { accessToken: string; refreshToken: string };
    expect((await pull(next.accessToken, randomUUID())).status).toBe(200);
    await app.inject({ method: 'POST', url: '/auth/logout', payload: { refreshToken: next.refreshToken } });
    const revoked = await app.inject({
      method: 'POST',
      url: '/auth/refresh',
      payload: { refreshToken: next.refreshToken },
    });
    expect(revoked.statusCode).toBe(401);
  });

  it('refuses a token whose claims were altered', async () => {
    const { body } = await login('li', 'li-password');
    const mac = body.accessToken.split('.')[1];
    const claims = { sub: 'u-admin', ws: 'ws-1', roles: ['admin'], exp: clock.now() + 60_000 };
    const forged = `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${mac}`;
    expect((await pull(forged, randomUUID())).body.error).toBe('Unauthorized');
  });

  it('lets only admins manage users, and new users can sign in', async () => {
    const li = (await login('li', 'li-password')).body.accessToken;
    const admin = (await login('admin', 'admin-password')).body.accessToken;
    const payload = { username: 'wang', name: '王', roles: ['handler'], password: 'wang-password' };
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/admin/users',
          headers: { authorization: `Bearer ${li}` },
          payload,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/admin/users',
          headers: { authorization: `Bearer ${admin}` },
          payload,
        })
      ).statusCode,
    ).toBe(200);
    expect((await login('wang', 'wang-password')).status).toBe(200);
  });
});

describe('push', () => {
  it('applies, dedupes a replay by (client, seq) and refuses a gap or a reused seq', async () => {
    const token = (await login('li', 'li-password')).body.accessToken;
    const client = randomUUID();
    const create = mutation(1, 'createCase.v1', {
      id: randomUUID(),
      caseNo: 'SS20261120000001',
      input: appeal(),
    });
    const first = await push(token, client, [create]);
    expect(first.body).toMatchObject({
      lastMutationId: 1,
      results: [{ seq: 1, outcome: 'applied', version: 1 }],
    });
    const replay = await push(token, client, [create]);
    expect(replay.body.results).toEqual(first.body.results);
    expect(await db.query('SELECT 1 FROM cases')).toHaveLength(1);
    const gap = await push(token, client, [mutation(3, 'releaseCase.v1', { caseId: create.args.id })]);
    expect(gap).toMatchObject({ status: 409, body: { error: 'OutOfOrder', expectedSeq: 2 } });
    const diverged = await push(token, client, [{ ...create, id: randomUUID() }]);
    expect(diverged).toMatchObject({ status: 409, body: { error: 'ClientStateDiverged' } });
  });

  it('lets the first claim win and records the loser as rejected with the server state', async () => {
    const li = (await login('li', 'li-password', 'ws-1')).body.accessToken;
    const han = (await login('han', 'han-password', 'ws-2')).body.accessToken;
    const [c1, c2] = [randomUUID(), randomUUID()];
    const caseId = randomUUID();
    await push(li, c1, [
      mutation(1, 'createCase.v1', { id: caseId, caseNo: 'SS20261120000001', input: appeal() }),
    ]);
    const claimLi = await push(li, c1, [mutation(2, 'claimCase.v1', { caseId, expectedAssignee: null })]);
    const claimHan = await push(han, c2, [
      mutation(1, 'claimCase.v1', { caseId, expectedAssignee: null }, 'u-han'),
    ]);
    expect(claimLi.body.results[0]).toMatchObject({ outcome: 'applied' });
    expect(claimHan.body.results[0]).toMatchObject({
      outcome: 'rejected',
      code: 'ALREADY_CLAIMED',
      details: { assigneeId: 'u-li' },
      version: null,
    });
    const transition = await push(han, c2, [
      mutation(
        2,
        'transitionStatus.v1',
        { caseId, transition: 'accept', from: 'registered', data: {} },
        'u-han',
      ),
    ]);
    expect(transition.body.results[0]).toMatchObject({ outcome: 'rejected', code: 'NOT_ASSIGNEE' });
    const rows = await db.query<{ outcome: string }>(
      'SELECT outcome FROM sync_mutations ORDER BY received_at, seq',
    );
    expect(rows.map((r) => r.outcome).sort()).toEqual(['applied', 'applied', 'rejected', 'rejected']);
  });

  it('gives the second workstation a new case number when its number is taken', async () => {
    const li = (await login('li', 'li-password', 'ws-1')).body.accessToken;
    const han = (await login('han', 'han-password', 'ws-2')).body.accessToken;
    await push(li, randomUUID(), [
      mutation(1, 'createCase.v1', { id: randomUUID(), caseNo: 'SS20261120000001', input: appeal() }),
    ]);
    await push(han, randomUUID(), [
      mutation(
        1,
        'createCase.v1',
        { id: randomUUID(), caseNo: 'SS20261120000001', input: appeal() },
        'u-han',
      ),
    ]);
    const numbers = await db.query<{ case_no: string }>('SELECT case_no FROM cases ORDER BY version');
    expect(numbers.map((n) => n.case_no)).toEqual(['SS20261120000001', 'SS20261120000002']);
  });

  it('refuses, and applies nothing of, a push for another user, a malformed body or an oversized one', async () => {
    const li = (await login('li', 'li-password')).body.accessToken;
    const client = randomUUID();
    const create = (seq: number, actor = 'u-li') =>
      mutation(
        seq,
        'createCase.v1',
        { id: randomUUID(), caseNo: 'SS20261120000001', input: appeal() },
        actor,
      );
    const foreign = await push(li, client, [create(1), create(2, 'u-han')]);
    expect(foreign).toMatchObject({ status: 403, body: { error: 'Forbidden' } });
    const malformed = await app.inject({
      method: 'POST',
      url: '/sync/v1/push',
      headers: { authorization: `Bearer ${li}`, 'content-type': 'application/json' },
      payload: '{"clientId": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: 'BadRequest' });
    const wrongShape = await push(li, client, [{ seq: 'one' }]);
    expect(wrongShape).toMatchObject({ status: 400, body: { error: 'BadRequest' } });
    const huge = await push(li, client, [
      { ...create(1), args: { id: randomUUID(), caseNo: 'x', input: 'x'.repeat(MAX_BODY_BYTES) } },
    ]);
    expect(huge).toMatchObject({ status: 413, body: { error: 'PayloadTooLarge' } });
    expect(await db.query('SELECT 1 FROM sync_mutations')).toHaveLength(0);
    expect(await db.query('SELECT 1 FROM cases')).toHaveLength(0);
  });

  it('refuses a client id used from another workstation', async () => {
    const one = (await login('li', 'li-password', 'ws-1')).body.accessToken;
    const two = (await login('li', 'li-password', 'ws-2')).body.accessToken;
    const client = randomUUID();
    await push(one, client, [
      mutation(1, 'createCase.v1', { id: randomUUID(), caseNo: 'SS20261120000001', input: appeal() }),
    ]);
    const stolen = await push(two, client, [mutation(2, 'releaseCase.v1', { caseId: randomUUID() })]);
    expect(stolen).toMatchObject({ status: 403, body: { error: 'Forbidden' } });
  });
});

describe('pull', () => {
  it('pages by version, reports outcomes of lost responses, and demands a resync for a foreign epoch', async () => {
    const li = (await login('li', 'li-password')).body.accessToken;
    const client = randomUUID();
    const muts = Array.from({ length: 5 }, (_, i) =>
      mutation(i + 1, 'createCase.v1', {
        id: randomUUID(),
        caseNo: `SS2026112000000${i + 1}`,
        input: appeal(),
      }),
    );
    await push(li, client, muts);
    const first = await pull(li, client, 0, { limit: 2 });
    expect(first.body).toMatchObject({ fromVersion: 0, toVersion: 2, hasMore: true, lastMutationId: 5 });
    expect(first.body.cases.map((c) => c.version)).toEqual([1, 2]);
    expect(first.body.events.map((e) => e.version)).toEqual([1, 2]);
    expect(first.body.mutationResults).toHaveLength(5);
    const rest = await pull(li, client, 2, { limit: 10, lastAckedMutationId: 5 });
    expect(rest.body).toMatchObject({ fromVersion: 2, toVersion: 5, hasMore: false, mutationResults: [] });
    const foreign = await pull(li, client, 5, { serverEpoch: 'another-epoch' });
    expect(foreign).toMatchObject({ status: 410, body: { error: 'ResyncRequired' } });
    const ahead = await pull(li, client, 99);
    expect(ahead).toMatchObject({ status: 410, body: { error: 'ResyncRequired' } });
  });

  it('long-polls: a waiting pull returns as soon as another workstation changes something', async () => {
    const li = (await login('li', 'li-password', 'ws-1')).body.accessToken;
    const han = (await login('han', 'han-password', 'ws-2')).body.accessToken;
    const waiting = pull(li, randomUUID(), 0, { waitMs: 20_000 });
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await push(han, randomUUID(), [
      mutation(
        1,
        'createCase.v1',
        { id: randomUUID(), caseNo: 'SS20261120000001', input: appeal() },
        'u-han',
      ),
    ]);
    const result = await waiting;
    expect(result.body.cases).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

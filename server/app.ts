import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ROLES } from '../shared/domain/roles';
import {
  MAX_BODY_BYTES,
  PROTOCOL_VERSION,
  pullRequestSchema,
  pushRequestSchema,
} from '../shared/sync/protocol';
import { volumeEntrySchema } from '../shared/sync/reference';
import {
  ACCESS_TOKEN_MS,
  REFRESH_TOKEN_MS,
  hashPassword,
  hashToken,
  issueAccessToken,
  newRefreshToken,
  verifyAccessToken,
  verifyPassword,
  type AccessClaims,
} from './auth';
import type { SyncDb } from './db';
import { SyncError } from './errors';
import { SpaceNotifier } from './notifier';
import { ReferenceStore } from './reference';
import { SyncStore, type Clock } from './store';

export interface ServerOptions {
  db: SyncDb;
  clock?: Clock;
  /** How often a long-poll re-reads the counter when no NOTIFY arrives. */
  pollMs?: number;
}

const loginSchema = z
  .object({
    username: z.string().min(1).max(100),
    password: z.string().min(1).max(200),
    workstation: z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(100) }).strict(),
  })
  .strict();
const refreshSchema = z.object({ refreshToken: z.string().min(1).max(200) }).strict();
const userSchema = z
  .object({
    id: z.string().min(1).max(64).optional(),
    username: z.string().min(1).max(100),
    name: z.string().min(1).max(100),
    roles: z.array(z.enum(ROLES)).min(1),
    teamId: z.string().max(64).nullable().default(null),
    password: z.string().min(8).max(200),
  })
  .strict();
const teamSchema = z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(100) }).strict();
const yearParamSchema = z.object({ year: z.string().regex(/^\d{4}$/, { error: 'a year such as 2027' }) });
const activationSchema = z
  .object({ id: z.string().min(1).max(40), version: z.number().int().positive() })
  .strict();
const volumesSchema = z.object({ rows: z.array(volumeEntrySchema).min(1).max(10_000) }).strict();

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const where = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw new SyncError('BadRequest', where);
  }
  return result.data;
}

/**
 * The sync service: stateless (sessions are signed tokens, everything else is in the database),
 * so several instances can run behind a load balancer on one PostgreSQL.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { db } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const store = new SyncStore(db, clock);
  const reference = new ReferenceStore(db);
  const notifier = new SpaceNotifier(options.pollMs);
  await notifier.start(db);
  const [secretRow] = await db.query<{ value: string }>(
    `SELECT value FROM sync_meta WHERE key = 'token_secret'`,
  );
  const secret = process.env.SYNC_TOKEN_SECRET ?? secretRow!.value;

  const app = Fastify({ bodyLimit: MAX_BODY_BYTES, logger: false });
  app.addHook('onClose', () => notifier.close());

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _req, reply) => {
    if (error instanceof SyncError) {
      return reply.status(error.status).send({ error: error.code, message: error.message, ...error.extra });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(413)
        .send({ error: 'PayloadTooLarge', message: `bodies are limited to ${MAX_BODY_BYTES} bytes` });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: 'BadRequest', message: error.message });
    }
    return reply
      .status(503)
      .send({ error: 'Unavailable', message: 'the server could not complete the request; retry' });
  });

  const authenticate = (req: FastifyRequest): AccessClaims => {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Bearer ')) throw new SyncError('Unauthorized', 'sign in first');
    const check = verifyAccessToken(secret, header.slice(7), clock.now());
    if (!check.ok)
      throw new SyncError(
        check.error,
        check.error === 'TokenExpired' ? 'the access token expired: refresh it' : 'invalid token',
      );
    return check.claims;
  };
  const requireRole = (claims: AccessClaims, role: string) => {
    if (!claims.roles.includes(role)) throw new SyncError('Forbidden', `needs the ${role} role`);
  };

  const issueSession = async (
    staff: { id: string; name: string; roles: string[] },
    workstationId: string,
  ) => {
    const now = clock.now();
    const refreshToken = newRefreshToken();
    await db.query(
      `INSERT INTO refresh_tokens (id, token_hash, staff_id, workstation_id, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [randomUUID(), hashToken(refreshToken), staff.id, workstationId, now + REFRESH_TOKEN_MS, now],
    );
    const expiresAt = now + ACCESS_TOKEN_MS;
    return {
      accessToken: issueAccessToken(secret, {
        sub: staff.id,
        ws: workstationId,
        roles: staff.roles,
        exp: expiresAt,
      }),
      expiresAt,
      refreshToken,
      user: { id: staff.id, name: staff.name, roles: staff.roles },
      workstationId,
      protocolVersion: PROTOCOL_VERSION,
    };
  };

  // Every signed-in workstation needs its colleagues' names and roles (assignment, who holds a case).
  app.get('/staff', async (req) => {
    authenticate(req);
    return db.query('SELECT id, name, roles, team_id AS "teamId", active FROM staff ORDER BY id');
  });

  // Calendar years, rule profiles and volumes administered here: every workstation takes them.
  app.get('/reference', async (req) => {
    authenticate(req);
    return reference.read();
  });

  app.get('/health', async () => ({
    ok: true,
    backend: db.kind,
    serverEpoch: await store.epoch(),
    protocolVersion: PROTOCOL_VERSION,
  }));

  app.post('/auth/login', async (req) => {
    const body = parse(loginSchema, req.body);
    const [staff] = await db.query<{
      id: string;
      name: string;
      roles: string[];
      password_hash: string;
      active: number;
    }>('SELECT id, name, roles, password_hash, active FROM staff WHERE username = $1', [body.username]);
    // One answer for unknown user and wrong password: no account probing.
    if (!staff || staff.active !== 1 || !(await verifyPassword(body.password, staff.password_hash))) {
      throw new SyncError('Unauthorized', 'wrong user name or password');
    }
    await db.query(
      `INSERT INTO workstations (id, name, registered_by, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`,
      [body.workstation.id, body.workstation.name, staff.id, clock.now()],
    );
    return issueSession(staff, body.workstation.id);
  });

  app.post('/auth/refresh', async (req) => {
    const body = parse(refreshSchema, req.body);
    const now = clock.now();
    // Rotation: the old token is revoked in the same statement that finds it, so it works once.
    const [token] = await db.query<{ staff_id: string; workstation_id: string }>(
      `UPDATE refresh_tokens SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2
       RETURNING staff_id, workstation_id`,
      [hashToken(body.refreshToken), now],
    );
    if (!token)
      throw new SyncError('Unauthorized', 'the refresh token is unknown, expired or revoked: sign in again');
    const [staff] = await db.query<{ id: string; name: string; roles: string[]; active: number }>(
      'SELECT id, name, roles, active FROM staff WHERE id = $1',
      [token.staff_id],
    );
    if (!staff || staff.active !== 1) throw new SyncError('Unauthorized', 'the account is disabled');
    return issueSession(staff, token.workstation_id);
  });

  app.post('/auth/logout', async (req) => {
    const body = parse(refreshSchema, req.body);
    await db.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [
      hashToken(body.refreshToken),
      clock.now(),
    ]);
    return { ok: true };
  });

  app.post('/sync/v1/push', async (req) => {
    const claims = authenticate(req);
    const body = parse(pushRequestSchema, req.body);
    if (body.protocolVersion !== PROTOCOL_VERSION)
      throw new SyncError('VersionNotSupported', `protocol ${PROTOCOL_VERSION} only`);
    return store.push(
      { staffId: claims.sub, workstationId: claims.ws },
      body.clientId,
      body.clientNow,
      body.mutations,
    );
  });

  app.post('/sync/v1/pull', async (req, reply) => {
    const claims = authenticate(req);
    const body = parse(pullRequestSchema, req.body);
    if (body.protocolVersion !== PROTOCOL_VERSION)
      throw new SyncError('VersionNotSupported', `protocol ${PROTOCOL_VERSION} only`);
    const session = { staffId: claims.sub, workstationId: claims.ws };
    if (body.waitMs > 0) {
      const closed = new AbortController();
      req.raw.once('close', () => closed.abort());
      await notifier.waitFor(
        async () => (await store.spaceVersion()) > body.cursor,
        body.waitMs,
        closed.signal,
      );
    }
    // Sent as the store wrote it: a bootstrap page is megabytes of JSON not worth parsing and re-serialising.
    return reply.type('application/json; charset=utf-8').send(await store.pullJson(session, body));
  });

  const admin =
    (handler: (req: FastifyRequest, claims: AccessClaims) => Promise<unknown>) =>
    async (req: FastifyRequest) => {
      const claims = authenticate(req);
      requireRole(claims, 'admin');
      return handler(req, claims);
    };

  app.get(
    '/admin/users',
    admin(async () =>
      db.query('SELECT id, username, name, roles, team_id, active FROM staff ORDER BY username'),
    ),
  );
  app.post(
    '/admin/users',
    admin(async (req) => {
      const u = parse(userSchema, req.body);
      const id = u.id ?? randomUUID();
      await db
        .query(
          `INSERT INTO staff (id, username, name, roles, team_id, password_hash, active, created_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7)`,
          [
            id,
            u.username,
            u.name,
            JSON.stringify(u.roles),
            u.teamId,
            await hashPassword(u.password),
            clock.now(),
          ],
        )
        .catch((error: { code?: string }) => {
          if (error.code === '23505') throw new SyncError('BadRequest', 'that user name or id is taken');
          throw error;
        });
      return { id };
    }),
  );
  app.get(
    '/admin/teams',
    admin(async () => db.query('SELECT id, name FROM teams ORDER BY id')),
  );
  app.post(
    '/admin/teams',
    admin(async (req) => {
      const t = parse(teamSchema, req.body);
      await db.query(
        'INSERT INTO teams (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name',
        [t.id, t.name],
      );
      return { id: t.id };
    }),
  );

  app.get(
    '/admin/calendars',
    admin(async () => (await reference.read()).calendarYears),
  );
  app.put(
    '/admin/calendars/:year',
    admin(async (req, claims) => {
      const { year } = parse(yearParamSchema, req.params);
      return reference.putCalendarYear(Number(year), req.body, claims.sub, clock.now());
    }),
  );
  app.get(
    '/admin/profiles',
    admin(async () => {
      const { ruleProfiles, activeProfile } = await reference.read();
      return { versions: ruleProfiles, active: activeProfile };
    }),
  );
  app.post(
    '/admin/profiles',
    admin(async (req, claims) => reference.saveProfile(req.body, claims.sub, clock.now())),
  );
  app.post(
    '/admin/profiles/activate',
    admin(async (req, claims) =>
      reference.activateProfile(parse(activationSchema, req.body), claims.sub, clock.now()),
    ),
  );
  app.get(
    '/admin/volumes',
    admin(async () => (await reference.read()).volumes),
  );
  app.put(
    '/admin/volumes',
    admin(async (req, claims) => ({
      stored: await reference.putVolumes(parse(volumesSchema, req.body).rows, claims.sub, clock.now()),
    })),
  );

  return app;
}

/** Creates a staff account directly in the database: the first admin, demo users, tests. */
export async function createStaff(
  db: SyncDb,
  user: {
    id: string;
    username: string;
    name: string;
    roles: string[];
    password: string;
    teamId?: string | null;
  },
  now = Date.now(),
): Promise<void> {
  await db.query(
    `INSERT INTO staff (id, username, name, roles, team_id, password_hash, active, created_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7)
     ON CONFLICT (id) DO NOTHING`,
    [
      user.id,
      user.username,
      user.name,
      JSON.stringify(user.roles),
      user.teamId ?? null,
      await hashPassword(user.password),
      now,
    ],
  );
}

import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskEvents, verifyDeskTrail } from '../../../main/store/audit';
import { StoreService } from '../../../main/store/service';
import { CURRENT_PROFILE, type LimitRule, type RuleProfile } from '../../../shared/deadlines';
import { registerAppealSchema } from '../../../shared/domain/appeal';
import { RpcFailure } from '../../../shared/rpc/errors';
import { translate } from '../../../shared/i18n/translate';
import { validAppeal } from '../../support/appeals';
import { tempDir } from '../../support/temp';

const admin = { staffId: 'local-operator', workstation: 'test-ws' };
const roles = ['handler', 'team_lead'] as const;
let dir: ReturnType<typeof tempDir>;
let store: StoreService;

beforeEach(() => {
  dir = tempDir();
  store = StoreService.open({ file: join(dir.path, 'desk.sqlite') });
});
afterEach(() => {
  store.close();
  dir.cleanup();
});

const register = (receivedAt: number) =>
  store.domains.cases.register(
    registerAppealSchema.parse(validAppeal({ receivedAt })),
    admin,
    [...roles],
    receivedAt + 300_000,
  ).case;

/** `current` with the overall answer cut to 15 calendar days: an administrator's edit. */
const fifteenDays = (): RuleProfile => ({
  ...CURRENT_PROFILE,
  limits: {
    ...CURRENT_PROFILE.limits,
    overall_answer: { ...(CURRENT_PROFILE.limits.overall_answer as LimitRule), amount: 15 },
  },
});

const dueOf = (caseId: string, limit: string) =>
  store.db
    .prepare('SELECT due_date AS d FROM case_deadlines WHERE case_id = ? AND limit_name = ?')
    .get(caseId, limit) as { d: string } | undefined;

describe('stored rule profiles', () => {
  it('keeps a case on the version it was registered under after another version is activated', () => {
    // Wed 2026-03-04 10:00: 30 days end Fri 04-03; 15 days end Thu 03-19.
    const received = Date.parse('2026-03-04T10:00:00+08:00');
    const before = register(received);
    expect(before).toMatchObject({ profileId: 'current', profileVersion: 1 });

    const saved = store.domains.profiles.save(fifteenDays(), admin);
    expect(saved).toEqual({ id: 'current', version: 2 });
    // Saving does not make it active.
    expect(register(received).profileVersion).toBe(1);
    store.domains.profiles.activate(saved, admin);
    const after = register(received);
    expect(after).toMatchObject({ profileId: 'current', profileVersion: 2 });
    expect(store.domains.cases.history(after.id)[0]).toMatchObject({
      type: 'transition.register',
      data: { profile: { id: 'current', version: 2 } },
    });

    const answer = (id: string) =>
      store.domains.cases.clocks(id, received + 86_400_000)!.find((c) => c.limit === 'overall_answer')!;
    expect(answer(before.id).dueDate).toBe('2026-04-03');
    expect(answer(after.id).dueDate).toBe('2026-03-19');
    expect(dueOf(before.id, 'overall_answer')?.d).toBe('2026-04-03');
    expect(dueOf(after.id, 'overall_answer')?.d).toBe('2026-03-19');

    // A transition recomputes the materialised rows, still under each case's own version.
    for (const id of [before.id, after.id])
      store.domains.cases.transition(
        { caseId: id, transition: 'accept', data: {} },
        admin,
        [...roles],
        received + 3_600_000,
      );
    expect(dueOf(before.id, 'overall_answer')?.d).toBe('2026-04-03');
    expect(dueOf(after.id, 'overall_answer')?.d).toBe('2026-03-19');
    // So does a bulk recomputation (after a calendar import).
    store.domains.queue.refreshOpenDeadlines();
    expect(dueOf(before.id, 'overall_answer')?.d).toBe('2026-04-03');
    expect(dueOf(after.id, 'overall_answer')?.d).toBe('2026-03-19');
  });

  it('numbers versions itself and never changes a stored one', () => {
    const v2 = store.domains.profiles.save({ ...fifteenDays(), version: 7 }, admin);
    const v3 = store.domains.profiles.save(CURRENT_PROFILE, admin);
    expect([v2.version, v3.version]).toEqual([2, 3]);
    expect(store.domains.profiles.get('current', 2).limits.overall_answer?.amount).toBe(15);
    expect(store.domains.profiles.get('current').version).toBe(3);
    expect(() => store.db.prepare("UPDATE rule_profiles SET author = 'x'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM rule_profiles').run()).toThrow(/append-only/);

    const fresh = store.domains.profiles.save({ ...CURRENT_PROFILE, id: 'city-desk' }, admin);
    expect(fresh).toEqual({ id: 'city-desk', version: 1 });
    const listed = store.domains.profiles.list().map((p) => `${p.id}@${p.version}:${p.builtIn ? 'b' : 's'}`);
    expect(listed).toEqual([
      'carrier-desk@1:b',
      'city-desk@1:s',
      'current@1:b',
      'current@2:s',
      'current@3:s',
      'measures-2014@1:b',
    ]);
  });

  it('records saves and activations in the desk audit trail with their author, not in the sync outbox', () => {
    const saved = store.domains.profiles.save(fifteenDays(), admin, 1_000);
    store.domains.profiles.activate(saved, admin, 2_000);
    const audited = deskEvents(store.db).map((e) => ({ type: e.type, actor: e.actorId, at: e.at }));
    expect(audited).toEqual([
      { type: 'ruleProfileSaved', actor: 'local-operator', at: 1_000 },
      { type: 'ruleProfileActivated', actor: 'local-operator', at: 2_000 },
    ]);
    expect(verifyDeskTrail(store.db).brokenAt).toBeNull();
    // The team server does not know rule profiles yet.
    expect(
      store.db.prepare("SELECT COUNT(*) AS n FROM sync_outbox WHERE name LIKE '%RuleProfile%'").get(),
    ).toEqual({
      n: 0,
    });
    const listed = store.domains.profiles.list().find((p) => p.version === 2)!;
    expect(listed).toMatchObject({ author: 'local-operator', createdAt: 1_000, active: true });
  });

  it('refuses an unknown version to activate', () => {
    expect(() => store.domains.profiles.activate({ id: 'current', version: 2 }, admin)).toThrow(RpcFailure);
    expect(store.domains.profiles.active()).toEqual({ id: 'current', version: 1 });
  });

  it('refuses a bad profile field by field, in both languages, and stores nothing', () => {
    const bad = JSON.parse(JSON.stringify(CURRENT_PROFILE)) as Record<string, never> & {
      limits: Record<string, Record<string, unknown>>;
    };
    bad.limits.acceptance!.amount = 0;
    bad.limits.carrier_reply!.unit = 'weeks';
    bad.limits.callback!.dueAtTimeOfDay = '25:00';
    delete bad.limits.overall_answer!.rollForward;
    let failure: RpcFailure | undefined;
    try {
      store.domains.profiles.save(bad, admin);
    } catch (e) {
      failure = e as RpcFailure;
    }
    expect(failure?.key).toBe('profiles.invalid');
    expect(failure?.params).toEqual({ count: 4 });
    const fields = Object.fromEntries(failure!.fields.map((f) => [f.path, f]));
    expect(Object.keys(fields).sort()).toEqual([
      'limits.acceptance.amount',
      'limits.callback.dueAtTimeOfDay',
      'limits.carrier_reply.unit',
      'limits.overall_answer.rollForward',
    ]);
    const say = (path: string, locale: 'en' | 'zh-CN') =>
      translate(locale, fields[path]!.key, fields[path]!.params ?? {});
    expect(say('limits.acceptance.amount', 'en')).toBe('Must be greater than 0');
    expect(say('limits.acceptance.amount', 'zh-CN')).toBe('必须大于 0');
    expect(say('limits.carrier_reply.unit', 'en')).toBe(
      'Must be one of: calendar_days, working_days, hours, working_hours',
    );
    expect(say('limits.callback.dueAtTimeOfDay', 'zh-CN')).toBe('时间须为 HH:MM，00:00 至 24:00');
    expect(say('limits.overall_answer.rollForward', 'en')).toBe('Required');
    expect(say('limits.overall_answer.rollForward', 'zh-CN')).toBe('必填');
    expect(store.db.prepare('SELECT count(*) AS n FROM rule_profiles').get()).toEqual({ n: 0 });
  });
});

describe('case_deadlines rows from before started_at existed', () => {
  it('are recomputed once by the catch-up, and only once', () => {
    const id = register(Date.parse('2026-03-04T10:00:00+08:00')).id;
    store.db.prepare('UPDATE case_deadlines SET started_at = NULL').run();
    store.db.prepare("DELETE FROM app_meta WHERE key = 'case_deadlines.started_at'").run();
    expect(store.domains.queue.catchUpDeadlines()).toBe(1);
    const missing = store.db.prepare('SELECT count(*) AS n FROM case_deadlines WHERE started_at IS NULL');
    expect(missing.get()).toEqual({ n: 0 });
    expect(
      store.db
        .prepare(
          "SELECT started_at AS s FROM case_deadlines WHERE case_id = ? AND limit_name = 'overall_answer'",
        )
        .get(id),
    ).toEqual({ s: Date.parse('2026-03-04T10:00:00+08:00') });
    store.db.prepare('UPDATE case_deadlines SET started_at = NULL').run();
    expect(store.domains.queue.catchUpDeadlines()).toBe(0);
  });
});

import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveImportedYear } from '../../../main/calendar/imported-years';
import { StoreService } from '../../../main/store/service';
import { registerAppealSchema } from '../../../shared/domain/appeal';
import { validAppeal } from '../../support/appeals';
import { IMPORTED_2027 } from '../../support/calendar';
import { tempDir } from '../../support/temp';

const actor = { staffId: 'local-operator', workstation: 'test-ws' };
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

/** Registered a few minutes after it was received, as a handler finishing a call would. */
const register = (receivedAt: number) =>
  store.domains.cases.register(
    registerAppealSchema.parse(validAppeal({ receivedAt })),
    actor,
    [...roles],
    receivedAt + 300_000,
  ).case.id;

describe('case clocks', () => {
  it('runs the statutory clocks from the history, with an explanation in both languages', () => {
    // Received Wed 2026-09-30 16:10 +08:00: the 30-day answer runs over National Day.
    const id = register(Date.parse('2026-09-30T16:10:00+08:00'));
    const clocks = store.domains.cases.clocks(id, Date.parse('2026-10-02T09:00:00+08:00'))!;
    const answer = clocks.find((c) => c.limit === 'overall_answer')!;
    expect(answer.dueDate).toBe('2026-10-30');
    expect(answer.state).toBe('on_track');
    expect(answer.provisional).toBe(false);
    expect(answer.explanation.en.join(' ')).toMatch(/2026-09-30/);
    expect(answer.explanation.zh.length).toBeGreaterThan(0);

    // Accepted on Thu 2026-10-08, the first working day after the holiday: within 2 working days.
    store.domains.cases.transition(
      { caseId: id, transition: 'accept', data: {} },
      actor,
      [...roles],
      Date.parse('2026-10-08T10:00:00+08:00'),
    );
    const accepted = store.domains.cases.clocks(id, Date.parse('2026-10-09T09:00:00+08:00'))!;
    expect(accepted.find((c) => c.limit === 'acceptance')).toMatchObject({
      state: 'met',
      dueDate: '2026-10-09',
    });
  });

  it('marks a deadline that reaches into an unpublished year provisional, and recomputes it after the import', () => {
    const id = register(Date.parse('2027-01-12T10:00:00+08:00'));
    const before = store.domains.cases
      .clocks(id, Date.parse('2027-01-12T11:00:00+08:00'))!
      .find((c) => c.limit === 'overall_answer')!;
    expect(before.provisional).toBe(true);

    saveImportedYear(dir.path, IMPORTED_2027);
    const after = store.domains.cases
      .clocks(id, Date.parse('2027-01-12T11:00:00+08:00'))!
      .find((c) => c.limit === 'overall_answer')!;
    expect(after.provisional).toBe(false);
    // 30 days end on Thu 2027-02-11, inside the imported Spring Festival: rolled to Fri 2027-02-12.
    expect(after.dueDate).toBe('2027-02-12');
    expect(before.dueDate).not.toBe(after.dueDate);
  });
});

import type { RegisterAppeal } from '../../../shared/domain/appeal';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { Role } from '../../../shared/domain/roles';
import type { CaseStatus } from '../../../shared/domain/status';
import { computeClocks, type Clock } from '../../../shared/deadlines';
import type { TransitionName } from '../../../shared/lifecycle';
import type { CaseDetail, CaseEventView, RegisterResult } from '../../../shared/rpc/dto';
import type { Actor } from '../audit';
import { CaseCommands } from '../cases';
import { CaseEditCommands, type EditFieldsInput } from '../caseEdits';
import type { StoreContext } from '../context';
import { ruleProfiles } from '../profiles';
import { availableFor, TransitionCommands } from '../transitions';

export interface TransitionInput {
  caseId: string;
  transition: TransitionName;
  data: unknown;
  expectedStatus?: CaseStatus | undefined;
}

/** Registration, the lifecycle, the audit timeline and the clocks of a case. */
export function casesDomain(ctx: StoreContext) {
  const { db } = ctx;
  const calendar = () => ctx.calendar.get();
  const commands = new CaseCommands(db, calendar);
  const transitions = new TransitionCommands(db, calendar);
  const edits = new CaseEditCommands(db);

  /** A case as the session's roles see it: with the transitions they may offer. */
  const get = (id: string, roles: readonly Role[]): CaseDetail | null => {
    const detail = commands.get(id);
    const lifecycle = transitions.state(id);
    if (!detail || !lifecycle) return null;
    return { ...detail, lifecycle, available: availableFor(lifecycle, roles) };
  };

  return {
    get,

    register(input: RegisterAppeal, actor: Actor, roles: readonly Role[], now = Date.now()): RegisterResult {
      const result = commands.register(input, actor, now);
      ctx.changed({ tables: ['cases'], caseIds: [result.case.id] });
      return { ...result, case: get(result.case.id, roles)! };
    },

    transition(input: TransitionInput, actor: Actor, roles: readonly Role[], now = Date.now()): CaseDetail {
      transitions.apply(input, roles, actor, now);
      ctx.changed({ tables: ['cases', 'case_events'], caseIds: [input.caseId] });
      return get(input.caseId, roles)!;
    },

    editFields(input: EditFieldsInput, actor: Actor, roles: readonly Role[], now = Date.now()): CaseDetail {
      edits.edit(input, actor, roles, now);
      ctx.changed({ tables: ['cases', 'parties', 'case_events'], caseIds: [input.caseId] });
      return get(input.caseId, roles)!;
    },

    history(id: string): CaseEventView[] {
      return db
        .prepare(
          `SELECT e.seq, e.type, e.at, e.actor_id AS actorId, s.name AS actorName, e.workstation, e.status, e.data
             FROM case_events e LEFT JOIN staff s ON s.id = e.actor_id
            WHERE e.case_id = ? ORDER BY e.seq`,
        )
        .all(id)
        .map((r) => {
          const row = r as CaseEventView & { data: string };
          return { ...row, data: JSON.parse(row.data) as unknown };
        });
    },

    /**
     * The case's clocks, computed from its history under the rule profile version it was recorded with and the
     * current calendar. Never stored: an imported calendar year or a new event changes them at once.
     * The history must be in time order, which the store guarantees by stamping events at commit.
     */
    clocks(id: string, now = Date.now()): Clock[] | null {
      const row = db
        .prepare('SELECT received_at, profile_id, profile_version FROM cases WHERE id = ?')
        .get(id) as { received_at: number; profile_id: string; profile_version: number } | undefined;
      if (!row) return null;
      const profile = ruleProfiles(db).resolve(row.profile_id, row.profile_version);
      if (!profile) return [];
      const history = db
        .prepare('SELECT at, type, status FROM case_events WHERE case_id = ? ORDER BY seq')
        .all(id) as HistoryEntry[];
      return computeClocks({
        receivedAt: row.received_at,
        history,
        profile,
        calendar: ctx.calendar.get(),
        now,
      });
    },
  };
}

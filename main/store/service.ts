import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import type { RegisterAppeal } from '../../shared/domain/appeal';
import type { QueueView } from '../../shared/domain/views';
import type { Role } from '../../shared/domain/roles';
import type { CaseStatus } from '../../shared/domain/status';
import type { TransitionName } from '../../shared/lifecycle';
import type { CaseDetail, CaseEventView, CasePage, DataChanged, DemoStatus, Locale, ReferenceData, StaffMember } from '../../shared/rpc/dto';
import { RpcFailure } from '../../shared/rpc/errors';
import { writeDemoData } from '../seed/write';
import { verifyAuditTrail, type Actor, type VerifyReport } from './audit';
import { CaseCommands } from './cases';
import { openDatabase, type OpenOptions } from './database';
import { QueueQueries } from './queue';
import { availableFor, TransitionCommands } from './transitions';
import { dirname } from 'node:path';
import { computeClocks, findRuleProfile, type Clock } from '../../shared/deadlines';
import type { HistoryEntry } from '../../shared/domain/history';
import { CalendarSource } from '../calendar/imported-years';
import { ensureReferenceData, getMeta, getStaff, listCarriers, listStaff, LOCAL_OPERATOR_ID, setMeta } from './reference';

export interface SessionState {
  staff: StaffMember;
  workstation: string;
  locale: Locale;
}

/**
 * Everything the app asks of the case store. It runs inside the store worker (the one writer);
 * main reaches it only through StoreHost messages, so arguments and results are plain data.
 */
export class StoreService {
  private readonly queue: QueueQueries;
  private readonly commands: CaseCommands;
  private readonly transitions: TransitionCommands;
  private readonly calendar: CalendarSource;
  private changeListener: (change: DataChanged) => void = () => {};

  private constructor(
    readonly db: Database.Database,
    readonly schema: string[],
    dataDir: string,
  ) {
    this.calendar = new CalendarSource(dataDir);
    ensureReferenceData(db);
    if (!getMeta(db, 'workstation.id')) setMeta(db, 'workstation.id', randomUUID());
    this.queue = new QueueQueries(db);
    this.commands = new CaseCommands(db);
    this.transitions = new TransitionCommands(db);
  }

  static open(options: OpenOptions): StoreService {
    const { db } = openDatabase(options);
    const schema = (db.prepare('SELECT tag FROM schema_migrations ORDER BY tag').all() as { tag: string }[]).map(
      (r) => r.tag,
    );
    return new StoreService(db, schema, dirname(options.file));
  }

  onChange(listener: (change: DataChanged) => void): void {
    this.changeListener = listener;
  }

  private changed(change: DataChanged): void {
    this.changeListener(change);
  }

  info(): { caseCount: number; schema: string[] } {
    return { caseCount: this.caseCount(), schema: this.schema };
  }

  private caseCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n;
  }

  session(): SessionState {
    const staffId = getMeta(this.db, 'session.staffId') ?? LOCAL_OPERATOR_ID;
    const staff = getStaff(this.db, staffId) ?? getStaff(this.db, LOCAL_OPERATOR_ID)!;
    return {
      staff,
      workstation: getMeta(this.db, 'workstation.name') ?? hostname(),
      locale: (getMeta(this.db, 'session.locale') as Locale | null) ?? 'zh-CN',
    };
  }

  setLocale(locale: Locale): SessionState {
    setMeta(this.db, 'session.locale', locale);
    return this.session();
  }

  reference(): ReferenceData {
    return { carriers: listCarriers(this.db), staff: listStaff(this.db) };
  }

  listCases(view: QueueView, staffId: string, cursor: { receivedAt: number; id: string } | null, limit: number): CasePage {
    return this.queue.page(view, staffId, cursor, limit);
  }

  countCases(view: QueueView, staffId: string): number {
    return this.queue.count(view, staffId);
  }

  /** A case as the session's roles see it: with the transitions they may offer. */
  getCase(id: string, roles: readonly Role[]): CaseDetail | null {
    const detail = this.commands.get(id);
    const lifecycle = this.transitions.state(id);
    if (!detail || !lifecycle) return null;
    return { ...detail, lifecycle, available: availableFor(lifecycle, roles) };
  }

  registerAppeal(input: RegisterAppeal, actor: Actor, roles: readonly Role[], now = Date.now()) {
    const result = this.commands.register(input, actor, now);
    this.changed({ tables: ['cases'], caseIds: [result.case.id] });
    return { ...result, case: this.getCase(result.case.id, roles)! };
  }

  transitionCase(
    input: { caseId: string; transition: TransitionName; data: unknown; expectedStatus?: CaseStatus | undefined },
    actor: Actor,
    roles: readonly Role[],
    now = Date.now(),
  ): CaseDetail {
    this.transitions.apply(input, roles, actor, now);
    this.changed({ tables: ['cases', 'case_events'], caseIds: [input.caseId] });
    return this.getCase(input.caseId, roles)!;
  }

  /**
   * The case's clocks, computed from its history under the rule profile it runs under and the
   * current calendar. Never stored: an imported calendar year or a new event changes them at once.
   */
  caseClocks(id: string, now = Date.now()): Clock[] | null {
    const row = this.db.prepare('SELECT received_at, profile_id FROM cases WHERE id = ?').get(id) as
      | { received_at: number; profile_id: string }
      | undefined;
    if (!row) return null;
    const profile = findRuleProfile(row.profile_id);
    if (!profile) return [];
    const history = this.db
      .prepare('SELECT at, type, status FROM case_events WHERE case_id = ? ORDER BY seq')
      .all(id) as HistoryEntry[];
    return computeClocks({ receivedAt: row.received_at, history, profile, calendar: this.calendar.get(), now });
  }

  caseHistory(id: string): CaseEventView[] {
    return this.db
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
  }

  demoStatus(): DemoStatus {
    const caseCount = this.caseCount();
    return { caseCount, offerDemo: caseCount === 0 };
  }

  /** Demo data goes only into an empty store, so it can never mix with real appeals. */
  loadDemo(cases: number, actor: Actor): { written: number } {
    if (this.caseCount() > 0) throw new RpcFailure('CONFLICT', 'errors.demo.notEmpty');
    const { written } = writeDemoData(this.db, { cases, actorWorkstation: actor.workstation });
    this.changed({ tables: ['cases', 'staff'] });
    return { written };
  }

  verifyAudit(): VerifyReport {
    return verifyAuditTrail(this.db);
  }

  close(): void {
    if (this.db.open) {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
  }
}

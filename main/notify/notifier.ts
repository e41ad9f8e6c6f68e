import { EventEmitter } from 'node:events';
import type { EscalationRaised } from '../../shared/escalation/dto';
import type { Notice } from '../../shared/notify/dto';
import type { DataChanged, Locale } from '../../shared/rpc/dto';
import type { EscalationRunner } from '../escalation/runner';
import type { StoreHost } from '../store/host';
import type { AssignedRow, EscalationNoticeRow } from '../store/domains/notify';
import type { SessionState } from '../store/service';

/**
 * Decides which desktop notifications the signed-in user gets, in main: L2/L3 escalations whose
 * inbox includes them (the engine picks the recipients by level and team) and cases someone else
 * assigned to them. Quiet mode emits nothing (the inbox still fills). One notice per escalation
 * level or per batch of assignments, so a bulk change is one notification, not hundreds.
 */
export class Notifier extends EventEmitter<{ notify: [Notice, Locale]; error: [unknown] }> {
  private cursor: number | null = null;
  private queue: Promise<void> = Promise.resolve();
  private pendingAssignCheck = false;
  private seq = 0;

  constructor(
    private readonly store: StoreHost,
    private readonly session: () => Promise<SessionState>,
  ) {
    super();
  }

  start(escalations: EscalationRunner): this {
    escalations.on('raised', (raised) => this.enqueue(() => this.escalated(raised)));
    this.store.on('changed', (change) => this.changed(change));
    // The cursor starts at the trail's end: only assignments from now on notify.
    this.enqueue(() => this.assigned());
    return this;
  }

  /** Resolves when every check queued so far has run (tests). */
  idle(): Promise<void> {
    return this.queue;
  }

  /**
   * Looks for new assignments after a change; the store's own changes arrive by themselves, other
   * sources of changes (team sync applying another workstation's) call this too.
   */
  changed(change: DataChanged): void {
    if (!change.caseIds?.length || this.pendingAssignCheck) return;
    this.pendingAssignCheck = true;
    this.enqueue(() => {
      this.pendingAssignCheck = false;
      return this.assigned();
    });
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => void this.emit('error', error));
  }

  private async escalated(raised: EscalationRaised): Promise<void> {
    const { staff, locale } = await this.session();
    if (await this.store.call('notify', 'quiet', staff.id)) return;
    const ids = raised.items.filter((i) => i.level >= 2).map((i) => i.id);
    const mine = await this.store.call('notify', 'escalationsFor', staff.id, ids);
    for (const level of [3, 2]) {
      const rows = mine.filter((r) => r.level === level);
      if (rows.length > 0) this.emit('notify', this.escalationNotice(level, rows), locale);
    }
  }

  private async assigned(): Promise<void> {
    const { staff, locale } = await this.session();
    const { cursor, rows } = await this.store.call('notify', 'assignedSince', staff.id, this.cursor);
    this.cursor = cursor;
    if (rows.length === 0 || (await this.store.call('notify', 'quiet', staff.id))) return;
    this.emit('notify', this.assignedNotice(rows), locale);
  }

  private escalationNotice(level: number, rows: EscalationNoticeRow[]): Notice {
    const first = rows[0]!;
    const one = rows.length === 1;
    return this.notice({
      kind: 'escalation',
      titleKey: 'notify.escalation.title',
      bodyKey: one ? first.evidence.key : 'notify.escalation.many',
      params: { ...(one ? first.evidence.params : {}), level, caseNo: first.caseNo, count: rows.length },
      caseId: first.caseId,
      level,
    });
  }

  private assignedNotice(rows: AssignedRow[]): Notice {
    const first = rows[0]!;
    const bodyKey =
      rows.length > 1
        ? 'notify.assigned.many'
        : first.byName === null
          ? 'notify.assigned.byEngine'
          : 'notify.assigned.body';
    return this.notice({
      kind: 'assigned',
      titleKey: 'notify.assigned.title',
      bodyKey,
      params: { caseNo: first.caseNo, by: first.byName ?? '', count: rows.length },
      caseId: first.caseId,
      level: 0,
    });
  }

  private notice(fields: Omit<Notice, 'id' | 'at'>): Notice {
    const at = Date.now();
    return { ...fields, id: `${at}-${++this.seq}`, at };
  }
}

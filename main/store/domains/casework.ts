import { randomUUID } from 'node:crypto';
import type {
  BulkOutcome,
  CaseNote,
  CaseworkView,
  ContactEntry,
  DuplicateCandidate,
  Revealed,
} from '../../../shared/casework/dto';
import type { BulkInput, ContactOutcome, LinkReason, PiiField } from '../../../shared/casework/schemas';
import type { Role } from '../../../shared/domain/roles';
import type { CaseStatus } from '../../../shared/domain/status';
import { RpcFailure } from '../../../shared/rpc/errors';
import { AuditLog, type Actor } from '../audit';
import type { StoreContext } from '../context';
import { Outbox } from '../outbox';
import { toListItem } from '../queue';
import { getStaff } from '../reference';
import { TransitionCommands } from '../transitions';

const LEADS: readonly Role[] = ['team_lead', 'admin'];
const isLead = (roles: readonly Role[]) => roles.some((r) => LEADS.includes(r));
const DUPLICATE_WINDOW_MS = 90 * 86_400_000;
const PII_COLUMNS: Record<PiiField, string> = {
  name: 'name',
  phone: 'phone',
  idNumber: 'id_number',
  address: 'address',
};

/**
 * Personal data may be revealed by team leads and admins on any case, and by a handler or mediator
 * on a case assigned to them (claim it first): least privilege (PIPL Art.51). Statistics staff never.
 */
export function mayReveal(roles: readonly Role[], assigneeId: string | null, staffId: string): boolean {
  if (isLead(roles)) return true;
  return assigneeId === staffId && roles.some((r) => r === 'handler' || r === 'mediator');
}

/**
 * The handler's actions beside the lifecycle: claim, release, assign, notes, the contact log,
 * revealing personal data, tags, duplicate links and bulk actions. Each change of a case is one
 * transaction with its audit event and its sync intent.
 */
export function caseworkDomain(ctx: StoreContext) {
  const { db } = ctx;
  const audit = new AuditLog(db);
  const outbox = new Outbox(db);
  const transitions = new TransitionCommands(db, () => ctx.calendar.get());
  const caseRow = db.prepare(
    'SELECT status, assignee_id AS assigneeId FROM cases WHERE id = ?',
  ) as unknown as {
    get(id: string): { status: CaseStatus; assigneeId: string | null } | undefined;
  };
  const setAssignee = db.prepare(
    'UPDATE cases SET assignee_id = ?, updated_at = ?, version = version + 1 WHERE id = ? AND assignee_id IS ?',
  );

  const load = (caseId: string) => {
    const row = caseRow.get(caseId);
    if (!row) throw new RpcFailure('NOT_FOUND', 'errors.NOT_FOUND');
    return row;
  };
  const staffName = (id: string | null) => (id ? (getStaff(db, id)?.name ?? id) : '');
  const conflict = (assigneeId: string | null) =>
    new RpcFailure(
      'CONFLICT',
      assigneeId ? 'casework.conflict.assignedTo' : 'casework.conflict.unassigned',
      { name: staffName(assigneeId) },
      [],
      { currentAssignee: assigneeId },
    );

  /** Moves the assignee from `expected` to `to` or throws CONFLICT; call inside a transaction. */
  const moveAssignee = (
    caseId: string,
    expected: string | null,
    to: string | null,
    type: string,
    actor: Actor,
    now: number,
  ) => {
    const row = load(caseId);
    if (row.assigneeId !== expected || setAssignee.run(to, now, caseId, expected).changes !== 1) {
      throw conflict(row.assigneeId);
    }
    audit.append({ caseId, type, at: now, status: row.status, data: { from: expected, to } }, actor);
  };

  const assignOne = (
    input: { caseId: string; toUser: string; expectedAssignee: string | null; reason: string },
    actor: Actor,
    roles: readonly Role[],
    now: number,
  ) => {
    if (!getStaff(db, input.toUser)) {
      throw new RpcFailure('VALIDATION_FAILED', 'errors.VALIDATION_FAILED', {}, [
        { path: 'toUser', key: 'casework.assign.unknownStaff' },
      ]);
    }
    // Handing over one's own or an unassigned case is anyone's; taking a case from a colleague is a lead's.
    const own = input.expectedAssignee === null || input.expectedAssignee === actor.staffId;
    if (!own && !isLead(roles)) throw new RpcFailure('FORBIDDEN', 'casework.forbidden.reassign');
    moveAssignee(input.caseId, input.expectedAssignee, input.toUser, 'case.assigned', actor, now);
    outbox.append('reassignCase.v1', input, input.caseId, actor, now);
  };

  const tagOne = (caseId: string, tag: string, actor: Actor, now: number) => {
    const row = load(caseId);
    const added = db
      .prepare('INSERT OR IGNORE INTO case_tags (case_id, tag, added_by, added_at) VALUES (?, ?, ?, ?)')
      .run(caseId, tag, actor.staffId, now).changes;
    if (added === 0) return;
    audit.append({ caseId, type: 'tag.added', at: now, status: row.status, data: { tag } }, actor);
    outbox.append('tagCase.v1', { caseId, tag }, caseId, actor, now);
  };

  const notes = (caseId: string): CaseNote[] =>
    db
      .prepare(
        `SELECT n.id, n.body, n.author_id AS authorId, s.name AS authorName, n.created_at AS createdAt
           FROM case_notes n LEFT JOIN staff s ON s.id = n.author_id WHERE n.case_id = ? ORDER BY n.created_at, n.rowid`,
      )
      .all(caseId) as CaseNote[];

  const contacts = (caseId: string): ContactEntry[] =>
    db
      .prepare(
        `SELECT c.id, c.called_at AS calledAt, c.outcome, c.next_attempt_at AS nextAttemptAt, c.note,
                c.staff_id AS staffId, s.name AS staffName
           FROM case_contacts c LEFT JOIN staff s ON s.id = c.staff_id WHERE c.case_id = ? ORDER BY c.called_at, c.rowid`,
      )
      .all(caseId) as ContactEntry[];

  const done = (caseIds: string[], tables: string[]) =>
    ctx.changed({ tables: ['cases', 'case_events', ...tables], caseIds });

  return {
    view(caseId: string, actor: Actor, roles: readonly Role[]): CaseworkView {
      const row = load(caseId);
      const links = db
        .prepare(
          `SELECT c.id AS caseId, c.case_no AS caseNo, l.reason, l.linked_at AS linkedAt FROM case_links l
             JOIN cases c ON c.id = CASE WHEN l.case_a = @id THEN l.case_b ELSE l.case_a END
            WHERE l.case_a = @id OR l.case_b = @id ORDER BY l.linked_at`,
        )
        .all({ id: caseId }) as CaseworkView['links'];
      const tags = (
        db.prepare('SELECT tag FROM case_tags WHERE case_id = ? ORDER BY tag').all(caseId) as {
          tag: string;
        }[]
      ).map((t) => t.tag);
      return {
        assigneeId: row.assigneeId,
        assigneeName: row.assigneeId ? staffName(row.assigneeId) : null,
        notes: notes(caseId),
        contacts: contacts(caseId),
        tags,
        links,
        mayReveal: mayReveal(roles, row.assigneeId, actor.staffId),
      };
    },

    /** Takes the case if nobody holds it (or I already do: then nothing changes). */
    claim(caseId: string, actor: Actor, now = Date.now()): void {
      const changed = db.transaction(() => {
        const row = load(caseId);
        if (row.assigneeId === actor.staffId) return false;
        if (row.assigneeId !== null) throw conflict(row.assigneeId);
        moveAssignee(caseId, null, actor.staffId, 'case.claimed', actor, now);
        outbox.append('claimCase.v1', { caseId, expectedAssignee: null }, caseId, actor, now);
        return true;
      })();
      if (changed) done([caseId], []);
    },

    /** Gives the case back to the pool: its assignee may, and a lead may for anyone. */
    release(caseId: string, actor: Actor, roles: readonly Role[], now = Date.now()): void {
      db.transaction(() => {
        const row = load(caseId);
        if (row.assigneeId === null) throw conflict(null);
        if (row.assigneeId !== actor.staffId && !isLead(roles))
          throw new RpcFailure('FORBIDDEN', 'casework.forbidden.release');
        moveAssignee(caseId, row.assigneeId, null, 'case.released', actor, now);
        outbox.append('releaseCase.v1', { caseId }, caseId, actor, now);
      })();
      done([caseId], []);
    },

    assign(
      input: { caseId: string; toUser: string; expectedAssignee: string | null; reason: string },
      actor: Actor,
      roles: readonly Role[],
      now = Date.now(),
    ): void {
      db.transaction(() => assignOne(input, actor, roles, now))();
      done([input.caseId], []);
    },

    notes,
    addNote(caseId: string, body: string, actor: Actor, now = Date.now()): CaseNote {
      const noteId = randomUUID();
      db.transaction(() => {
        const row = load(caseId);
        db.prepare(
          'INSERT INTO case_notes (id, case_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)',
        ).run(noteId, caseId, actor.staffId, body, now);
        audit.append(
          { caseId, type: 'note.added', at: now, status: row.status, data: { noteId, length: body.length } },
          actor,
        );
        outbox.append('appendNote.v1', { caseId, noteId, body }, caseId, actor, now);
      })();
      done([caseId], ['case_notes']);
      return notes(caseId).find((n) => n.id === noteId)!;
    },

    contacts,
    logContact(
      input: {
        caseId: string;
        calledAt: number;
        outcome: ContactOutcome;
        nextAttemptAt: number | null;
        note: string | null;
      },
      actor: Actor,
      now = Date.now(),
    ): ContactEntry {
      const id = randomUUID();
      db.transaction(() => {
        const row = load(input.caseId);
        db.prepare(
          `INSERT INTO case_contacts (id, case_id, staff_id, called_at, outcome, next_attempt_at, note, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          input.caseId,
          actor.staffId,
          input.calledAt,
          input.outcome,
          input.nextAttemptAt,
          input.note,
          now,
        );
        const { caseId, ...call } = input;
        audit.append(
          { caseId, type: 'contact.logged', at: now, status: row.status, data: { contactId: id, ...call } },
          actor,
        );
        outbox.append('logContact.v1', { contactId: id, ...input }, caseId, actor, now);
      })();
      done([input.caseId], ['case_contacts']);
      return contacts(input.caseId).find((c) => c.id === id)!;
    },

    /** One clear value, audited; the caller shows it and forgets it. */
    reveal(
      input: { caseId: string; field: PiiField; reason?: string | undefined },
      actor: Actor,
      roles: readonly Role[],
      now = Date.now(),
    ): Revealed {
      const value = db.transaction(() => {
        const row = load(input.caseId);
        if (!mayReveal(roles, row.assigneeId, actor.staffId))
          throw new RpcFailure('FORBIDDEN', 'casework.forbidden.reveal');
        const party = db
          .prepare(
            `SELECT ${PII_COLUMNS[input.field]} AS v FROM parties WHERE case_id = ? AND kind = 'appellant'`,
          )
          .get(input.caseId) as { v: string | null } | undefined;
        const data = { field: input.field, ...(input.reason ? { reason: input.reason } : {}) };
        audit.append(
          { caseId: input.caseId, type: 'pii.revealed', at: now, status: row.status, data },
          actor,
        );
        return party?.v ?? null;
      })();
      done([input.caseId], []);
      return { field: input.field, value };
    },

    /** Earlier appeals with the same waybill number or appellant phone, received in the last 90 days. */
    duplicates(
      input: {
        waybillNo?: string | undefined;
        phone?: string | undefined;
        excludeCaseId?: string | undefined;
      },
      now = Date.now(),
    ): DuplicateCandidate[] {
      const since = now - DUPLICATE_WINDOW_MS;
      const waybill = input.waybillNo && input.waybillNo.length >= 6 ? input.waybillNo.toUpperCase() : null;
      const phone = input.phone && input.phone.length >= 7 ? input.phone : null;
      if (!waybill && !phone) return [];
      const rows = db
        .prepare(
          `SELECT c.id, c.case_no AS caseNo, c.status, c.channel, c.received_at AS receivedAt, p.name AS appellantName,
                  p.phone AS appellantPhone, c.carrier_id AS carrierId, c.waybill_no AS waybillNo, c.category, c.reason,
                  c.assignee_id AS assigneeId, c.priority,
                  c.waybill_no = @waybill AS byWaybill, p.phone = @phone AS byPhone,
                  EXISTS (SELECT 1 FROM case_links l WHERE (l.case_a = @exclude AND l.case_b = c.id)
                                                        OR (l.case_b = @exclude AND l.case_a = c.id)) AS linked
             FROM cases c JOIN parties p ON p.case_id = c.id AND p.kind = 'appellant'
            WHERE c.id IN (SELECT id FROM cases WHERE waybill_no = @waybill
                           UNION SELECT case_id FROM parties WHERE phone = @phone AND kind = 'appellant')
              AND c.received_at >= @since AND c.id IS NOT @exclude
            ORDER BY c.received_at DESC LIMIT 20`,
        )
        .all({ waybill, phone, since, exclude: input.excludeCaseId ?? null }) as (Parameters<
        typeof toListItem
      >[0] & {
        byWaybill: number;
        byPhone: number;
        linked: number;
      })[];
      return rows.map((r) => ({
        ...toListItem(r),
        matchedOn: [
          ...(r.byWaybill ? (['waybill'] as const) : []),
          ...(r.byPhone ? (['phone'] as const) : []),
        ],
        linked: r.linked === 1,
      }));
    },

    /** Links two appeals (never merges them); both audit trails record it. */
    link(
      input: { caseId: string; otherCaseId: string; reason: LinkReason },
      actor: Actor,
      now = Date.now(),
    ): void {
      const [a, b] = [input.caseId, input.otherCaseId].sort() as [string, string];
      db.transaction(() => {
        const rows = [load(input.caseId), load(input.otherCaseId)];
        const added = db
          .prepare(
            'INSERT OR IGNORE INTO case_links (case_a, case_b, reason, linked_by, linked_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(a, b, input.reason, actor.staffId, now).changes;
        if (added === 0) return;
        const pairs: [string, string][] = [
          [input.caseId, input.otherCaseId],
          [input.otherCaseId, input.caseId],
        ];
        pairs.forEach(([caseId, other], i) =>
          audit.append(
            {
              caseId,
              type: 'case.linked',
              at: now,
              status: rows[i]!.status,
              data: { other, reason: input.reason },
            },
            actor,
          ),
        );
        outbox.append('linkCases.v1', input, input.caseId, actor, now);
      })();
      done([input.caseId, input.otherCaseId], ['case_links']);
    },

    /**
     * A bulk action over a queue selection: one transaction for the batch, a savepoint per case, so
     * each case is applied or refused on its own with the reason.
     */
    bulk(input: BulkInput, actor: Actor, roles: readonly Role[], now = Date.now()): BulkOutcome[] {
      const outcomes = db.transaction(() =>
        input.caseIds.map((caseId): BulkOutcome => {
          try {
            db.transaction(() => {
              if (input.action === 'tag') tagOne(caseId, input.tag, actor, now);
              else if (input.action === 'assign') {
                const current = load(caseId).assigneeId;
                assignOne(
                  { caseId, toUser: input.toUser, expectedAssignee: current, reason: 'bulk' },
                  actor,
                  roles,
                  now,
                );
              } else {
                const data = {
                  carrierId: input.carrierId,
                  ...(input.outlet ? { outlet: input.outlet } : {}),
                };
                transitions.apply({ caseId, transition: 'transfer', data }, roles, actor, now);
              }
            })();
            return { caseId, applied: true };
          } catch (error) {
            if (!(error instanceof RpcFailure)) throw error;
            return { caseId, applied: false, key: error.key, params: error.params };
          }
        }),
      )();
      done(input.caseIds, input.action === 'tag' ? ['case_tags'] : []);
      return outcomes;
    },
  };
}

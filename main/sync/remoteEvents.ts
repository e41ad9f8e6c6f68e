import type { SyncEvent } from '../../shared/sync/protocol';

/**
 * Server events as this workstation's audit trail names them. The server records assignment and
 * notes under its own short names ('claim', 'release', 'reassign', 'note'); the workstation's
 * commands record the same facts as 'case.claimed' … 'note.added', with {from, to} for an
 * assignment and the note's length (its text lives in `case_notes`, not in the trail). Others'
 * events join the trail in the workstation's words, so the timeline reads them like local ones.
 * Every other type is already the workstation's own.
 */
export function localEvent(e: SyncEvent): { type: string; data: Record<string, unknown> } {
  const data = (e.data ?? {}) as Record<string, unknown>;
  switch (e.type) {
    case 'claim':
      return { type: 'case.claimed', data: { from: null, to: e.actorUserId } };
    case 'release':
      // Only the assignee releases a case on the server.
      return { type: 'case.released', data: { from: e.actorUserId, to: null } };
    case 'reassign':
      return { type: 'case.assigned', data: { from: data.from ?? null, to: data.to ?? null } };
    case 'note':
      return {
        type: 'note.added',
        data: { noteId: data.noteId, length: typeof data.body === 'string' ? data.body.length : 0 },
      };
    default:
      return { type: e.type, data };
  }
}

/** A colleague's note carried by a server event, for `case_notes`. */
export function remoteNote(e: SyncEvent): { id: string; body: string } | null {
  const data = (e.data ?? {}) as { noteId?: unknown; body?: unknown };
  return e.type === 'note' && typeof data.noteId === 'string' && typeof data.body === 'string'
    ? { id: data.noteId, body: data.body }
    : null;
}

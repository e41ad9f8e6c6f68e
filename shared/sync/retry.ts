/**
 * Which refused intents may be sent again as a new intent, and with which arguments. Only where
 * a second attempt can succeed and still means what the person wanted:
 * - a claim, when the server's copy shows nobody holds the case any more;
 * - a reassignment refused as stale, re-based on the assignee the server now shows (a lead
 *   reassigning means "this case goes to X", whoever held it);
 * - a note, which the server refuses only when the case is unknown to it at that time;
 * - a correction of details refused because someone corrected a field first: sending it again
 *   is the person's decision to put their values over the other's, so each field is re-based on
 *   the version the server now has (SYNC.md §3.7: a losing value can be resubmitted by a user).
 * Transitions are not retried: the person must look at the case again and redo the step.
 */
export function retryIntent(
  name: string,
  args: unknown,
  code: string,
  serverState: Record<string, unknown>,
): { name: string; args: Record<string, unknown> } | null {
  const a = (args ?? {}) as Record<string, unknown>;
  const holder = serverState.assigneeId === undefined ? undefined : (serverState.assigneeId as string | null);
  switch (name) {
    case 'claimCase.v1':
      return code === 'ALREADY_CLAIMED' && holder === null
        ? { name, args: { ...a, expectedAssignee: null } }
        : null;
    case 'reassignCase.v1':
      return code === 'STALE_ASSIGNEE' && holder !== undefined
        ? { name, args: { ...a, expectedAssignee: holder } }
        : null;
    case 'appendNote.v1':
      return code === 'CASE_NOT_FOUND' ? { name, args: a } : null;
    case 'editCaseFields.v1':
      return code === 'FIELD_CONFLICT'
        ? { name, args: { ...a, fields: rebased(a.fields, serverState) } }
        : null;
    default:
      return null;
  }
}

/**
 * Each field on the server's current version: from its last pulled copy (`fieldVersions`), else
 * from the refusal, which lists the fields that had moved on (the others keep their base).
 */
function rebased(fields: unknown, serverState: Record<string, unknown>): Record<string, unknown> {
  const pulled = serverState.fieldVersions as Record<string, number> | undefined;
  const refused = Array.isArray(serverState.fields)
    ? (serverState.fields as { field: string; serverVersion: number }[])
    : [];
  const moved = new Map(refused.map((m) => [m.field, m.serverVersion]));
  const edits = (fields ?? {}) as Record<string, { value: unknown; baseVersion: number }>;
  return Object.fromEntries(
    Object.entries(edits).map(([field, edit]) => [
      field,
      { ...edit, baseVersion: pulled ? (pulled[field] ?? 0) : (moved.get(field) ?? edit.baseVersion) },
    ]),
  );
}

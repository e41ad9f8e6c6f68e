/**
 * Which refused intents may be sent again as a new intent, and with which arguments. Only where
 * a second attempt can succeed and still means what the person wanted:
 * - a claim, when the server's copy shows nobody holds the case any more;
 * - a reassignment refused as stale, re-based on the assignee the server now shows (a lead
 *   reassigning means "this case goes to X", whoever held it);
 * - a note, which the server refuses only when the case is unknown to it at that time.
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
    default:
      return null;
  }
}

import { useQueue } from '../queue/queueStore';
import { useShell, type Section } from '../shell/shellStore';

/** Views that have the case drawer; elsewhere a notice opens the case over the queue. */
const WITH_DRAWER: readonly Section[] = ['queue', 'deadlines', 'escalations'];

export function openCase(caseId: string): void {
  const shell = useShell.getState();
  if (!WITH_DRAWER.includes(shell.section)) shell.go('queue');
  useQueue.getState().open(caseId);
}

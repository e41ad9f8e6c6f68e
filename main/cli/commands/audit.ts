import { existsSync } from 'node:fs';
import { resolveDataDir, storeFile } from '../../config/paths';
import { openDatabase } from '../../store/database';
import { verifyAuditTrail } from '../../store/audit';
import type { CliCommand } from '../command';

/** `audit verify [--data-dir D]`: walks every case's hash chain and names the first broken link. */
export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'audit verify            check every case’s tamper-evident audit chain',
  async run({ args, io, dataDir }) {
    if (args[0] !== 'verify') {
      io.err('Usage: desk audit verify [--data-dir D]');
      return 2;
    }
    const file = storeFile(resolveDataDir(dataDir));
    if (!existsSync(file)) {
      io.err(`No case store at ${file}`);
      return 2;
    }
    const { db } = openDatabase({ file, readonly: true });
    try {
      const started = performance.now();
      const report = verifyAuditTrail(db);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const b = report.firstBreak;
      if (!b) {
        io.out(
          `Audit trail intact: ${report.casesChecked} cases, ${report.eventsChecked} events verified in ${seconds} s.`,
        );
        return 0;
      }
      const where = b.eventId === null ? `after event #${b.seq - 1}` : `event id ${b.eventId} (seq ${b.seq})`;
      io.out(
        `AUDIT TRAIL BROKEN: case ${b.caseNo ?? '?'} (${b.caseId}), ${where}: ${describe(b.problem)}. ` +
          `Checked ${report.casesChecked} cases, ${report.eventsChecked} events.`,
      );
      return 1;
    } finally {
      db.close();
    }
  },
};

function describe(problem: string): string {
  switch (problem) {
    case 'hash_mismatch':
      return 'the event was altered after it was written';
    case 'prev_hash_mismatch':
      return 'the link to the previous event does not match (an earlier event was altered or replaced)';
    case 'seq_gap':
      return 'an event is missing (deleted)';
    case 'truncated':
      return 'the latest events of the case are missing (deleted)';
    default:
      return 'the case has no audit events';
  }
}

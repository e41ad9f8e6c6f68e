import { parseArgs } from 'node:util';
import { loadImportedYears } from '../../calendar/imported-years';
import { resolveDataDir, storeFile } from '../../config/paths';
import { StoreService } from '../../store/service';
import { DEFAULT_SEED, MAX_DEMO_CASES, writeDemoData } from '../../seed/write';
import type { CliCommand } from '../command';

const USAGE = 'Usage: desk seed --cases N [--seed S] [--data-dir D]';
const PROGRESS_EVERY = 100_000;

/** A whole number written in plain digits (underscores allowed: 1_000_000), or null. */
function wholeNumber(raw: string | undefined): number | null {
  if (raw === undefined || !/^\d[\d_]*$/.test(raw)) return null;
  const n = Number(raw.replaceAll('_', ''));
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * `seed --cases N [--seed S]`: fills the store with realistic demo appeals (main/seed). It adds
 * to what is there, so it is meant for empty or demo stores; the app's own "load demo data"
 * refuses a store that has cases.
 */
export const seedCommand: CliCommand = {
  name: 'seed',
  summary: 'seed --cases N [--seed S]  add N realistic demo appeals (deterministic per seed)',
  async run({ args, io, dataDir }) {
    let values: { cases?: string | undefined; seed?: string | undefined };
    try {
      ({ values } = parseArgs({
        args,
        options: { cases: { type: 'string' }, seed: { type: 'string' } },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
      return 2;
    }
    const cases = wholeNumber(values.cases);
    if (cases === null || cases < 1 || cases > MAX_DEMO_CASES) {
      io.err(
        `--cases must be a positive integer up to ${MAX_DEMO_CASES.toLocaleString('en-US')}` +
          `${values.cases === undefined ? '' : ` (got ${JSON.stringify(values.cases)})`}\n${USAGE}`,
      );
      return 2;
    }
    const seed = values.seed === undefined ? DEFAULT_SEED : wholeNumber(values.seed);
    if (seed === null || seed > 0xffff_ffff) {
      io.err(`--seed must be an integer from 0 to 4294967295 (got ${JSON.stringify(values.seed)})\n${USAGE}`);
      return 2;
    }

    const dir = resolveDataDir(dataDir);
    const file = storeFile(dir);
    const service = StoreService.open({ file });
    try {
      const started = performance.now();
      let reported = 0;
      const { written } = writeDemoData(service.db, {
        cases,
        seed,
        calendarYears: loadImportedYears(dir),
        onProgress: (n) => {
          if (n - reported >= PROGRESS_EVERY || n === cases) {
            reported = n;
            io.err(`  ${n.toLocaleString('en-US')} / ${cases.toLocaleString('en-US')} cases`);
          }
        },
      });
      // The demo cases come with their deadlines; this computes those of older cases written
      // around the store, if any wait, so the queue's time-based views are complete at once.
      const older = service.domains.queue.catchUpDeadlines();
      if (older > 0) io.err(`  deadlines of ${older.toLocaleString('en-US')} more cases computed`);
      const seconds = (performance.now() - started) / 1000;
      const rate = Math.round(written / Math.max(seconds, 0.001)).toLocaleString('en-US');
      io.out(`Wrote ${written} cases in ${seconds.toFixed(1)} s (${rate} cases/s) to ${file}`);
      return 0;
    } finally {
      service.close();
    }
  },
};

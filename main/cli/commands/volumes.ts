import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { translate } from '../../../shared/i18n/translate';
import { resolveDataDir, storeFile } from '../../config/paths';
import { previewVolumeFile } from '../../stats/volume-file';
import { importVolumeRows } from '../../stats/volume-import';
import { openDatabase } from '../../store/database';
import type { CliCommand } from '../command';

const USAGE = 'Usage: desk volumes import <file.csv|file.xlsx> [--dry-run] [--accept-valid] [--data-dir D]';
const CLI_STAFF = 'cli';

/**
 * `desk volumes import`: business volume per carrier and period. Two steps: the file is checked
 * row by row first; a file with rejected rows imports nothing unless --accept-valid is given.
 */
export const volumesCommand: CliCommand = {
  name: 'volumes',
  summary: 'volumes import <file>   import business volume (carrier, period, pieces) from CSV or XLSX',
  async run({ args, io, dataDir }) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: { 'dry-run': { type: 'boolean' }, 'accept-valid': { type: 'boolean' } },
      });
    } catch (error) {
      io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
      return 2;
    }
    const [verb, source] = parsed.positionals;
    if (verb !== 'import' || !source) {
      io.err(USAGE);
      return 2;
    }
    if (!existsSync(source)) {
      io.err(`No such file: ${source}`);
      return 2;
    }
    const preview = await previewVolumeFile(source);
    if (preview.fileProblem) {
      io.err(`REJECTED ${source}: ${translate('en', preview.fileProblem.key, preview.fileProblem.params)}`);
      return 1;
    }
    for (const r of preview.rejected) {
      const reasons = r.problems.map((p) => translate('en', p.key, p.params)).join('; ');
      io.out(`line ${r.line}: rejected: ${reasons}`);
    }
    io.out(`${preview.valid.length} valid rows, ${preview.rejected.length} rejected.`);
    if (parsed.values['dry-run']) return preview.rejected.length > 0 ? 1 : 0;
    if (preview.rejected.length > 0 && !parsed.values['accept-valid']) {
      io.out(
        'Nothing imported: the file has rejected rows. Fix them, or re-run with --accept-valid to import the valid rows.',
      );
      return 1;
    }
    const file = storeFile(resolveDataDir(dataDir));
    if (!existsSync(file)) {
      io.err(`No case store at ${file}: start the app once (or seed) first.`);
      return 2;
    }
    const { db } = openDatabase({ file });
    try {
      const imported = importVolumeRows(
        db,
        preview.valid,
        basename(source),
        { staffId: CLI_STAFF, workstation: 'cli' },
        Date.now(),
      );
      io.out(`Imported ${imported} rows.`);
      return 0;
    } finally {
      db.close();
    }
  },
};

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run desk -- …` the way an administrator would (without npm's banner). */
export function desk(...args: string[]): CliRun {
  const root = process.cwd();
  const run = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['main/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DESK_DATA_DIR: '' },
  });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

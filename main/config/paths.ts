import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where the workstation keeps its data outside Electron: `--data-dir`, then DESK_DATA_DIR,
 * then the platform's per-user data folder. Inside Electron main passes app.getPath('userData').
 */
export function resolveDataDir(flag?: string | undefined): string {
  if (flag) return resolve(flag);
  if (process.env.DESK_DATA_DIR) return resolve(process.env.DESK_DATA_DIR);
  const home = homedir();
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Postal Complaint Desk');
  if (process.platform === 'darwin')
    return join(home, 'Library', 'Application Support', 'Postal Complaint Desk');
  return join(process.env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'postal-complaint-desk');
}

export function storeFile(dataDir: string): string {
  return join(dataDir, 'desk.sqlite');
}

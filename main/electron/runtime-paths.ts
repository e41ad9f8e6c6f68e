import { join, resolve } from 'node:path';

/**
 * Where the Electron app finds its parts, as a pure function of plain facts (unit tested
 * without Electron). `mainDir` is the folder of the built main bundle (out/main).
 *
 * | part            | development (repo)                                   | packaged                              |
 * |-----------------|------------------------------------------------------|---------------------------------------|
 * | renderer        | out/renderer                                         | app.asar/out/renderer                 |
 * | preload         | out/preload/index.cjs                                | app.asar/out/preload/index.cjs        |
 * | migrations      | drizzle/                                             | <resources>/drizzle (extraResources)  |
 * | SQLite addon    | $DESK_SQLITE_BINDING, else native/electron-<v>-<p>-<a>/ | <resources>/native/better_sqlite3.node |
 *
 * The packaged app ignores DESK_SQLITE_BINDING: an environment variable must not be able to
 * make a signed app load native code from elsewhere.
 */
export interface RuntimeFacts {
  isPackaged: boolean;
  resourcesPath: string;
  mainDir: string;
  env: Record<string, string | undefined>;
  electronVersion: string;
  platform: string;
  arch: string;
}

export interface RuntimePaths {
  rendererDir: string;
  preload: string;
  migrationsDir: string;
  nativeBinding: string;
}

export const NATIVE_ADDON_FILE = 'better_sqlite3.node';

/** Folder (under native/) of the Electron-ABI build; scripts/electron-native.mjs uses the same name. */
export function electronNativeDirName(electronVersion: string, platform: string, arch: string): string {
  return `electron-${electronVersion}-${platform}-${arch}`;
}

export function runtimePaths(facts: RuntimeFacts): RuntimePaths {
  const outDir = resolve(facts.mainDir, '..');
  const rendererDir = join(outDir, 'renderer');
  const preload = join(outDir, 'preload', 'index.cjs');
  if (facts.isPackaged) {
    return {
      rendererDir,
      preload,
      migrationsDir: join(facts.resourcesPath, 'drizzle'),
      nativeBinding: join(facts.resourcesPath, 'native', NATIVE_ADDON_FILE),
    };
  }
  const repo = resolve(outDir, '..');
  const fromEnv = facts.env.DESK_SQLITE_BINDING;
  return {
    rendererDir,
    preload,
    migrationsDir: join(repo, 'drizzle'),
    nativeBinding:
      fromEnv !== undefined && fromEnv !== ''
        ? resolve(fromEnv)
        : join(
            repo,
            'native',
            electronNativeDirName(facts.electronVersion, facts.platform, facts.arch),
            NATIVE_ADDON_FILE,
          ),
  };
}

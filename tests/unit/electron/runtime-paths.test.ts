import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronNativeDirName, runtimePaths, type RuntimeFacts } from '../../../main/electron/runtime-paths';

const repo = resolve('/repo');
const dev: RuntimeFacts = {
  isPackaged: false,
  resourcesPath: '/opt/electron/resources',
  mainDir: join(repo, 'out', 'main'),
  env: {},
  electronVersion: '45.5.0',
  platform: 'linux',
  arch: 'x64',
};

describe('runtime paths', () => {
  it('development: the repo build, drizzle/ and native/electron-<v>-<platform>-<arch>/', () => {
    expect(runtimePaths(dev)).toEqual({
      rendererDir: join(repo, 'out', 'renderer'),
      preload: join(repo, 'out', 'preload', 'index.cjs'),
      migrationsDir: join(repo, 'drizzle'),
      nativeBinding: join(repo, 'native', 'electron-45.5.0-linux-x64', 'better_sqlite3.node'),
    });
  });

  it('development: DESK_SQLITE_BINDING wins', () => {
    expect(runtimePaths({ ...dev, env: { DESK_SQLITE_BINDING: '/tmp/b.node' } }).nativeBinding).toBe(
      resolve('/tmp/b.node'),
    );
  });

  it('packaged: resources/drizzle and resources/native, and the environment is ignored', () => {
    const resources = resolve('/opt/desk/resources');
    const packaged = runtimePaths({
      ...dev,
      isPackaged: true,
      resourcesPath: resources,
      mainDir: join(resources, 'app.asar', 'out', 'main'),
      env: { DESK_SQLITE_BINDING: '/tmp/evil.node' },
    });
    expect(packaged).toEqual({
      rendererDir: join(resources, 'app.asar', 'out', 'renderer'),
      preload: join(resources, 'app.asar', 'out', 'preload', 'index.cjs'),
      migrationsDir: join(resources, 'drizzle'),
      nativeBinding: join(resources, 'native', 'better_sqlite3.node'),
    });
  });

  it('names the native folder the way scripts/electron-native.mjs does', () => {
    expect(electronNativeDirName('45.5.0', 'win32', 'arm64')).toBe('electron-45.5.0-win32-arm64');
  });
});

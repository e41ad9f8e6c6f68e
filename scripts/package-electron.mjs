#!/usr/bin/env node
// `npm run package [-- <electron-builder flags>]`: installers, on a networked machine only.
//   1. the Electron-ABI SQLite addon for each target platform/arch (scripts/electron-native.mjs),
//      staged at native/package/<os>-<arch>/ where electron-builder.yml's extraResources expects it;
//   2. electron-vite build;
//   3. electron-builder (config: electron-builder.yml; npmRebuild is off, so node_modules'
//      better-sqlite3 keeps its Node build and `npm test` still works afterwards).
// Examples: `npm run package`, `npm run package -- --linux AppImage`, `npm run package -- --win --x64`.
// Cross-platform targets get the addon only as a prebuilt download (no cross-compiling).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from './electron-native.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const say = (message) => console.log(`[package] ${message}`);
const fail = (message) => {
  console.error(`[package] ${message}`);
  process.exit(1);
};

/** electron-builder's `${os}` names. */
const OS_OF = { linux: 'linux', win32: 'win', darwin: 'mac' };
const PLATFORM_FLAGS = {
  linux: ['--linux', '-l'],
  win32: ['--win', '-w', '--windows'],
  darwin: ['--mac', '-m', '--macos'],
};
const ARCH_FLAGS = ['x64', 'arm64', 'ia32', 'armv7l'];

/** Which platform/arch pairs the electron-builder flags ask for (host platform/arch by default). */
export function targetsOf(args, host = { platform: process.platform, arch: process.arch }) {
  const platforms = Object.entries(PLATFORM_FLAGS)
    .filter(([, flags]) => args.some((a) => flags.includes(a)))
    .map(([p]) => p);
  if (args.includes('--universal'))
    fail(
      '--universal (macOS) needs an addon per arch merged with lipo; package --x64 and --arm64 separately.',
    );
  const archs = ARCH_FLAGS.filter((a) => args.includes(`--${a}`));
  const pairs = [];
  for (const platform of platforms.length > 0 ? platforms : [host.platform]) {
    for (const arch of archs.length > 0 ? archs : [host.arch]) pairs.push({ platform, arch });
  }
  return pairs;
}

function packageBin(pkg, name) {
  const dir = join(ROOT, 'node_modules', pkg);
  const { bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return join(dir, typeof bin === 'string' ? bin : bin[name]);
}

function main() {
  const args = process.argv.slice(2);
  const stage = join(ROOT, 'native', 'package');
  rmSync(stage, { recursive: true, force: true });
  for (const { platform, arch } of targetsOf(args)) {
    const os = OS_OF[platform];
    if (!os) fail(`Unsupported platform ${platform}`);
    try {
      const addon = ensureElectronNative({ platform, arch });
      mkdirSync(join(stage, `${os}-${arch}`), { recursive: true });
      cpSync(addon, join(stage, `${os}-${arch}`, 'better_sqlite3.node'));
      say(`staged the SQLite addon for ${os}-${arch}`);
    } catch (error) {
      fail(
        `${error.message}\nNo Electron build of the SQLite module for ${platform}-${arch}; see docs/native-modules.md.`,
      );
    }
  }

  say('electron-vite build…');
  if (
    spawnSync(process.execPath, [packageBin('electron-vite', 'electron-vite'), 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
    }).status !== 0
  ) {
    fail('electron-vite build failed.');
  }

  say(`electron-builder ${args.join(' ')}`);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const builder = spawnSync(process.execPath, [packageBin('electron-builder', 'electron-builder'), ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env,
  });
  if (builder.status !== 0)
    fail('electron-builder failed (it downloads Electron for the target: is the network reachable?).');
  say('installers are in dist/');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

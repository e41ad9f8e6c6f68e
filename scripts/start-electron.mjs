#!/usr/bin/env node
// `npm start [-- --data-dir DIR]`: the desktop app from source, on a networked machine.
//   1. fetch Electron's binary if node_modules/electron has none yet (install-electron);
//   2. build better-sqlite3 for Electron's ABI into native/ (scripts/electron-native.mjs);
//   3. electron-vite build;
//   4. launch Electron on the built app with DESK_SQLITE_BINDING pointing at that build.
// Never called by CI or tests: steps 1 and 2 need downloads on first use.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from './electron-native.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');
const say = (message) => console.log(`[start] ${message}`);
const fail = (message) => {
  console.error(`[start] ${message}`);
  process.exit(1);
};

/** The Electron executable, found the way the electron package does, without require('electron') (which downloads). */
export function electronBinary() {
  const pathFile = join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function packageBin(pkg, name) {
  const dir = join(ROOT, 'node_modules', pkg);
  const { bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return join(dir, typeof bin === 'string' ? bin : bin[name]);
}

function main() {
  // 1. Electron's binary (Electron >= 42 has no postinstall; it is fetched on first use).
  let electron = electronBinary();
  if (!electron) {
    say("Electron's binary is not installed yet; downloading it (about 100 MB, once)…");
    const fetched = spawnSync(process.execPath, [packageBin('electron', 'install-electron')], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    electron = fetched.status === 0 ? electronBinary() : null;
    if (!electron)
      fail("Electron's binary could not be downloaded (no network?). Use `npm run start:web` meanwhile.");
  }

  // 2. The SQLite addon for Electron's ABI (node_modules keeps the Node build).
  let binding;
  try {
    binding = ensureElectronNative();
  } catch (error) {
    fail(
      `${error.message}\nThe SQLite module for Electron could not be built (see docs/native-modules.md). ` +
        'Use `npm run start:web` meanwhile.',
    );
  }

  // 3. The bundles.
  say('electron-vite build…');
  const build = spawnSync(process.execPath, [packageBin('electron-vite', 'electron-vite'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) fail('electron-vite build failed.');

  // 4. The app. `.` (not out/main/index.js) so that Electron reads package.json (name, main).
  const env = { ...process.env, DESK_SQLITE_BINDING: binding };
  delete env.ELECTRON_RUN_AS_NODE; // would turn the binary into plain Node
  say(`launching ${electron}`);
  const child = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: ROOT, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

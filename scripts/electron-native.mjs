#!/usr/bin/env node
// Builds better-sqlite3's addon for Electron's ABI into its own folder,
//   native/electron-<electronVersion>-<platform>-<arch>/better_sqlite3.node
// WITHOUT touching node_modules/better-sqlite3 (which stays built for Node: tests, web host,
// CLI, benchmarks). The app loads this file through better-sqlite3's `nativeBinding` option.
// Needs the network (a prebuilt from GitHub, or Electron's headers for a source build).
// See docs/native-modules.md.
//
//   node scripts/electron-native.mjs [--platform P] [--arch A] [--force] [--headers DIR]
//
// --headers DIR: build from source against Electron headers already on disk (node-gyp
// --nodedir), for machines that can't reach electronjs.org.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODULES = join(ROOT, 'node_modules');
const ADDON = 'better_sqlite3.node';
const HEADERS_URL = 'https://electronjs.org/headers';
const require = createRequire(import.meta.url);

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const log = (message) => console.log(`[electron-native] ${message}`);

/** The Electron version in node_modules, read from its package.json (never require('electron'), which downloads). */
export function electronVersion() {
  return readJson(join(MODULES, 'electron', 'package.json')).version;
}

/** Electron's NODE_MODULE_VERSION: node-abi's table, checked against electron's own abi_version file. */
export function electronAbi(version) {
  const installed = electronVersion();
  const fromFile = existsSync(join(MODULES, 'electron', 'abi_version'))
    ? readFileSync(join(MODULES, 'electron', 'abi_version'), 'utf8').trim()
    : null;
  let fromTable = null;
  try {
    fromTable = String(require(join(MODULES, 'node-abi')).getAbi(version, 'electron'));
  } catch {
    // node-abi may not know a brand-new Electron; the file below still does.
  }
  if (version === installed && fromFile) {
    if (fromTable && fromTable !== fromFile)
      log(`note: node-abi says ABI ${fromTable}, electron/abi_version says ${fromFile}; using the latter`);
    return Number(fromFile);
  }
  if (fromTable) return Number(fromTable);
  throw new Error(`Cannot tell the module ABI of Electron ${version}`);
}

export function nativeDirName(version, platform, arch) {
  return `electron-${version}-${platform}-${arch}`;
}

export function nativeTarget(version, platform, arch) {
  return join(ROOT, 'native', nativeDirName(version, platform, arch), ADDON);
}

/**
 * What the addon file says about itself, read from its bytes (no dlopen, so it works for
 * another platform or arch too): the executable format and CPU, and the ABI from the
 * `node_register_module_v<ABI>` symbol that NODE_MODULE_INIT exports.
 */
export function inspectAddon(file) {
  const bytes = readFileSync(file);
  const abiMatch = /node_register_module_v(\d+)/.exec(bytes.toString('latin1'));
  const abi = abiMatch ? Number(abiMatch[1]) : null;
  let platform = null;
  let arch = null;
  if (bytes.readUInt32BE(0) === 0x7f454c46) {
    platform = 'linux';
    const little = bytes[5] === 1;
    const machine = little ? bytes.readUInt16LE(18) : bytes.readUInt16BE(18);
    arch = { 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32', 0x28: 'arm' }[machine] ?? `elf-machine-${machine}`;
  } else if (bytes.readUInt32LE(0) === 0xfeedfacf) {
    platform = 'darwin';
    const cpu = bytes.readUInt32LE(4);
    arch = { 0x01000007: 'x64', 0x0100000c: 'arm64' }[cpu] ?? `macho-cpu-${cpu}`;
  } else if (bytes.readUInt32BE(0) === 0xcafebabe) {
    platform = 'darwin';
    arch = 'universal';
  } else if (bytes.toString('latin1', 0, 2) === 'MZ') {
    platform = 'win32';
    const pe = bytes.readUInt32LE(0x3c);
    const machine = bytes.readUInt16LE(pe + 4);
    arch = { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' }[machine] ?? `pe-machine-${machine}`;
  }
  return { abi, platform, arch };
}

/** Throws unless the file is an addon for this Electron ABI, platform and arch (and not Node's ABI). */
export function verifyAddon(file, { abi, platform, arch }) {
  const found = inspectAddon(file);
  const problems = [];
  if (found.abi === null)
    problems.push('no node_register_module_v<ABI> symbol (not a better-sqlite3 addon?)');
  else if (found.abi !== abi) {
    problems.push(
      found.abi === Number(process.versions.modules)
        ? `it is built for Node's ABI ${found.abi}, not Electron's ${abi} (the nodedir trap: see docs/native-modules.md)`
        : `it is built for ABI ${found.abi}, Electron needs ${abi}`,
    );
  }
  if (found.platform !== platform)
    problems.push(`it is a ${found.platform ?? 'unknown'} binary, wanted ${platform}`);
  if (found.arch !== arch && !(platform === 'darwin' && found.arch === 'universal')) {
    problems.push(`it is for ${found.arch ?? 'an unknown CPU'}, wanted ${arch}`);
  }
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return found;
}

/**
 * The environment for prebuild-install and node-gyp: without the npm settings that would
 * silently retarget the build (this machine's ~/.npmrc has nodedir=/usr, which npm exports
 * as npm_config_nodedir and node-gyp prefers over --target). Proxy settings are kept.
 */
function buildEnv() {
  const env = { ...process.env };
  const retarget =
    /^npm_(config|package_config_node_gyp)_(nodedir|target|runtime|disturl|dist_url|arch|platform|build_from_source|devdir|libc)$/i;
  for (const key of Object.keys(env)) if (retarget.test(key)) delete env[key];
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

function binOf(pkg, name = pkg) {
  const dir = join(MODULES, pkg);
  const { bin } = readJson(join(dir, 'package.json'));
  return join(dir, typeof bin === 'string' ? bin : bin[name]);
}

function run(command, args, options) {
  log(`$ ${[command === process.execPath ? 'node' : command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) log(`could not run: ${result.error.message}`);
  return result.status === 0;
}

/** Copies the better-sqlite3 package source (not its Node build) to a fresh temp folder. */
function stageSource() {
  const source = join(MODULES, 'better-sqlite3');
  const dir = mkdtempSync(join(tmpdir(), 'desk-native-'));
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
    cpSync(join(source, part), join(dir, part), { recursive: true });
  }
  return dir;
}

/**
 * Ensures the Electron-ABI addon exists and returns its path. Skips the work when a verified
 * build for the same better-sqlite3 version is already there.
 */
export function ensureElectronNative(options = {}) {
  const version = options.electronVersion ?? electronVersion();
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  const abi = electronAbi(version);
  const sqliteVersion = readJson(join(MODULES, 'better-sqlite3', 'package.json')).version;
  const target = nativeTarget(version, platform, arch);
  const infoFile = join(dirname(target), 'build-info.json');
  const want = { abi, platform, arch };

  if (!options.force && existsSync(target)) {
    try {
      verifyAddon(target, want);
      const info = existsSync(infoFile) ? readJson(infoFile) : null;
      if (info === null || info.betterSqlite3 === sqliteVersion) {
        log(`up to date: ${target}${info === null ? ' (placed by hand: no build-info.json)' : ''}`);
        return target;
      }
      log(`rebuilding: made for better-sqlite3 ${info.betterSqlite3}, node_modules has ${sqliteVersion}`);
    } catch (error) {
      log(`rebuilding: ${error.message}`);
    }
  }

  log(`better-sqlite3 ${sqliteVersion} for Electron ${version} (ABI ${abi}), ${platform}-${arch}`);
  const work = stageSource();
  const built = join(work, 'build', 'Release', ADDON);
  const env = buildEnv();
  let method = null;
  try {
    if (!options.headers) {
      // 1. The project's own prebuilt for this Electron ABI, from GitHub releases.
      const ok = run(
        process.execPath,
        [
          binOf('prebuild-install'),
          '--runtime',
          'electron',
          '--target',
          version,
          '--arch',
          arch,
          '--platform',
          platform,
          '--verbose',
        ],
        { cwd: work, env },
      );
      if (ok && existsSync(built)) {
        try {
          verifyAddon(built, want);
          method = 'prebuild-install';
        } catch (error) {
          log(`the downloaded prebuilt is unusable: ${error.message}`);
        }
      } else {
        log('no prebuilt could be downloaded; building from source');
      }
    }
    if (!method) {
      // 2. Compile against Electron's headers (downloaded, or --headers DIR).
      if (platform !== process.platform) {
        throw new Error(
          `Cannot compile for ${platform} on ${process.platform}; only the prebuilt download works across platforms.`,
        );
      }
      rmSync(join(work, 'build'), { recursive: true, force: true });
      const args = [
        binOf('node-gyp'),
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${version}`,
        `--arch=${arch}`,
      ];
      if (options.headers) args.push(`--nodedir=${resolve(options.headers)}`);
      else args.push(`--dist-url=${HEADERS_URL}`);
      if (!run(process.execPath, args, { cwd: work, env }) || !existsSync(built)) {
        throw new Error(
          options.headers
            ? `node-gyp could not build against the headers in ${options.headers}.`
            : `Neither the prebuilt download nor a source build (which downloads Electron's headers from ${HEADERS_URL}) worked. Is the network reachable?`,
        );
      }
      verifyAddon(built, want);
      method = 'node-gyp';
    }

    mkdirSync(dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    cpSync(built, partial);
    renameSync(partial, target);
    const info = {
      betterSqlite3: sqliteVersion,
      electron: version,
      abi,
      platform,
      arch,
      method,
      builtAt: new Date().toISOString(),
    };
    writeFileSync(infoFile, `${JSON.stringify(info, null, 2)}\n`);
    log(`ready (${method}): ${target}`);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      platform: { type: 'string' },
      arch: { type: 'string' },
      force: { type: 'boolean', default: false },
      headers: { type: 'string' },
      check: { type: 'string' },
    },
  });
  try {
    if (values.check) {
      // Diagnostic: what an addon file was built for.
      console.log(JSON.stringify(inspectAddon(values.check)));
    } else {
      ensureElectronNative({
        platform: values.platform,
        arch: values.arch,
        force: values.force,
        headers: values.headers,
      });
    }
  } catch (error) {
    console.error(`[electron-native] failed: ${error.message}`);
    process.exit(1);
  }
}

import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp';

/** scripts/electron-native.mjs, loaded by URL (a plain .mjs script, no type declarations). */
interface AddonFacts {
  abi: number | null;
  platform: string | null;
  arch: string | null;
}
interface NativeScript {
  inspectAddon(file: string): AddonFacts;
  verifyAddon(file: string, want: { abi: number; platform: string; arch: string }): AddonFacts;
  nativeDirName(version: string, platform: string, arch: string): string;
  electronAbi(version: string): number;
}
interface PackageScript {
  targetsOf(args: string[], host?: { platform: string; arch: string }): { platform: string; arch: string }[];
}
const load = async <T>(file: string) => (await import(pathToFileURL(resolve(file)).href)) as T;

function elf(machine: number, abi: number): Buffer {
  const b = Buffer.alloc(256);
  b.writeUInt32BE(0x7f454c46, 0);
  b[4] = 2;
  b[5] = 1;
  b.writeUInt16LE(machine, 18);
  b.write(`\0node_register_module_v${abi}\0`, 100, 'latin1');
  return b;
}

function pe(machine: number, abi: number): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  b.writeUInt16LE(machine, 0x84);
  b.write(`node_register_module_v${abi}\0`, 300, 'latin1');
  return b;
}

function macho(cpu: number, abi: number): Buffer {
  const b = Buffer.alloc(256);
  b.writeUInt32LE(0xfeedfacf, 0);
  b.writeUInt32LE(cpu, 4);
  b.write(`_node_register_module_v${abi}\0`, 100, 'latin1');
  return b;
}

describe('scripts/electron-native.mjs', () => {
  const dirs: (() => void)[] = [];
  afterEach(() => dirs.splice(0).forEach((cleanup) => cleanup()));
  const fake = (name: string, bytes: Buffer) => {
    const dir = tempDir();
    dirs.push(dir.cleanup);
    const file = join(dir.path, name);
    writeFileSync(file, bytes);
    return file;
  };

  it("reads the ABI, platform and CPU of node_modules' own (Node) build", async () => {
    const native = await load<NativeScript>('scripts/electron-native.mjs');
    const facts = native.inspectAddon('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(facts).toEqual({
      abi: Number(process.versions.modules),
      platform: process.platform,
      arch: process.arch,
    });
  });

  it('knows Electron 45 is ABI 150 and names the folder', async () => {
    const native = await load<NativeScript>('scripts/electron-native.mjs');
    expect(native.electronAbi('45.5.0')).toBe(150);
    expect(native.nativeDirName('45.5.0', 'linux', 'x64')).toBe('electron-45.5.0-linux-x64');
  });

  it('accepts an Electron-ABI addon and refuses a Node-ABI one (the nodedir trap)', async () => {
    const native = await load<NativeScript>('scripts/electron-native.mjs');
    const want = { abi: 150, platform: 'linux', arch: 'x64' };
    expect(native.verifyAddon(fake('ok.node', elf(0x3e, 150)), want)).toEqual({
      abi: 150,
      platform: 'linux',
      arch: 'x64',
    });
    expect(() =>
      native.verifyAddon(fake('node.node', elf(0x3e, Number(process.versions.modules))), want),
    ).toThrow(/Node's ABI/);
    expect(() => native.verifyAddon(fake('arm.node', elf(0xb7, 150)), want)).toThrow(/arm64, wanted x64/);
    expect(() => native.verifyAddon(fake('junk.node', Buffer.from('hello')), want)).toThrow(
      /no node_register_module/,
    );
  });

  it('recognises Windows and macOS binaries by their headers', async () => {
    const native = await load<NativeScript>('scripts/electron-native.mjs');
    expect(native.inspectAddon(fake('w.node', pe(0x8664, 150)))).toEqual({
      abi: 150,
      platform: 'win32',
      arch: 'x64',
    });
    expect(native.inspectAddon(fake('m.node', macho(0x0100000c, 150)))).toEqual({
      abi: 150,
      platform: 'darwin',
      arch: 'arm64',
    });
  });

  it('scripts/package-electron.mjs maps electron-builder flags to addon targets', async () => {
    const pkg = await load<PackageScript>('scripts/package-electron.mjs');
    const host = { platform: 'linux', arch: 'x64' };
    expect(pkg.targetsOf([], host)).toEqual([host]);
    expect(pkg.targetsOf(['--linux', 'AppImage'], host)).toEqual([host]);
    expect(pkg.targetsOf(['--win', '--x64', '--arm64'], host)).toEqual([
      { platform: 'win32', arch: 'x64' },
      { platform: 'win32', arch: 'arm64' },
    ]);
    expect(pkg.targetsOf(['-m', '--arm64'], host)).toEqual([{ platform: 'darwin', arch: 'arm64' }]);
  });
});

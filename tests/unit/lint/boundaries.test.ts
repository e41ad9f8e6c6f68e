import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The process boundaries are enforced by the lint config: a wrong-way import must fail. */
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint boundaries', () => {
  it.each([
    ["import Database from 'better-sqlite3';\nexport const d = Database;\n", 'renderer/src/bad.ts'],
    [
      "import { drizzle } from 'drizzle-orm/better-sqlite3';\nexport const d = drizzle;\n",
      'renderer/src/bad.ts',
    ],
    ["import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'renderer/src/bad.ts'],
    ["import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n", 'renderer/src/bad.ts'],
    [
      "import { StoreHost } from '../../main/store/host';\nexport const s = StoreHost;\n",
      'renderer/src/bad.ts',
    ],
    ["import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'shared/domain/bad.ts'],
    ["import { app } from 'electron';\nexport const a = app;\n", 'shared/domain/bad.ts'],
    ['export const w = window.location;\n', 'shared/domain/bad.ts'],
  ])('refuses %j in %s', async (code, filePath) => {
    const ids = await ruleIds(code, filePath);
    expect(ids.some((id) => id === 'no-restricted-imports' || id === 'no-restricted-globals')).toBe(true);
  });

  it('allows renderer/ to import shared/ and main/ to import Node', async () => {
    expect(
      await ruleIds(
        "import { CASE_STATUSES } from '../../shared/domain/status';\nexport const s = CASE_STATUSES;\n",
        'renderer/src/ok.ts',
      ),
    ).toEqual([]);
    expect(
      await ruleIds(
        "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
        'main/store/ok.ts',
      ),
    ).toEqual([]);
  });
});

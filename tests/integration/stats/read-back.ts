import { execFileSync } from 'node:child_process';

/** Debian's python3 with python3-openpyxl: software that is not ours reads the files back. */
const PYTHON = '/usr/bin/python3';

export function python(script: string, ...args: string[]): unknown {
  return JSON.parse(execFileSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 }));
}

/** Every sheet of a workbook: `{ [sheet]: rows of values }`. */
export const READ_XLSX = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: [[c for c in row] for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}, ensure_ascii=False, default=str))
`;
/** A CSV's rows of text, its BOM taken off. */
export const READ_CSV = `
import csv, json, sys
with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
    print(json.dumps(list(csv.reader(f)), ensure_ascii=False))
`;

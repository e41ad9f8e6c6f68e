import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The main window's size and position, remembered in userData/window-state.json. Pure parts
 * (parse, restore) are unit tested; the file is written atomically (temp file + rename) so a
 * crash mid-write leaves the previous state, never a truncated file.
 */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1440, height: 900 } as const;
export const MIN_SIZE = { width: 960, height: 600 } as const;
/** How much of the window must overlap a screen for its saved position to be reused. */
const MIN_VISIBLE = 64;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!finite(v.width) || !finite(v.height)) return null;
  const state: WindowState = {
    width: Math.round(v.width),
    height: Math.round(v.height),
    maximized: v.maximized === true,
  };
  if (finite(v.x) && finite(v.y)) {
    state.x = Math.round(v.x);
    state.y = Math.round(v.y);
  }
  return state;
}

function overlap(a: Rect, b: Rect): { w: number; h: number } {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { w: Math.max(0, w), h: Math.max(0, h) };
}

/**
 * The bounds to open with: the saved size clamped to [MIN_SIZE, the largest work area], and
 * the saved position only if enough of the window would be on a screen that exists now
 * (monitors get unplugged); otherwise no position, i.e. centred.
 */
export function restoreWindowState(saved: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const maxW = Math.max(MIN_SIZE.width, ...workAreas.map((a) => a.width));
  const maxH = Math.max(MIN_SIZE.height, ...workAreas.map((a) => a.height));
  const base = saved ?? { ...DEFAULT_SIZE, maximized: false };
  const width = Math.min(Math.max(base.width, MIN_SIZE.width), maxW);
  const height = Math.min(Math.max(base.height, MIN_SIZE.height), maxH);
  const result: WindowState = { width, height, maximized: base.maximized };
  if (base.x !== undefined && base.y !== undefined) {
    const rect = { x: base.x, y: base.y, width, height };
    if (
      workAreas.some((a) => {
        const o = overlap(rect, a);
        return o.w >= MIN_VISIBLE && o.h >= MIN_VISIBLE;
      })
    ) {
      result.x = base.x;
      result.y = base.y;
    }
  }
  return result;
}

export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state)}\n`, 'utf8');
  renameSync(tmp, file);
}

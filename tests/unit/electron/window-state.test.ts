import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  loadWindowState,
  parseWindowState,
  restoreWindowState,
  saveWindowState,
} from '../../../main/electron/window-state';
import { tempDir } from '../../support/temp';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };

describe('window state', () => {
  const dirs: (() => void)[] = [];
  afterEach(() => dirs.splice(0).forEach((cleanup) => cleanup()));

  it('parses what it saved and rejects junk', () => {
    expect(parseWindowState({ x: 10.4, y: 20, width: 1200, height: 800, maximized: true })).toEqual({
      x: 10,
      y: 20,
      width: 1200,
      height: 800,
      maximized: true,
    });
    expect(parseWindowState({ width: 1200, height: 800 })).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
    expect(parseWindowState({ width: '1200', height: 800 })).toBeNull();
    expect(parseWindowState({ width: Infinity, height: 800 })).toBeNull();
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState([])).toBeNull();
  });

  it('defaults to a centred window of the default size', () => {
    expect(restoreWindowState(null, [screen])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('keeps a position that is on a screen, drops one on an unplugged monitor', () => {
    expect(
      restoreWindowState({ x: 100, y: 50, width: 1200, height: 800, maximized: false }, [screen]),
    ).toMatchObject({ x: 100, y: 50 });
    const offscreen = restoreWindowState({ x: 2500, y: 50, width: 1200, height: 800, maximized: false }, [
      screen,
    ]);
    expect(offscreen.x).toBeUndefined();
    expect(offscreen.y).toBeUndefined();
    const second = { x: 1920, y: 0, width: 1920, height: 1080 };
    expect(
      restoreWindowState({ x: 2500, y: 50, width: 1200, height: 800, maximized: true }, [screen, second]),
    ).toMatchObject({
      x: 2500,
      maximized: true,
    });
  });

  it('clamps the size between the minimum and the largest screen', () => {
    expect(restoreWindowState({ width: 100, height: 100, maximized: false }, [screen])).toMatchObject(
      MIN_SIZE,
    );
    expect(restoreWindowState({ width: 9000, height: 9000, maximized: false }, [screen])).toMatchObject({
      width: 1920,
      height: 1040,
    });
  });

  it('writes atomically and reads back; a corrupt file reads as nothing', () => {
    const dir = tempDir();
    dirs.push(dir.cleanup);
    const file = join(dir.path, 'sub', 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    saveWindowState(file, { x: 1, y: 2, width: 1000, height: 700, maximized: false });
    expect(loadWindowState(file)).toEqual({ x: 1, y: 2, width: 1000, height: 700, maximized: false });
    expect(readdirSync(join(dir.path, 'sub'))).toEqual(['window-state.json']);
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
    saveWindowState(file, { width: 1100, height: 700, maximized: true });
    expect(loadWindowState(file)).toEqual({ width: 1100, height: 700, maximized: true });
  });
});

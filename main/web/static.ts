import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface StaticFile {
  body: Buffer;
  type: string;
}

/**
 * Reads a file of the built renderer. Paths are resolved inside `root` and anything that
 * escapes it (`..`, encoded separators, absolute paths) is refused; unknown paths get the SPA
 * shell. Shared by the web host and Electron's app:// protocol.
 */
export async function readRendererFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const base = resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const target = resolve(base, normalize(`.${sep}${decoded}`));
  if (target !== base && !target.startsWith(base + sep)) return null;
  let file = target;
  if (!(await isFile(target))) {
    // Client-side routes get the shell; a missing asset is a 404, not HTML posing as JS.
    if (extname(target) !== '') return null;
    file = join(base, 'index.html');
  }
  const ext = extname(file);
  if (!TYPES[ext]) return null;
  return { body: await readFile(file), type: TYPES[ext] };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

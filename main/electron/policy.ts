/**
 * The Electron security decisions as pure functions over plain data, so that they are unit
 * tested under Node (tests/unit/electron/) without importing 'electron'. The Electron glue in
 * this folder only gathers the facts (URLs, frame identity) and acts on the answer.
 */

/** The renderer is served from app://desk/ (a privileged standard scheme, never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Hosts the renderer may ask to open in the system browser: https only, exact host match (no
 * subdomain wildcards). The State Post Bureau and its appeal website (sswz.spb.gov.cn).
 */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = [
  'www.spb.gov.cn',
  'spb.gov.cn',
  'sswz.spb.gov.cn',
];

/** Longest procedure name accepted over IPC before it reaches the router. */
export const MAX_RPC_NAME_LENGTH = 100;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for app://desk/… (the built renderer). Compares parsed parts, never prefixes. The
 * host is compared case-insensitively: Chromium lowercases it for a standard scheme, Node's
 * URL parser (tests) does not for a scheme it does not know.
 */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.host.toLowerCase() === APP_HOST &&
    u.username === '' &&
    u.password === ''
  );
}

/**
 * A download the app's own page started from a blob it made (`blob:app://desk/<uuid>`): an
 * export or a printed record that main produced and handed over. Anything else is refused.
 */
export function isAppBlobDownload(url: string): boolean {
  const u = parse(url);
  if (u === null || u.protocol !== 'blob:') return false;
  const inner = parse(u.pathname);
  return inner !== null && isAppUrl(inner.href) && /^\/[0-9a-f-]{36}$/i.test(inner.pathname);
}

/** will-navigate / will-frame-navigate / will-redirect: stay inside the app's own origin. */
export function isNavigationAllowed(targetUrl: string): boolean {
  return isAppUrl(targetUrl);
}

/**
 * A URL the renderer asked to open (window.open, target=_blank) that may go to the system
 * browser: https, default port, no credentials, host exactly on the allow-list.
 */
export function isExternalUrlAllowed(
  url: string,
  allowList: readonly string[] = EXTERNAL_HOST_ALLOW_LIST,
): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol !== 'https:') return false;
  if (u.username !== '' || u.password !== '') return false;
  if (u.port !== '') return false;
  return allowList.includes(u.hostname.toLowerCase());
}

/** What ipc.ts knows about the sender of an IPC message, as plain data. */
export interface SenderFacts {
  /** event.sender is our window's webContents. */
  fromOurWebContents: boolean;
  /** event.senderFrame, or null once the frame navigated away or was destroyed. */
  frame: { url: string; isOurMainFrame: boolean } | null;
}

/**
 * IPC is accepted only from the main frame of our own window while it shows our own page:
 * not from iframes, not from other windows, not after a navigation elsewhere.
 */
export function isTrustedSender(facts: SenderFacts): boolean {
  if (!facts.fromOurWebContents) return false;
  if (facts.frame === null) return false;
  if (!facts.frame.isOurMainFrame) return false;
  return isAppUrl(facts.frame.url);
}

/** A procedure name as it arrives over IPC: a non-empty string of bounded length. */
export function isValidRpcName(name: unknown): name is string {
  return typeof name === 'string' && name.length > 0 && name.length <= MAX_RPC_NAME_LENGTH;
}

/**
 * The path a request to the app:// protocol asks for, or null when it is not for our host
 * (the file lookup itself, with its traversal check, is readRendererFile's job).
 */
export function appRequestPath(url: string, method: string): string | null {
  if (method !== 'GET' && method !== 'HEAD') return null;
  const u = parse(url);
  if (!u || !isAppUrl(url)) return null;
  return u.pathname === '' ? '/' : u.pathname;
}

/**
 * The `--data-dir <dir>` or `--data-dir=<dir>` flag (tests, several profiles), or null. The
 * caller passes it to resolveDataDir(), which falls back to DESK_DATA_DIR, then the per-user
 * default shared with the web host and the CLI.
 */
export function dataDirFlag(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir') {
      const next = argv[i + 1];
      if (next !== undefined && next !== '' && !next.startsWith('--')) return next;
    } else if (arg?.startsWith('--data-dir=')) {
      const value = arg.slice('--data-dir='.length);
      if (value !== '') return value;
    }
  }
  return null;
}

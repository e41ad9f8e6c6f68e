import { protocol, type Session } from 'electron';
import { contentSecurityPolicy } from '../web/csp';
import { readRendererFile } from '../web/static';
import { APP_SCHEME, appRequestPath } from './policy';

/**
 * Must run before `app.ready`, and Electron takes only ONE registerSchemesAsPrivileged call: add
 * any future scheme here. app:// becomes a standard (real origin, relative URLs work),
 * secure (like https: no mixed-content downgrade) scheme that fetch() may use. codeCache lets
 * V8 cache the renderer bundle between launches (faster cold start).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/**
 * Serves out/renderer at app://desk/ with the same traversal-checked reader as the web host,
 * and the CSP as a response header. connect-src is 'self' only: the Electron renderer needs no
 * network at all (its data comes over IPC; sync runs in main).
 */
export function serveRenderer(ses: Session, rendererDir: string): void {
  const csp = contentSecurityPolicy("'self'");
  const notFound = () =>
    new Response('Not found', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': csp },
    });
  ses.protocol.handle(APP_SCHEME, async (request) => {
    const path = appRequestPath(request.url, request.method);
    if (path === null) return notFound();
    const file = await readRendererFile(rendererDir, path);
    if (!file) return notFound();
    const body =
      request.method === 'HEAD'
        ? null
        : new Uint8Array(file.body.buffer, file.body.byteOffset, file.body.byteLength);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': file.type,
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  });
}

/**
 * The renderer's Content-Security-Policy. Scripts only from the app itself; antd's CSS-in-JS
 * needs inline <style> tags, which is why style-src allows 'unsafe-inline' (no script can be
 * injected that way). `connect` is widened by the web host to its own WebSocket.
 */
export function contentSecurityPolicy(connect: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

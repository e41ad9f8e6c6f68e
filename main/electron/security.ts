import { shell, type App, type Session, type WebContents } from 'electron';
import { isAppBlobDownload, isExternalUrlAllowed, isNavigationAllowed } from './policy';

/**
 * Session-wide denials: no permission is ever granted (camera, notifications-from-web,
 * geolocation, clipboard-read, HID/USB/serial…), no device access, and no downloads except the
 * exports and printed records main made and the page hands over as its own blob: those go
 * through the system's save dialog (no save path is set), so the user picks where they land.
 */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    console.warn(`[security] denied permission request: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event, item) => {
    if (isAppBlobDownload(item.getURL())) return;
    console.warn(`[security] blocked a download from the page: ${item.getURL()}`);
    event.preventDefault();
  });
}

function guard(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => {
    console.warn('[security] blocked a <webview>');
    event.preventDefault();
  });
  const stayInApp = (event: { url: string; preventDefault(): void }, what: string) => {
    if (isNavigationAllowed(event.url)) return;
    console.warn(`[security] blocked ${what} to ${event.url}`);
    event.preventDefault();
  };
  contents.on('will-navigate', (event) => stayInApp(event, 'navigation'));
  contents.on('will-frame-navigate', (event) => stayInApp(event, 'frame navigation'));
  contents.on('will-redirect', (event) => stayInApp(event, 'redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalUrlAllowed(url)) {
      shell
        .openExternal(url)
        .catch((error: unknown) => console.warn(`[security] could not open ${url}`, error));
    } else {
      console.warn(`[security] blocked window.open / external link to ${url}`);
    }
    return { action: 'deny' };
  });
}

/** Applied to every webContents the app ever creates, including ones we did not expect. */
export function guardAllWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => guard(contents));
}

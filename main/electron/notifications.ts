import { Notification, type BrowserWindow } from 'electron';
import type { Notice } from '../../shared/notify/dto';
import { translate } from '../../shared/i18n/translate';
import type { Locale } from '../../shared/rpc/dto';
import type { IpcBridge } from './ipc';

/**
 * Native notifications in Electron main: the renderer's own Notification permission stays
 * denied (security.ts), so the page cannot raise OS notifications itself. A click brings the
 * window forward and asks the renderer to open the case. Silent: the renderer plays the L3 tone,
 * so quiet mode has one place to stop it.
 */
/** Held until closed: a collected Notification no longer delivers its click. */
const live = new Set<Notification>();

export function showNativeNotice(
  notice: Notice,
  locale: Locale,
  getWindow: () => BrowserWindow | null,
  ipc: IpcBridge,
): void {
  if (!Notification.isSupported()) return;
  const native = new Notification({
    title: translate(locale, notice.titleKey, notice.params),
    body: translate(locale, notice.bodyKey, notice.params),
    silent: true,
    urgency: notice.level >= 3 ? 'critical' : 'normal',
  });
  const release = () => void live.delete(native);
  native.on('close', release);
  native.on('failed', release);
  native.on('click', () => {
    release();
    const win = getWindow();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
    ipc.send({ event: 'notify.open', payload: { caseId: notice.caseId } });
  });
  live.add(native);
  native.show();
}

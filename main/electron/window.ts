import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from './policy';
import {
  loadWindowState,
  MIN_SIZE,
  restoreWindowState,
  saveWindowState,
  type WindowState,
} from './window-state';

export interface MainWindowOptions {
  preload: string;
  title: string;
  devTools: boolean;
  /** userData/window-state.json */
  stateFile: string;
}

/**
 * The one window: sandboxed, context-isolated, no Node, no webview, no spellcheck (the
 * dictionary download would be network traffic, and case text is not English). Shown on
 * ready-to-show so the user never sees a blank frame.
 */
export function createMainWindow(o: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const state = restoreWindowState(loadWindowState(o.stateFile), workAreas);
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true }),
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: o.title,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: o.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      devTools: o.devTools,
    },
  });

  let shown = false;
  const show = () => {
    if (shown || win.isDestroyed()) return;
    shown = true;
    if (state.maximized) win.maximize();
    win.show();
  };
  win.once('ready-to-show', show);
  // If the first paint never comes (renderer crash), show the window anyway rather than
  // leaving a running app with nothing on screen.
  setTimeout(show, 10_000).unref();

  const current = (): WindowState => {
    const b = win.getNormalBounds();
    return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
  };
  const save = () => {
    try {
      saveWindowState(o.stateFile, current());
    } catch (error) {
      console.warn('[window] could not save the window state', error);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 1_000);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });

  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[window] renderer gone: ${details.reason} (exit code ${details.exitCode})`);
  });

  void win.loadURL(APP_ENTRY_URL);
  return win;
}

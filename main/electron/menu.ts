import { Menu, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  productName: string;
  version: string;
  window: () => BrowserWindow | null;
}

/**
 * A minimal application menu. Editing roles are there so that copy/paste shortcuts work in
 * forms (on macOS they only work through the menu). Reload and DevTools exist in development
 * only: in production a reload would throw away unsaved form input.
 */
export function buildMenu(o: MenuOptions): Menu {
  const dev = !o.isPackaged;
  const mac = o.platform === 'darwin';
  const about = () => {
    const win = o.window();
    const options = {
      type: 'info' as const,
      title: o.productName,
      message: `${o.productName} ${o.version}`,
      detail: '邮政业申诉工作台',
    };
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload', enabled: dev },
        ...(dev
          ? ([{ role: 'forceReload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])
          : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      submenu: [{ role: 'minimize' }, ...(mac ? ([{ role: 'zoom' }] as MenuItemConstructorOptions[]) : [])],
    },
    { label: 'Help', submenu: [{ label: `About ${o.productName}`, click: about }] },
  ];
  return Menu.buildFromTemplate(template);
}

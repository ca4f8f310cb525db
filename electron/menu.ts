import type { MenuItemConstructorOptions } from 'electron';

// The app's own menu instead of Electron's default one (which offers Reload
// and Toggle DevTools to anyone). Pure, so a test pins what it holds;
// main.ts builds it with Menu.buildFromTemplate.

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Reload and DevTools, only in a development run (see runtime-switches.ts). */
  developerMenu: boolean;
  onPrint: () => void;
}

export function appMenuTemplate({ platform, developerMenu, onPrint }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const macAppMenu: MenuItemConstructorOptions = {
    label: 'KetaDesk',
    submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: onPrint },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  // Copy and paste need the Edit roles on macOS, where shortcuts come from the menu.
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  const developer: MenuItemConstructorOptions[] = developerMenu
    ? [{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }]
    : [];
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [{ role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'resetZoom' }, { type: 'separator' }, { role: 'togglefullscreen' }, ...developer],
  };
  const windowMenu: MenuItemConstructorOptions = { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }] };
  return mac ? [macAppMenu, file, edit, view, windowMenu] : [file, edit, view];
}

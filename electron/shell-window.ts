import { app, BrowserWindow, Menu, session } from 'electron';
import { appMenuTemplate } from './menu';
import type { ShellSwitches } from './runtime-switches';
import { isAllowedNavigation, NO_DICTIONARY_DOWNLOADS_URL, secureWebPreferences } from './security';

// The window and what surrounds it: session policy, navigation lock-down and
// the app's own menu. The decisions live in pure modules (security.ts,
// menu.ts, runtime-switches.ts); this file only applies them.

/** No permission is ever granted, and no spellchecker dictionary is ever downloaded. */
export function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  ses.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARY_DOWNLOADS_URL);
}

/** Every page stays on the app's own entry page: no navigation away, no new windows, no webviews. */
export function lockDownContents(appUrl: string): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export function installAppMenu(switches: ShellSwitches): void {
  const template = appMenuTemplate({
    platform: process.platform,
    developerMenu: switches.developerMenu,
    onPrint: () => BrowserWindow.getFocusedWindow()?.webContents.print(),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

export function createWindow(switches: ShellSwitches, preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 1024,
    minHeight: 700,
    title: 'KetaDesk',
    show: false,
    webPreferences: secureWebPreferences(preloadPath, switches.devTools),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(switches.rendererUrl);
  return win;
}

import { app, BrowserWindow, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { Gatekeeper } from './auth/gatekeeper';
import { dispatch } from './dispatch';
import type { HandlerContext } from './handlers/context';
import { INVOKE_CHANNEL } from './ipc-channel';
import { dataDirFor } from './data-dir';
import { isAllowedNavigation, isTrustedSenderUrl, secureWebPreferences } from './security';
import { runPrint } from './print/run';
import { printRequest, type PrintResult } from '../shared/schemas/print';

// The desktop shell: one window, locked down, talking to the same handlers as
// browser mode through one IPC channel. Little logic lives here on purpose.

const dataDir = dataDirFor(process.env, app.getPath('userData'));
let ctx: HandlerContext | null = null;

function appUrl(): string {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  return devServer ?? new URL(`file://${join(__dirname, '../renderer/index.html')}`).toString();
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 1024,
    minHeight: 700,
    title: 'KetaDesk',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appUrl());
  return win;
}

function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, appUrl())) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, appUrl())) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

app.enableSandbox();
lockDownContents();

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  try {
    // `npm start` builds better-sqlite3 for Electron beside the Node build the tests use.
    const nativeBinding = process.env.KETADESK_SQLITE_BINDING || undefined;
    const now = () => new Date();
    // The records stay encrypted and closed until the first sign-in of this run.
    ctx = { gate: new Gatekeeper({ dataDir, now, nativeBinding }), dataDir, now };
  } catch (err) {
    console.error(`KetaDesk could not open its data folder ${dataDir}:`, err);
    app.exit(1);
    return;
  }

  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, input: unknown) => {
    const senderUrl = event.senderFrame?.url ?? '';
    if (!ctx || !isTrustedSenderUrl(senderUrl, appUrl())) {
      return { ok: false, error: { code: 'forbidden', message: 'This page may not use KetaDesk.' } };
    }
    const result = await dispatch(channel, input, ctx);
    // Printing needs the window that asked: the handler plans it, runPrint does it.
    if (channel === 'print.document' && result.ok) {
      return runPrint(event.sender, printRequest.parse(input).action, result.data as PrintResult);
    }
    return result;
  });

  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  ctx?.gate.close();
  ctx = null;
  app.quit();
});


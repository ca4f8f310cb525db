import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { join } from 'node:path';
import { Gatekeeper } from './auth/gatekeeper';
import { dispatch } from './dispatch';
import type { HandlerContext } from './handlers/context';
import { INVOKE_CHANNEL } from './ipc-channel';
import { dataDirFor } from './data-dir';
import { isTrustedSenderUrl } from './security';
import { registerAppScheme, serveAppScheme } from './protocol-handler';
import { shellSwitches } from './runtime-switches';
import { createWindow, installAppMenu, lockDownContents, lockDownSession } from './shell-window';
import { runPrint } from './print/run';
import { startBackupSchedule } from './backups/schedule';
import { printRequest, type PrintResult } from '../shared/schemas/print';

// The desktop shell: one window, locked down, talking to the same handlers as
// browser mode through one IPC channel. Little logic lives here on purpose:
// window, protocol, menu and switch decisions are in their own modules.

const dataDir = dataDirFor(process.env, app.getPath('userData'));
const switches = shellSwitches(app.isPackaged, process.env);
const preloadPath = join(__dirname, '../preload/index.cjs');
let ctx: HandlerContext | null = null;
let backups: ReturnType<typeof startBackupSchedule> | null = null;

app.enableSandbox();
registerAppScheme();
lockDownContents(switches.rendererUrl);

app.whenReady().then(() => {
  lockDownSession();
  serveAppScheme(join(__dirname, '../renderer'));
  installAppMenu(switches);

  try {
    // `npm start` builds better-sqlite3 for Electron beside the Node build the tests use.
    const now = () => new Date();
    // The records stay encrypted and closed until the first sign-in of this run.
    ctx = { gate: new Gatekeeper({ dataDir, now, nativeBinding: switches.nativeBinding }), dataDir, now };
    backups = startBackupSchedule(ctx);
  } catch (err) {
    console.error(`KetaDesk could not open its data folder ${dataDir}:`, err);
    app.exit(1);
    return;
  }

  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, input: unknown) => {
    const senderUrl = event.senderFrame?.url ?? '';
    if (!ctx || !isTrustedSenderUrl(senderUrl, switches.rendererUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'This page may not use KetaDesk.' } };
    }
    const result = await dispatch(channel, input, ctx);
    // Printing needs the window that asked: the handler plans it, runPrint does it.
    if (channel === 'print.document' && result.ok) {
      return runPrint(event.sender, printRequest.parse(input).action, result.data as PrintResult);
    }
    // Choosing the backup folder: the handler allowed it, the native dialog answers.
    if (channel === 'backups.pickFolder' && result.ok) {
      const window = BrowserWindow.fromWebContents(event.sender);
      const options: Electron.OpenDialogOptions = { title: 'Choose the backup folder', properties: ['openDirectory', 'createDirectory'] };
      const picked = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
      return { ok: true, data: { path: picked.canceled ? null : (picked.filePaths[0] ?? null), native: true } };
    }
    return result;
  });

  createWindow(switches, preloadPath);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(switches, preloadPath);
  });
});

// The backup on close is made before the records close, whichever way the app ends.
app.on('before-quit', () => backups?.closing());

app.on('window-all-closed', () => {
  backups?.closing();
  ctx?.gate.close();
  ctx = null;
  app.quit();
});

#!/usr/bin/env node
// `npm start`: build, then open the desktop app. Where Electron's binary is
// missing, fetch it once; where that fails (no internet), say so in one
// sentence and start browser mode instead. `npm start -- --browser` (or
// `npm run browser`) goes straight to browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronSqliteBinding } from './electron-native.mjs';
import { browserModeEntry } from './browser-mode.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const wantBrowser = process.argv.includes('--browser');

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
}

const build = run(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet']);
if (build.status !== 0) {
  console.error('KetaDesk could not be built; see the errors above.');
  process.exit(1);
}

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function ensureElectron() {
  const found = electronBinary();
  if (found) return found;
  console.log('Fetching the Electron runtime (first start only)…');
  const install = run(process.execPath, [join(root, 'node_modules/electron/install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  return install.status === 0 ? electronBinary() : null;
}

function startBrowserMode() {
  const child = spawn(process.execPath, [browserModeEntry(root)], {
    cwd: root,
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

function startDesktop(electron) {
  const binding = electronSqliteBinding(root);
  if (!binding) {
    console.log('The database engine could not be built for the desktop app, so KetaDesk starts in browser mode instead.');
    return startBrowserMode();
  }
  const child = spawn(electron, ['.'], { cwd: root, stdio: 'inherit', env: { ...process.env, KETADESK_SQLITE_BINDING: binding } });
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (wantBrowser) {
  startBrowserMode();
} else {
  const electron = ensureElectron();
  if (electron) startDesktop(electron);
  else {
    // Electron's downloader (@electron/get) needs Node 22.12; on an older Node, name that cause instead of the network.
    const [major, minor] = process.versions.node.split('.').map(Number);
    const cause = major > 22 || (major === 22 && minor >= 12) ? 'no internet?' : `it needs Node.js 22.12 or newer; this is ${process.version}`;
    console.log(`The Electron runtime could not be downloaded (${cause}), so KetaDesk starts in browser mode instead.`);
    startBrowserMode();
  }
}

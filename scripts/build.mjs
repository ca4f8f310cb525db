#!/usr/bin/env node
// `npm run build`: the desktop app (main, preload, renderer) with electron-vite,
// then browser mode's server bundle. Exits non-zero on the first failure.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildBrowserMode } from './browser-mode.mjs';

const root = join(import.meta.dirname, '..');
const app = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--config', 'electron.config.ts'], {
  cwd: root,
  stdio: process.argv.includes('--quiet') ? ['ignore', 'ignore', 'inherit'] : 'inherit',
});
if (app.status !== 0) process.exit(app.status ?? 1);
await buildBrowserMode(root);

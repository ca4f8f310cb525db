import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Gatekeeper } from './auth/gatekeeper';
import { dataDirFor, defaultUserDataDir } from './data-dir';
import { startBrowserServer } from './browser-server';
import { clockFromEnv } from './test-clock';
import { startBackupSchedule } from './backups/schedule';
import { announcement, READY_JSON_ENV, readyLine } from './browser-address';

// Browser mode's process: opens the same database the desktop app uses and
// serves the built renderer with the same handlers on 127.0.0.1.

// The built renderer is out/renderer: beside this file's folder when it runs
// from the bundle (out/browser/index.mjs), under the checkout from source.
const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = basename(here) === 'browser' ? join(here, '..', 'renderer') : join(here, '..', 'out', 'renderer');
const dataDir = dataDirFor(process.env, defaultUserDataDir());
const port = process.env.KETADESK_PORT ? Number(process.env.KETADESK_PORT) : 0;

// The real clock, unless an end-to-end test set KETADESK_TEST_CLOCK_FILE (see test-clock.ts).
const now = clockFromEnv(process.env);
let gate: Gatekeeper;
try {
  // The records stay encrypted and closed until the first sign-in of this run.
  gate = new Gatekeeper({ dataDir, now });
} catch (err) {
  console.error(`KetaDesk could not open its data folder ${dataDir}: ${(err as Error).message}`);
  process.exit(1);
}

const ctx = { gate, dataDir, now };
const backups = startBackupSchedule(ctx);
const server = await startBrowserServer({
  ctx,
  rendererDir,
  port,
});

// The address holds the session token: it goes to the terminal or to the spawning process only (see browser-address.ts).
if (process.env[READY_JSON_ENV]) {
  process.stdout.write(readyLine({ url: server.url, dataDir, pid: process.pid }));
} else {
  const { stdout, stderr } = announcement(server.url, dataDir, process.stdout.isTTY === true);
  process.stdout.write(stdout);
  process.stderr.write(stderr);
}

const shutdown = () => {
  void server.close();
  // The backup on close, before the records close.
  backups.closing();
  gate.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

// Start-up in browser mode, as a clinician meets it: from spawning the server
// process (`node out/browser/index.mjs`, what `npm run browser` runs) to the first screen's content in Chromium: a heading inside the
// page's main landmark, whichever screen comes first (today the clinician
// choice; after sign-in lands, the sign-in screen). Chromium is launched once
// beforehand; each run gets a fresh browser context (empty cache) and a new
// server on the seeded database. The ready line with the session token is
// read from the server's stdout here and never printed.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from 'playwright-core';
import { parseReadyLine, READY_JSON_ENV, type ReadyMessage } from '../../electron/browser-address';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { requireBrowserModeBuild } from '../browser-mode.mjs';
import type { SectionResult } from './section';
import { round, summarize } from './stats';

const RUNS = 5;
const GOAL_MS = 1500;
const TIMEOUT_MS = 30_000;

interface Run {
  totalMs: number;
  serverReadyMs: number;
}

async function oneRun(browser: Browser, root: string, dataDir: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const start = performance.now();
  const child = spawn(process.execPath, [requireBrowserModeBuild(root)], {
    cwd: root,
    env: { ...process.env, KETADESK_DATA_DIR: dataDir, [READY_JSON_ENV]: '1', KETADESK_PORT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    const ready = await new Promise<ReadyMessage>((resolve, reject) => {
      let buffer = '';
      const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${stderr}`)), TIMEOUT_MS);
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        const msg = lines.map(parseReadyLine).find((m) => m !== null);
        if (msg) {
          clearTimeout(timer);
          resolve(msg);
        }
      });
      void exited.then(() => reject(new Error(`browser mode exited before it was ready:\n${stderr}`)));
    });
    const serverReadyMs = performance.now() - start;
    await page.goto(ready.url, { waitUntil: 'commit' });
    await page.locator('main, [role="main"]').getByRole('heading').first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    return { totalMs: performance.now() - start, serverReadyMs };
  } finally {
    child.kill('SIGTERM');
    await exited;
    await context.close();
  }
}

export async function startupToFirstScreen(root: string, dataDir: string, progress: (m: string) => void): Promise<SectionResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      progress(`startup: run ${i + 1} of ${RUNS}`);
      runs.push(await oneRun(browser, root, dataDir));
    }
  } finally {
    await browser.close();
  }
  const total = summarize(runs.map((r) => r.totalMs));
  const server = summarize(runs.map((r) => r.serverReadyMs));
  return {
    title: `Start-up, browser mode, ${RUNS} runs on the seeded database (median / max)`,
    rows: [
      { label: 'spawn server → first screen in Chromium (startupToFirstScreenMs)', value: `${total.p50.toFixed(0)} / ${total.max.toFixed(0)} ms`, goal: `< ${GOAL_MS} ms`, pass: total.p50 < GOAL_MS },
      { label: '  of which: spawn → server ready (load the bundle, open the key file, listen)', value: `${server.p50.toFixed(0)} / ${server.max.toFixed(0)} ms` },
    ],
    json: {
      startupToFirstScreenMs: round(total.p50),
      startupToFirstScreenMaxMs: round(total.max),
      startupToFirstScreenRunsMs: runs.map((r) => round(r.totalMs)),
      startupServerReadyMs: round(server.p50),
    },
  };
}

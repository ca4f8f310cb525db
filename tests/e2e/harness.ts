// End-to-end harness: runs KetaDesk in browser mode as a child process on a
// fresh data folder and drives Debian's Chromium with playwright-core.
//
//   const app = await startSignedInApp();  // server + browser + page at the app, a clinician working
//   await app.page.getByRole(...)...
//   await screenshot(app.page, 'patient-list');
//   await expectNoAxeViolations(app.page, 'patient list');
//   await app.restart();                   // SIGKILL the server, start it again on the same data
//   await app.close();
//
// The renderer must be built first (out/renderer): the test script builds
// before running; by hand run `npx electron-vite build --config electron.config.ts`.

import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import type { Result } from '../../shared/result';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENS_DIR = join(ROOT, 'test-results', 'screens');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const VIEWPORT = { width: 1366, height: 768 };
const READY_TIMEOUT_MS = 30_000;

export interface ServerInfo {
  /** Address with the session token in its hash, as a clinician would open it. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  pid: number;
}

interface RunningServer {
  info: ServerInfo;
  child: ChildProcessByStdio<null, Readable, Readable>;
  exited: Promise<number | null>;
  output: () => string;
}

/** Starts `electron/browser-main.ts` on `dataDir` and waits for its one JSON ready line. */
async function startServer(dataDir: string): Promise<RunningServer> {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('out/renderer is missing: build first (npx electron-vite build --config electron.config.ts)');
  }
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron', 'browser-main.ts')], {
    cwd: ROOT,
    env: { ...process.env, KETADESK_DATA_DIR: dataDir, KETADESK_READY_JSON: '1', KETADESK_PORT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const info = await new Promise<ServerInfo>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not become ready:\n${log}`)), READY_TIMEOUT_MS);
    const onData = (d: Buffer) => {
      buffer += d.toString();
      log += d.toString();
      for (const line of buffer.split('\n').slice(0, -1)) {
        try {
          const msg = JSON.parse(line) as { ready?: boolean; url: string; dataDir: string; pid: number };
          if (!msg.ready) continue;
          clearTimeout(timer);
          child.stdout.off('data', onData);
          child.stdout.on('data', (more: Buffer) => (log += more.toString()));
          const url = new URL(msg.url);
          const token = /token=([^&]+)/.exec(url.hash)?.[1] ?? '';
          resolve({ url: msg.url, origin: url.origin, token, dataDir: msg.dataDir, pid: msg.pid });
          return;
        } catch {
          // not the ready line
        }
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    };
    child.stdout.on('data', onData);
    void exited.then((code) => reject(new Error(`browser mode exited (${code}) before it was ready:\n${log}`)));
  });
  return { info, child, exited, output: () => log };
}

export interface E2EApp {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  readonly server: ServerInfo;
  dataDir: string;
  /** Console errors and uncaught page errors (a CSP refusal shows up here). */
  consoleErrors: string[];
  /** Calls the API as the page does (token header); throws on an error result. */
  api<C extends Channel>(channel: C, input: RequestOf<C>): Promise<ResponseOf<C>>;
  apiResult<C extends Channel>(channel: C, input: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** Kills the server with SIGKILL (no shutdown handler runs) and waits for it to be gone. */
  killServer(): Promise<void>;
  /** SIGKILLs the server, starts a new one on the same data folder and opens the page at its address. */
  restart(): Promise<void>;
  /** Opens the app afresh at the current server's address (new session token in the URL). */
  open(): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Reuse a data folder; a new temporary one by default (removed on close). */
  dataDir?: string;
}

/** Fresh data folder, browser mode server, headless Chromium at 1366×768, the app open. */
export async function startApp(opts: StartOptions = {}): Promise<E2EApp> {
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'ketadesk-e2e-'));
  let server = await startServer(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce', locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));

  const apiResult = async <C extends Channel>(channel: C, input: RequestOf<C>) => {
    const res = await fetch(`${server.info.origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-KetaDesk-Token': server.info.token },
      body: JSON.stringify(input),
    });
    return (await res.json()) as Result<ResponseOf<C>>;
  };

  const app: E2EApp = {
    page,
    context,
    browser,
    get server() {
      return server.info;
    },
    dataDir,
    consoleErrors,
    apiResult,
    async api(channel, input) {
      const result = await apiResult(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.data;
    },
    async killServer() {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        process.kill(server.info.pid, 'SIGKILL');
        await server.exited;
      }
    },
    async restart() {
      await app.killServer();
      server = await startServer(dataDir);
      await app.open();
    },
    async open() {
      // Only the hash would differ from the current URL, which is no navigation at all; leave first.
      await page.goto('about:blank');
      await page.goto(server.info.url);
    },
    async close() {
      await app.killServer().catch(() => undefined);
      await browser.close().catch(() => undefined);
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await app.open();
  return app;
}

/**
 * Saves a full-page screenshot to test-results/screens/<name>.png, taken from
 * the top (on a scrolled page the fixed app header would be drawn mid-page)
 * and leaving the page scrolled where it was; with `viewport`, just what a
 * 1366×768 laptop shows now.
 */
export async function screenshot(page: Page, name: string, opts: { viewport?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}.png`);
  if (opts.viewport) {
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    return path;
  }
  const y = await page.evaluate(() => window.scrollY);
  await page.evaluate(() => window.scrollTo(0, 0));
  try {
    await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  } finally {
    await page.evaluate((top) => window.scrollTo(0, top), y);
  }
  return path;
}

/** Runs axe on the page as it is now and fails, listing every problem, unless there are none. */
export async function expectNoAxeViolations(page: Page, where = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  if (results.violations.length === 0) return;
  const report = results.violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`);
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
    })
    .join('\n');
  throw new Error(`${results.violations.length} accessibility violation(s) on ${where}:\n${report}`);
}

/** Opens the store's SQLite file read-only, e.g. after the server was killed, to check what was committed. */
export function openDatabaseReadOnly(dataDir: string): Database {
  return new BetterSqlite3(join(dataDir, 'ketadesk.sqlite'), { readonly: true, fileMustExist: true });
}

// ---- a working app, and seeding through the API, for tests about a later step ----

export const DEFAULT_CLINICIAN = { name: 'Dr Amira Haddad', credentials: 'MD', role: 'prescriber' } as const;

type ClinicianInput = RequestOf<'clinicians.create'>;
type Clinician = ResponseOf<'clinicians.create'>;

export interface SignedInApp extends E2EApp {
  /** The clinician the app is working as. */
  clinician: Clinician;
  /** The other clinicians asked for, in the order given. */
  colleagues: Clinician[];
}

export interface SignedInOptions extends StartOptions {
  /** Who is working; a prescriber by default. */
  clinician?: ClinicianInput;
  /** Further clinicians, created first so that the app knows them from its first screen. */
  colleagues?: ClinicianInput[];
  /** Runs on the started app before it opens as the clinician, e.g. to install a page clock. */
  beforeSignIn?: (app: E2EApp) => Promise<void>;
}

/**
 * The one way a test reaches a working app: started on a fresh data folder,
 * its clinicians created, and open as `clinician` at the patient list. How a
 * clinician gets to work (today the "who is working" choice) lives only here
 * and in `workAs`, so a change to it is made in this file alone.
 */
export async function startSignedInApp(opts: SignedInOptions = {}): Promise<SignedInApp> {
  const app = await startApp(opts);
  try {
    await opts.beforeSignIn?.(app);
    const colleagues: Clinician[] = [];
    for (const input of opts.colleagues ?? []) colleagues.push(await app.api('clinicians.create', input));
    const clinician = await app.api('clinicians.create', opts.clinician ?? DEFAULT_CLINICIAN);
    await workAs(app, clinician.id);
    return Object.assign(app, { clinician, colleagues });
  } catch (err) {
    await app.close();
    throw err;
  }
}

/** Makes `clinicianId` the one working and opens the app afresh, at the patient list. */
export async function workAs(app: E2EApp, clinicianId: string): Promise<void> {
  await app.api('workspace.selectClinician', { clinicianId });
  await app.open();
}

/** After a restart the server no longer knows who is working: the app asks, and `app.clinician` goes on. */
export async function workAgainAfterRestart(app: SignedInApp): Promise<void> {
  await app.page.getByRole('heading', { name: 'Who is working?' }).waitFor();
  await app.page.getByRole('button', { name: new RegExp(app.clinician.name) }).click();
  await app.page.getByTestId('working-clinician').waitFor();
}

/** The working clinician's passphrase in the end-to-end tests. */
export const E2E_PASSPHRASE = 'e2e working clinician passphrase';

/** Signs in the electronic-signature dialog that a signed action opened, and waits for it to close. */
export async function signWithPassphrase(page: Page, passphrase = E2E_PASSPHRASE): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Sign electronically' });
  await dialog.getByLabel('Your passphrase').fill(passphrase);
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  // The passphrase is checked with scrypt at the product's cost: slow on a busy machine.
  await dialog.waitFor({ state: 'detached', timeout: 30_000 });
}

export function patientInput(overrides: Partial<RequestOf<'patients.create'>> = {}): RequestOf<'patients.create'> {
  return {
    legalName: 'Test Patient',
    dateOfBirth: '1980-03-14',
    sex: 'female',
    mrn: `T${Math.floor(Math.random() * 1e8)}`,
    ...overrides,
  };
}

/** A new patient, made through the API. */
export function seedPatient(app: E2EApp, overrides: Partial<RequestOf<'patients.create'>> = {}) {
  return app.api('patients.create', patientInput(overrides));
}

type Treatment = RequestOf<'screenings.create'>['plannedTreatment'];

export interface DraftSeed {
  /** What the draft holds, saved after it is created; an empty draft without. */
  answers?: Omit<RequestOf<'screenings.save'>['answers'], 'plannedTreatment'>;
  signing?: RequestOf<'screenings.save'>['signing'];
  /** The signed screening this draft corrects. */
  amendsId?: string;
}

const answersOf = ({ baselineVitals, answers, medications }: ResponseOf<'screenings.create'>['case']) =>
  ({ answers, medications: medications ?? [], ...(baselineVitals ? { baselineVitals } : {}) });

/** A screening draft made through the API, as the checklist would have saved it. Returns the stored draft. */
export async function seedScreeningDraft(app: E2EApp, patientId: string, plannedTreatment: Treatment, seed: DraftSeed = {}) {
  const draft = await app.api('screenings.create', { patientId, plannedTreatment, ...(seed.amendsId ? { amendsId: seed.amendsId } : {}) });
  if (!seed.answers && !seed.signing) return draft;
  return app.api('screenings.save', {
    id: draft.id,
    expectedVersion: draft.version,
    answers: { ...answersOf(draft.case), ...seed.answers, plannedTreatment },
    ...(seed.signing ? { signing: seed.signing } : {}),
  });
}

/** A screening drafted and signed through the API by the clinician working. Returns the signed screening. */
export async function seedSignedScreening(
  app: E2EApp,
  patientId: string,
  plannedTreatment: Treatment,
  seed: DraftSeed,
  signing: Omit<RequestOf<'screenings.sign'>, 'id' | 'expectedVersion' | 'signature'> = { acknowledgedRuleIds: [] },
) {
  const draft = await seedScreeningDraft(app, patientId, plannedTreatment, seed);
  return app.api('screenings.sign', { id: draft.id, expectedVersion: draft.version, ...signing, signature: { passphrase: E2E_PASSPHRASE } });
}

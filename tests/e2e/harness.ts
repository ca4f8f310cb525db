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
import { applyKey } from '../../db/connection';
import { readKeyFile } from '../../db/vault/key-file';
import { unwrapKey } from '../../db/vault/wrap';
import { COURSE_ORDERS, REMS_ANSWERS } from '../helpers/session-fixture';
import { clearDayAnswers } from '../../scripts/session-needs';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { AsqAnswer, QuestionnaireAnswers } from '../../shared/measures';
import { parseReadyLine, READY_JSON_ENV } from '../../electron/browser-address';
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from '../../scripts/chromium';
import { requireBrowserModeBuild } from '../../scripts/browser-mode.mjs';
import { CONSENT_FORM } from '../../shared/printouts/consent';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENS_DIR = join(ROOT, 'test-results', 'screens');
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

/** Starts browser mode's built server (`electron/browser-main.ts`, bundled) on `dataDir` and waits for its one JSON ready line. */
async function startServer(dataDir: string): Promise<RunningServer> {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('out/renderer is missing: build first (npm run build)');
  }
  const child = spawn(process.execPath, [requireBrowserModeBuild(ROOT)], {
    cwd: ROOT,
    env: { ...process.env, KETADESK_DATA_DIR: dataDir, [READY_JSON_ENV]: '1', KETADESK_PORT: '' },
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
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const [i, line] of lines.entries()) {
        const msg = parseReadyLine(line);
        // The ready line holds the session token: it is read here and kept out of the log a failure prints.
        if (!msg) {
          log += `${line}\n`;
          continue;
        }
        clearTimeout(timer);
        child.stdout.off('data', onData);
        log += [...lines.slice(i + 1), buffer].join('\n');
        child.stdout.on('data', (more: Buffer) => (log += more.toString()));
        const url = new URL(msg.url);
        const token = /token=([^&]+)/.exec(url.hash)?.[1] ?? '';
        resolve({ url: msg.url, origin: url.origin, token, dataDir: msg.dataDir, pid: msg.pid });
        return;
      }
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
  /**
   * Opens the app afresh at the current server's address (new session token in the URL), then goes to
   * `at` (the patient list unless told otherwise; `null` stays on the first screen, today's board).
   */
  open(at?: string | null): Promise<void>;
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
    async open(at: string | null = '#/patients') {
      // Only the hash would differ from the current URL, which is no navigation at all; leave first.
      await page.goto('about:blank');
      await page.goto(server.info.url);
      // Today's board is the first screen; the tests written before it start from the patient list, as the app did then.
      if (at) await page.evaluate((hash) => { window.location.hash = hash; }, at);
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
/**
 * The app's encrypted database, opened read-only beside the running server the
 * way a clinician's key opens it: the database key unwrapped from the key file
 * with PASSPHRASE (every seeded clinician's).
 */
export async function openDatabaseReadOnly(dataDir: string): Promise<Database> {
  const keys = readKeyFile(dataDir);
  for (const [id, holder] of Object.entries(keys.holders)) {
    const key = await unwrapKey(holder.wrapped, PASSPHRASE, id);
    if (!key) continue;
    const db = new BetterSqlite3(join(dataDir, 'ketadesk.sqlite'), { readonly: true, fileMustExist: true });
    applyKey(db, key);
    return db;
  }
  throw new Error('No clinician in the key file has the e2e passphrase');
}

// ---- a working app, and seeding through the API, for tests about a later step ----

export const DEFAULT_CLINICIAN = { name: 'Dr Amira Haddad', credentials: 'MD', role: 'prescriber' } as const;
/** Every seeded clinician's passphrase, for signing in and for electronic signatures (`signature: { passphrase: PASSPHRASE }`). */
export const PASSPHRASE = 'amber kettle by the north window';
/** What an administrator gives a new colleague, who replaces it with PASSPHRASE at first sign-in. */
const TEMPORARY_PASSPHRASE = 'temporary lantern on the stairs';

/**
 * How long a step that checks or wraps a passphrase may take: scrypt at the
 * product's cost is ~0.6 s alone; a passphrase change runs two, and at a load
 * average of 20 on 2 cores each took up to 9 s, so 30 s once ran out.
 */
export const CREDENTIAL_CHECK = { timeout: 60_000 };

type ClinicianInput = Omit<RequestOf<'clinicians.create'>, 'temporaryPassphrase' | 'isAdmin'>;
type Clinician = ResponseOf<'clinicians.create'>;

export interface SignedInApp extends E2EApp {
  /** The clinician the app is signed in as: the clinic's first administrator. */
  clinician: Clinician;
  /** The other clinicians asked for, in the order given; each signs in with PASSPHRASE. */
  colleagues: Clinician[];
}

export interface SignedInOptions extends StartOptions {
  /** Who sets up the clinic and works; a prescriber by default. */
  clinician?: ClinicianInput;
  /** Further clinicians, added by the administrator, ready to sign in with PASSPHRASE. */
  colleagues?: ClinicianInput[];
  /** Runs on the started app before it opens as the clinician, e.g. to install a page clock. */
  beforeSignIn?: (app: E2EApp) => Promise<void>;
}

/**
 * The one way a test reaches a working app: started on a fresh data folder,
 * the clinic set up with `clinician` as its first administrator (setup signs
 * in on the server), its colleagues added, and open at the patient list.
 */
export async function startSignedInApp(opts: SignedInOptions = {}): Promise<SignedInApp> {
  const app = await startApp(opts);
  try {
    await opts.beforeSignIn?.(app);
    const { name, credentials, role } = opts.clinician ?? DEFAULT_CLINICIAN;
    const { status } = await app.api('auth.setup', { name, credentials: credentials ?? '', role, passphrase: PASSPHRASE });
    const colleagues: Clinician[] = [];
    for (const input of opts.colleagues ?? []) colleagues.push(await addClinician(app, input));
    await app.open();
    return Object.assign(app, { clinician: status.clinician!, colleagues });
  } catch (err) {
    await app.close();
    throw err;
  }
}

/** Signs `clinicianId` in (with PASSPHRASE) and opens the app afresh, at the patient list. */
export async function workAs(app: E2EApp, clinicianId: string): Promise<void> {
  await signInAs(app, clinicianId);
  await app.open();
}

/** After a restart nobody is signed in: `app.clinician` signs in on the page and goes on. */
export async function workAgainAfterRestart(app: SignedInApp): Promise<void> {
  await signInOnPage(app.page, app.clinician.name);
  await app.page.getByTestId('working-clinician').waitFor();
}

/** Signs in through the API (the page learns it at its next reload or refused call). */
export async function signInAs(app: E2EApp, clinicianId: string) {
  return app.api('auth.signIn', { clinicianId, passphrase: PASSPHRASE });
}

/**
 * The signed-in administrator adds a colleague, who signs in once to replace
 * the temporary passphrase with PASSPHRASE; then the administrator is signed in again.
 */
export async function addClinician(app: E2EApp, input: ClinicianInput) {
  const admin = (await app.api('auth.status', {})).clinician!;
  const added = await app.api('clinicians.create', { ...input, temporaryPassphrase: TEMPORARY_PASSPHRASE });
  await app.api('auth.signIn', { clinicianId: added.id, passphrase: TEMPORARY_PASSPHRASE });
  await app.api('auth.changePassphrase', { current: TEMPORARY_PASSPHRASE, next: PASSPHRASE });
  await signInAs(app, admin.id);
  return added;
}

/** "Switch clinician" from the header's user menu: the other person picks their name and types PASSPHRASE. */
export async function switchClinicianOnPage(page: Page, name: string) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Switch clinician' }).click();
  await page.getByRole('button', { name: new RegExp(name) }).click();
  const passphrase = page.locator('#sign-in-passphrase');
  await passphrase.fill(PASSPHRASE);
  await passphrase.press('Enter');
  await page.getByTestId('gate').waitFor({ state: 'detached', ...CREDENTIAL_CHECK });
}

/** Signs in on the page's sign-in screen (after a restart): picks the name when there is a choice, types PASSPHRASE. */
export async function signInOnPage(page: Page, name: string = DEFAULT_CLINICIAN.name) {
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  const passphrase = page.locator('#sign-in-passphrase');
  if (!(await passphrase.isVisible())) await page.getByRole('button', { name: new RegExp(name) }).click();
  await passphrase.fill(PASSPHRASE);
  await passphrase.press('Enter');
  await page.getByTestId('gate').waitFor({ state: 'detached', ...CREDENTIAL_CHECK });
}

/** Signs in the electronic-signature dialog that a signed action opened, and waits for it to close. */
export async function signWithPassphrase(page: Page, passphrase = PASSPHRASE): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Sign electronically' });
  await dialog.getByLabel('Your passphrase').fill(passphrase);
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  // The passphrase is checked with scrypt at the product's cost: slow on a busy machine.
  await dialog.waitFor({ state: 'detached', ...CREDENTIAL_CHECK });
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
  return app.api('screenings.sign', { id: draft.id, expectedVersion: draft.version, signature: { passphrase: PASSPHRASE }, ...signing });
}

/**
 * A negative ASQ, a PHQ-9 and a GAD-7 taken now, through questionnaires.record:
 * what the suicide-risk gate asks on the day of a session (clinic defaults),
 * for tests about something else. The ASQ answers can be given.
 */
export async function seedClearMeasures(
  app: E2EApp, patientId: string, asq: ReadonlyArray<AsqAnswer | null> = ['no', 'no', 'no', 'no', null], at: Date = new Date(),
) {
  const takenAt = at.toISOString();
  const day = clearDayAnswers(asq);
  const record = (answers: QuestionnaireAnswers) => app.api('questionnaires.record', { patientId, answers, mode: 'read-aloud', takenAt });
  return { asq: await record(day.asq), phq9: await record(day.phq9), gad7: await record(day.gad7) };
}

/**
 * The patient's signed, witnessed consent on the current form, recorded through
 * the API by the clinician working (signed a second ago, so never "in the future").
 */
export function seedSignedConsent(app: E2EApp, patientId: string, plannedTreatment: Treatment, signature: RequestOf<'consents.recordSigned'>['signature'] = { passphrase: PASSPHRASE }) {
  return app.api('consents.recordSigned', {
    patientId, formVersion: CONSENT_FORM.version, plannedTreatment, witnessName: 'Jo Witness', signedAt: new Date(Date.now() - 1000).toISOString(), signature,
  });
}

/** Enrolled long before any test clock's day, so the start gate passes whatever day the server thinks it is. */
export const REMS_ENROLLED_ON = '2020-01-06';

/** The patient's esketamine REMS enrolment (once), which the start gate asks for before the first esketamine session. */
export async function enrollInRems(app: E2EApp, patientId: string): Promise<void> {
  const current = await app.api('rems.enrollment', { patientId });
  if (!current?.enrolled) await app.api('rems.recordEnrollment', { patientId, enrolled: true, enrolledOn: REMS_ENROLLED_ON });
}

/** Every REMS form answer of an open esketamine session, recorded now (both devices' lots, nothing concomitant). */
export function seedRemsAnswers(app: E2EApp, sessionId: string) {
  const at = new Date().toISOString();
  return app.api('rems.saveSession', { sessionId, ...REMS_ANSWERS, lots: REMS_ANSWERS.lots.map(({ lot }) => ({ lot, at })) });
}

/**
 * Everything a session needs besides the signed screening, for tests about something else:
 * the signed consent, the prescriber's course, today's clear ASQ, PHQ-9 and GAD-7, and for
 * esketamine the REMS enrolment.
 */
export async function seedSessionNeeds(app: E2EApp, patientId: string, route: Treatment, signature: RequestOf<'consents.recordSigned'>['signature'] = { passphrase: PASSPHRASE }) {
  if (route === 'esketamine-nasal') await enrollInRems(app, patientId);
  await seedClearMeasures(app, patientId);
  await seedSignedConsent(app, patientId, route, signature);
  await seedCourse(app, patientId, route);
}

/** A prescriber's induction course for the treatment (treatment-resistant depression), as the Course tab orders it. */
export async function seedCourse(app: E2EApp, patientId: string, route: Treatment) {
  // Once: a patient has one open course per treatment.
  const open = (await app.api('courses.listForPatient', { patientId })).find((c) => c.route === route && c.phase !== 'ended');
  return open ?? app.api('courses.create', { patientId, route, indication: 'trd', ...COURSE_ORDERS[route], signature: { passphrase: PASSPHRASE } });
}

/** Browser mode prints with window.print(); a test counts the calls instead of opening a dialog. Call before `app.open()`. */
export async function countPrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __prints: number };
    w.__prints = 0;
    window.print = () => {
      w.__prints += 1;
    };
  });
}

/** How many times the page has asked to print since it was opened (see countPrints). */
export const printCount = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __prints: number }).__prints);

/** Opens a patient's chart from the patient list by MRN (one match), then one of its tabs. */
export async function openChartTab(page: Page, patient: { mrn: string; legalName: string }, tab: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' }).click();
  const box = page.getByRole('searchbox', { name: 'Search patients' });
  await box.fill(patient.mrn);
  await expect.poll(() => page.locator('#patient-results tbody tr').count()).toBe(1);
  await box.press('Enter');
  await page.getByRole('heading', { name: patient.legalName, level: 1 }).waitFor();
  await page.getByRole('tab', { name: tab }).click();
}

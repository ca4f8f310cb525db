// `npm run bench`: measures sign-in at the production scrypt cost, then seeds
// a throw-away encrypted database and measures patient search, durable
// patient inserts, vitals entries and opening, each against the raw engine;
// then builds the renderer and measures its bundle and browser mode's start-up
// to the first screen in Chromium. With --json this script prints one
// JSON object on stdout and nothing else; progress always goes to stderr.
// (npm itself prints a "> ketadesk bench" banner on stdout: use
// `npm run -s bench -- --json` to keep stdout pure JSON.)
// Options: --patients N (default 100000). Figures are ratios and percentiles
// from one run, to compare runs on one machine: they are not pass/fail tests.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Store } from '../db/store';
import { todayBoard } from './bench/board';
import { patientInsert } from './bench/patient-insert';
import { patientSearch } from './bench/patient-search';
import { rendererBundle } from './bench/renderer-bundle';
import { renderTable } from './bench/report';
import type { BenchContext, Section, SectionResult } from './bench/section';
import { sessionMonitoring } from './bench/session-monitoring';
import { startupToFirstScreen } from './bench/startup';
import { signInSection } from './bench/sign-in';
import { BENCH_KEY, loadAverage, machine, openSection, seedPatients, timeFreshOpens, timeReopens } from './bench/setup';

/** Sections run in this order against the seeded store; add new ones here. */
const SECTIONS: Section[] = [patientSearch, patientInsert, sessionMonitoring, todayBoard];

const args = process.argv.slice(2);
const json = args.includes('--json');
const countArg = args.indexOf('--patients');
const patientCount = countArg >= 0 ? Number(args[countArg + 1]) : 100_000;
if (!Number.isInteger(patientCount) || patientCount < 1000) {
  console.error('--patients must be a whole number of at least 1000');
  process.exit(2);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const progress = (m: string) => process.stderr.write(`[bench] ${m}\n`);

/** The renderer as the current source builds it, so the bundle and start-up figures are of this code. */
function buildApp(): void {
  progress('build: npm run build');
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) throw new Error('the app could not be built; see the errors above');
}
const loadAtStart = loadAverage();
const scratchDir = mkdtempSync(join(tmpdir(), 'ketadesk-bench-'));
let store: Store | undefined;
try {
  const signIn = await signInSection(scratchDir, progress);
  progress('open: fresh databases');
  const fresh = timeFreshOpens(scratchDir);
  const dataDir = join(scratchDir, 'seeded');
  progress(`seed: ${patientCount} patients`);
  const seedStore = Store.open(dataDir, { key: BENCH_KEY });
  const seeded = seedPatients(seedStore, patientCount, progress);
  seedStore.close();
  progress(`seed: done in ${(seeded.ms / 1000).toFixed(1)} s; re-opening`);
  const reopened = timeReopens(dataDir);
  store = reopened.store;

  const ctx: BenchContext = { store, dataDir, scratchDir, clinicianId: seeded.clinicianId, patientCount, progress };
  const results: SectionResult[] = [signIn, openSection(fresh, reopened.samples, patientCount, seeded.ms)];
  for (const section of SECTIONS) results.push(section(ctx));
  buildApp();
  results.push(rendererBundle(join(root, 'out', 'renderer')));
  results.push(await startupToFirstScreen(root, dataDir, progress));
  const env = machine(scratchDir, store, loadAtStart);

  if (json) {
    process.stdout.write(`${JSON.stringify({ patientCount, ...env, ...Object.assign({}, ...results.map((r) => r.json)) }, null, 2)}\n`);
  } else {
    const header = [
      `KetaDesk benchmark: ${patientCount.toLocaleString('en')} patients`,
      `node ${env.nodeVersion}, SQLite ${env.sqliteVersion} (better-sqlite3-multiple-ciphers ${env.betterSqlite3Version}), ${env.platform}, ${env.cpuCount} x ${env.cpuModel}, temp fs ${env.tempFileSystem}`,
      `load average ${env.loadAverageAtStart.join(' ')} at start, ${env.loadAverageAtEnd.join(' ')} at end (1/5/15 min)`,
      'Figures from this one run; compare runs on the same machine.',
    ];
    process.stdout.write(`${renderTable(header, results)}\n`);
  }
} finally {
  store?.close();
  rmSync(scratchDir, { recursive: true, force: true });
}

// Database set-up for the benchmark: time to open and migrate, seeding, and
// the machine facts the figures depend on.

import { randomBytes } from 'node:crypto';
import { cpus, loadavg, platform, release } from 'node:os';
import { statfsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Store } from '../../db/store';
import { patientFields } from './seed-data';
import { ms, type Section } from './section';
import { round, summarize, timeMs } from './stats';

const OPEN_RUNS = 5;

/** One database key for every store this run opens: the figures are for the encrypted database. */
export const BENCH_KEY = randomBytes(32);

/** Store.open (create file, pragmas, migrate, prepare statements) of fresh empty databases. */
export function timeFreshOpens(scratchDir: string): number[] {
  return Array.from({ length: OPEN_RUNS }, (_, i) => {
    let store: Store | undefined;
    const t = timeMs(() => { store = Store.open(join(scratchDir, `fresh-${i}`), { key: BENCH_KEY }); });
    store!.close();
    return t;
  });
}

/** Re-opens of an existing database; the last one stays open and is returned. */
export function timeReopens(dataDir: string): { samples: number[]; store: Store } {
  const samples: number[] = [];
  let store: Store | undefined;
  for (let i = 0; i < OPEN_RUNS; i++) {
    store?.close();
    samples.push(timeMs(() => { store = Store.open(dataDir, { key: BENCH_KEY }); }));
  }
  return { samples, store: store! };
}

/**
 * Seeds `count` patients through the real write path (store.createPatient:
 * MRN check, row, name terms, hash-chained audit row) inside one outer
 * transaction, so each patient is a savepoint rather than a durable commit.
 */
export function seedPatients(store: Store, count: number, progress: (m: string) => void): { clinicianId: string; ms: number } {
  const start = Date.UTC(2024, 0, 1);
  const clinician = store.createClinician(
    { name: 'Bench Clinician', credentials: 'MD', role: 'prescriber', isAdmin: true }, new Date(start).toISOString(), null,
  );
  const t = timeMs(() => store.write(() => {
    for (let i = 0; i < count; i++) {
      store.createPatient(patientFields(i), clinician.id, new Date(start + i * 1000).toISOString());
      if ((i + 1) % 20_000 === 0) progress(`seed: ${i + 1} / ${count}`);
    }
  }));
  return { clinicianId: clinician.id, ms: t };
}

const FS_TYPES: Record<number, string> = { 0xef53: 'ext2/3/4', 0x01021994: 'tmpfs', 0x58465342: 'xfs', 0x9123683e: 'btrfs', 0x794c7630: 'overlayfs', 0x6a656a63: 'virtiofs' };

/** 1, 5 and 15 minute load averages: other work on the machine skews the tails. */
export const loadAverage = () => loadavg().map((v) => round(v, 2));

export function machine(dir: string, store: Store, loadAtStart: number[]) {
  const require = createRequire(import.meta.url);
  let fs = 'unknown';
  try {
    const type = Number(statfsSync(dir).type);
    fs = FS_TYPES[type] ?? `0x${type.toString(16)}`;
  } catch { /* not available on this platform */ }
  return {
    nodeVersion: process.version,
    sqliteVersion: store.db.prepare<[], { v: string }>('SELECT sqlite_version() AS v').get()!.v,
    betterSqlite3Version: (require('better-sqlite3-multiple-ciphers/package.json') as { version: string }).version,
    platform: `${platform()} ${release()}`,
    cpuCount: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    tempFileSystem: fs,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadAverage(),
  };
}

export function openSection(fresh: number[], reopen: number[], patientCount: number, seedMs: number): ReturnType<Section> {
  const f = summarize(fresh);
  const r = summarize(reopen);
  return {
    title: `Open and migrate (Store.open), median of ${OPEN_RUNS}`,
    rows: [
      { label: 'fresh empty database (openAndMigrateMs)', value: ms(f.p50) },
      { label: `re-open of the ${patientCount.toLocaleString('en')}-patient database`, value: ms(r.p50) },
      { label: `seeding ${patientCount.toLocaleString('en')} patients (one outer transaction)`, value: `${(seedMs / 1000).toFixed(1)} s` },
    ],
    json: {
      openAndMigrateMs: round(f.p50),
      openAndMigrateRunsMs: fresh.map((v) => round(v)),
      reopenSeededMs: round(r.p50),
      reopenSeededRunsMs: reopen.map((v) => round(v)),
      seedMs: Math.round(seedMs),
    },
  };
}

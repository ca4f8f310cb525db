// Durable patient inserts: store.createPatient (MRN check, patient row, name
// tokens, audit row with hash chain, one IMMEDIATE transaction) against a raw
// better-sqlite3 single-row insert into a plain table with the same columns
// and the same seeded rows (so both B-trees are the same size), in its own
// database file with the same pragmas on the same file system. The two
// alternate (ABBA) so disk and cache drift hit both alike.

import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { applyPragmas } from '../../db/connection';
import { patientColumns } from '../../db/repositories/patients';
import type { StoredPatientFields } from '../../shared/schemas/patient';
import { patientFields } from './seed-data';
import { percentiles, type Section } from './section';
import { round, roundSummary, summarize, timeMs } from './stats';

const INSERTS = 2_000;
const WARMUP = 50;
const GOAL_RATIO = 2;

const PLAIN_TABLE = `CREATE TABLE plain_patients (
  id TEXT PRIMARY KEY, version INTEGER NOT NULL, mrn TEXT NOT NULL, mrn_key TEXT NOT NULL,
  legal_name TEXT NOT NULL, preferred_name TEXT, date_of_birth TEXT NOT NULL, sex TEXT NOT NULL,
  weight_kg REAL, height_cm REAL, allergies TEXT, emergency_contact_name TEXT, emergency_contact_phone TEXT,
  notes TEXT, search_text TEXT NOT NULL, sort_name TEXT NOT NULL,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
) STRICT`;

/** The store's own columns for these fields (search and sort keys included), so both tables hold the same values. */
function plainRow(p: StoredPatientFields, by: string, at: string) {
  const c = patientColumns(p);
  return [
    randomUUID(), 1, c.mrn, c.mrn_key, c.legal_name, c.preferred_name, c.date_of_birth, c.sex, c.weight_kg, c.height_cm,
    c.allergies, c.emergency_contact_name, c.emergency_contact_phone, c.notes, c.search_text, c.sort_name, at, by, at, by,
  ];
}

export const patientInsert: Section = ({ store, scratchDir, clinicianId, patientCount, progress }) => {
  const raw = new BetterSqlite3(join(scratchDir, 'raw-baseline.sqlite'));
  applyPragmas(raw);
  raw.exec(PLAIN_TABLE);
  const rawInsert = raw.prepare(`INSERT INTO plain_patients VALUES (${Array(20).fill('?').join(', ')})`);
  progress(`insert: filling the plain table with the same ${patientCount} patients`);
  const seededAt = new Date(Date.UTC(2024, 0, 1)).toISOString();
  raw.transaction(() => {
    for (let i = 0; i < patientCount; i++) rawInsert.run(plainRow(patientFields(i), clinicianId, seededAt));
  })();

  const storeMs: number[] = [];
  const rawMs: number[] = [];
  let next = patientCount; // seed-data patients past the seeded ones: unique MRNs
  const one = (timed: boolean) => {
    const fields = patientFields(next++);
    const at = new Date().toISOString();
    const row = plainRow(fields, clinicianId, at);
    const s = () => store.createPatient(fields, clinicianId, at);
    const r = () => rawInsert.run(row); // autocommit: its own durable transaction
    // ABBA: which goes first alternates every pair.
    const storeFirst = next % 2 === 0;
    const a = timeMs(storeFirst ? s : r);
    const b = timeMs(storeFirst ? r : s);
    if (timed) {
      storeMs.push(storeFirst ? a : b);
      rawMs.push(storeFirst ? b : a);
    }
  };
  progress(`insert: ${INSERTS} durable store.createPatient vs ${INSERTS} raw inserts, alternating`);
  for (let i = 0; i < WARMUP; i++) one(false);
  for (let i = 0; i < INSERTS; i++) one(true);
  raw.close();

  const st = summarize(storeMs);
  const rw = summarize(rawMs);
  const ratioMedian = st.p50 / rw.p50;
  const ratioTotal = st.total / rw.total;
  return {
    title: `Durable patient insert, ${INSERTS} each, one transaction per insert, p50 / p95 / p99 / max`,
    rows: [
      { label: 'store.createPatient (row + name terms + audit)', value: percentiles(st) },
      { label: 'raw single-row INSERT, plain table of the same rows', value: percentiles(rw) },
      { label: 'patientInsertVsRawRatio (median / median)', value: `${ratioMedian.toFixed(2)}x`, goal: `<= ${GOAL_RATIO}x`, pass: ratioMedian <= GOAL_RATIO },
      { label: 'total time store / raw', value: `${ratioTotal.toFixed(2)}x  (${(st.total / 1000).toFixed(2)} s / ${(rw.total / 1000).toFixed(2)} s)` },
      { label: 'throughput store / raw', value: `${Math.round(INSERTS / (st.total / 1000))} / ${Math.round(INSERTS / (rw.total / 1000))} inserts/s` },
    ],
    json: {
      patientInsertVsRawRatio: round(ratioMedian, 2),
      patientInsertVsRawRatioBasis: 'median(store per-insert ms) / median(raw per-insert ms)',
      patientInsertVsRawTotalRatio: round(ratioTotal, 2),
      patientInsertCount: INSERTS,
      patientInsertMs: roundSummary(st),
      rawInsertMs: roundSummary(rw),
    },
  };
};

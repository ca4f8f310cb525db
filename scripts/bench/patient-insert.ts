// Durable patient inserts: store.createPatient (MRN check, patient row, name
// tokens, audit row with MAC chain, one IMMEDIATE transaction) against a raw
// better-sqlite3-multiple-ciphers single-row insert into a plain table with
// the same columns and the same seeded rows (so the B-trees are the same
// size), in its own database file with the same pragmas on the same file
// system: once encrypted with the store's cipher settings (the reference the
// ratio is taken against) and once unencrypted (the cost of encryption). The
// three take turns so disk and cache drift hit them alike.

import { randomUUID } from 'node:crypto';
import { patientColumns } from '../../db/repositories/patients';
import type { StoredPatientFields } from '../../shared/schemas/patient';
import { openRaw, type RawKind } from './raw-engine';
import { patientFields } from './seed-data';
import { percentiles, type Section } from './section';
import { round, roundSummary, summarize, timeInTurn } from './stats';

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

function rawTable(scratchDir: string, kind: RawKind, clinicianId: string, patientCount: number) {
  const db = openRaw(scratchDir, 'raw-patients', kind);
  db.exec(PLAIN_TABLE);
  const insert = db.prepare(`INSERT INTO plain_patients VALUES (${Array(20).fill('?').join(', ')})`);
  const seededAt = new Date(Date.UTC(2024, 0, 1)).toISOString();
  db.transaction(() => {
    for (let i = 0; i < patientCount; i++) insert.run(plainRow(patientFields(i), clinicianId, seededAt));
  })();
  return { db, insert };
}

export const patientInsert: Section = ({ store, scratchDir, clinicianId, patientCount, progress }) => {
  progress(`insert: filling an encrypted and a plain raw table with the same ${patientCount} patients`);
  const enc = rawTable(scratchDir, 'encrypted', clinicianId, patientCount);
  const plain = rawTable(scratchDir, 'plain', clinicianId, patientCount);

  const storeMs: number[] = [];
  const rawMs: number[] = [];
  const plainMs: number[] = [];
  let next = patientCount; // seed-data patients past the seeded ones: unique MRNs
  const one = (timed: boolean) => {
    const i = next++;
    const fields = patientFields(i);
    const at = new Date().toISOString();
    const row = plainRow(fields, clinicianId, at);
    // Each raw insert is autocommit: its own durable transaction.
    const [s, r, p] = timeInTurn([() => store.createPatient(fields, clinicianId, at), () => enc.insert.run(row), () => plain.insert.run(row)], i);
    if (timed) {
      storeMs.push(s!);
      rawMs.push(r!);
      plainMs.push(p!);
    }
  };
  progress(`insert: ${INSERTS} durable store.createPatient vs ${INSERTS} raw inserts, encrypted and plain, taking turns`);
  for (let i = 0; i < WARMUP; i++) one(false);
  for (let i = 0; i < INSERTS; i++) one(true);
  enc.db.close();
  plain.db.close();

  const st = summarize(storeMs);
  const rw = summarize(rawMs);
  const pl = summarize(plainMs);
  const ratioMedian = st.p50 / rw.p50;
  const ratioTotal = st.total / rw.total;
  const ratioPlain = st.p50 / pl.p50;
  const encryption = rw.p50 / pl.p50;
  return {
    title: `Durable patient insert, ${INSERTS} each, one transaction per insert, p50 / p95 / p99 / max`,
    rows: [
      { label: 'store.createPatient (row + name terms + audit), encrypted', value: percentiles(st) },
      { label: 'raw single-row INSERT, encrypted, plain table of the same rows', value: percentiles(rw) },
      { label: 'raw single-row INSERT, unencrypted (cost of encryption)', value: percentiles(pl) },
      { label: 'patientInsertVsRawRatio (median / median, encrypted raw)', value: `${ratioMedian.toFixed(2)}x`, goal: `<= ${GOAL_RATIO}x`, pass: ratioMedian <= GOAL_RATIO },
      { label: 'store / unencrypted raw; encrypted / unencrypted raw', value: `${ratioPlain.toFixed(2)}x; ${encryption.toFixed(2)}x` },
      { label: 'total time store / encrypted raw', value: `${ratioTotal.toFixed(2)}x  (${(st.total / 1000).toFixed(2)} s / ${(rw.total / 1000).toFixed(2)} s)` },
      { label: 'throughput store / encrypted raw / plain raw', value: `${[st, rw, pl].map((x) => Math.round(INSERTS / (x.total / 1000))).join(' / ')} inserts/s` },
    ],
    json: {
      patientInsertVsRawRatio: round(ratioMedian, 2),
      patientInsertVsRawRatioBasis: 'median(store per-insert ms) / median(encrypted raw per-insert ms), same cipher settings',
      patientInsertVsRawTotalRatio: round(ratioTotal, 2),
      patientInsertVsPlainRawRatio: round(ratioPlain, 2),
      rawInsertEncryptedVsPlainRatio: round(encryption, 2),
      patientInsertCount: INSERTS,
      patientInsertMs: roundSummary(st),
      rawInsertMs: roundSummary(rw),
      rawInsertPlainMs: roundSummary(pl),
    },
  };
};

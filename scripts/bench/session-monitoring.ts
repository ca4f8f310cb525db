// Session monitoring: (1) recording one vitals entry durably through the store
// (store.session.addEntry: session look-up, time and dose checks, entry row,
// alerts judged and stored, hash-chained audit row, one IMMEDIATE transaction
// with synchronous=FULL) against a raw single-row insert in its own database
// file with the same pragmas, encrypted with the store's cipher settings (the
// reference) and unencrypted, taking turns as patient-insert does; (2)
// loading the chart of a patient with 500 past sessions.

import { randomUUID } from 'node:crypto';
import type { Store } from '../../db/store';
import { CONSENT_FORM } from '../../shared/printouts/consent';
import type { Clinician } from '../../shared/schemas/clinician';
import type { Patient } from '../../shared/schemas/patient';
import { ITEM_IDS } from '../../shared/screening/items';
import { entryData, sessionStart, type EntryData } from '../../shared/session';
import { openRaw, type RawKind } from './raw-engine';
import { patientFields } from './seed-data';
import { ms, percentiles, type Section } from './section';
import { ESKETAMINE_ORDER, prepareCourse, recordDayMeasures } from '../session-needs';
import { round, roundSummary, sampleLatencies, summarize, timeInTurn, timeMs } from './stats';

const ENTRIES = 2_000;
const WARMUP = 50;
const PAST_SESSIONS = 500;
const CHART_LOADS = 500;
const GOAL_VITALS_P95_MS = 1;
const GOAL_CHART_MS = 10;
const MINUTE = 60_000;
const DAY = 86_400_000;

const iso = (t: number) => new Date(t).toISOString();

/** A signed, clear screening for `patient` at time t (valid for the clinic's validity days), with the consent a session needs. */
function signScreening(store: Store, patient: Patient, by: Clinician, t: number, route: 'esketamine-nasal' | 'iv-ketamine' = 'esketamine-nasal') {
  store.consent.recordSigned({ patientId: patient.id, formVersion: CONSENT_FORM.version, plannedTreatment: route, witnessName: 'Bench Witness', signedAt: iso(t) }, by.id, iso(t));
  const draft = store.screening.create({ patientId: patient.id, plannedTreatment: route }, by.id, iso(t));
  const answers = {
    plannedTreatment: route,
    baselineVitals: { systolic: 122, diastolic: 78 },
    answers: Object.fromEntries(ITEM_IDS.map((i) => [i, false])),
    medications: [],
  };
  const saved = store.screening.save({ id: draft.id, expectedVersion: draft.version, answers }, iso(t));
  store.screening.sign({ id: saved.id, expectedVersion: saved.version, acknowledgedRuleIds: [] }, by, iso(t), store.settings.read().screeningValidityDays);
}

const ESKETAMINE_PLAN = { route: 'esketamine-nasal', deviceCount: 2 } as const;
export const IV_PLAN = { route: 'iv-ketamine', mgPerKg: 0.5, concentrationMgPerMl: 10 } as const;

export function startSession(store: Store, patient: Patient, by: Clinician, t: number, plan: typeof ESKETAMINE_PLAN | typeof IV_PLAN = ESKETAMINE_PLAN) {
  recordDayMeasures(store, patient.id, by, iso(t - 30 * MINUTE));
  const input = sessionStart.parse({
    patientId: patient.id, startedAt: iso(t), plan,
    preDose: {
      vitals: { takenAt: iso(t - 5 * MINUTE), systolic: 122, diastolic: 78, heartRate: 70, spo2: 98 },
      lastFoodAt: iso(t - 8 * 60 * MINUTE), lastDrinkAt: iso(t - 3 * 60 * MINUTE), pregnancy: 'test-negative', escortArranged: true,
      newMedicines: false, newIllness: false, substanceUse: false,
    },
  });
  return store.session.start(input, by, iso(t));
}

const vitals = (i: number): EntryData =>
  entryData.parse(i % 10 === 0
    ? { kind: 'vitals', systolic: 168, diastolic: 96, heartRate: 96, spo2: 97 } // a rise alert one time in ten
    : { kind: 'vitals', systolic: 120 + (i % 15), diastolic: 78 + (i % 8), heartRate: 70 + (i % 12), spo2: 96 + (i % 4) });

/**
 * A patient's past: IV ketamine sessions three days apart (a maintenance course
 * at that interval, so none is early) with a typical timeline, each discharged.
 */
export function seedPastSessions(store: Store, patient: Patient, by: Clinician, count: number, t0: number) {
  const checklist = { oriented: true, walksSteadily: true, nauseaControlled: true, escortPresent: true, aftercareExplained: true };
  store.write(() => {
    const course = prepareCourse(store, patient.id, by, {
      route: 'iv-ketamine',
      plan: { route: 'iv-ketamine', inductionSessions: 6, inductionSpanDays: 21, maintenanceIntervalDays: 3 },
      dose: { route: 'iv-ketamine', mgPerKg: 0.5, infusionMinutes: 40 },
    }, iso(t0 - 2 * DAY));
    store.course.changePhase({ courseId: course.id, phase: 'maintenance', reason: null }, by, iso(t0 - 2 * DAY));
    for (let n = 0; n < count; n++) {
      const t = t0 + n * 3 * DAY;
      if (n % 100 === 0) signScreening(store, patient, by, t - DAY, 'iv-ketamine');
      const s = startSession(store, patient, by, t, IV_PLAN);
      const add = (min: number, entry: unknown) =>
        store.session.addEntry({ sessionId: s.id, at: iso(t + min * MINUTE), entry: entryData.parse(entry) }, by, iso(t + min * MINUTE));
      add(5, { kind: 'dose-complete' });
      const raised = add(40, n % 4 === 0 ? { kind: 'vitals', systolic: 168, diastolic: 90, heartRate: 90, spo2: 97 } : { kind: 'vitals', systolic: 134, diastolic: 84, heartRate: 80, spo2: 97 });
      for (const a of raised.alerts) store.session.acknowledgeAlert({ alertId: a.id, actionNote: 'Rechecked at 55 min' }, by, iso(t + 41 * MINUTE));
      add(121, { kind: 'vitals', systolic: 124, diastolic: 80, heartRate: 72, spo2: 98 });
      add(121, { kind: 'sedation', level: 0 });
      add(121, { kind: 'dissociation', level: 'none' });
      store.session.discharge({ sessionId: s.id, checklist, overrideReason: null }, by, iso(t + 126 * MINUTE));
    }
  });
}

export const sessionMonitoring: Section = ({ store, scratchDir, clinicianId, patientCount, progress }) => {
  const by = store.clinicians.get(clinicianId)!;
  // Long enough that one screening covers a hundred sessions three days apart.
  store.updateSettings({ screeningValidityDays: 365 }, 'benchmark', by.id, iso(Date.UTC(2024, 0, 1)));

  // ── (1) one vitals entry, durably ──
  const monitored = store.createPatient({ ...patientFields(patientCount + 10_000), mrn: 'BENCH-SESSION-1', dateOfBirth: '1975-06-01' }, by.id, iso(Date.UTC(2025, 0, 1)));
  const t0 = Date.UTC(2025, 0, 2, 9);
  signScreening(store, monitored, by, t0 - DAY);
  prepareCourse(store, monitored.id, by, ESKETAMINE_ORDER, iso(t0 - DAY));
  const session = startSession(store, monitored, by, t0);

  const rawEntries = (kind: RawKind) => {
    const db = openRaw(scratchDir, 'raw-vitals', kind);
    db.exec(`CREATE TABLE plain_entries (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, at TEXT NOT NULL, kind TEXT,
      entry_json TEXT, recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL) STRICT`);
    return { db, insert: db.prepare('INSERT INTO plain_entries VALUES (?, ?, ?, ?, ?, ?, ?)') };
  };
  const enc = rawEntries('encrypted');
  const plain = rawEntries('plain');

  const storeMs: number[] = [];
  const rawMs: number[] = [];
  const plainMs: number[] = [];
  let alertsFired = 0;
  let i = 0;
  const one = (timed: boolean) => {
    const n = i++;
    const at = iso(t0 + (n + 1) * 1000); // one reading a second: always after the start, never in the future
    const entry = vitals(n);
    const json = JSON.stringify(entry);
    // Each raw insert is autocommit: its own durable transaction.
    const [s, r, p] = timeInTurn([
      () => { alertsFired += store.session.addEntry({ sessionId: session.id, at, entry }, by, at).alerts.length; },
      () => enc.insert.run(randomUUID(), session.id, at, entry.kind, json, at, by.id),
      () => plain.insert.run(randomUUID(), session.id, at, entry.kind, json, at, by.id),
    ], n);
    if (timed) {
      storeMs.push(s!);
      rawMs.push(r!);
      plainMs.push(p!);
    }
  };
  progress(`sessions: ${ENTRIES} durable store.session.addEntry (vitals) vs ${ENTRIES} raw inserts, encrypted and plain, taking turns`);
  for (let k = 0; k < WARMUP; k++) one(false);
  for (let k = 0; k < ENTRIES; k++) one(true);
  enc.db.close();
  plain.db.close();
  const st = summarize(storeMs);
  const rw = summarize(rawMs);
  const pl = summarize(plainMs);

  // ── (2) the chart of a patient with 500 past sessions ──
  const charted = store.createPatient({ ...patientFields(patientCount + 10_001), mrn: 'BENCH-SESSION-500', dateOfBirth: '1975-06-01', weightKg: 72 }, by.id, iso(Date.UTC(2019, 0, 1)));
  progress(`sessions: seeding ${PAST_SESSIONS} past sessions for one patient (start, 6 entries, alerts acknowledged, discharge)`);
  const seedMs = timeMs(() => seedPastSessions(store, charted, by, PAST_SESSIONS, Date.UTC(2019, 0, 2, 9)));
  const loadChart = () => ({
    patient: store.patients.get(charted.id),
    screenings: store.screening.listForPatient(charted.id),
    sessions: store.session.listForPatient(charted.id),
  });
  const listed = loadChart().sessions.length;
  progress(`sessions: ${CHART_LOADS} chart loads of a ${listed}-session patient`);
  const chart = summarize(sampleLatencies([0], () => loadChart(), CHART_LOADS));
  const listOnly = summarize(sampleLatencies([0], () => store.session.listForPatient(charted.id), CHART_LOADS));
  const plan = store.db.prepare<[string], { detail: string }>(
    `EXPLAIN QUERY PLAN SELECT s.id FROM sessions s WHERE s.patient_id = ? ORDER BY s.started_at DESC`,
  ).all(charted.id).map((r) => r.detail);

  const ratio = st.p50 / rw.p50;
  return {
    title: `Session monitoring: durable vitals entry (${ENTRIES} each, p50 / p95 / p99 / max) and a ${listed}-session chart`,
    rows: [
      { label: 'store.session.addEntry vitals (row + alerts + audit)', value: percentiles(st), goal: `p95 < ${GOAL_VITALS_P95_MS} ms`, pass: st.p95 < GOAL_VITALS_P95_MS },
      { label: 'raw single-row INSERT, encrypted (reference)', value: percentiles(rw) },
      { label: 'raw single-row INSERT, unencrypted (cost of encryption)', value: percentiles(pl) },
      { label: 'vitals entry / encrypted raw insert (median / median)', value: `${ratio.toFixed(2)}x` },
      { label: 'vitals entry / unencrypted raw; encrypted / unencrypted raw', value: `${(st.p50 / pl.p50).toFixed(2)}x; ${(rw.p50 / pl.p50).toFixed(2)}x` },
      { label: `alerts fired and stored with their entry`, value: `${alertsFired} of ${ENTRIES + WARMUP}` },
      { label: `chart load: patient + screenings + ${listed} sessions`, value: percentiles(chart), goal: `< ${GOAL_CHART_MS} ms`, pass: chart.p95 < GOAL_CHART_MS },
      { label: `store.session.listForPatient alone (${listed} rows)`, value: percentiles(listOnly) },
      { label: `seeding ${PAST_SESSIONS} sessions through the store (one outer transaction)`, value: ms(seedMs) },
    ],
    json: {
      vitalsEntryP95Ms: round(st.p95),
      vitalsEntryMs: roundSummary(st),
      vitalsEntryRawInsertMs: roundSummary(rw),
      vitalsEntryRawPlainInsertMs: roundSummary(pl),
      vitalsEntryVsRawRatio: round(ratio, 2),
      vitalsEntryVsPlainRawRatio: round(st.p50 / pl.p50, 2),
      vitalsEntryCount: ENTRIES,
      vitalsEntryAlertsFired: alertsFired,
      chart500SessionsMs: round(chart.p95),
      chart500SessionsBasis: `p95 of ${CHART_LOADS} loads: patients.get + screening.listForPatient + session.listForPatient (${listed} sessions)`,
      chart500SessionsLoadMs: roundSummary(chart),
      sessionListOnlyMs: roundSummary(listOnly),
      sessionListQueryPlan: plan,
      pastSessionsSeedMs: Math.round(seedMs),
    },
  };
};

import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openDatabase } from '../../db/connection';
import { courseCreate, orderChange, phaseChange } from '../../shared/course';
import { sessionStart } from '../../shared/session';
import { addMinutes } from '../../shared/session/time';
import { makeTempDir } from '../helpers/temp-dir';
import { T0, TEST_DATABASE_KEY, patientInput } from '../helpers/store-fixture';
import { answerRems, COURSE_ORDERS, PLANS, preDoseInput, recordClearMeasures, signScreening, START, useSessionStore } from '../helpers/session-fixture';

const setup = useSessionStore();
const DAY = 24 * 60;
const startAt = (minutes: number) => addMinutes(START, minutes);
const input = (patientId: string, startedAt: string, extra: Record<string, unknown> = {}) => sessionStart.parse({
  patientId, startedAt, plan: PLANS['esketamine-nasal'],
  preDose: preDoseInput({ vitals: { takenAt: addMinutes(startedAt, -10), systolic: 120, diastolic: 80, heartRate: 72, spo2: 98 } }),
  ...extra,
});

function signedUp() {
  const ctx = setup();
  signScreening(ctx.store, ctx.patient, ctx.clinician);
  const course = ctx.store.course.listForPatient(ctx.patient.id, T0)[0]!;
  const give = (minutes: number, by = ctx.clinician, extra: Record<string, unknown> = {}) => {
    recordClearMeasures(ctx.store, ctx.patient.id, by.id, startAt(minutes - 30));
    const s = ctx.store.session.start(input(ctx.patient.id, startAt(minutes), extra), by, startAt(minutes));
    answerRems(ctx.store, s.id, by, startAt(minutes));
    ctx.store.session.discharge({ sessionId: s.id, checklist: { oriented: true, walksSteadily: true, nauseaControlled: true, escortPresent: true, aftercareExplained: true }, overrideReason: 'Test' }, by, startAt(minutes + 1));
    return s;
  };
  return { ...ctx, course, give };
}

describe('ordering a course', () => {
  it('is a prescriber’s, starts in induction with the order, and is audited', () => {
    const { store, course, nurse, patient } = signedUp();
    expect(course).toMatchObject({ phase: 'induction', indication: 'trd', dose: { deviceCount: 2 }, orderedByName: 'Dr Ada Rivera' });
    expect(course.status).toMatchObject({ nextSessionLabel: 'Session 1 of induction (8 planned)', sessionsInPhase: 0 });
    expect(store.audit.history('course', course.id).map((e) => e.action)).toEqual(['create']);
    const order = courseCreate.parse({ patientId: patient.id, route: 'iv-ketamine', indication: 'trd', ...COURSE_ORDERS['iv-ketamine'] });
    expect(() => store.course.create(order, nurse, T0)).toThrow(/Only a prescriber/);
  });

  it('refuses a second open course for the same treatment, and 28 mg below 65 [S1 §2]', () => {
    const { store, clinician, patient } = signedUp();
    const again = courseCreate.parse({ patientId: patient.id, route: 'esketamine-nasal', indication: 'trd', ...COURSE_ORDERS['esketamine-nasal'] });
    expect(() => store.course.create(again, clinician, T0)).toThrow(/already has a Esketamine nasal spray course|already has/);
    const young = store.createPatient(patientInput({ mrn: 'MRN-Y', dateOfBirth: '1988-01-01' }), clinician.id, T0);
    const low = courseCreate.parse({ patientId: young.id, route: 'esketamine-nasal', indication: 'trd', plan: COURSE_ORDERS['esketamine-nasal'].plan, dose: { route: 'esketamine-nasal', deviceCount: 1 } });
    expect(() => store.course.create(low, clinician, T0)).toThrow(/At 38 the label's esketamine doses are 56 or 84 mg/);
    const older = store.createPatient(patientInput({ mrn: 'MRN-O', dateOfBirth: '1950-01-01' }), clinician.id, T0);
    expect(store.course.create({ ...low, patientId: older.id }, clinician, T0).dose).toEqual({ route: 'esketamine-nasal', deviceCount: 1 });
  });

  it('changes phase only with a reason to pause or end, and an ended course takes no session', () => {
    const { store, clinician, course, patient } = signedUp();
    expect(() => phaseChange.parse({ courseId: course.id, phase: 'paused' })).toThrow(/reason for pausing/);
    const paused = store.course.changePhase(phaseChange.parse({ courseId: course.id, phase: 'paused', reason: 'Patient travelling' }), clinician, T0);
    expect(paused.status).toMatchObject({ nextDue: null, nextSessionLabel: null });
    expect(store.session.eligibility(patient.id, START, 'esketamine-nasal').reasons.map((r) => r.code)).toEqual(['no-active-course']);
    expect(() => store.session.start(input(patient.id, START), clinician, START)).toThrow(/no Esketamine nasal spray course/);
    store.course.changePhase(phaseChange.parse({ courseId: course.id, phase: 'ended', reason: 'Remission' }), clinician, T0);
    expect(() => store.course.changePhase(phaseChange.parse({ courseId: course.id, phase: 'induction' }), clinician, T0)).toThrow(/has ended/);
    expect(store.course.get(course.id, T0).history.map((e) => e.kind)).toEqual(['created', 'phase', 'phase']);
  });
});

describe('sessions in a course', () => {
  it('count within the phase, and the next is due twice weekly', () => {
    const { store, course, give } = signedUp();
    give(0);
    const after = store.course.get(course.id, startAt(60));
    expect(after.status).toMatchObject({ sessionsInPhase: 1, nextSessionLabel: 'Session 2 of induction (8 planned)', nextDue: '2026-11-28' });
  });

  it('a session too early for the plan needs a prescriber’s documented decision', () => {
    const { store, give, nurse, patient, clinician } = signedUp();
    give(0);
    recordClearMeasures(store, patient.id, nurse.id, startAt(DAY - 30));
    const early = input(patient.id, startAt(DAY));
    expect(() => store.session.start(early, nurse, startAt(DAY))).toThrow(/Too early: 1 day after the last session/);
    expect(() => store.session.start({ ...early, decisionReason: 'Travel' }, nurse, startAt(DAY))).toThrow(/Only a prescriber can decide/);
    const s = store.session.start({ ...early, decisionReason: 'Travelling from Friday; agreed with patient' }, clinician, startAt(DAY));
    expect(s.concerns.map((c) => c.code)).toEqual(['course-too-early']);
  });

  it('starts with the ordered dose; another dose only from a prescriber with a reason', () => {
    const { store, patient, nurse, clinician } = signedUp();
    const other = input(patient.id, START, { plan: { route: 'esketamine-nasal', deviceCount: 3 } });
    expect(() => store.session.start(other, nurse, START)).toThrow(/The course orders 56 mg \(2 devices\); 84 mg \(3 devices\) needs a prescriber's signature/);
    expect(() => store.session.start(other, clinician, START)).toThrow(/needs the reason/);
    expect(() => store.session.start(input(patient.id, START, { doseChangeReason: 'x' }), clinician, START)).toThrow(/no change to give a reason for/);
    const s = store.session.start({ ...other, doseChangeReason: 'Partial response at 56 mg' }, clinician, START);
    expect(s.dose).toMatchObject({ deviceCount: 3, totalMg: 84 });
    expect(store.audit.history('session', s.id)[0]?.reason).toBe('Partial response at 56 mg');
  });

  it('lets nurses decide milder pre-dose concerns only when the clinic delegates them', () => {
    const { store, patient, nurse, clinician } = signedUp();
    const raised = { ...input(patient.id, START), decisionReason: 'Repeat BP 150/85, asymptomatic' };
    raised.preDose = { ...raised.preDose, vitals: { ...raised.preDose.vitals, systolic: 150, diastolic: 85 } };
    expect(() => store.session.start(raised, nurse, START)).toThrow(/Only a prescriber can decide/);
    store.updateSettings({ nursesDecideMilderConcerns: true }, 'Nurses decide milder concerns per clinic policy', clinician.id, T0);
    expect(store.session.start(raised, nurse, START).decisionReason).toBe('Repeat BP 150/85, asymptomatic');
  });

  it('the board lists courses due today and overdue', () => {
    const { store, give, patient } = signedUp();
    give(0);
    expect(store.course.dueToday(startAt(60))).toEqual([]);
    expect(store.course.dueToday(startAt(3 * DAY))).toEqual([expect.objectContaining({ patientId: patient.id, nextDue: '2026-11-28', overdueDays: 0 })]);
    expect(store.course.dueToday(startAt(6 * DAY))[0]).toMatchObject({ overdueDays: 3 });
  });

  it('a changed order is a new event with its reason; the course keeps its history', () => {
    const { store, course, clinician } = signedUp();
    const changed = store.course.changeOrder(orderChange.parse({
      courseId: course.id, indication: 'depression-suicidal', plan: { route: 'esketamine-nasal', maintenanceIntervalDays: 7 },
      dose: { route: 'esketamine-nasal', deviceCount: 3 }, reason: 'Partial response',
    }), clinician, T0);
    expect(changed).toMatchObject({ indication: 'depression-suicidal', dose: { deviceCount: 3 }, phase: 'induction' });
    expect(changed.history.map((e) => [e.kind, e.reason])).toEqual([['created', null], ['order', 'Partial response']]);
    expect(() => store.course.changeOrder(orderChange.parse({ courseId: course.id, indication: 'trd', ...COURSE_ORDERS['iv-ketamine'], reason: 'x' }), clinician, T0)).toThrow(/This course is for Esketamine/);
  });
});

describe('migration 011 on a database from before courses', () => {
  it('gathers each patient’s older sessions into a paused course per treatment that waits for a prescriber', () => {
    const { dir, cleanup } = makeTempDir();
    try {
      copyFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'clinic-v5.sqlite'), join(dir, DATABASE_FILE_NAME));
      const before = new BetterSqlite3(join(dir, DATABASE_FILE_NAME));
      const sessions = before.prepare('SELECT id, patient_id, route FROM sessions').all() as { id: string; patient_id: string; route: string }[];
      before.close();
      expect(sessions.length).toBeGreaterThan(0);
      const db = openDatabase(dir, { key: TEST_DATABASE_KEY });
      const rows = db.prepare('SELECT s.id, s.course_id, c.patient_id, c.route FROM sessions s JOIN courses c ON c.id = s.course_id').all() as { id: string; patient_id: string; route: string }[];
      expect(rows.map((r) => [r.id, r.patient_id, r.route])).toEqual(sessions.map((s) => [s.id, s.patient_id, s.route]));
      const events = db.prepare('SELECT kind, phase, by_id, plan_json, dose_json, indication FROM course_events').all();
      expect(events).toEqual([{ kind: 'migrated', phase: 'paused', by_id: null, plan_json: null, dose_json: null, indication: null }]);
      expect(db.prepare('SELECT id FROM courses').pluck().get()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(() => db.prepare('UPDATE sessions SET course_id = NULL').run()).toThrow(/stays in the course/);
      expect(() => db.prepare('DELETE FROM course_events').run()).toThrow(/never deleted/);
      db.close();
    } finally {
      cleanup();
    }
  });
});

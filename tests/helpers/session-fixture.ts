// Sessions for store and unit tests: a patient with a signed screening, valid
// pre-dose checks, and a session object for the pure functions.

import { CONSENT_FORM } from '../../shared/printouts/consent';
import { courseCreate } from '../../shared/course';
import type { Store } from '../../db/store';
import type { Clinician } from '../../shared/schemas/clinician';
import type { Patient } from '../../shared/schemas/patient';
import type { ScreeningAnswers } from '../../shared/schemas/screening';
import { ITEM_IDS } from '../../shared/screening/items';
import {
  preDoseChecks, SESSION_SETTING_DEFAULTS, type EntryData, type PreDoseChecksInput, type Route, type Session,
  type SessionEntry, type SessionSettings,
} from '../../shared/session';
import { addMinutes } from '../../shared/session/time';
import type { AsqAnswer, QuestionnaireAnswers } from '../../shared/measures';
import { remsSessionSave } from '../../shared/rems/schemas';
import { clearDayAnswers, STANDARD_COURSE_ORDERS } from '../../scripts/session-needs';
import { T0, patientInput, useTempStore } from './store-fixture';

/** Dosing starts an hour after the screening is signed at T0. */
export const START = addMinutes(T0, 60);
export const at = (minutes: number) => addMinutes(START, minutes);
export const SETTINGS: SessionSettings = { ...SESSION_SETTING_DEFAULTS };

export function preDoseInput(overrides: Partial<PreDoseChecksInput> = {}): PreDoseChecksInput {
  return {
    vitals: { takenAt: at(-10), systolic: 120, diastolic: 80, heartRate: 72, spo2: 98 },
    lastFoodAt: at(-600),
    lastDrinkAt: at(-600),
    pregnancy: 'test-negative',
    escortArranged: true,
    newMedicines: false,
    newIllness: false,
    substanceUse: false,
    ...overrides,
  };
}

export const preDose = (overrides: Partial<PreDoseChecksInput> = {}) => preDoseChecks.parse(preDoseInput(overrides));

export function screeningAnswers(route: Route, overrides: Record<string, boolean> = {}, medications: ScreeningAnswers['medications'] = []): ScreeningAnswers {
  return {
    plannedTreatment: route,
    baselineVitals: { systolic: 120, diastolic: 80 },
    answers: { ...Object.fromEntries(ITEM_IDS.map((i) => [i, false])), ...overrides },
    medications,
  };
}

/** The patient's signed consent on the current consent form for a treatment, witnessed, at T0. */
export const recordConsent = (store: Store, patient: Patient, by: Clinician, route: Route) =>
  store.consent.recordSigned({ patientId: patient.id, formVersion: CONSENT_FORM.version, plannedTreatment: route, witnessName: 'Jo Witness', signedAt: T0 }, by.id, T0);

/** The patient's esketamine REMS enrolment, recorded at T0 as enrolled that day (once). */
export function enrollInRems(store: Store, patient: Patient, by: Clinician) {
  if (store.rems.enrollment(patient.id)?.enrolled) return;
  store.rems.recordEnrollment({ patientId: patient.id, enrolled: true, enrolledOn: T0.slice(0, 10), reason: null }, by, T0);
}

/** Every REMS form answer of an esketamine session, as a nurse records them at the chair. */
export const REMS_ANSWERS = {
  lots: [{ lot: 'LOT-24A17', at: START }, { lot: 'LOT-24A18', at: addMinutes(START, 5) }],
  concomitant: { benzodiazepines: false, nonBenzodiazepineSedativeHypnotics: false, psychostimulants: false, maois: false },
  vitalsAcceptableBeforeDose: true,
  vitalsAcceptableBeforeEnd: true,
  readyToLeaveMinutes: 90,
};

export const answerRems = (store: Store, sessionId: string, by: Clinician, now: string = START) =>
  store.rems.save(remsSessionSave.parse({ sessionId, ...REMS_ANSWERS }), by, now);

/**
 * A negative ASQ, a PHQ-9 and a GAD-7 taken at `takenAt`: what the suicide-risk gate
 * asks on the day of a session with the clinic's default settings.
 */
export function recordClearMeasures(store: Store, patientId: string, byId: string, takenAt: string, asq: readonly (AsqAnswer | null)[] = ['no', 'no', 'no', 'no', null]) {
  const day = clearDayAnswers(asq);
  const record = (answers: QuestionnaireAnswers) => store.questionnaire.record({ patientId, answers, mode: 'read-aloud', takenAt }, byId, takenAt);
  return { asq: record(day.asq), phq9: record(day.phq9), gad7: record(day.gad7) };
}

/**
 * A signed screening at T0 for the patient, clear unless answers say otherwise, their consent to that
 * treatment, that day's clear ASQ, PHQ-9 and GAD-7, and (signed by a prescriber) a course for it: what
 * a session needs before it starts.
 */
export function signScreening(
  store: Store, patient: Patient, by: Clinician, route: Route = 'esketamine-nasal',
  extra: {
    overrides?: Record<string, boolean>; overrideReason?: string; at?: string; medications?: ScreeningAnswers['medications'];
    acknowledgedRuleIds?: string[]; enrollInRems?: boolean;
  } = {},
) {
  recordConsent(store, patient, by, route);
  recordClearMeasures(store, patient.id, by.id, extra.at ?? T0);
  if (route === 'esketamine-nasal' && extra.enrollInRems !== false) enrollInRems(store, patient, by);
  if (by.role === 'prescriber' && !store.course.activeFor(patient.id, route, T0)) orderCourse(store, patient, by, route);
  const draft = store.screening.create({ patientId: patient.id, plannedTreatment: route }, by.id, extra.at ?? T0);
  const saved = store.screening.save({ id: draft.id, expectedVersion: draft.version, answers: screeningAnswers(route, extra.overrides, extra.medications) }, extra.at ?? T0);
  return store.screening.sign(
    { id: saved.id, expectedVersion: saved.version, acknowledgedRuleIds: extra.acknowledgedRuleIds ?? [], overrideReason: extra.overrideReason },
    by, extra.at ?? T0, store.settings.read().screeningValidityDays,
  );
}

/** The course each route's test sessions run in: ordered by a prescriber at T0, with the dose PLANS gives. */
export const COURSE_ORDERS = STANDARD_COURSE_ORDERS;

/** A prescriber's induction course for the route (treatment-resistant depression), as the Course tab orders it. */
export const orderCourse = (store: Store, patient: Patient, prescriber: Clinician, route: Route, at = T0) =>
  store.course.create(courseCreate.parse({ patientId: patient.id, route, indication: 'trd', ...COURSE_ORDERS[route] }), prescriber, at);

export function useSessionStore() {
  const open = useTempStore();
  return (route: Route = 'esketamine-nasal', patientOverrides: Parameters<typeof patientInput>[0] = { weightKg: 70 }) => {
    const ctx = open();
    const patient = ctx.store.createPatient(patientInput(patientOverrides), ctx.clinician.id, T0);
    recordConsent(ctx.store, patient, ctx.clinician, route);
    if (route === 'esketamine-nasal') enrollInRems(ctx.store, patient, ctx.clinician);
    orderCourse(ctx.store, patient, ctx.clinician, route);
    const nurse = ctx.store.createClinician({ name: 'Nurse Kim', credentials: 'RN', role: 'nurse', isAdmin: false }, T0, ctx.clinician.id);
    return { ...ctx, patient, nurse, route };
  };
}

export const PLANS = {
  'esketamine-nasal': { route: 'esketamine-nasal', deviceCount: 2 },
  'iv-ketamine': { route: 'iv-ketamine', mgPerKg: 0.5, concentrationMgPerMl: 10 },
  'im-ketamine': { route: 'im-ketamine', mgPerKg: 0.5, concentrationMgPerMl: 50 },
} as const;

// ── Objects for the pure functions ──────────────────────────────────────────

export function sessionFor(route: Route = 'esketamine-nasal', overrides: Partial<Session> = {}): Session {
  const checks = preDose();
  const dose: Session['dose'] = route === 'esketamine-nasal'
    ? { route, deviceCount: 2, totalMg: 56 }
    : { route, mgPerKg: 0.5, weightKg: 70, weightBasis: 'actual', weightFrom: 'chart', totalMg: 35, concentrationMgPerMl: 10,
        volumeMl: 3.5, infusionMinutes: route === 'iv-ketamine' ? 40 : null };
  return {
    id: '00000000-0000-4000-8000-000000000001',
    patientId: '00000000-0000-4000-8000-000000000002',
    screeningId: '00000000-0000-4000-8000-000000000003',
    route,
    status: 'open',
    startedAt: START,
    startedBy: '00000000-0000-4000-8000-000000000004',
    startedByName: 'Dr Ada Rivera',
    recordedAt: START,
    dose,
    preDose: checks,
    baseline: checks.vitals,
    concerns: [],
    decisionReason: null,
    location: null,
    settings: SETTINGS,
    discharge: null,
    ...overrides,
  };
}

let counter = 0;
/** A stored entry row at `minutes` after the start. */
export function row(minutes: number, entry: EntryData | null, extra: Partial<SessionEntry> = {}): SessionEntry {
  counter += 1;
  const id = `00000000-0000-4000-9000-${String(counter).padStart(12, '0')}`;
  return {
    id, sessionId: '00000000-0000-4000-8000-000000000001', at: at(minutes), recordedAt: at(minutes), recordedBy: 'x',
    recordedByName: 'Nurse Kim', entry, amendsId: null, amendReason: null, supersededById: null, ...extra,
  };
}

export const vitals = (v: Partial<Omit<Extract<EntryData, { kind: 'vitals' }>, 'kind'>>): EntryData =>
  ({ kind: 'vitals', systolic: undefined, diastolic: undefined, heartRate: undefined, spo2: undefined, respiratoryRate: undefined, note: null, ...v });
export const bp = (systolic: number, diastolic: number) => vitals({ systolic, diastolic, heartRate: 75, spo2: 98 });
export const sedation = (level: 0 | 1 | 2 | 3 | 4): EntryData => ({ kind: 'sedation', level, note: null });
export const dissociation = (level: 'none' | 'mild' | 'moderate' | 'severe', distressNotSettling = false): EntryData =>
  ({ kind: 'dissociation', level, distressNotSettling, note: null });
export const doseComplete: EntryData = { kind: 'dose-complete', note: null };

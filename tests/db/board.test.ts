import { describe, expect, it } from 'vitest';
import type { Store } from '../../db/store';
import { phaseChange } from '../../shared/course';
import { CONSENT_FORM } from '../../shared/printouts/consent';
import { remsSubmissionRecord } from '../../shared/rems/schemas';
import type { Clinician } from '../../shared/schemas/clinician';
import type { Patient } from '../../shared/schemas/patient';
import { entryData, sessionStart } from '../../shared/session';
import { addMinutes } from '../../shared/session/time';
import { T0, patientInput } from '../helpers/store-fixture';
import {
  answerRems, orderCourse, PLANS, preDoseInput, recordClearMeasures, recordConsent, signScreening, START, useSessionStore,
} from '../helpers/session-fixture';

const setup = useSessionStore();
const ALL_TICKED = { oriented: true, walksSteadily: true, nauseaControlled: true, escortPresent: true, aftercareExplained: true };
/** Noon UTC on a day: the same calendar day in every zone the tests run in. */
const noon = (day: string) => `${day}T12:00:00.000Z`;

function start(store: Store, patientId: string, by: Clinician, startedAt = START, location?: string) {
  recordClearMeasures(store, patientId, by.id, addMinutes(startedAt, -30));
  return store.session.start(sessionStart.parse({
    patientId, startedAt, plan: PLANS['esketamine-nasal'], location,
    preDose: preDoseInput({ vitals: { takenAt: addMinutes(startedAt, -10), systolic: 120, diastolic: 80, heartRate: 72, spo2: 98 } }),
  }), by, startedAt);
}

const add = (store: Store, sessionId: string, by: Clinician, at: string, entry: unknown) =>
  store.session.addEntry({ sessionId, at, entry: entryData.parse(entry) }, by, at);

/** Discharged at `at` with its REMS answers recorded (an esketamine session needs them to leave). */
function finish(store: Store, sessionId: string, by: Clinician, at: string) {
  answerRems(store, sessionId, by, START);
  store.session.discharge({ sessionId, checklist: ALL_TICKED, overrideReason: 'Board test: discharged early' }, by, at);
}

describe('today’s board: sessions in progress', () => {
  it('shows an open session with its minutes since the dose and next check, due then overdue, until it is discharged', () => {
    const { store, patient, clinician } = setup();
    signScreening(store, patient, clinician);
    const s = start(store, patient.id, clinician, START, '  Chair 2 ');

    const soon = store.board.today(addMinutes(START, 3));
    expect(soon.inProgress).toEqual([expect.objectContaining({
      sessionId: s.id, route: 'esketamine-nasal', location: 'Chair 2', minutesSinceDose: 3, openAlerts: [],
      patient: { id: patient.id, name: 'Maria Lopez', mrn: 'MRN-1001' },
    })]);
    const first = soon.inProgress[0]!.nextCheck!;
    expect(first.overdue).toBe(false);

    const late = store.board.today(addMinutes(first.dueAt, 30));
    expect(late.inProgress[0]!.nextCheck).toMatchObject({ label: first.label, dueAt: first.dueAt, overdue: true });

    finish(store, s.id, clinician, addMinutes(START, 40));
    expect(store.board.today(addMinutes(START, 41)).inProgress).toEqual([]);
  });

  it('lists the open alerts until they are acknowledged', () => {
    const { store, patient, clinician } = setup();
    signScreening(store, patient, clinician);
    const s = start(store, patient.id, clinician);
    const written = add(store, s.id, clinician, addMinutes(START, 10), { kind: 'vitals', systolic: 182, diastolic: 112, heartRate: 96, spo2: 97 });
    expect(written.alerts.length).toBeGreaterThan(0);
    expect(store.board.today(addMinutes(START, 11)).inProgress[0]!.openAlerts).toEqual(written.alerts.map((a) => a.message));
    for (const a of written.alerts) store.session.acknowledgeAlert({ alertId: a.id, actionNote: 'Rechecked; settling' }, clinician, addMinutes(START, 12));
    expect(store.board.today(addMinutes(START, 13)).inProgress[0]!.openAlerts).toEqual([]);
  });
});

describe('today’s board: planned sessions and consents', () => {
  it('lists the courses due today, and for them a consent missing or withdrawn, never one signed', () => {
    const { store, patient: signed, clinician } = setup();
    signScreening(store, signed, clinician);
    const missing = store.createPatient(patientInput({ legalName: 'Noor Said', mrn: 'MRN-2002' }), clinician.id, T0);
    orderCourse(store, missing, clinician, 'iv-ketamine');
    const withdrawn = store.createPatient(patientInput({ legalName: 'Ivo Berg', mrn: 'MRN-3003' }), clinician.id, T0);
    orderCourse(store, withdrawn, clinician, 'iv-ketamine');
    const consent = recordConsent(store, withdrawn, clinician, 'iv-ketamine');
    store.consent.withdraw({ consentId: consent.id, withdrawnAt: addMinutes(T0, 5), reason: 'Wants to think again' }, clinician.id, addMinutes(T0, 5));

    const board = store.board.today(START);
    expect(board.planned.map((p) => [p.patient.name, p.route, p.nextDue])).toEqual(expect.arrayContaining([
      ['Maria Lopez', 'esketamine-nasal', '2026-11-25'], ['Noor Said', 'iv-ketamine', '2026-11-25'], ['Ivo Berg', 'iv-ketamine', '2026-11-25'],
    ]));
    expect(board.consents.map((c) => [c.patient.name, c.state])).toEqual([['Noor Said', 'none'], ['Ivo Berg', 'withdrawn']]);
    expect(board.consents[1]!.message).toMatch(/withdrew consent for IV ketamine .*Wants to think again/);

    // Signed again on the form in force: off the list.
    store.consent.recordSigned({ patientId: withdrawn.id, formVersion: CONSENT_FORM.version, plannedTreatment: 'iv-ketamine', witnessName: 'Jo Witness', signedAt: addMinutes(T0, 10) }, clinician.id, addMinutes(T0, 10));
    expect(store.board.today(START).consents.map((c) => c.patient.name)).toEqual(['Noor Said']);
  });

  it('does not plan a course that has ended, nor one whose next session is after today', () => {
    const { store, patient, clinician } = setup();
    signScreening(store, patient, clinician);
    const s = start(store, patient.id, clinician);
    finish(store, s.id, clinician, addMinutes(START, 1));
    const board = store.board.today(addMinutes(START, 60));
    expect(board.planned).toEqual([]);
    const course = store.course.listForPatient(patient.id, START)[0]!;
    store.course.changePhase(phaseChange.parse({ courseId: course.id, phase: 'ended', reason: 'Course complete' }), clinician, addMinutes(START, 61));
    expect(store.board.today(noon('2026-12-10')).planned).toEqual([]);
  });
});

describe('today’s board: REMS forms', () => {
  function finishedEsketamine(store: Store, patient: Patient, by: Clinician) {
    signScreening(store, patient, by);
    const s = start(store, patient.id, by);
    finish(store, s.id, by, addMinutes(START, 125));
    return s;
  }

  it('shows a form due, due soon, then overdue, and drops it once marked submitted', () => {
    const { store, patient, clinician } = setup();
    const s = finishedEsketamine(store, patient, clinician);
    const form = (day: string) => store.board.today(noon(day)).remsForms;
    // Session on 25 November: the form is due on 2 December [REFERENCE §4, S8]; "due soon" from 2 days before.
    expect(form('2026-11-26')).toEqual([expect.objectContaining({ sessionId: s.id, dueOn: '2026-12-02', status: 'due', daysLeft: 6 })]);
    expect(form('2026-11-30')[0]).toMatchObject({ status: 'due-soon', daysLeft: 2 });
    expect(form('2026-12-03')[0]).toMatchObject({ status: 'overdue', daysLeft: -1 });
    expect(form('2027-01-20')[0]).toMatchObject({ status: 'overdue' });

    store.rems.markSubmitted(remsSubmissionRecord.parse({ sessionId: s.id, submittedOn: '2026-12-03', submittedBy: 'Pat Office', confirmation: 'RX-1' }), clinician, noon('2026-12-03'));
    expect(form('2026-12-03')).toEqual([]);
  });
});

describe('today’s board: screenings about to expire', () => {
  it('shows a due patient’s screening that expires within 7 days, not one that expires in 8', () => {
    const { store, patient, clinician } = setup();
    const screening = signScreening(store, patient, clinician);
    // Signed at T0 (25 November) for the clinic's 30 days: it expires on 25 December.
    expect(screening.signature!.expiresAt.slice(0, 10)).toBe('2026-12-25');
    expect(store.board.today(noon('2026-12-17')).screenings).toEqual([]);
    expect(store.board.today(noon('2026-12-18')).screenings).toEqual([expect.objectContaining({
      screeningId: screening.id, patient: expect.objectContaining({ id: patient.id }), daysLeft: 7, route: 'esketamine-nasal',
    })]);
    expect(store.board.today(noon('2026-12-27')).screenings[0]).toMatchObject({ daysLeft: -2 });
  });

  it('leaves out a patient with no course due', () => {
    const { store, patient, clinician } = setup();
    signScreening(store, patient, clinician);
    const course = store.course.listForPatient(patient.id, T0)[0]!;
    store.course.changePhase(phaseChange.parse({ courseId: course.id, phase: 'paused', reason: 'Travelling' }), clinician, addMinutes(T0, 1));
    expect(store.board.today(noon('2026-12-20')).screenings).toEqual([]);
  });
});

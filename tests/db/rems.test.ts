import { describe, expect, it } from 'vitest';
import type { Store } from '../../db/store';
import { remsDueOn, remsFormStatus } from '../../shared/rems/due';
import { remsEnrollmentRecord, remsSessionSave, remsSubmissionRecord } from '../../shared/rems/schemas';
import type { Clinician } from '../../shared/schemas/clinician';
import { entryData, sessionStart } from '../../shared/session';
import { addMinutes } from '../../shared/session/time';
import { T0 } from '../helpers/store-fixture';
import { answerRems, at, PLANS, preDoseInput, recordClearMeasures, REMS_ANSWERS, signScreening, START, useSessionStore } from '../helpers/session-fixture';

const setup = useSessionStore();
const ALL = { oriented: true, walksSteadily: true, nauseaControlled: true, escortPresent: true, aftercareExplained: true };
/** Noon UTC on a day: the same calendar day in every zone the tests run in. */
const noon = (day: string) => `${day}T12:00:00.000Z`;

const startEsketamine = (store: Store, patientId: string, by: Clinician, startedAt = START) => {
  recordClearMeasures(store, patientId, by.id, addMinutes(startedAt, -30));
  return store.session.start(sessionStart.parse({ patientId, startedAt, plan: PLANS['esketamine-nasal'], preDose: preDoseInput({
    vitals: { takenAt: addMinutes(startedAt, -10), systolic: 120, diastolic: 80, heartRate: 72, spo2: 98 },
    lastFoodAt: addMinutes(startedAt, -600), lastDrinkAt: addMinutes(startedAt, -600),
  }) }), by, startedAt);
};

/** An esketamine session observed for 2 hours and ready to leave: only the REMS answers decide discharge. */
function observed(store: Store, sessionId: string, by: Clinician, from = START) {
  const add = (minutes: number, entry: unknown) =>
    store.session.addEntry({ sessionId, at: addMinutes(from, minutes), entry: entryData.parse(entry) }, by, addMinutes(from, minutes));
  add(5, { kind: 'dose-complete' });
  add(116, { kind: 'vitals', systolic: 124, diastolic: 80, heartRate: 70, spo2: 98 });
  add(116, { kind: 'sedation', level: 0 });
  add(116, { kind: 'dissociation', level: 'none' });
}

const discharge = (store: Store, sessionId: string, by: Clinician, when: string) =>
  store.session.discharge({ sessionId, checklist: ALL, overrideReason: null }, by, when);

/** A finished esketamine session on `day` (its REMS answers recorded), for the forms-due list. */
function finishedOn(store: Store, patientId: string, by: Clinician, day: string) {
  const from = `${day}T10:00:00.000Z`;
  const s = startEsketamine(store, patientId, by, from);
  answerRems(store, s.id, by, from);
  observed(store, s.id, by, from);
  discharge(store, s.id, by, addMinutes(from, 125));
  return s;
}

describe('REMS enrolment', () => {
  it('refuses an esketamine start without enrolment, or enrolled only after the session day; allows it once enrolled', () => {
    const { store, patient, clinician } = setup('iv-ketamine');
    signScreening(store, patient, clinician, 'iv-ketamine');
    expect(store.session.eligibility(patient.id, START, 'iv-ketamine').eligible).toBe(true);
    signScreening(store, patient, clinician, 'esketamine-nasal', { enrollInRems: false });
    expect(store.session.eligibility(patient.id, START, 'esketamine-nasal').reasons.map((r) => r.code)).toEqual(['rems-enrollment-required']);
    expect(() => startEsketamine(store, patient.id, clinician)).toThrow(/not recorded as enrolled in the esketamine REMS/);

    store.rems.recordEnrollment(remsEnrollmentRecord.parse({ patientId: patient.id, enrolled: true, enrolledOn: '2026-11-26' }), clinician, noon('2026-11-26'));
    expect(() => startEsketamine(store, patient.id, clinician)).toThrow(/not recorded as enrolled/);

    const amend = remsEnrollmentRecord.parse({ patientId: patient.id, enrolled: true, enrolledOn: '2026-11-24' });
    expect(() => store.rems.recordEnrollment(amend, clinician, noon('2026-11-26'))).toThrow(/reason/);
    store.rems.recordEnrollment({ ...amend, reason: 'Enrolled on the 24th; typed the wrong day' }, clinician, noon('2026-11-26'));
    expect(store.session.eligibility(patient.id, START, 'esketamine-nasal').eligible).toBe(true);
    const history = store.audit.history('patient', patient.id).filter((h) => h.action.includes('rems'));
    expect(history.map((h) => [h.action, h.reason])).toEqual([
      ['rems-enrollment', null], ['amend-rems-enrollment', 'Enrolled on the 24th; typed the wrong day'],
    ]);
  });

  it('needs a date when enrolled, and refuses a date in the future', () => {
    const { store, patient, clinician } = setup();
    expect(remsEnrollmentRecord.safeParse({ patientId: patient.id, enrolled: true }).error?.issues[0]?.path).toEqual(['enrolledOn']);
    const later = remsEnrollmentRecord.parse({ patientId: patient.id, enrolled: false, reason: 'x' });
    store.rems.recordEnrollment(later, clinician, T0);
    expect(store.rems.enrollment(patient.id)).toMatchObject({ enrolled: false, enrolledOn: null });
    expect(() => store.rems.recordEnrollment({ ...later, enrolled: true, enrolledOn: '2027-01-01' }, clinician, T0)).toThrow(/future/);
  });
});

describe('the session’s REMS answers', () => {
  it('pre-fill the four medicine classes from the signed screening’s medicine list, for the clinician to confirm', () => {
    const { store, patient, clinician, nurse } = setup();
    signScreening(store, patient, clinician, 'esketamine-nasal', {
      medications: [{ name: 'lorazepam', class: 'benzodiazepine' }, { name: 'zolpidem', class: 'other-cns-depressant' }, { name: 'sertraline', class: 'ssri' }],
      acknowledgedRuleIds: ['CA-MED-BENZODIAZEPINE', 'CA-MED-CNS-DEPRESSANT'],
    });
    const s = startEsketamine(store, patient.id, clinician);
    const view = store.rems.view(s.id, at(1));
    expect(view.prefill).toEqual({
      answers: { benzodiazepines: true, nonBenzodiazepineSedativeHypnotics: true, psychostimulants: false, maois: false },
      medicines: ['lorazepam', 'zolpidem'],
    });
    expect(view.answers).toBeNull();
    expect(view.missing).toHaveLength(5);
    const saved = store.rems.save(remsSessionSave.parse({ sessionId: s.id, ...REMS_ANSWERS, concomitant: view.prefill.answers }), nurse, at(2));
    expect(saved.answers).toMatchObject({ concomitant: view.prefill.answers, savedByName: 'Nurse Kim' });
    expect(saved.missing).toEqual([]);
  });

  it('hold discharge until complete (no override), and count total minutes from the first device to the end of monitoring', () => {
    const { store, patient, clinician, nurse } = setup();
    signScreening(store, patient, clinician);
    const s = startEsketamine(store, patient.id, clinician);
    observed(store, s.id, nurse);
    store.rems.save(remsSessionSave.parse({ sessionId: s.id, ...REMS_ANSWERS, readyToLeaveMinutes: null }), nurse, at(10));
    const item = store.session.view(s.id, at(125), ALL).readiness.items.find((i) => i.id === 'rems-answers');
    expect(item).toMatchObject({ met: false, overridable: false, reason: 'Still to record: Minutes until ready to leave' });
    expect(() => store.session.discharge({ sessionId: s.id, checklist: ALL, overrideReason: 'Leaving' }, nurse, at(125)))
      .toThrow(/REMS form answers recorded/);
    store.rems.save(remsSessionSave.parse({ sessionId: s.id, ...REMS_ANSWERS }), nurse, at(124));
    // The 2 hours still hold: at 119 minutes from the first device discharge waits.
    expect(store.session.view(s.id, at(119), ALL).readiness.ready).toBe(false);
    discharge(store, s.id, nurse, at(127));
    expect(store.rems.view(s.id, at(200)).totalMinutes).toBe(127);
  });

  it('refuse more lots than devices, and after discharge change only as an amendment with a reason', () => {
    const { store, patient, clinician, nurse } = setup();
    signScreening(store, patient, clinician);
    const s = startEsketamine(store, patient.id, clinician);
    const three = [...REMS_ANSWERS.lots, { lot: 'LOT-3', at: at(10) }];
    expect(() => store.rems.save(remsSessionSave.parse({ sessionId: s.id, ...REMS_ANSWERS, lots: three }), nurse, at(10))).toThrow(/2 devices/);
    expect(remsSessionSave.safeParse({ sessionId: s.id, ...REMS_ANSWERS, lots: [{ lot: 'bad lot!', at: at(1) }] }).error?.issues[0]?.message)
      .toMatch(/Lot number may use/);
    answerRems(store, s.id, nurse, at(1));
    observed(store, s.id, nurse);
    discharge(store, s.id, nurse, at(125));
    const change = remsSessionSave.parse({ sessionId: s.id, ...REMS_ANSWERS, readyToLeaveMinutes: 100 });
    expect(() => store.rems.save(change, nurse, at(130))).toThrow(/give a reason/);
    store.rems.save({ ...change, reason: 'Ready at 100 minutes, not 90' }, nurse, at(130));
    expect(store.rems.view(s.id, at(131)).answers?.readyToLeaveMinutes).toBe(100);
    const amended = store.session.history(s.id).find((h) => h.action === 'amend-rems-answers');
    expect(amended).toMatchObject({ reason: 'Ready at 100 minutes, not 90', before: { readyToLeaveMinutes: 90 }, after: { readyToLeaveMinutes: 100 } });
  });

  it('are for esketamine sessions only', () => {
    const { store, patient, clinician } = setup('iv-ketamine');
    signScreening(store, patient, clinician, 'iv-ketamine');
    const s = store.session.start(sessionStart.parse({ patientId: patient.id, startedAt: START, plan: PLANS['iv-ketamine'], preDose: preDoseInput() }), clinician, START);
    expect(() => store.rems.view(s.id, START)).toThrow(/esketamine sessions only/);
    expect(store.session.view(s.id, START).readiness.items.some((i) => i.id === 'rems-answers')).toBe(false);
  });
});

describe('REMS forms due', () => {
  it('are due 7 calendar days after the session, due soon from 2 days before (clinic default), overdue the day after', () => {
    expect(remsDueOn('2026-11-25')).toBe('2026-12-02');
    expect(remsDueOn('2026-12-28')).toBe('2027-01-04');
    expect(remsDueOn('2028-02-25')).toBe('2028-03-03');
    expect(remsFormStatus('2026-12-02', '2026-11-29', false, 2)).toBe('due');
    expect(remsFormStatus('2026-12-02', '2026-11-30', false, 2)).toBe('due-soon');
    expect(remsFormStatus('2026-12-02', '2026-12-02', false, 2)).toBe('due-soon');
    expect(remsFormStatus('2026-12-02', '2026-12-03', false, 2)).toBe('overdue');
    expect(remsFormStatus('2026-12-02', '2026-12-30', true, 2)).toBe('submitted');
  });

  it('lists each finished esketamine session, overdue first, until it is marked submitted; a correction needs a reason', () => {
    const { store, patient, clinician, nurse } = setup();
    signScreening(store, patient, clinician);
    const open = startEsketamine(store, patient.id, clinician, `2026-11-25T10:00:00.000Z`);
    expect(store.rems.formsDue(noon('2026-11-25'))).toEqual([]);
    answerRems(store, open.id, nurse, START);
    observed(store, open.id, nurse);
    discharge(store, open.id, nurse, at(125));
    const second = finishedOn(store, patient.id, nurse, '2026-11-28');

    const on = (day: string) => store.rems.formsDue(noon(day)).map((f) => [f.sessionDate, f.dueOn, f.daysLeft, f.status]);
    expect(on('2026-11-28')).toEqual([['2026-11-25', '2026-12-02', 4, 'due'], ['2026-11-28', '2026-12-05', 7, 'due']]);
    expect(on('2026-12-02')).toEqual([['2026-11-25', '2026-12-02', 0, 'due-soon'], ['2026-11-28', '2026-12-05', 3, 'due']]);
    expect(on('2026-12-03')).toEqual([['2026-11-25', '2026-12-02', -1, 'overdue'], ['2026-11-28', '2026-12-05', 2, 'due-soon']]);

    // The clinic may widen "due soon".
    store.updateSettings({ remsDueSoonDays: 3 }, null, clinician.id, noon('2026-12-03'));
    expect(on('2026-12-02').map((r) => r[3])).toEqual(['due-soon', 'due-soon']);

    const mark = remsSubmissionRecord.parse({ sessionId: open.id, submittedOn: '2026-12-03', submittedBy: 'Jo at the front desk', confirmation: 'FAX 0042' });
    expect(() => store.rems.markSubmitted({ ...mark, submittedOn: '2026-12-09' }, nurse, noon('2026-12-03'))).toThrow(/future/);
    expect(() => store.rems.markSubmitted({ ...mark, submittedOn: '2026-11-24' }, nurse, noon('2026-12-03'))).toThrow(/before the session/);
    store.rems.markSubmitted({ ...mark, sessionId: second.id }, nurse, noon('2026-12-03'));
    store.rems.markSubmitted(mark, nurse, noon('2026-12-03'));
    const listed = store.rems.formsDue(noon('2026-12-10'));
    expect(listed.map((f) => [f.sessionId, f.status])).toEqual([[open.id, 'submitted'], [second.id, 'submitted']]);
    expect(listed[0]!.submission).toMatchObject({ submittedOn: '2026-12-03', submittedBy: 'Jo at the front desk', confirmation: 'FAX 0042', recordedByName: 'Nurse Kim' });

    expect(() => store.rems.markSubmitted({ ...mark, confirmation: 'FAX 0043' }, nurse, noon('2026-12-04'))).toThrow(/reason/);
    store.rems.markSubmitted({ ...mark, confirmation: 'FAX 0043', reason: 'Wrong fax number' }, clinician, noon('2026-12-04'));
    expect(store.rems.submission(open.id)).toMatchObject({ confirmation: 'FAX 0043', amendReason: 'Wrong fax number' });
    expect(store.session.history(open.id).filter((h) => h.action.includes('submission')).map((h) => h.action))
      .toEqual(['rems-submission', 'amend-rems-submission']);
    expect(() => store.db.prepare('UPDATE rems_submissions SET confirmation = ?').run('x')).toThrow(/cannot be changed/);
  });

  it('is not due for a session still open', () => {
    const { store, patient, clinician, nurse } = setup();
    signScreening(store, patient, clinician);
    const s = startEsketamine(store, patient.id, clinician);
    expect(() => store.rems.markSubmitted(
      remsSubmissionRecord.parse({ sessionId: s.id, submittedOn: '2026-11-25', submittedBy: 'Jo' }), nurse, noon('2026-11-25'),
    )).toThrow(/not ended/);
  });
});

import { describe, expect, it } from 'vitest';
import { allTextOf, buildPrintout, fromSessionRecord, initialsOf, remsStatusOf } from '../../shared/printouts';
import { buildRemsFormData } from '../../shared/rems/form-data';
import { remsSessionSave } from '../../shared/rems/schemas';
import { clockMinutesBetween, entryData, sessionStart } from '../../shared/session';
import { answerRems, at, PLANS, preDoseInput, signScreening, START, useSessionStore } from '../helpers/session-fixture';
import { printInput } from '../helpers/printouts';
import { T0 } from '../helpers/store-fixture';

// The monitoring record printed from a real session: sessions.record, mapped
// to the record's rows, one per moment something was measured.

const setup = useSessionStore();
const utcClock = (iso: string) => iso.slice(11, 16);
const ALL = { oriented: true, walksSteadily: true, nauseaControlled: true, escortPresent: true, aftercareExplained: true };

describe('session monitoring record from sessions.record', () => {
  it('prints the dose, each measured moment in time order, events, alerts and discharge', () => {
    const { store, patient, clinician, nurse } = setup('esketamine-nasal');
    signScreening(store, patient, clinician, 'esketamine-nasal');
    const session = store.session.start(
      sessionStart.parse({ patientId: patient.id, startedAt: START, plan: PLANS['esketamine-nasal'], preDose: preDoseInput() }),
      clinician,
      START,
    );
    answerRems(store, session.id, nurse);
    const add = (minutes: number, entry: unknown) =>
      store.session.addEntry({ sessionId: session.id, at: at(minutes), entry: entryData.parse(entry) }, nurse, at(minutes));
    add(40, { kind: 'vitals', systolic: 150, diastolic: 88, heartRate: 84, spo2: 97, respiratoryRate: 14 });
    add(40, { kind: 'sedation', level: 1 });
    const [alert] = add(45, { kind: 'sedation', level: 3 }).alerts;
    store.session.acknowledgeAlert({ alertId: alert!.id, actionNote: 'Stimulated, airway checked' }, clinician, at(46));
    add(45, { kind: 'dissociation', level: 'mild' });

    const record = store.session.record(session.id, at(60));
    const data = fromSessionRecord(record, utcClock);
    expect(data).toMatchObject({ startedAt: utcClock(START), dose: '56 mg (2 devices)', clinicianName: 'Dr Ada Rivera', discharge: null });
    expect(data.vitals.map((v) => [v.label, v.time])).toEqual([
      ['Before the dose', utcClock(record.preDose.vitals.takenAt)],
      ['40 min after first device', utcClock(at(40))],
      ['45 min after first device', utcClock(at(45))],
    ]);
    expect(data.vitals.find((v) => v.label === '40 min after first device')).toMatchObject({
      systolic: 150, diastolic: 88, heartRate: 84, spo2: 97, respiratoryRate: 14, sedation: 1, initials: 'K',
    });
    expect(data.vitals.find((v) => v.label === '45 min after first device')).toMatchObject({ sedation: 3, dissociation: 'mild' });
    // A second reading in the same minute gets its own row rather than replacing the first.
    add(45, { kind: 'vitals', systolic: 140, diastolic: 85, heartRate: 80, spo2: 98 });
    add(45, { kind: 'vitals', systolic: 138, diastolic: 84, heartRate: 79, spo2: 98 });
    const again = fromSessionRecord(store.session.record(session.id, at(60)), utcClock);
    expect(again.vitals.filter((v) => v.label === '45 min after first device').map((v) => [v.systolic, v.sedation])).toEqual([[140, 3], [138, null]]);
    expect(data.events.join('\n')).toMatch(/Alert: .*; acknowledged .* by Dr Ada Rivera: Stimulated, airway checked/);

    const printout = buildPrintout('monitoring-record', printInput({ treatment: 'esketamine-nasal' }), { session: data });
    const table = printout.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.find((r) => r[0] === '40 min after first device')).toEqual([
      '40 min after first device', utcClock(at(40)), '150/88', '84', '97', '14', '1', '', 'K',
    ]);
  });

  it('prints what was recorded: pre-dose checks with values, who and when; discharge items met; the discharge row; what a correction changed', () => {
    const { store, patient, clinician, nurse } = setup('esketamine-nasal');
    signScreening(store, patient, clinician, 'esketamine-nasal');
    // A clinic day: BP 150/92 then a repeat 146/90 before the dose, a documented decision, a 185/105 reading corrected, discharge.
    const session = store.session.start(
      sessionStart.parse({
        patientId: patient.id, startedAt: START, plan: PLANS['esketamine-nasal'],
        preDose: preDoseInput({
          vitals: { takenAt: at(-15), systolic: 150, diastolic: 92, heartRate: 80, spo2: 98 },
          repeatVitals: { takenAt: at(-8), systolic: 146, diastolic: 90, heartRate: 78, spo2: 98 },
          lastFoodAt: at(-180), lastDrinkAt: at(-45), escortName: 'Sam Ortiz',
        }),
        decisionReason: 'Usual BP for her; prescriber agrees',
      }),
      clinician,
      at(-2),
    );
    answerRems(store, session.id, nurse);
    const add = (minutes: number, entry: unknown) =>
      store.session.addEntry({ sessionId: session.id, at: at(minutes), entry: entryData.parse(entry) }, nurse, at(minutes));
    add(5, { kind: 'dose-complete' });
    const high = add(40, { kind: 'vitals', systolic: 185, diastolic: 105, heartRate: 90, spo2: 97 });
    store.session.amendEntry(
      { sessionId: session.id, entryId: high.entry.id, entry: entryData.parse({ kind: 'vitals', systolic: 158, diastolic: 95, heartRate: 90, spo2: 97 }), reason: 'Cuff misread' },
      clinician, at(42),
    );
    for (const a of store.session.view(session.id, at(43)).alerts) store.session.acknowledgeAlert({ alertId: a.id, actionNote: 'Rechecked' }, clinician, at(43));
    add(117, { kind: 'vitals', systolic: 132, diastolic: 84, heartRate: 74, spo2: 98 });
    add(117, { kind: 'sedation', level: 0 });
    add(117, { kind: 'dissociation', level: 'none' });
    store.session.discharge({ sessionId: session.id, checklist: ALL, overrideReason: null }, nurse, `${at(122).slice(0, 19)}.000Z`.replace(':00.000Z', ':40.000Z'));

    const data = fromSessionRecord(store.session.record(session.id, at(130)), utcClock);
    const c = data.before.checks;
    expect(Object.values(c).every((x) => x.met)).toBe(true);
    expect(c.vitals.detail).toContain(`${utcClock(at(-15))} BP 150/92 · HR 80 · SpO₂ 98 %; repeat ${utcClock(at(-8))} BP 146/90`);
    expect(c.fasting.detail).toBe(`Last food ${utcClock(at(-180))} (180 min before dosing); last drink ${utcClock(at(-45))} (45 min before dosing)`);
    expect(c.pregnancy.detail).toBe('Test negative');
    expect(c.escort.detail).toBe('Escort: Sam Ortiz');
    expect(c.screening.detail).toMatch(/^Signed \d+ \w+ 2026, clear$/);
    // The day's questionnaires the suicide-risk gate saw (the fixture's, taken at the screening's T0).
    expect(c.suicideRisk.detail).toBe(`ASQ ${utcClock(T0)} negative; PHQ-9 ${utcClock(T0)} 3 (minimal); GAD-7 ${utcClock(T0)} 2 (minimal)`);
    expect(data.before).toMatchObject({ by: 'Dr Ada Rivera', at: utcClock(at(-2)) });
    // The BP above 140/90 was proceeded on: the decision prints beside the reading that needed it.
    expect(data.events.join('\n')).not.toMatch(/Before the dose/);
    expect(c.vitals.detail).toMatch(/Not met: Pre-dose BP 146\/90 mmHg is above 140\/90.*Decision to proceed: “Usual BP for her; prescriber agrees”/);

    expect(data.discharge?.items.length).toBe(10);
    expect(data.discharge?.items.every((i) => i.met)).toBe(true);
    expect(data.discharge?.items.map((i) => i.text)).toContain('At least 120 minutes of observation from the first device: Observed 122 of 120 minutes from the first device');
    // The discharge assessment row holds its values; no empty "At discharge" row.
    const last = data.vitals.at(-1)!;
    expect(last).toMatchObject({ label: 'Before discharge (117 min after first device)', systolic: 132, sedation: 0, dissociation: 'none' });
    expect(data.vitals.some((v) => /At discharge/.test(v.label))).toBe(false);
    // Whole clock minutes: 09:00 to 11:02:40 prints 122 min beside 09:00 and 11:02.
    expect(data.observation).toBe(`122 min, from the first device (${utcClock(START)}) to discharge (${utcClock(at(122))})`);
    expect(data.ended).toEqual({ label: 'Last device used', value: utcClock(at(5)) });
    const correction = data.events.find((e) => e.includes('Correction'));
    expect(correction).toBe(
      `${utcClock(at(42))} Correction by Dr Ada Rivera to the vitals entry of ${utcClock(at(40))}: was BP 185/105 · HR 90 · SpO₂ 97 %; now BP 158/95 · HR 90 · SpO₂ 97 %. Reason: Cuff misread`,
    );

    const printout = buildPrintout('monitoring-record', printInput({ treatment: 'esketamine-nasal' }), { session: data });
    const boxes = printout.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'list' && b.tickBoxes ? b.items : []));
    expect(boxes.length).toBe(8 + 10);
    expect(boxes.every((i) => i.state === 'met')).toBe(true);
    const all = allTextOf(printout);
    expect(all).toContain('Escort home confirmed. Recorded: Escort: Sam Ortiz.');
    expect(all).toContain(`Checked and recorded by: Dr Ada Rivera at ${utcClock(at(-2))}`);
    expect(all).toContain(`Discharged: ${utcClock(at(122))} by Nurse Kim`);
  });

  it('crosses what was not met, and prints a discharge on a reason with it', () => {
    const { store, patient, clinician, nurse } = setup('esketamine-nasal');
    signScreening(store, patient, clinician, 'esketamine-nasal');
    const session = store.session.start(
      sessionStart.parse({ patientId: patient.id, startedAt: START, plan: PLANS['esketamine-nasal'], preDose: preDoseInput({ lastFoodAt: at(-60) }), decisionReason: 'Light snack only' }),
      clinician, START,
    );
    answerRems(store, session.id, nurse);
    store.session.addEntry({ sessionId: session.id, at: at(5), entry: entryData.parse({ kind: 'dose-complete' }) }, nurse, at(5));
    store.session.discharge({ sessionId: session.id, checklist: { ...ALL, escortPresent: false }, overrideReason: 'Taxi arranged by family' }, clinician, at(130));
    const data = fromSessionRecord(store.session.record(session.id, at(131)), utcClock);
    expect(data.before.checks.fasting).toMatchObject({ met: false });
    expect(data.before.checks.fasting.detail).toMatch(/Not met: Last food 60 minutes before dosing; the rule is at least 120\. Decision to proceed: “Light snack only”/);
    expect(data.discharge?.overrideReason).toBe('Taxi arranged by family');
    expect(data.discharge?.items.find((i) => i.text.startsWith('Escort present'))).toEqual({ text: 'Escort present to take the patient home: Confirm the escort is here', met: false });
    expect(data.vitals.at(-1)?.label).toBe('At discharge: not assessed');
  });

  it('counts observation minutes as the printed clock times differ, so 09:05–11:08 reads 123, not 122', () => {
    expect(clockMinutesBetween('2026-11-25T09:05:40Z', '2026-11-25T11:08:10Z')).toBe(123);
    expect(clockMinutesBetween('2026-11-25T09:05:00Z', '2026-11-25T09:05:59Z')).toBe(0);
  });

  it('ends an esketamine record with its REMS form as recorded: answers missing, then complete and due, then submitted', () => {
    const { store, patient, clinician, nurse } = setup('esketamine-nasal');
    signScreening(store, patient, clinician, 'esketamine-nasal');
    const session = store.session.start(
      sessionStart.parse({ patientId: patient.id, startedAt: START, plan: PLANS['esketamine-nasal'], preDose: preDoseInput() }), clinician, START,
    );
    const printed = (now: string) => {
      const record = store.session.record(session.id, now);
      const form = buildRemsFormData(record, store.rems.answers(session.id), store.settings.read(), store.rems.submission(session.id));
      const printout = buildPrintout('monitoring-record', printInput({ treatment: 'esketamine-nasal' }), {
        session: fromSessionRecord(record, utcClock), rems: remsStatusOf(form),
      });
      return { printout, all: allTextOf(printout) };
    };
    // Lots only: the rest of the form is still to record, and the record says which.
    store.rems.save(remsSessionSave.parse({
      sessionId: session.id, lots: [{ lot: 'LOT-1', at: START }],
      concomitant: { benzodiazepines: false, nonBenzodiazepineSedativeHypnotics: null, psychostimulants: false, maois: false },
      vitalsAcceptableBeforeDose: true, vitalsAcceptableBeforeEnd: null, readyToLeaveMinutes: null,
    }), nurse, at(10));
    const open = printed(at(20)).all;
    expect(open).toContain('REMS form answers: Not complete; still to record:');
    const missing = printed(at(20)).printout.sections.find((s) => s.id === 'rems')!.blocks.find((b) => b.kind === 'list');
    expect(missing?.kind === 'list' && missing.items.map((i) => i.text)).toEqual([
      'Concomitant medicines: Non-benzodiazepine sedative hypnotics', 'Vital signs acceptable before the end', 'Minutes until ready to leave',
    ]);
    // No box to tick by hand: the status is what was recorded.
    expect(open).not.toMatch(/REMS Patient Monitoring Form completed|form completed/i);

    answerRems(store, session.id, nurse, at(30));
    store.session.addEntry({ sessionId: session.id, at: at(5), entry: entryData.parse({ kind: 'dose-complete' }) }, nurse, at(5));
    for (const entry of [{ kind: 'vitals', systolic: 124, diastolic: 80, heartRate: 70, spo2: 98 }, { kind: 'sedation', level: 0 }, { kind: 'dissociation', level: 'none' }]) {
      store.session.addEntry({ sessionId: session.id, at: at(118), entry: entryData.parse(entry) }, nurse, at(118));
    }
    store.session.discharge({ sessionId: session.id, checklist: ALL, overrideReason: null }, nurse, at(125));
    const due = printed(at(126));
    expect(due.all).toContain('REMS form answers: Complete');
    expect(due.printout.sections.find((s) => s.id === 'rems')!.blocks.some((b) => b.kind === 'list')).toBe(false);
    expect(due.all).toContain('REMS form: Due by 2 December 2026; not yet submitted');
    const boxes = due.printout.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'list' && b.tickBoxes ? b.items : []));
    expect(boxes.filter((b) => /REMS/.test(b.text)).every((b) => b.state === 'met')).toBe(true);

    store.rems.markSubmitted({ sessionId: session.id, submittedOn: '2026-11-27', submittedBy: 'Nurse Kim', confirmation: 'FAX 0042' }, nurse, at(60 * 24 * 2));
    expect(printed(at(60 * 24 * 2)).all).toContain('REMS form: Submitted on 27 November 2026 by Nurse Kim, confirmation FAX 0042');
  });

  it('prints no REMS line on a ketamine record', () => {
    const all = allTextOf(buildPrintout('monitoring-record', printInput({ treatment: 'iv-ketamine' })));
    expect(all).not.toMatch(/REMS/);
  });

  it('takes initials without titles', () => {
    expect(initialsOf('Dr Amira Haddad')).toBe('AH');
    expect(initialsOf('Nurse Kim')).toBe('K');
  });
});

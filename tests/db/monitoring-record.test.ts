import { describe, expect, it } from 'vitest';
import { buildPrintout, fromSessionRecord, initialsOf } from '../../shared/printouts';
import { entryData, sessionStart } from '../../shared/session';
import { at, PLANS, preDoseInput, signScreening, START, useSessionStore } from '../helpers/session-fixture';
import { printInput } from '../helpers/printouts';

// The monitoring record printed from a real session: sessions.record, mapped
// to the record's rows, one per moment something was measured.

const setup = useSessionStore();
const utcClock = (iso: string) => iso.slice(11, 16);

describe('session monitoring record from sessions.record', () => {
  it('prints the dose, each measured moment in time order, events, alerts and discharge', () => {
    const { store, patient, clinician, nurse } = setup('esketamine-nasal');
    signScreening(store, patient, clinician, 'esketamine-nasal');
    const session = store.session.start(
      sessionStart.parse({ patientId: patient.id, startedAt: START, plan: PLANS['esketamine-nasal'], preDose: preDoseInput() }),
      clinician,
      START,
    );
    const add = (minutes: number, entry: unknown) =>
      store.session.addEntry({ sessionId: session.id, at: at(minutes), entry: entryData.parse(entry) }, nurse, at(minutes));
    add(40, { kind: 'vitals', systolic: 150, diastolic: 88, heartRate: 84, spo2: 97, respiratoryRate: 14 });
    add(40, { kind: 'sedation', level: 1 });
    const [alert] = add(45, { kind: 'sedation', level: 3 }).alerts;
    store.session.acknowledgeAlert({ alertId: alert!.id, actionNote: 'Stimulated, airway checked' }, clinician, at(46));
    add(45, { kind: 'dissociation', level: 'mild' });

    const record = store.session.record(session.id, at(60));
    const data = fromSessionRecord(record, utcClock);
    expect(data).toMatchObject({ startedAt: utcClock(START), dose: '56 mg (2 devices)', clinicianName: 'Dr Ada Rivera', dischargedAt: null });
    expect(data.vitals.map((v) => [v.label, v.time])).toEqual([
      ['Before the dose', utcClock(record.preDose.vitals.takenAt)],
      ['40 min after start', utcClock(at(40))],
      ['45 min after start', utcClock(at(45))],
    ]);
    expect(data.vitals.find((v) => v.label === '40 min after start')).toMatchObject({
      systolic: 150, diastolic: 88, heartRate: 84, spo2: 97, respiratoryRate: 14, sedation: 1, initials: 'K',
    });
    expect(data.vitals.find((v) => v.label === '45 min after start')).toMatchObject({ sedation: 3, dissociation: 'mild' });
    // A second reading in the same minute gets its own row rather than replacing the first.
    add(45, { kind: 'vitals', systolic: 140, diastolic: 85, heartRate: 80, spo2: 98 });
    add(45, { kind: 'vitals', systolic: 138, diastolic: 84, heartRate: 79, spo2: 98 });
    const again = fromSessionRecord(store.session.record(session.id, at(60)), utcClock);
    expect(again.vitals.filter((v) => v.label === '45 min after start').map((v) => [v.systolic, v.sedation])).toEqual([[140, 3], [138, null]]);
    expect(data.events.join('\n')).toMatch(/Alert: .*; acknowledged .* by Dr Ada Rivera: Stimulated, airway checked/);

    const printout = buildPrintout('monitoring-record', printInput({ treatment: 'esketamine-nasal' }), { session: data });
    const table = printout.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.find((r) => r[0] === '40 min after start')).toEqual([
      '40 min after start', utcClock(at(40)), '150/88', '84', '97', '14', '1', '', 'K',
    ]);
  });

  it('takes initials without titles', () => {
    expect(initialsOf('Dr Amira Haddad')).toBe('AH');
    expect(initialsOf('Nurse Kim')).toBe('K');
  });
});

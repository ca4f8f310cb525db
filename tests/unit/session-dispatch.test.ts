import { describe, expect, it } from 'vitest';
import { contract, type Channel, type RequestOf, type ResponseOf } from '../../shared/contract';
import { dispatch } from '../../electron/dispatch';
import type { HandlerContext } from '../../electron/handlers/context';
import { at, preDoseInput, signScreening, START, useSessionStore } from '../helpers/session-fixture';

const setup = useSessionStore();

/** Runs the session flow through dispatch, as the screens will, with the server clock set by the test. */
function app() {
  const { store, dir, patient, clinician } = setup();
  signScreening(store, patient, clinician);
  let now = START;
  const ctx: HandlerContext = { store, dataDir: dir, workspace: { clinicianId: null }, now: () => new Date(now) };
  const call = <C extends Channel>(channel: C, input: RequestOf<C>): ResponseOf<C> => {
    const result = dispatch(channel, input, ctx);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    // Every answer must match the contract the screens are built on.
    return contract[channel].response.parse(result.data) as ResponseOf<C>;
  };
  const setNow = (iso: string) => (now = iso);
  return { ctx, call, setNow, patient, clinician };
}

describe('session channels through dispatch', () => {
  it('run a whole esketamine session, each answer matching the contract', () => {
    const { ctx, call, setNow, patient, clinician } = app();
    expect(call('sessions.eligibility', { patientId: patient.id, route: 'esketamine-nasal' })).toMatchObject({ eligible: true, reasons: [] });
    expect(dispatch('sessions.start', { patientId: patient.id, plan: { route: 'esketamine-nasal', deviceCount: 2 }, preDose: preDoseInput() }, ctx))
      .toMatchObject({ ok: false, error: { code: 'no-clinician' } });
    ctx.workspace.clinicianId = clinician.id;

    const started = call('sessions.start', { patientId: patient.id, plan: { route: 'esketamine-nasal', deviceCount: 2 }, preDose: preDoseInput() });
    const id = started.session.id;
    expect(started.schedule.find((i) => i.id === 'post-dose-bp')).toMatchObject({ dueAt: at(40), countdownMs: 40 * 60_000 });

    setNow(at(5));
    call('sessions.addEntry', { sessionId: id, entry: { kind: 'dose-complete' } });
    setNow(at(40));
    const raised = call('sessions.addEntry', { sessionId: id, entry: { kind: 'vitals', systolic: 165, diastolic: 88, heartRate: 84, spo2: 97 } });
    expect(raised.alerts.map((a) => a.code)).toEqual(['systolic-rise']);
    expect(raised.view.schedule.find((i) => i.id === 'repeat-bp')?.dueAt).toBe(at(55));
    const acked = call('sessions.acknowledgeAlert', { alertId: raised.alerts[0]!.id, actionNote: 'Rest, recheck in 15 min' });
    expect(acked.alerts[0]?.acknowledgement?.actionNote).toBe('Rest, recheck in 15 min');

    setNow(at(122));
    call('sessions.addEntry', { sessionId: id, entry: { kind: 'vitals', systolic: 124, diastolic: 80, heartRate: 72, spo2: 98 } });
    call('sessions.addEntry', { sessionId: id, entry: { kind: 'sedation', level: 0 } });
    const last = call('sessions.addEntry', { sessionId: id, entry: { kind: 'dissociation', level: 'none' } });
    const fixed = call('sessions.amendEntry', { sessionId: id, entryId: last.entry.id, entry: { kind: 'dissociation', level: 'none', note: 'Calm' }, reason: 'Added note' });
    expect(fixed.entry.amendsId).toBe(last.entry.id);

    setNow(at(125));
    const checklist = { oriented: true, walksSteadily: true, nauseaControlled: true, escortPresent: true, aftercareExplained: true };
    expect(call('sessions.get', { id, checklist }).readiness.ready).toBe(true);
    const discharged = call('sessions.discharge', { sessionId: id, checklist });
    expect(discharged.session).toMatchObject({ status: 'discharged', discharge: { at: at(125), ready: true } });

    expect(call('sessions.listForPatient', { patientId: patient.id })).toEqual([expect.objectContaining({ id, status: 'discharged', alertCount: 1, openAlertCount: 0 })]);
    expect(call('sessions.record', { id })).toMatchObject({ bpIncrease: { occurred: true }, observation: { minutes: 125, countsFrom: 'the first device' } });
    expect(call('sessions.history', { id }).map((h) => h.action)).toEqual([
      'start', 'add-entry', 'add-entry', 'acknowledge-alert', 'add-entry', 'add-entry', 'add-entry', 'amend-entry', 'discharge',
    ]);
  });

  it('answer bad input with an error naming the field, never an exception', () => {
    const { ctx, clinician, patient } = app();
    ctx.workspace.clinicianId = clinician.id;
    expect(dispatch('sessions.addEntry', { sessionId: patient.id, entry: { kind: 'vitals', systolic: 400, diastolic: 80 } }, ctx)).toEqual({
      ok: false, error: { code: 'invalid-input', field: 'entry.systolic', message: 'Systolic must be at most 300 mmHg' },
    });
    expect(dispatch('sessions.get', { id: patient.id }, ctx)).toMatchObject({ ok: false, error: { code: 'not-found', field: 'id' } });
    expect(dispatch('sessions.acknowledgeAlert', { alertId: patient.id, actionNote: 'x' }, ctx)).toMatchObject({ ok: false, error: { code: 'not-found', field: 'alertId' } });
    expect(dispatch('sessions.start', { patientId: patient.id, plan: { route: 'iv-ketamine', mgPerKg: 0.5 }, preDose: preDoseInput() }, ctx))
      .toMatchObject({ ok: false, error: { code: 'conflict', field: 'patientId', message: expect.stringMatching(/was for Esketamine nasal spray, not IV ketamine/) } });
    expect(dispatch('sessions.eligibility', { patientId: 'nope' }, ctx)).toMatchObject({ ok: false, error: { field: 'patientId' } });
  });
});

import { describe, expect, it } from 'vitest';
import { contract, type Channel, type RequestOf, type ResponseOf } from '../../shared/contract';
import { dispatch } from '../../electron/dispatch';
import type { HandlerContext } from '../../electron/handlers/context';
import { ADMIN_PASSPHRASE, useGate } from '../helpers/gate-fixture';
import { patientInput, T0 } from '../helpers/store-fixture';
import { at, preDoseInput, REMS_ANSWERS, signScreening, START } from '../helpers/session-fixture';

const gates = useGate();
const signature = { passphrase: ADMIN_PASSPHRASE };

/** Runs the session flow through dispatch, as the screens will, with the server clock set by the test. */
async function app() {
  const h = await gates.setUp();
  const store = h.gate.requireStore();
  const clinician = store.clinicians.get(h.adminId)!;
  const patient = store.createPatient(patientInput({ weightKg: 70 }), clinician.id, T0);
  signScreening(store, patient, clinician);
  let now = START;
  const ctx: HandlerContext = { ...h.ctx, now: () => new Date(now) };
  const call = async <C extends Channel>(channel: C, input: RequestOf<C>): Promise<ResponseOf<C>> => {
    const result = await dispatch(channel, input, ctx);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    // Every answer must match the contract the screens are built on.
    return contract[channel].response.parse(result.data) as ResponseOf<C>;
  };
  const setNow = (iso: string) => (now = iso);
  return { ctx, call, setNow, patient, clinician, h };
}

describe('session channels through dispatch', () => {
  it('run a whole esketamine session, each answer matching the contract', async () => {
    const { ctx, call, setNow, patient, h } = await app();
    expect(await await call('sessions.eligibility', { patientId: patient.id, route: 'esketamine-nasal' })).toMatchObject({ eligible: true, reasons: [] });
    await h.ok('auth.lock', {});
    expect(await dispatch('sessions.start', { patientId: patient.id, plan: { route: 'esketamine-nasal', deviceCount: 2 }, preDose: preDoseInput() }, ctx))
      .toMatchObject({ ok: false, error: { code: 'locked' } });
    await h.ok('auth.unlock', { credential: signature });

    const started = await call('sessions.start', { patientId: patient.id, plan: { route: 'esketamine-nasal', deviceCount: 2 }, preDose: preDoseInput() });
    const id = started.session.id;
    expect(started.schedule.find((i) => i.id === 'post-dose-bp')).toMatchObject({ dueAt: at(40), countdownMs: 40 * 60_000 });

    setNow(at(5));
    await call('sessions.addEntry', { sessionId: id, entry: { kind: 'dose-complete' } });
    setNow(at(40));
    const raised = await call('sessions.addEntry', { sessionId: id, entry: { kind: 'vitals', systolic: 165, diastolic: 88, heartRate: 84, spo2: 97 } });
    expect(raised.alerts.map((a) => a.code)).toEqual(['systolic-rise']);
    expect(raised.view.schedule.find((i) => i.id === 'repeat-bp')?.dueAt).toBe(at(55));
    const acked = await call('sessions.acknowledgeAlert', { alertId: raised.alerts[0]!.id, actionNote: 'Rest, recheck in 15 min' });
    expect(acked.alerts[0]?.acknowledgement?.actionNote).toBe('Rest, recheck in 15 min');

    setNow(at(122));
    await call('sessions.addEntry', { sessionId: id, entry: { kind: 'vitals', systolic: 124, diastolic: 80, heartRate: 72, spo2: 98 } });
    await call('sessions.addEntry', { sessionId: id, entry: { kind: 'sedation', level: 0 } });
    const last = await call('sessions.addEntry', { sessionId: id, entry: { kind: 'dissociation', level: 'none' } });
    const fixed = await call('sessions.amendEntry', { sessionId: id, entryId: last.entry.id, entry: { kind: 'dissociation', level: 'none', note: 'Calm' }, reason: 'Added note', signature });
    expect(fixed.entry.amendsId).toBe(last.entry.id);

    await call('rems.saveSession', { sessionId: id, ...REMS_ANSWERS });
    setNow(at(125));
    const checklist = { oriented: true, walksSteadily: true, nauseaControlled: true, escortPresent: true, aftercareExplained: true };
    expect((await call('sessions.get', { id, checklist })).readiness.ready).toBe(true);
    const discharged = await call('sessions.discharge', { sessionId: id, checklist, signature });
    expect(discharged.session).toMatchObject({ status: 'discharged', discharge: { at: at(125), ready: true } });

    expect(await call('sessions.listForPatient', { patientId: patient.id })).toEqual([expect.objectContaining({ id, status: 'discharged', alertCount: 1, openAlertCount: 0 })]);
    expect(await call('sessions.record', { id })).toMatchObject({ bpIncrease: { occurred: true }, observation: { minutes: 125, countsFrom: 'the first device' } });
    expect((await call('sessions.history', { id })).map((h) => h.action)).toEqual([
      'start', 'add-entry', 'add-entry', 'acknowledge-alert', 'add-entry', 'add-entry', 'add-entry', 'amend-entry', 'signature', 'rems-answers', 'discharge', 'signature',
    ]);
  });

  it('answer bad input with an error naming the field, never an exception', async () => {
    const { ctx, patient } = await app();
    expect(await dispatch('sessions.addEntry', { sessionId: patient.id, entry: { kind: 'vitals', systolic: 400, diastolic: 80 } }, ctx)).toEqual({
      ok: false, error: { code: 'invalid-input', field: 'entry.systolic', message: 'Systolic must be at most 300 mmHg' },
    });
    expect(await dispatch('sessions.get', { id: patient.id }, ctx)).toMatchObject({ ok: false, error: { code: 'not-found', field: 'id' } });
    expect(await dispatch('sessions.acknowledgeAlert', { alertId: patient.id, actionNote: 'x' }, ctx)).toMatchObject({ ok: false, error: { code: 'not-found', field: 'alertId' } });
    expect(await dispatch('sessions.start', { patientId: patient.id, plan: { route: 'iv-ketamine', mgPerKg: 0.5 }, preDose: preDoseInput() }, ctx))
      .toMatchObject({ ok: false, error: { code: 'conflict', field: 'patientId', message: expect.stringMatching(/was for Esketamine nasal spray, not IV ketamine/) } });
    expect(await dispatch('sessions.eligibility', { patientId: 'nope' }, ctx)).toMatchObject({ ok: false, error: { field: 'patientId' } });
  });
});

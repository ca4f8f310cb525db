import { describe, expect, it } from 'vitest';
import { Store } from '../../db/store';
import { requireConsent } from '../../db/session-gates';
import type { Clinician } from '../../shared/schemas/clinician';
import { sessionStart, type EntryDataInput, type PreDoseChecksInput, entryData } from '../../shared/session';
import { openTestStore, patientInput, T0 } from '../helpers/store-fixture';
import { answerRems, at, PLANS, preDoseInput, recordClearMeasures, signScreening, START, useSessionStore } from '../helpers/session-fixture';

const setup = useSessionStore();
const ALL = { oriented: true, walksSteadily: true, nauseaControlled: true, escortPresent: true, aftercareExplained: true };

function start(
  store: Store, patientId: string, by: Clinician,
  opts: { plan?: unknown; preDose?: Partial<PreDoseChecksInput>; decisionReason?: string; startedAt?: string; now?: string } = {},
) {
  const input = sessionStart.parse({
    patientId, startedAt: opts.startedAt ?? START, plan: opts.plan ?? PLANS['esketamine-nasal'], preDose: preDoseInput(opts.preDose),
    decisionReason: opts.decisionReason,
  });
  const session = store.session.start(input, by, opts.now ?? opts.startedAt ?? START);
  // The REMS form's answers are recorded at the chair; discharge waits for them (tests/db/rems.test.ts).
  if (session.route === 'esketamine-nasal') answerRems(store, session.id, by, opts.now ?? opts.startedAt ?? START);
  return session;
}

const add = (store: Store, sessionId: string, by: Clinician, minutes: number, entry: EntryDataInput) =>
  store.session.addEntry({ sessionId, at: at(minutes), entry: entryData.parse(entry) }, by, at(minutes));

function started(route: keyof typeof PLANS = 'esketamine-nasal') {
  const ctx = setup(route);
  signScreening(ctx.store, ctx.patient, ctx.clinician, route);
  const session = start(ctx.store, ctx.patient.id, ctx.clinician, { plan: PLANS[route] });
  return { ...ctx, session };
}

/** A session with the last device at 5 minutes and a clean assessment at 116, ready at 120 (2 hours from the first device). */
function readyToLeave() {
  const ctx = started();
  add(ctx.store, ctx.session.id, ctx.nurse, 5, { kind: 'dose-complete' });
  add(ctx.store, ctx.session.id, ctx.nurse, 116, { kind: 'vitals', systolic: 126, diastolic: 82, heartRate: 70, spo2: 98 });
  add(ctx.store, ctx.session.id, ctx.nurse, 116, { kind: 'sedation', level: 0 });
  add(ctx.store, ctx.session.id, ctx.nurse, 116, { kind: 'dissociation', level: 'none' });
  return ctx;
}

describe('who may start a session', () => {
  it('needs a signed screening', () => {
    const { store, patient, clinician } = setup();
    recordClearMeasures(store, patient.id, clinician.id, T0);
    expect(store.session.eligibility(patient.id, START)).toMatchObject({
      eligible: false, screening: null, reasons: [{ code: 'no-signed-screening' }],
    });
    store.screening.create({ patientId: patient.id, plannedTreatment: 'esketamine-nasal' }, clinician.id, T0);
    expect(store.session.eligibility(patient.id, START).reasons.map((r) => r.code)).toEqual(['no-signed-screening']);
    expect(() => start(store, patient.id, clinician)).toThrow(expect.objectContaining({ code: 'conflict', field: 'patientId' }));
    expect(() => start(store, patient.id, clinician)).toThrow(/no signed screening/);
  });

  it('refuses an expired screening: valid until the instant it expires (30 days, clinic setting)', () => {
    const { store, patient, clinician } = setup();
    const signed = signScreening(store, patient, clinician);
    const expires = signed.signature!.expiresAt;
    const justBefore = new Date(Date.parse(expires) - 1).toISOString();
    // That day's ASQ, PHQ-9 and GAD-7, an hour before, so only the screening decides.
    recordClearMeasures(store, patient.id, clinician.id, new Date(Date.parse(expires) - 3_600_000).toISOString());
    expect(store.session.eligibility(patient.id, justBefore).eligible).toBe(true);
    expect(store.session.eligibility(patient.id, expires).reasons).toEqual([
      { code: 'screening-expired', message: `The screening expired on ${expires.slice(0, 10)}. Screen the patient again.` },
    ]);
    expect(() => start(store, patient.id, clinician, { startedAt: expires, preDose: { vitals: { takenAt: expires, systolic: 120, diastolic: 80, heartRate: 70, spo2: 98 } } }))
      .toThrow(/expired/);
  });

  it('goes by the newest signed screening, so an amended one no longer counts', () => {
    const { store, patient, clinician } = setup();
    const original = signScreening(store, patient, clinician);
    const draft = store.screening.create({ patientId: patient.id, plannedTreatment: 'esketamine-nasal', amendsId: original.id }, clinician.id, T0);
    const fixed = store.screening.sign({ id: draft.id, expectedVersion: draft.version, acknowledgedRuleIds: [], amendmentReason: 'Typo' }, clinician, at(-30), 30);
    expect(store.session.eligibility(patient.id, START)).toMatchObject({ eligible: true, screening: { id: fixed.id, amendsId: original.id } });
  });

  it('accepts a contraindicated screening only as overridden by a prescriber, and returns the reason to show', () => {
    const { store, patient, clinician } = setup();
    signScreening(store, patient, clinician, 'esketamine-nasal', { overrides: { 'untreated-hyperthyroidism': true }, overrideReason: 'Endocrinology: treated, euthyroid' });
    expect(store.session.eligibility(patient.id, START)).toMatchObject({
      eligible: true, overrideReason: 'Endocrinology: treated, euthyroid', screening: { result: { verdict: 'contraindicated' } },
    });
    expect(start(store, patient.id, clinician).screeningId).toBeTruthy();
  });

  it('refuses a screening made for another treatment', () => {
    const { store, patient, clinician } = setup();
    signScreening(store, patient, clinician, 'iv-ketamine');
    expect(store.session.eligibility(patient.id, START, 'esketamine-nasal').reasons.map((r) => r.code)).toEqual(['screening-other-treatment']);
    expect(store.session.eligibility(patient.id, START).eligible).toBe(true);
    expect(() => start(store, patient.id, clinician)).toThrow(/was for IV ketamine, not Esketamine nasal spray/);
  });

  it('refuses while another session of the patient is open', () => {
    const { store, patient, clinician } = started();
    expect(store.session.eligibility(patient.id, at(10))).toMatchObject({ eligible: false, reasons: [{ code: 'session-open' }] });
    expect(() => start(store, patient.id, clinician, { startedAt: at(10) })).toThrow(/not been discharged/);
  });

  it('needs a consent on the current consent form, for this treatment when one is named', () => {
    const { store, clinician } = setup();
    const patient = store.createPatient(patientInput({ mrn: 'NO-CONSENT-1' }), clinician.id, T0);
    signScreening(store, patient, clinician, 'iv-ketamine');
    expect(requireConsent(store, patient.id, 'iv-ketamine')).toBeNull();
    expect(requireConsent(store, patient.id, 'esketamine-nasal')).toMatchObject({ code: 'consent-required' });
    expect(store.session.eligibility(patient.id, START, 'esketamine-nasal').reasons.map((r) => r.code)).toContain('consent-required');
    expect(() => start(store, patient.id, clinician)).toThrow(/no signed consent for Esketamine nasal spray/);
  });

  it('cannot start in the future, nor before the screening was signed', () => {
    const { store, patient, clinician } = setup();
    signScreening(store, patient, clinician);
    expect(() => start(store, patient.id, clinician, { startedAt: at(10), now: at(0) })).toThrow(expect.objectContaining({ field: 'startedAt' }));
    const early = '2026-11-25T08:00:00.000Z';
    expect(() => start(store, patient.id, clinician, { startedAt: early, now: START, preDose: { vitals: { takenAt: early, systolic: 120, diastolic: 80, heartRate: 70, spo2: 98 } } }))
      .toThrow(/before the screening was signed/);
  });
});

describe('starting a session', () => {
  it('records dose, pre-dose checks, baseline and the clinic settings in force, with an audit row', () => {
    const { store, session, clinician } = started();
    expect(session).toMatchObject({
      status: 'open', startedAt: START, startedBy: clinician.id, startedByName: 'Dr Ada Rivera',
      dose: { route: 'esketamine-nasal', deviceCount: 2, totalMg: 56 }, concerns: [], decisionReason: null,
      baseline: { systolic: 120, diastolic: 80 }, settings: { alertSystolicAbove: 180, esketamineMinObservationMinutes: 120 },
    });
    expect(store.session.history(session.id).map((h) => h.action)).toEqual(['start', 'rems-answers']);
  });

  it('needs a documented decision above 140/90, from a prescriber above 180/100', () => {
    const { store, patient, clinician, nurse } = setup();
    signScreening(store, patient, clinician);
    const high = { vitals: { takenAt: at(-5), systolic: 150, diastolic: 85, heartRate: 70, spo2: 98 } };
    expect(() => start(store, patient.id, nurse, { preDose: high })).toThrow(expect.objectContaining({ field: 'decisionReason' }));
    const severe = { vitals: { takenAt: at(-5), systolic: 185, diastolic: 85, heartRate: 70, spo2: 98 } };
    expect(() => start(store, patient.id, nurse, { preDose: severe, decisionReason: 'Feels fine' })).toThrow(/Only a prescriber/);
    const s = start(store, patient.id, clinician, { preDose: severe, decisionReason: 'Repeat 185/85; cardiology agreed' });
    expect(s).toMatchObject({ decisionReason: 'Repeat 185/85; cardiology agreed', concerns: [{ code: 'CI-BP-SEVERE', needs: 'prescriber-reason' }] });
  });

  it('computes a ketamine dose from the chart weight and the vial concentration, which must be known', () => {
    const { store, patient, clinician } = setup('iv-ketamine');
    signScreening(store, patient, clinician, 'iv-ketamine');
    const plan = { route: 'iv-ketamine', mgPerKg: 0.5 };
    expect(() => start(store, patient.id, clinician, { plan })).toThrow(expect.objectContaining({ field: 'plan.concentrationMgPerMl' }));
    store.updateSettings({ ketamineConcentrationMgPerMl: 10 }, 'Stocked vials', clinician.id, T0);
    expect(start(store, patient.id, clinician, { plan }).dose).toEqual({
      route: 'iv-ketamine', mgPerKg: 0.5, weightKg: 70, weightBasis: 'actual', weightFrom: 'chart', totalMg: 35,
      concentrationMgPerMl: 10, volumeMl: 3.5, infusionMinutes: 40,
    });
  });

  it('refuses bad pre-dose data naming the field', () => {
    const { store, patient, clinician } = setup();
    signScreening(store, patient, clinician);
    expect(() => start(store, patient.id, clinician, { preDose: { pregnancy: 'not-applicable' } })).toThrow(expect.objectContaining({ field: 'preDose.pregnancy' }));
  });
});

describe('timeline entries', () => {
  it('are saved with the alerts they fire and an audit row, and survive closing the store', () => {
    const { store, session, nurse, dir } = started();
    const w = add(store, session.id, nurse, 40, { kind: 'vitals', systolic: 185, diastolic: 95, heartRate: 88, spo2: 97 });
    expect(w.entry).toMatchObject({ at: at(40), recordedByName: 'Nurse Kim', entry: { kind: 'vitals', systolic: 185 } });
    expect(w.alerts.map((a) => a.code)).toEqual(['systolic-high', 'systolic-rise']);
    store.close();
    const reopened = openTestStore(dir);
    try {
      const view = reopened.session.view(session.id, at(41));
      expect(view.entries.map((e) => e.id)).toEqual([w.entry.id]);
      expect(view.alerts.map((a) => [a.code, a.entryId, a.acknowledgement])).toEqual([['systolic-high', w.entry.id, null], ['systolic-rise', w.entry.id, null]]);
      expect(reopened.session.history(session.id).map((h) => h.action)).toEqual(['start', 'rems-answers', 'add-entry']);
      expect(reopened.audit.verify(reopened.audit.head()).ok).toBe(true);
    } finally {
      reopened.close();
    }
  });

  it('refuse times before dosing started or in the future', () => {
    const { store, session, nurse } = started();
    const entry = entryData.parse({ kind: 'sedation', level: 1 });
    expect(() => store.session.addEntry({ sessionId: session.id, at: at(-1), entry }, nurse, at(5))).toThrow(/before dosing started/);
    expect(() => store.session.addEntry({ sessionId: session.id, at: at(10), entry }, nurse, at(5))).toThrow(expect.objectContaining({ field: 'at' }));
    expect(store.session.addEntry({ sessionId: session.id, entry }, nurse, at(5)).entry.at).toBe(at(5)); // defaults to now
  });

  it('record the end of dosing once; never for an IM injection', () => {
    const { store, session, nurse } = started();
    add(store, session.id, nurse, 5, { kind: 'dose-complete' });
    expect(() => add(store, session.id, nurse, 6, { kind: 'dose-complete' })).toThrow(/already recorded/);
    const im = started('im-ketamine');
    expect(() => add(im.store, im.session.id, im.nurse, 1, { kind: 'dose-complete' })).toThrow(/IM injection is complete when given/);
  });
});

describe('corrections', () => {
  it('add a row pointing at the entry, keep the original, and re-judge alerts from the corrected values', () => {
    const { store, session, nurse, clinician } = started();
    const typo = add(store, session.id, nurse, 40, { kind: 'vitals', systolic: 120, diastolic: 80, spo2: 39, heartRate: 70 });
    expect(typo.alerts.map((a) => a.code)).toEqual(['spo2-low']);
    const fixed = store.session.amendEntry(
      { sessionId: session.id, entryId: typo.entry.id, entry: entryData.parse({ kind: 'vitals', systolic: 120, diastolic: 80, spo2: 93, heartRate: 70 }), reason: 'Typed 39 for 93' },
      clinician, at(42),
    );
    expect(fixed.entry).toMatchObject({ amendsId: typo.entry.id, amendReason: 'Typed 39 for 93', at: at(40), recordedAt: at(42), recordedByName: 'Dr Ada Rivera' });
    expect(fixed.alerts).toEqual([]);
    const view = store.session.view(session.id, at(43));
    expect(view.entries.map((e) => [e.id, e.supersededById])).toEqual([[typo.entry.id, fixed.entry.id], [fixed.entry.id, null]]);
    expect(view.alerts).toEqual([expect.objectContaining({ code: 'spo2-low', entrySuperseded: true })]);
    expect(store.session.history(session.id).at(-1)).toMatchObject({ action: 'amend-entry', reason: 'Typed 39 for 93', clinicianName: 'Dr Ada Rivera' });
  });

  it('correct only the newest version, need a change, and can strike an entry out', () => {
    const { store, session, nurse } = started();
    const first = add(store, session.id, nurse, 10, { kind: 'sedation', level: 2 });
    const entry = entryData.parse({ kind: 'sedation', level: 2 });
    expect(() => store.session.amendEntry({ sessionId: session.id, entryId: first.entry.id, entry, reason: 'x' }, nurse, at(11))).toThrow(/Nothing was changed/);
    const second = store.session.amendEntry({ sessionId: session.id, entryId: first.entry.id, entry: null, reason: 'Wrong patient' }, nurse, at(11));
    expect(second.entry.entry).toBeNull();
    expect(() => store.session.amendEntry({ sessionId: session.id, entryId: first.entry.id, entry, reason: 'x' }, nurse, at(12))).toThrow(/correct the newest version/);
    expect(() => store.session.amendEntry({ sessionId: session.id, entryId: second.entry.id, entry, reason: 'x' }, nurse, at(12))).toThrow(/struck out/);
    expect(store.session.history(session.id).at(-1)?.action).toBe('strike-entry');
  });
});

describe('alerts', () => {
  it('are acknowledged once, with the action taken, who and when', () => {
    const { store, session, nurse, clinician } = started();
    const [alert] = add(store, session.id, nurse, 40, { kind: 'sedation', level: 3 }).alerts;
    const acked = store.session.acknowledgeAlert({ alertId: alert!.id, actionNote: 'Stimulated, airway checked, SpO2 97 %' }, clinician, at(41));
    expect(acked.acknowledgement).toEqual({ at: at(41), by: clinician.id, byName: 'Dr Ada Rivera', actionNote: 'Stimulated, airway checked, SpO2 97 %' });
    expect(() => store.session.acknowledgeAlert({ alertId: alert!.id, actionNote: 'again' }, nurse, at(42))).toThrow(/already acknowledged by Dr Ada Rivera/);
    expect(store.session.history(session.id).at(-1)).toMatchObject({ action: 'acknowledge-alert', reason: 'Stimulated, airway checked, SpO2 97 %' });
  });
});

describe('discharge', () => {
  it('is refused before readiness without a reason, and says what is missing', () => {
    const { store, session, nurse } = readyToLeave();
    const attempt = () => store.session.discharge({ sessionId: session.id, checklist: ALL, overrideReason: null }, nurse, at(119));
    expect(attempt).toThrow(expect.objectContaining({ code: 'invalid-input', field: 'overrideReason' }));
    expect(attempt).toThrow(/At least 120 minutes of observation from the first device \(Observed 119 of 120 minutes from the first device\)/);
    expect(store.session.get(session.id).status).toBe('open');
  });

  it('ends the session when ready, and then only corrections may be added', () => {
    const { store, session, nurse } = readyToLeave();
    const done = store.session.discharge({ sessionId: session.id, checklist: ALL, overrideReason: 'ignored when ready' }, nurse, at(125));
    expect(done).toMatchObject({ status: 'discharged', discharge: { at: at(125), byName: 'Nurse Kim', ready: true, unmet: [], overrideReason: null } });
    expect(() => add(store, session.id, nurse, 126, { kind: 'sedation', level: 0 })).toThrow(/has ended/);
    expect(() => store.session.discharge({ sessionId: session.id, checklist: ALL, overrideReason: null }, nurse, at(126))).toThrow(/has ended/);
    const sedation = store.session.view(session.id, at(126)).entries.find((e) => e.entry?.kind === 'sedation')!;
    const corrected = store.session.amendEntry({ sessionId: session.id, entryId: sedation.id, entry: entryData.parse({ kind: 'sedation', level: 1 }), reason: 'Was drowsy' }, nurse, at(130));
    expect(corrected.entry.amendsId).toBe(sedation.id);
    expect(() => store.session.amendEntry({ sessionId: session.id, entryId: corrected.entry.id, at: at(126), entry: entryData.parse({ kind: 'sedation', level: 0 }), reason: 'x' }, nurse, at(130)))
      .toThrow(/after discharge/);
    expect(store.session.view(session.id, at(200)).schedule).toEqual([]);
  });

  it('can be overridden with a clinician’s reason, which is kept with what was not met', () => {
    const { store, session, nurse } = readyToLeave();
    const done = store.session.discharge(
      { sessionId: session.id, checklist: { ...ALL, escortPresent: false }, overrideReason: 'Taxi arranged by clinic; patient alert' }, nurse, at(125),
    );
    expect(done.discharge).toMatchObject({
      ready: false, overrideReason: 'Taxi arranged by clinic; patient alert', unmet: ['Escort present to take the patient home: Confirm the escort is here'],
    });
    expect(store.session.history(session.id).at(-1)).toMatchObject({ action: 'discharge', reason: 'Taxi arranged by clinic; patient alert' });
  });

  it('is refused while an alert is unacknowledged, whatever the reason given', () => {
    const { store, session, nurse } = readyToLeave();
    const [alert] = add(store, session.id, nurse, 122, { kind: 'nausea-vomiting', nausea: true, vomiting: true }).alerts;
    const attempt = () => store.session.discharge({ sessionId: session.id, checklist: ALL, overrideReason: 'Leaving' }, nurse, at(125));
    expect(attempt).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(attempt).toThrow(/1 alert not yet acknowledged/);
    store.session.acknowledgeAlert({ alertId: alert!.id, actionNote: 'Ondansetron given; settled' }, nurse, at(123));
    expect(store.session.discharge({ sessionId: session.id, checklist: ALL, overrideReason: 'Vomited once, now settled' }, nurse, at(125)).status).toBe('discharged');
  });

  it('cannot be timed before the last entry', () => {
    const { store, session, nurse } = readyToLeave();
    expect(() => store.session.discharge({ sessionId: session.id, at: at(115), checklist: ALL, overrideReason: 'x' }, nurse, at(125)))
      .toThrow(/earlier than the last entry/);
  });

  it('readiness in the view follows the checklist as ticked so far', () => {
    const { store, session } = readyToLeave();
    expect(store.session.view(session.id, at(125)).readiness.ready).toBe(false);
    expect(store.session.view(session.id, at(125), ALL).readiness.ready).toBe(true);
  });
});

describe('the discharge checklist as ticked', () => {
  it('is saved with the session at each change, with an audit row, and survives closing the store', () => {
    const { store, session, nurse, dir } = readyToLeave();
    expect(store.session.view(session.id, at(125)).savedChecklist).toBeNull();
    const two = { ...ALL, walksSteadily: false, nauseaControlled: false, aftercareExplained: false };
    store.session.saveChecklist({ sessionId: session.id, checklist: two }, nurse, at(122));
    store.session.saveChecklist({ sessionId: session.id, checklist: two }, nurse, at(123));
    store.session.saveChecklist({ sessionId: session.id, checklist: ALL }, nurse, at(124));
    const ticks = store.session.history(session.id).filter((h) => h.action === 'discharge-checklist');
    expect(ticks.map((h) => [h.at, h.clinicianId, h.before, h.after])).toEqual([
      [at(122), nurse.id, null, two],
      [at(124), nurse.id, two, ALL],
    ]);
    // Only the ticks may change on an open session; every other column stays as written.
    expect(() => store.db.prepare("UPDATE sessions SET decision_reason = 'x', discharge_ticks_json = NULL").run())
      .toThrow(/sessions cannot be changed/);
    expect(() => store.db.prepare("UPDATE sessions SET location = 'Room 9'").run()).toThrow(/sessions cannot be changed/);
    store.close();
    const reopened = openTestStore(dir);
    try {
      const view = reopened.session.view(session.id, at(125));
      expect(view.savedChecklist).toEqual(ALL);
      // With nothing sent, readiness goes by the saved ticks.
      expect(view.readiness.ready).toBe(true);
      expect(reopened.audit.verify(reopened.audit.head()).ok).toBe(true);
    } finally {
      reopened.close();
    }
  });

  it('is refused once the session is discharged, in the store and by trigger', () => {
    const { store, session, nurse } = readyToLeave();
    store.session.saveChecklist({ sessionId: session.id, checklist: { ...ALL, escortPresent: false } }, nurse, at(124));
    store.session.discharge({ sessionId: session.id, checklist: ALL, overrideReason: null }, nurse, at(125));
    expect(() => store.session.saveChecklist({ sessionId: session.id, checklist: ALL }, nurse, at(126))).toThrow(
      expect.objectContaining({ code: 'conflict', field: 'sessionId' }),
    );
    expect(() => store.db.prepare("UPDATE sessions SET discharge_ticks_json = '{}'").run()).toThrow(/has ended/);
    const view = store.session.view(session.id, at(126));
    expect(view.savedChecklist).toBeNull();
    expect(view.session.discharge?.checklist).toEqual(ALL);
  });
});

describe('immutability in the database itself', () => {
  it('refuses every update and delete, and new entries after discharge, by trigger', () => {
    const { store, session, nurse } = readyToLeave();
    const [alert] = add(store, session.id, nurse, 122, { kind: 'sedation', level: 4 }).alerts;
    store.session.acknowledgeAlert({ alertId: alert!.id, actionNote: 'Recovered' }, nurse, at(123));
    store.session.discharge({ sessionId: session.id, checklist: ALL, overrideReason: 'Level 4 at 122, recovered' }, nurse, at(125));
    const db = store.db;
    const refused: Array<[string, RegExp]> = [
      ["UPDATE sessions SET decision_reason = 'x'", /sessions cannot be changed/],
      ["UPDATE sessions SET settings_json = '{}', discharge_ticks_json = NULL", /cannot be changed/],
      ['DELETE FROM sessions', /never deleted/],
      ["UPDATE session_entries SET at = 'x'", /cannot be changed; add a correction/],
      ['DELETE FROM session_entries', /never deleted/],
      ["UPDATE session_alerts SET message = 'x'", /alerts cannot be changed/],
      ['DELETE FROM session_alerts', /never deleted/],
      ["UPDATE session_alert_acks SET action_note = 'x'", /cannot be changed/],
      ['DELETE FROM session_alert_acks', /never deleted/],
      ["UPDATE session_discharges SET override_reason = NULL", /cannot be changed/],
      ['DELETE FROM session_discharges', /never deleted/],
    ];
    for (const [sql, message] of refused) expect(() => db.prepare(sql).run(), sql).toThrow(message);
    const insert = db.prepare(
      `INSERT INTO session_entries (id, session_id, at, kind, entry_json, recorded_at, recorded_by, amends_id, amend_reason)
       VALUES (?, ?, ?, 'sedation', '{"kind":"sedation","level":0,"note":null}', ?, ?, ?, ?)`,
    );
    expect(() => insert.run('e-after', session.id, at(130), at(130), nurse.id, null, null)).toThrow(/only corrections/);
    const entryId = store.session.view(session.id, at(130)).entries.find((e) => e.supersededById === null && e.entry?.kind === 'vitals')!.id;
    insert.run('fix-1', session.id, at(121), at(130), nurse.id, entryId, 'Correction');
    expect(() => insert.run('fix-2', session.id, at(121), at(130), nurse.id, entryId, 'Fork')).toThrow(/UNIQUE/);
  });

  it('refuses a correction that points into another session', () => {
    const a = started();
    const entry = add(a.store, a.session.id, a.nurse, 10, { kind: 'sedation', level: 1 });
    const other = a.store.createPatient({ ...a.patient, mrn: 'MRN-2', legalName: 'Other Patient' }, a.clinician.id, T0);
    signScreening(a.store, other, a.clinician);
    const b = start(a.store, other.id, a.clinician);
    expect(() => a.store.db.prepare(
      `INSERT INTO session_entries (id, session_id, at, kind, entry_json, recorded_at, recorded_by, amends_id, amend_reason)
       VALUES ('x', ?, ?, NULL, NULL, ?, ?, ?, 'r')`,
    ).run(b.id, at(10), at(10), a.nurse.id, entry.entry.id)).toThrow(/same session/);
  });
});

describe('the chart and the record', () => {
  it('lists a patient’s sessions newest first, with alert counts, in one query', () => {
    const { store, patient, clinician, nurse } = setup();
    signScreening(store, patient, clinician);
    const first = start(store, patient.id, clinician, { startedAt: at(0) });
    const [alert] = add(store, first.id, nurse, 10, { kind: 'sedation', level: 3 }).alerts;
    add(store, first.id, nurse, 11, { kind: 'dose-complete' });
    store.session.acknowledgeAlert({ alertId: alert!.id, actionNote: 'Roused' }, nurse, at(12));
    store.session.discharge({ sessionId: first.id, checklist: ALL, overrideReason: 'Test' }, nurse, at(20));
    // A second session the same day is too early for the course: the prescriber's documented decision.
    const second = start(store, patient.id, clinician, { startedAt: at(30), decisionReason: 'Test: second session the same day', preDose: { vitals: { takenAt: at(25), systolic: 120, diastolic: 80, heartRate: 70, spo2: 98 } } });
    add(store, second.id, nurse, 40, { kind: 'vitals', spo2: 90 });
    expect(store.session.listForPatient(patient.id)).toEqual([
      expect.objectContaining({ id: second.id, status: 'open', alertCount: 1, openAlertCount: 1, dischargedAt: null }),
      expect.objectContaining({ id: first.id, status: 'discharged', alertCount: 1, openAlertCount: 0, dischargedByName: 'Nurse Kim', dischargeOverridden: true, totalMg: 56, deviceCount: 2 }),
    ]);
  });

  it('holds every field the REMS monitoring form asks for, as far as REFERENCE could establish them', () => {
    const { store, session, nurse, patient } = readyToLeave();
    const [raised] = add(store, session.id, nurse, 40, { kind: 'vitals', systolic: 168, diastolic: 92, heartRate: 90, spo2: 92 }).alerts;
    for (const a of store.session.view(session.id, at(41)).alerts) store.session.acknowledgeAlert({ alertId: a.id, actionNote: 'Observed, rechecked' }, nurse, at(41));
    add(store, session.id, nurse, 30, { kind: 'sedation', level: 2 });
    add(store, session.id, nurse, 30, { kind: 'dissociation', level: 'moderate' });
    add(store, session.id, nurse, 31, { kind: 'adverse-event', description: 'Brief apnoea', respiratoryDepression: true });
    add(store, session.id, nurse, 31, { kind: 'intervention', description: 'Jaw thrust, O2 2 L/min' });
    store.session.discharge({ sessionId: session.id, checklist: ALL, overrideReason: null }, nurse, at(125));
    const record = store.session.record(session.id, at(130));
    expect(raised).toBeDefined();
    expect(record).toMatchObject({
      format: 'ketadesk-session-record/v1',
      patient: { id: patient.id, legalName: 'Maria Lopez', mrn: 'MRN-1001', dateOfBirth: '1980-03-14' },
      session: { route: 'esketamine-nasal', routeLabel: 'Esketamine nasal spray', date: expect.stringMatching(/^2026-11-2[45]$/), startedByName: 'Dr Ada Rivera' },
      screening: { verdict: 'clear' },
      dose: { totalMg: 56, deviceCount: 2 },
      dosingEndedAt: at(5),
      preDose: { vitals: { takenAt: at(-10), systolic: 120, diastolic: 80 } },
      sedation: { occurred: true, worstLevel: 2 },
      dissociation: { occurred: true, worst: 'moderate' },
      respiratoryDepression: { occurred: true, evidence: ['SpO2 92 % is below the alert limit of 93 %', 'Brief apnoea'] },
      bpIncrease: { occurred: true, evidence: [expect.stringMatching(/^Systolic 168 mmHg is 48 mmHg above/)] },
      adverseEvents: [{ description: 'Brief apnoea', recordedByName: 'Nurse Kim' }],
      interventions: [{ description: 'Jaw thrust, O2 2 L/min' }],
      observation: { from: at(0), until: at(125), minutes: 125, countsFrom: 'the first device' },
      discharge: { at: at(125), byName: 'Nurse Kim', stableAtDischarge: true, overrideReason: null },
    });
    expect(record.postDoseVitals.map((v) => [v.at, v.systolic])).toEqual([[at(40), 168], [at(116), 126]]);
    expect(record.alerts.every((a) => a.acknowledgedByName === 'Nurse Kim')).toBe(true);
    expect(record.formNote).toMatch(/REMS Patient Monitoring Form/);
    expect(record.formNote).not.toMatch(/unverified|REFERENCE|\[S\d/);
  });

  it('freezes the clinic’s thresholds into the session, so a change mid-session does not re-judge it', () => {
    const { store, session, nurse, clinician } = started();
    store.updateSettings({ alertSedationLevelAtLeast: 2 }, 'Stricter', clinician.id, at(1));
    expect(add(store, session.id, nurse, 10, { kind: 'sedation', level: 2 }).alerts).toEqual([]);
    expect(store.session.get(session.id).settings.alertSedationLevelAtLeast).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { CONSENT_FORM } from '../../shared/printouts/consent';
import { fromSessionRecord } from '../../shared/printouts/session-record';
import { ADMIN_PASSPHRASE, useGate } from '../helpers/gate-fixture';
import { COURSE_ORDERS, preDoseInput, recordClearMeasures, screeningAnswers } from '../helpers/session-fixture';
import { T0 } from '../helpers/store-fixture';

const gates = useGate();
const signature = { passphrase: ADMIN_PASSPHRASE };
const utcClock = (iso: string) => iso.slice(11, 16);

/** A clinic with a patient, their consent and a signed clear screening, all through dispatch with signatures. */
async function screenedPatient() {
  const h = await gates.setUp();
  const patient = await h.ok('patients.create', { legalName: 'Maria Lopez', dateOfBirth: '1980-03-14', sex: 'female', mrn: 'MRN-5501', weightKg: 70 });
  await h.ok('consents.recordSigned', { patientId: patient.id, formVersion: CONSENT_FORM.version, plannedTreatment: 'esketamine-nasal', witnessName: 'Jo Witness', signedAt: T0, signature });
  const draft = await h.ok('screenings.create', { patientId: patient.id, plannedTreatment: 'esketamine-nasal' });
  const saved = await h.ok('screenings.save', { id: draft.id, expectedVersion: draft.version, answers: screeningAnswers('esketamine-nasal') });
  const signed = await h.ok('screenings.sign', { id: saved.id, expectedVersion: saved.version, acknowledgedRuleIds: [], signature });
  // The day's ASQ, PHQ-9 and GAD-7 the suicide-risk gate asks for before a session.
  recordClearMeasures(h.gate.requireStore(), patient.id, signed.signature!.signedBy, h.ctx.now().toISOString());
  await h.ok('rems.recordEnrollment', { patientId: patient.id, enrolled: true, enrolledOn: T0.slice(0, 10) });
  await h.ok('courses.create', { patientId: patient.id, route: 'esketamine-nasal', indication: 'trd', ...COURSE_ORDERS['esketamine-nasal'], signature });
  return { h, patient, signed };
}

describe('signatures come back with what they signed', () => {
  it('a screening carries its signature, in the sign answer and when read again; a draft has none', async () => {
    const { h, patient, signed } = await screenedPatient();
    const expected = [expect.objectContaining({
      clinicianName: 'Dr Ada Rivera', clinicianCredentials: 'MD', role: 'prescriber', method: 'passphrase',
      meaning: 'signed screening (verdict: clear)', entity: 'screening', entityId: signed.id,
    })];
    expect(signed.signatures).toEqual(expected);
    expect((await h.ok('screenings.get', { id: signed.id })).signatures).toEqual(expected);
    expect((await h.ok('screenings.listForPatient', { patientId: patient.id }))[0]?.signatures).toEqual(expected);
    const amending = await h.ok('screenings.create', { patientId: patient.id, plannedTreatment: 'esketamine-nasal', amendsId: signed.id });
    expect(amending.signatures).toEqual([]);
  });

  it('a session record carries its signatures, and the monitoring record prints them as lines', async () => {
    const { h, patient } = await screenedPatient();
    // An hour at the workstation, never idle long enough to lock.
    for (let minute = 0; minute < 60; minute += 4) {
      h.advance(4 * 60_000);
      await h.ok('auth.activity', {});
    }
    const started = await h.ok('sessions.start', {
      patientId: patient.id, plan: { route: 'esketamine-nasal', deviceCount: 2 },
      preDose: { ...preDoseInput(), vitals: { ...preDoseInput().vitals, takenAt: '2026-11-25T09:50:00.000Z' } },
    });
    const id = started.session.id;
    const entry = await h.ok('sessions.addEntry', { sessionId: id, entry: { kind: 'dissociation', level: 'none' } });
    expect((await h.ok('sessions.record', { id })).signatures).toEqual([]);
    h.advance(60_000);
    await h.ok('sessions.amendEntry', {
      sessionId: id, entryId: entry.entry.id, entry: { kind: 'dissociation', level: 'mild' }, reason: 'Wrong level ticked', signature,
    });
    const record = await h.ok('sessions.record', { id });
    expect(record.signatures).toEqual([expect.objectContaining({
      meaning: 'corrected a timeline entry: Wrong level ticked', entity: 'session', entityId: id, at: '2026-11-25T10:01:00.000Z',
    })]);
    expect(fromSessionRecord(record, utcClock).signatures).toEqual([
      expect.stringMatching(/^Signed electronically by Dr Ada Rivera, MD \(prescriber\), 25 Nov 2026 10:01 — corrected a timeline entry: Wrong level ticked$/),
    ]);
  });
});

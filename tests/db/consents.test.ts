import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requireConsent } from '../../db/session-gates';
import { dispatch } from '../../electron/dispatch';
import { CONSENT_FORM } from '../../shared/printouts';
import { sessionStart } from '../../shared/session/schemas';
import { addMinutes } from '../../shared/session/time';
import { ADMIN_PASSPHRASE, useGate } from '../helpers/gate-fixture';
import { PLANS, preDoseInput, signScreening, START } from '../helpers/session-fixture';
import { openTestStore, patientInput, T0, useTempStore } from '../helpers/store-fixture';
import { makeTempDir } from '../helpers/temp-dir';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const open = useTempStore();
const gates = useGate();

const form = { formVersion: CONSENT_FORM.version, plannedTreatment: 'iv-ketamine' } as const;
const later = (minutes: number) => addMinutes(T0, minutes);

function withPatient() {
  const ctx = open();
  const patient = ctx.store.createPatient(patientInput({ weightKg: 70 }), ctx.clinician.id, T0);
  return { ...ctx, patient };
}

describe('recording the patient’s answer', () => {
  it('records a signed consent with its witness and the time signed, audited', () => {
    const { store, clinician, patient } = withPatient();
    expect(store.consent.standing(patient.id, 'iv-ketamine')).toEqual({ state: 'none' });

    const entry = store.consent.recordSigned({ patientId: patient.id, ...form, witnessName: 'Jo Witness', signedAt: later(-30) }, clinician.id, T0);
    expect(entry).toMatchObject({
      patientId: patient.id, formVersion: CONSENT_FORM.version, formDate: CONSENT_FORM.date, plannedTreatment: 'iv-ketamine',
      answer: 'signed', status: 'signed', answeredAt: later(-30), witnessName: 'Jo Witness', recordedOnPrinting: false, withdrawal: null,
      recordedAt: T0, recordedBy: clinician.id, recordedByName: 'Dr Ada Rivera', current: true,
    });
    expect(store.consent.listForPatient(patient.id)).toEqual([entry]);
    expect(store.consent.standing(patient.id, 'iv-ketamine')).toEqual({ state: 'consented', consent: entry });
    expect(store.consent.standing(patient.id, 'esketamine-nasal')).toEqual({ state: 'none' });
    expect(requireConsent(store, patient.id, 'iv-ketamine')).toBeNull();
    expect(requireConsent(store, patient.id, null)).toBeNull();
    expect(requireConsent(store, patient.id, 'esketamine-nasal')?.message).toMatch(/no signed consent for Esketamine nasal spray/);

    expect(store.audit.history('consent', entry.id)).toMatchObject([{ action: 'record-signed', clinicianId: clinician.id, before: null, after: entry }]);
    expect(store.audit.verify(store.audit.head()).ok).toBe(true);
  });

  it('records a decline, which blocks a session even after an earlier signed consent', () => {
    const { store, clinician, patient } = withPatient();
    store.consent.recordSigned({ patientId: patient.id, ...form, witnessName: 'Jo Witness', signedAt: later(-60) }, clinician.id, T0);
    const declined = store.consent.recordDeclined({ patientId: patient.id, ...form, witnessName: null, declinedAt: later(-10) }, clinician.id, T0);
    expect(declined).toMatchObject({ answer: 'declined', status: 'declined', witnessName: null, answeredAt: later(-10) });
    expect(store.consent.listForPatient(patient.id).map((c) => c.status)).toEqual(['declined', 'signed']);
    expect(store.consent.standing(patient.id, 'iv-ketamine').state).toBe('declined');
    expect(requireConsent(store, patient.id, 'iv-ketamine')?.message).toMatch(/declined consent for IV ketamine on 2026-11-25/);
    expect(store.audit.history('consent', declined.id)).toMatchObject([{ action: 'record-declined' }]);
  });

  it('the latest answer decides, by when the patient answered, not when it was typed in', () => {
    const { store, clinician, patient } = withPatient();
    store.consent.recordDeclined({ patientId: patient.id, ...form, witnessName: null, declinedAt: later(-10) }, clinician.id, T0);
    // Typed in after the decline, but signed before it: the decline still stands.
    store.consent.recordSigned({ patientId: patient.id, ...form, witnessName: 'Jo Witness', signedAt: later(-20) }, clinician.id, later(1));
    expect(store.consent.standing(patient.id, 'iv-ketamine').state).toBe('declined');
    store.consent.recordSigned({ patientId: patient.id, ...form, witnessName: 'Jo Witness', signedAt: later(2) }, clinician.id, later(2));
    expect(store.consent.standing(patient.id, 'iv-ketamine').state).toBe('consented');
  });

  it('refuses a time in the future, a form not in force and an unknown patient', () => {
    const { store, clinician, patient } = withPatient();
    const signed = { patientId: patient.id, ...form, witnessName: 'Jo Witness', signedAt: later(-1) };
    expect(() => store.consent.recordSigned({ ...signed, signedAt: later(10) }, clinician.id, T0)).toThrow(
      expect.objectContaining({ field: 'signedAt', message: 'The time cannot be in the future' }),
    );
    expect(() => store.consent.recordDeclined({ patientId: patient.id, ...form, witnessName: null, declinedAt: later(10) }, clinician.id, T0)).toThrow(
      expect.objectContaining({ field: 'declinedAt' }),
    );
    expect(() => store.consent.recordSigned({ ...signed, formVersion: '0' }, clinician.id, T0)).toThrow(/not the current form/);
    expect(() => store.consent.recordSigned({ ...signed, patientId: '00000000-0000-4000-8000-000000000000' }, clinician.id, T0)).toThrow(/does not exist/);
    expect(store.consent.listForPatient(patient.id)).toEqual([]);
  });
});

describe('withdrawing a consent', () => {
  it('appends the withdrawal (who, when, why), audited, and blocks sessions until a new signed consent', () => {
    const { store, clinician, patient } = withPatient();
    signScreening(store, patient, clinician, 'iv-ketamine'); // signs a consent at T0 too
    const [signed] = store.consent.listForPatient(patient.id);
    expect(store.session.eligibility(patient.id, START, 'iv-ketamine').eligible).toBe(true);

    const withdrawn = store.consent.withdraw({ consentId: signed!.id, withdrawnAt: later(20), reason: 'Changed their mind after reading it again' }, clinician.id, later(30));
    expect(withdrawn).toMatchObject({
      id: signed!.id, answer: 'signed', status: 'withdrawn',
      withdrawal: { withdrawnAt: later(20), reason: 'Changed their mind after reading it again', recordedAt: later(30), recordedBy: clinician.id, recordedByName: 'Dr Ada Rivera' },
    });
    expect(store.audit.history('consent', signed!.id).map((a) => [a.action, a.reason])).toEqual([
      ['record-signed', null], ['withdraw', 'Changed their mind after reading it again'],
    ]);
    expect(store.audit.history('consent', signed!.id)[1]).toMatchObject({ before: signed, after: withdrawn });

    const gate = store.session.eligibility(patient.id, START, 'iv-ketamine');
    expect(gate.reasons).toEqual([{ code: 'consent-required', message: expect.stringMatching(/withdrew consent for IV ketamine on 2026-11-25 \(Changed their mind/) }]);
    const input = sessionStart.parse({ patientId: patient.id, startedAt: START, plan: PLANS['iv-ketamine'], preDose: preDoseInput() });
    expect(() => store.session.start(input, clinician, START)).toThrow(/withdrew consent/);

    store.consent.recordSigned({ patientId: patient.id, ...form, witnessName: 'Jo Witness', signedAt: later(40) }, clinician.id, later(40));
    expect(store.session.eligibility(patient.id, START, 'iv-ketamine').eligible).toBe(true);
    expect(store.session.start(input, clinician, START)).toMatchObject({ route: 'iv-ketamine', status: 'open' });
  });

  it('needs a reason, a signed and not yet withdrawn consent, and a time between signing and now', () => {
    const { store, clinician, patient } = withPatient();
    const signed = store.consent.recordSigned({ patientId: patient.id, ...form, witnessName: 'Jo Witness', signedAt: later(-30) }, clinician.id, T0);
    const declined = store.consent.recordDeclined({ patientId: patient.id, ...form, witnessName: null, declinedAt: later(-5) }, clinician.id, T0);
    const withdraw = (consentId: string, withdrawnAt: string) => store.consent.withdraw({ consentId, withdrawnAt, reason: 'Asked to stop' }, clinician.id, T0);
    expect(() => withdraw(declined.id, later(-1))).toThrow(/Only a signed consent/);
    expect(() => withdraw(signed.id, later(-31))).toThrow(expect.objectContaining({ field: 'withdrawnAt', message: expect.stringMatching(/before the consent was signed/) }));
    expect(() => withdraw(signed.id, later(10))).toThrow(expect.objectContaining({ field: 'withdrawnAt', message: 'The time cannot be in the future' }));
    expect(() => withdraw('00000000-0000-4000-8000-000000000000', later(-1))).toThrow(/does not exist/);
    withdraw(signed.id, later(-1));
    expect(() => withdraw(signed.id, later(-1))).toThrow(/already been withdrawn/);
    expect(() => store.db.prepare("INSERT INTO consent_withdrawals VALUES (?, ?, '  ', ?, ?)").run(declined.id, T0, T0, clinician.id)).toThrow(/CHECK/);
  });

  it('never changes or deletes an entry or a withdrawal', () => {
    const { store, clinician, patient } = withPatient();
    const signed = store.consent.recordSigned({ patientId: patient.id, ...form, witnessName: 'Jo Witness', signedAt: T0 }, clinician.id, T0);
    store.consent.withdraw({ consentId: signed.id, withdrawnAt: T0, reason: 'Asked to stop' }, clinician.id, T0);
    expect(() => store.db.prepare("UPDATE consents SET answer = 'declined'").run()).toThrow(/cannot be changed/);
    expect(() => store.db.prepare('DELETE FROM consents').run()).toThrow(/never deleted/);
    expect(() => store.db.prepare("UPDATE consent_withdrawals SET reason = 'x'").run()).toThrow(/cannot be changed/);
    expect(() => store.db.prepare('DELETE FROM consent_withdrawals').run()).toThrow(/never deleted/);
  });
});

describe('consent channels', () => {
  it('are signed actions whose meaning names the form, the treatment, the witness or the reason; printing records nothing', async () => {
    const h = await gates.setUp();
    const store = h.gate.requireStore();
    const patient = store.createPatient(patientInput({ mrn: 'KD 7/1' }), h.adminId, T0);
    let clock = Date.parse(T0);
    const ctx = { ...h.ctx, now: () => new Date((clock += 60_000)) };
    const signature = { passphrase: ADMIN_PASSPHRASE };
    const signedInput = { patientId: patient.id, formVersion: CONSENT_FORM.version, plannedTreatment: 'esketamine-nasal', witnessName: 'Jo Witness', signedAt: T0 };

    expect(await dispatch('print.document', { document: 'consent', patientId: patient.id, onDay: '2026-11-25', action: 'print' }, ctx)).toMatchObject({ ok: true });
    expect(await dispatch('consents.listForPatient', { patientId: patient.id }, ctx)).toEqual({ ok: true, data: [] });

    expect(await dispatch('consents.recordSigned', signedInput, ctx)).toMatchObject({ ok: false, error: { field: 'signature' } });
    expect(await dispatch('consents.recordSigned', { ...signedInput, witnessName: ' ', signature }, ctx)).toMatchObject({ ok: false, error: { field: 'witnessName' } });
    expect(await dispatch('consents.recordSigned', { ...signedInput, signedAt: 'yesterday', signature }, ctx)).toMatchObject({ ok: false, error: { field: 'signedAt' } });
    const signed = await dispatch('consents.recordSigned', { ...signedInput, signature }, ctx);
    const declined = await dispatch('consents.recordDeclined', { patientId: patient.id, formVersion: CONSENT_FORM.version, plannedTreatment: 'im-ketamine', declinedAt: T0, signature }, ctx);
    expect(signed.ok && declined.ok).toBe(true);
    const id = (r: typeof signed) => (r as { data: { id: string } }).data.id;
    expect(await dispatch('consents.withdraw', { consentId: id(signed), withdrawnAt: T0, reason: ' ', signature }, ctx)).toMatchObject({ ok: false, error: { field: 'reason' } });
    expect(await dispatch('consents.withdraw', { consentId: id(signed), withdrawnAt: T0, reason: 'Changed their mind', signature }, ctx)).toMatchObject({ ok: true, data: { status: 'withdrawn' } });

    const list = await dispatch('consents.listForPatient', { patientId: patient.id }, ctx);
    expect(list.ok && (list.data as Array<{ status: string }>).map((c) => c.status).sort()).toEqual(['declined', 'withdrawn']);
    const v = CONSENT_FORM.version;
    expect(store.signatures.forEntity('consent', id(signed)).map((s) => s.meaning)).toEqual([
      `recorded that the patient signed the consent form (form version ${v}, esketamine nasal spray), witnessed by Jo Witness`,
      `recorded that the patient withdrew consent (form version ${v}, esketamine nasal spray): Changed their mind`,
    ]);
    expect(store.signatures.forEntity('consent', id(declined)).map((s) => s.meaning)).toEqual([`recorded that the patient declined consent (form version ${v}, IM ketamine)`]);
  });
});

describe('a clinic from before consent answers (migration 9)', () => {
  it('keeps its consents meaning what they meant: signed, when printed, on their form version; its sessions read as before', () => {
    const { dir, cleanup } = makeTempDir();
    try {
      copyFileSync(join(FIXTURES, 'clinic-v5.sqlite'), join(dir, 'ketadesk.sqlite'));
      const store = openTestStore(dir);
      const patients = store.patients.search('', 10).patients;
      const maria = patients.find((p) => p.legalName === 'Maria Lopez')!;
      const [consent] = store.consent.listForPatient(maria.id);
      expect(consent).toMatchObject({
        formVersion: '1', plannedTreatment: 'esketamine-nasal', answer: 'signed', status: 'signed', answeredAt: '2026-11-25T09:00:00.000Z',
        recordedAt: '2026-11-25T09:00:00.000Z', witnessName: null, recordedOnPrinting: true, withdrawal: null, current: false,
      });
      // As before: a consent on an older form does not let a new session start; the patient signs the form in force.
      expect(store.consent.standing(maria.id, 'esketamine-nasal').state).toBe('older-form');
      expect(requireConsent(store, maria.id, 'esketamine-nasal')?.message).toMatch(/older consent form \(version 1\)/);
      // A consent from printing can be withdrawn like any signed one.
      expect(store.consent.withdraw({ consentId: consent!.id, withdrawnAt: '2026-11-26T09:00:00.000Z', reason: 'Moved away' }, consent!.recordedBy, '2026-11-26T09:00:00.000Z').status).toBe('withdrawn');

      const [session] = store.session.listForPatient(maria.id);
      const raw = store.db.prepare('SELECT settings_json FROM sessions WHERE id = ?').pluck().get(session!.id) as string;
      expect(store.session.get(session!.id).settings).toEqual(JSON.parse(raw));
      expect(store.session.record(session!.id, '2026-11-26T09:00:00.000Z').postDoseVitals).toHaveLength(2);
      store.close();
    } finally {
      cleanup();
    }
  });
});

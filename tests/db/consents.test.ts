import { ADMIN_PASSPHRASE, useGate } from '../helpers/gate-fixture';
import { describe, expect, it } from 'vitest';
import { requireConsent } from '../../db/session-gates';
import { dispatch } from '../../electron/dispatch';
import { CONSENT_FORM } from '../../shared/printouts';
import { patientInput, T0, useTempStore } from '../helpers/store-fixture';

const open = useTempStore();
const gates = useGate();

describe('consent entries', () => {
  it('records the current form version for a patient, by whom and when, with an audit row', () => {
    const { store, clinician } = open();
    const patient = store.createPatient(patientInput(), clinician.id, T0);
    expect(store.consent.hasCurrentConsent(patient.id)).toBe(false);

    const entry = store.consent.record({ patientId: patient.id, formVersion: CONSENT_FORM.version, plannedTreatment: 'iv-ketamine' }, clinician.id, T0);
    expect(entry).toMatchObject({
      patientId: patient.id, formVersion: CONSENT_FORM.version, formDate: CONSENT_FORM.date, plannedTreatment: 'iv-ketamine',
      recordedAt: T0, recordedBy: clinician.id, recordedByName: 'Dr Ada Rivera', current: true,
    });
    expect(store.consent.listForPatient(patient.id)).toEqual([entry]);
    expect(store.consent.hasCurrentConsent(patient.id)).toBe(true);
    expect(store.consent.hasCurrentConsent(patient.id, 'iv-ketamine')).toBe(true);
    expect(store.consent.hasCurrentConsent(patient.id, 'esketamine-nasal')).toBe(false);
    expect(requireConsent(store, patient.id, 'esketamine-nasal')?.message).toMatch(/no consent on the current consent form/);
    expect(requireConsent(store, patient.id, null)).toBeNull();

    const audit = store.audit.history('consent', entry.id);
    expect(audit).toMatchObject([{ action: 'record', clinicianId: clinician.id, after: entry }]);
    expect(store.audit.verify(store.audit.head()).ok).toBe(true);
  });

  it('refuses a form version that is not in force, and an unknown patient', () => {
    const { store, clinician } = open();
    const patient = store.createPatient(patientInput(), clinician.id, T0);
    expect(() => store.consent.record({ patientId: patient.id, formVersion: '0', plannedTreatment: 'iv-ketamine' }, clinician.id, T0)).toThrow(
      /not the current form/,
    );
    expect(() =>
      store.consent.record({ patientId: '00000000-0000-4000-8000-000000000000', formVersion: CONSENT_FORM.version, plannedTreatment: 'iv-ketamine' }, clinician.id, T0),
    ).toThrow(/does not exist/);
    expect(store.consent.listForPatient(patient.id)).toEqual([]);
  });

  it('never changes or deletes an entry', () => {
    const { store, clinician } = open();
    const patient = store.createPatient(patientInput(), clinician.id, T0);
    store.consent.record({ patientId: patient.id, formVersion: CONSENT_FORM.version, plannedTreatment: 'iv-ketamine' }, clinician.id, T0);
    expect(() => store.db.prepare("UPDATE consents SET form_version = '0'").run()).toThrow(/cannot be changed/);
    expect(() => store.db.prepare('DELETE FROM consents').run()).toThrow(/never deleted/);
  });

  it('goes through the contract: record is a signed action; list is newest first; print names the file', async () => {
    const h = await gates.setUp();
    const store = h.gate.requireStore();
    const patient = store.createPatient(patientInput({ mrn: 'KD 7/1' }), h.adminId, T0);
    let clock = Date.parse(T0);
    const ctx = { ...h.ctx, now: () => new Date((clock += 60_000)) };
    const input = { patientId: patient.id, formVersion: CONSENT_FORM.version, plannedTreatment: 'esketamine-nasal' };
    const signature = { passphrase: ADMIN_PASSPHRASE };
    expect(await dispatch('consents.record', input, ctx)).toMatchObject({ ok: false, error: { field: 'signature' } });
    const first = await dispatch('consents.record', { ...input, signature }, ctx);
    const second = await dispatch('consents.record', { ...input, plannedTreatment: 'iv-ketamine', signature }, ctx);
    expect(first.ok && second.ok).toBe(true);
    const list = await dispatch('consents.listForPatient', { patientId: patient.id }, ctx);
    expect(list.ok && (list.data as Array<{ plannedTreatment: string }>).map((c) => c.plannedTreatment)).toEqual(['iv-ketamine', 'esketamine-nasal']);
    expect(await dispatch('consents.record', { ...input, formVersion: '', signature }, ctx)).toMatchObject({ ok: false, error: { field: 'formVersion' } });
    expect(store.signatures.forEntity('consent', (first as { data: { id: string } }).data.id).map((s) => s.meaning))
      .toEqual([`recorded consent (form version ${CONSENT_FORM.version}, esketamine nasal spray)`]);

    expect(await dispatch('print.document', { document: 'consent', patientId: patient.id, onDay: '2026-11-25', action: 'save-pdf' }, ctx)).toEqual({
      ok: true, data: { fileName: 'consent-form-KD_7_1-2026-11-25.pdf', paperSize: 'a4', outcome: 'ready' },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { T0, patientInput, useTempStore } from '../helpers/store-fixture';

const open = useTempStore();

function storeWithHistory() {
  const ctx = open();
  const { store, clinician } = ctx;
  const p = store.createPatient(patientInput(), clinician.id, T0);
  store.amendPatient(
    { id: p.id, expectedVersion: 1, fields: patientInput({ weightKg: 70 }), reason: 'Weighed today' },
    clinician.id,
    '2026-11-25T09:05:00.000Z',
  );
  store.createPatient(patientInput({ mrn: 'MRN-2', legalName: 'Sam Okafor' }), clinician.id, T0);
  return { ...ctx, patient: p };
}

describe('audit log', () => {
  it('records who created and amended a record, when and why, with before and after', () => {
    const { store, clinician, patient } = storeWithHistory();
    const history = store.audit.history('patient', patient.id);
    expect(history.map((h) => h.action)).toEqual(['create', 'amend']);
    const amend = history[1]!;
    expect(amend).toMatchObject({ clinicianId: clinician.id, clinicianName: 'Dr Ada Rivera', reason: 'Weighed today' });
    expect(amend.at).toBe('2026-11-25T09:05:00.000Z');
    expect((amend.before as { weightKg: unknown }).weightKg).toBeNull();
    expect((amend.after as { weightKg: unknown }).weightKg).toBe(70);
  });

  it('verifies an untouched chain', () => {
    const { store } = storeWithHistory();
    expect(store.audit.verify()).toEqual({ ok: true, rows: 4, firstBadSeq: null });
  });

  it('refuses updates and deletes of audit rows', () => {
    const { store } = storeWithHistory();
    expect(() => store.db.prepare("UPDATE audit_log SET reason = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
  });

  it('detects a row edited behind its back', () => {
    const { store } = storeWithHistory();
    store.db.exec('DROP TRIGGER audit_log_no_update');
    store.db.prepare(`UPDATE audit_log SET after_json = replace(after_json, '70', '95') WHERE seq = 3`).run();
    expect(store.audit.verify()).toEqual({ ok: false, rows: 3, firstBadSeq: 3 });
  });

  it('detects a row deleted from the middle of the chain', () => {
    const { store } = storeWithHistory();
    store.db.exec('DROP TRIGGER audit_log_no_delete');
    store.db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(store.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('is only written inside the transaction of the change it records', () => {
    const { store, clinician } = open();
    expect(() =>
      store.audit.append({ at: T0, clinicianId: clinician.id, entity: 'patient', entityId: 'x', action: 'create', before: null, after: null }),
    ).toThrow(/inside/);
  });
});

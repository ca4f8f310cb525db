import { createHash } from 'node:crypto';
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
    expect(store.audit.verify(store.audit.head())).toEqual({ ok: true, rows: 4, firstBadSeq: null, problem: null });
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
    expect(store.audit.verify(null)).toMatchObject({ ok: false, rows: 3, firstBadSeq: 3 });
  });

  it('detects a row deleted from the middle of the chain', () => {
    const { store } = storeWithHistory();
    store.db.exec('DROP TRIGGER audit_log_no_delete');
    store.db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(store.audit.verify(null)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('detects deleted newest rows against the head kept beside the database', () => {
    const { store } = storeWithHistory();
    const head = store.audit.head();
    store.db.exec('DROP TRIGGER audit_log_no_delete');
    store.db.prepare('DELETE FROM audit_log WHERE seq >= 3').run();
    expect(store.audit.verify(null)).toMatchObject({ ok: true });
    expect(store.audit.verify(head)).toMatchObject({ ok: false, firstBadSeq: 4, problem: expect.stringMatching(/newest rows were removed/) });
  });

  it('detects a chain rewritten and recomputed with plain SHA-256', () => {
    const { store } = storeWithHistory();
    const head = store.audit.head();
    store.db.exec('DROP TRIGGER audit_log_no_update');
    // What someone with write access but no key can do: edit a row and recompute every link with SHA-256.
    const rows = store.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Array<Record<string, string | number | null>>;
    let prev = '0'.repeat(64);
    for (const r of rows) {
      const after = r.seq === 3 ? String(r.after_json).replace('70', '95') : r.after_json;
      const hash = createHash('sha256')
        .update(JSON.stringify([prev, r.at, r.clinician_id, r.entity, r.entity_id, r.action, r.before_json, after, r.reason]))
        .digest('hex');
      store.db.prepare("UPDATE audit_log SET after_json = ?, prev_hash = ?, hash = ?, alg = 'sha256' WHERE seq = ?").run(after, prev, hash, r.seq);
      prev = hash;
    }
    expect(store.audit.verify(head)).toMatchObject({ ok: false, firstBadSeq: 4, problem: expect.stringMatching(/differs from the one recorded/) });
  });

  it('detects a row chained without the key after keyed rows', () => {
    const { store } = storeWithHistory();
    store.db.exec('DROP TRIGGER audit_log_no_update');
    store.db.prepare("UPDATE audit_log SET alg = 'sha256' WHERE seq = 2").run();
    expect(store.audit.verify(null)).toMatchObject({ ok: false, firstBadSeq: 2, problem: expect.stringMatching(/without the database key/) });
  });

  it('is only written inside the transaction of the change it records', () => {
    const { store, clinician } = open();
    expect(() =>
      store.audit.append({ at: T0, clinicianId: clinician.id, entity: 'patient', entityId: 'x', action: 'create', before: null, after: null }),
    ).toThrow(/inside/);
  });
});

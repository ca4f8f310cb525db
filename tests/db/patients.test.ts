import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/result';
import { T0, patientInput, useTempStore } from '../helpers/store-fixture';

const open = useTempStore();
const LATER = '2026-11-25T10:00:00.000Z';

describe('creating patients', () => {
  it('stores every field and who created the record', () => {
    const { store, clinician } = open();
    const input = patientInput({
      preferredName: 'Mari', weightKg: 64.5, heightCm: 168, allergyStatus: 'recorded', allergies: 'Penicillin',
      emergencyContactName: 'Luis Lopez', emergencyContactPhone: '+1 555 0100', notes: 'Prefers mornings',
    });
    const created = store.createPatient(input, clinician.id, T0);
    expect(store.patients.get(created.id)).toEqual({
      ...input, id: created.id, version: 1, createdAt: T0, createdBy: clinician.id, updatedAt: T0, updatedBy: clinician.id,
    });
  });

  it('refuses a medical record number that already exists, ignoring case and spaces', () => {
    const { store, clinician } = open();
    store.createPatient(patientInput({ mrn: 'AB 123' }), clinician.id, T0);
    const attempt = () => store.createPatient(patientInput({ mrn: 'ab123', legalName: 'Other Person' }), clinician.id, T0);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'conflict', field: 'mrn' }));
    expect(store.patients.search('', 10).patients).toHaveLength(1);
    expect(store.audit.verify(store.audit.head()).rows).toBe(2); // clinician + one patient: the refused write left no trace
  });
});

describe('amending patients', () => {
  it('keeps the old values in the audit log with the reason, and bumps the version', () => {
    const { store, clinician } = open();
    const p = store.createPatient(patientInput(), clinician.id, T0);
    const amended = store.amendPatient(
      { id: p.id, expectedVersion: 1, fields: patientInput({ legalName: 'Maria López-Reyes' }), reason: 'Married name' },
      clinician.id, LATER,
    );
    expect(amended).toMatchObject({ version: 2, legalName: 'Maria López-Reyes', updatedAt: LATER, createdAt: T0 });
    const [, amend] = store.audit.history('patient', p.id);
    expect(amend).toMatchObject({ action: 'amend', reason: 'Married name' });
    expect(amend!.before).toMatchObject({ legalName: 'Maria Lopez', version: 1 });
    expect(amend!.after).toMatchObject({ legalName: 'Maria López-Reyes', version: 2 });
  });

  it('refuses an amendment made against an out-of-date version', () => {
    const { store, clinician } = open();
    const p = store.createPatient(patientInput(), clinician.id, T0);
    store.amendPatient({ id: p.id, expectedVersion: 1, fields: patientInput({ weightKg: 70 }), reason: 'Weighed' }, clinician.id, LATER);
    expect(() =>
      store.amendPatient({ id: p.id, expectedVersion: 1, fields: patientInput({ weightKg: 71 }), reason: 'Weighed' }, clinician.id, LATER),
    ).toThrow(expect.objectContaining({ code: 'conflict', field: 'expectedVersion' }));
    expect(store.patients.get(p.id)!.weightKg).toBe(70);
  });

  it('refuses an amendment that changes nothing, and one for a patient that does not exist', () => {
    const { store, clinician } = open();
    const p = store.createPatient(patientInput(), clinician.id, T0);
    expect(() =>
      store.amendPatient({ id: p.id, expectedVersion: 1, fields: patientInput(), reason: 'No change' }, clinician.id, LATER),
    ).toThrow(/Nothing was changed/);
    expect(() =>
      store.amendPatient(
        { id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, fields: patientInput(), reason: 'x' },
        clinician.id, LATER,
      ),
    ).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(store.audit.history('patient', p.id)).toHaveLength(1);
  });

  it('refuses to take another patient’s medical record number', () => {
    const { store, clinician } = open();
    store.createPatient(patientInput({ mrn: 'A-1' }), clinician.id, T0);
    const b = store.createPatient(patientInput({ mrn: 'B-2', legalName: 'Ben Ito' }), clinician.id, T0);
    expect(() =>
      store.amendPatient({ id: b.id, expectedVersion: 1, fields: patientInput({ mrn: 'a-1', legalName: 'Ben Ito' }), reason: 'typo' }, clinician.id, LATER),
    ).toThrow(expect.objectContaining({ field: 'mrn' }));
  });

  it('finds a patient by the new name and no longer by the old one', () => {
    const { store, clinician } = open();
    const p = store.createPatient(patientInput({ legalName: 'Jane Smith' }), clinician.id, T0);
    store.amendPatient({ id: p.id, expectedVersion: 1, fields: patientInput({ legalName: 'Jane Doe' }), reason: 'Name change' }, clinician.id, LATER);
    expect(store.patients.search('doe', 10).patients.map((x) => x.id)).toEqual([p.id]);
    expect(store.patients.search('smith', 10).patients).toEqual([]);
  });
});

describe('searching patients', () => {
  function seeded() {
    const ctx = open();
    const add = (legalName: string, mrn: string, dateOfBirth: string, preferredName: string | null = null) =>
      ctx.store.createPatient(patientInput({ legalName, mrn, dateOfBirth, preferredName }), ctx.clinician.id, T0);
    add('Zoë Ångström', 'K-100', '1975-02-28');
    add('José Álvarez', 'K-101', '1980-03-14', 'Pepe');
    add('Mary Ann Jones', 'K-200', '1980-03-15');
    add('Maryam Khan', 'X-900', '1990-11-05');
    add('Ann Marie Smith', 'A-1', '2001-05-03');
    return ctx.store;
  }
  const names = (store: ReturnType<typeof seeded>, q: string) =>
    store.patients.search(q, 50).patients.map((p) => p.legalName).sort();

  it('ignores case and accents, in the query and in the name', () => {
    const store = seeded();
    expect(names(store, 'zoe angs')).toEqual(['Zoë Ångström']);
    expect(names(store, 'ÁLVA')).toEqual(['José Álvarez']);
    expect(names(store, 'jose')).toEqual(['José Álvarez']);
  });

  it('matches the start of every word, in any order, including the preferred name', () => {
    const store = seeded();
    expect(names(store, 'mary')).toEqual(['Mary Ann Jones', 'Maryam Khan']);
    expect(names(store, 'ann mar')).toEqual(['Ann Marie Smith', 'Mary Ann Jones']);
    expect(names(store, 'jones mary')).toEqual(['Mary Ann Jones']);
    expect(names(store, 'pepe')).toEqual(['José Álvarez']);
    expect(names(store, 'ones')).toEqual([]);
  });

  it('finds by medical record number prefix, ignoring case and spaces', () => {
    const store = seeded();
    expect(names(store, 'k-1')).toEqual(['José Álvarez', 'Zoë Ångström']);
    expect(names(store, 'x-900')).toEqual(['Maryam Khan']);
    expect(names(store, 'K-10 0')).toEqual(['Zoë Ångström']);
  });

  it('finds by date of birth, full or partial, ISO or day-first or month-first', () => {
    const store = seeded();
    expect(names(store, '1980-03-14')).toEqual(['José Álvarez']);
    expect(names(store, '1980-03')).toEqual(['José Álvarez', 'Mary Ann Jones']);
    expect(names(store, '1980')).toEqual(['José Álvarez', 'Mary Ann Jones']);
    expect(names(store, '14/03/1980')).toEqual(['José Álvarez']);
    expect(names(store, '3/14/1980')).toEqual(['José Álvarez']);
    expect(names(store, '05/03/2001')).toEqual(['Ann Marie Smith']); // ambiguous: 5 March or 3 May
    expect(names(store, '31/02/1980')).toEqual([]);
  });

  it('lists everyone in name order for an empty query, and says when there are more', () => {
    const store = seeded();
    const page = store.patients.search('  ', 3);
    expect(page.patients.map((p) => p.legalName)).toEqual(['Ann Marie Smith', 'José Álvarez', 'Mary Ann Jones']);
    expect(page.hasMore).toBe(true);
    expect(store.patients.search('', 5).hasMore).toBe(false);
  });

  it('answers nothing, without error, for text that matches no one', () => {
    const store = seeded();
    expect(store.patients.search('%_*', 10)).toEqual({ patients: [], hasMore: false });
    expect(store.patients.search('qqq', 10).patients).toEqual([]);
  });
});

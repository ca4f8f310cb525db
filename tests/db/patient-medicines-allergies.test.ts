import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import m008 from '../../db/migrations/008-patient-medicines-allergies';
import { Store } from '../../db/store';
import { openTestStore, patientInput, T0, useTempStore } from '../helpers/store-fixture';
import { makeTempDir } from '../helpers/temp-dir';

const SERTRALINE = { name: 'sertraline', class: 'ssri' as const, dailyDoseMg: 100 };
const LORAZEPAM = { name: 'lorazepam', class: 'benzodiazepine' as const };

describe('migration 008: allergies become a status, medicines a list on the patient', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it('reads older free text sensibly: empty → not asked, "No known allergies" → none known, other text → recorded', () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const old = new BetterSqlite3(join(dir, DATABASE_FILE_NAME));
    migrate(old, MIGRATIONS.indexOf(m008));
    old.prepare("INSERT INTO clinicians (id, name, role, created_at) VALUES ('c1', 'Dr A', 'prescriber', ?)").run(T0);
    const insert = old.prepare(
      `INSERT INTO patients (id, version, mrn, mrn_key, legal_name, date_of_birth, sex, allergies, search_text, sort_name,
         created_at, created_by, updated_at, updated_by)
       VALUES (?, 1, ?, ?, ?, '1980-01-01', 'female', ?, ' x ', 'x', ?, 'c1', ?, 'c1')`,
    );
    const texts: Array<[string, string | null]> = [
      ['p1', null], ['p2', '  '], ['p3', 'No known allergies'], ['p4', 'NKDA.'], ['p5', 'Penicillin – rash'],
    ];
    for (const [id, text] of texts) insert.run(id, id, id.toUpperCase(), id, text, T0, T0);
    old.close();

    const store = openTestStore(dir);
    try {
      const read = (id: string) => store.patients.get(id)!;
      expect(read('p1')).toMatchObject({ allergyStatus: 'not-asked', allergies: null, medicines: [] });
      expect(read('p2')).toMatchObject({ allergyStatus: 'not-asked', allergies: null });
      expect(read('p3')).toMatchObject({ allergyStatus: 'none-known', allergies: null });
      expect(read('p4')).toMatchObject({ allergyStatus: 'none-known', allergies: null });
      expect(read('p5')).toMatchObject({ allergyStatus: 'recorded', allergies: 'Penicillin – rash' });
    } finally {
      store.close();
    }
  });
});

describe("the patient's medicines and allergy status", () => {
  const open = useTempStore();

  it('keeps a structured allergy status; a recorded status needs the allergies', () => {
    const { store, clinician } = open();
    const p = store.createPatient(patientInput({ allergyStatus: 'none-known' }), clinician.id, T0);
    expect(p).toMatchObject({ allergyStatus: 'none-known', allergies: null });
    expect(() => store.createPatient(patientInput({ mrn: 'M2', allergyStatus: 'recorded' }), clinician.id, T0)).toThrow(
      expect.objectContaining({ field: 'allergies' }),
    );
    // Older callers that send only text get the status the text implies.
    expect(store.createPatient(patientInput({ mrn: 'M3', allergies: 'Latex' }), clinician.id, T0).allergyStatus).toBe('recorded');
  });

  it('amends the medicine list like any field: with a reason, before and after in the audit log', () => {
    const { store, clinician } = open();
    const p = store.createPatient(patientInput(), clinician.id, T0);
    const { id, version, createdAt, createdBy, updatedAt, updatedBy, ...fields } = p;
    const amended = store.amendPatient(
      { id, expectedVersion: version, fields: { ...fields, medicines: [SERTRALINE, LORAZEPAM] }, reason: 'Medicines reviewed with the patient' },
      clinician.id, T0,
    );
    expect(amended.medicines).toEqual([SERTRALINE, LORAZEPAM]);
    const entry = store.audit.history('patient', id).at(-1)!;
    expect(entry).toMatchObject({ action: 'amend', reason: 'Medicines reviewed with the patient' });
    expect((entry.before as { medicines: unknown[] }).medicines).toEqual([]);
    expect(createdAt && createdBy && updatedAt && updatedBy).toBeTruthy();
  });

  it("starts each new screening from the patient's current medicines", () => {
    const { store, clinician } = open();
    const p = store.createPatient(patientInput({ medicines: [SERTRALINE, LORAZEPAM] }), clinician.id, T0);
    const draft = store.screening.create({ patientId: p.id, plannedTreatment: 'esketamine-nasal' }, clinician.id, T0);
    expect(draft.case.medications).toEqual([SERTRALINE, LORAZEPAM]);
  });
});

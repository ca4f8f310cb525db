import { afterEach } from 'vitest';
import { Store } from '../../db/store';
import type { Clinician } from '../../shared/schemas/clinician';
import { patientFields, type PatientFieldsInput } from '../../shared/schemas/patient';
import { makeTempDir } from './temp-dir';
import { TEST_DATABASE_KEY } from './test-key';

export const T0 = '2026-11-25T09:00:00.000Z';

export { TEST_DATABASE_KEY };

export const openTestStore = (dir: string) => Store.open(dir, { key: TEST_DATABASE_KEY });

/** Opens a real store in a temp folder for one test and closes it afterwards. */
export function useTempStore() {
  const opened: Array<{ store: Store; cleanup: () => void }> = [];
  afterEach(() => {
    for (const { store, cleanup } of opened.splice(0)) {
      if (store.db.open) store.close();
      cleanup();
    }
  });
  return function open(): { store: Store; dir: string; clinician: Clinician } {
    const { dir, cleanup } = makeTempDir();
    const store = openTestStore(dir);
    opened.push({ store, cleanup });
    const clinician = store.createClinician({ name: 'Dr Ada Rivera', credentials: 'MD', role: 'prescriber', isAdmin: true }, T0, null);
    return { store, dir, clinician };
  };
}

export function patientInput(overrides: Partial<PatientFieldsInput> = {}) {
  return patientFields.parse({
    legalName: 'Maria Lopez',
    dateOfBirth: '1980-03-14',
    sex: 'female',
    mrn: 'MRN-1001',
    ...overrides,
  });
}

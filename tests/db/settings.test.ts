import { describe, expect, it } from 'vitest';
import { T0, useTempStore } from '../helpers/store-fixture';

const open = useTempStore();

describe('clinic settings in the store', () => {
  it('audits a change with before, after and reason, and refuses a save that changes nothing', () => {
    const { store, clinician } = open();
    store.updateSettings({ screeningValidityDays: 14, clinicName: '' }, 'Clinic policy', clinician.id, T0);
    const [entry] = store.audit.history('settings', 'clinic');
    expect(entry).toMatchObject({ action: 'update', reason: 'Clinic policy', before: { screeningValidityDays: 30 }, after: { screeningValidityDays: 14 } });
    expect(() => store.updateSettings({ screeningValidityDays: 14 }, null, clinician.id, T0)).toThrow(/Nothing was changed/);
    expect(store.audit.history('settings', 'clinic')).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { T0, useTempStore } from '../helpers/store-fixture';

describe('session settings changes', () => {
  const open = useTempStore();

  it('refuses a changed session threshold without a reason, naming the field', () => {
    const { store, clinician } = open();
    expect(() => store.updateSettings({ alertSystolicAbove: 170 }, null, clinician.id, T0)).toThrow(
      expect.objectContaining({ code: 'invalid-input', field: 'reason' }),
    );
    expect(() => store.updateSettings({ alertActionBloodPressure: 'Call the prescriber' }, '  ', clinician.id, T0)).toThrow(/reason/);
    expect(store.settings.read().alertSystolicAbove).toBe(180);
  });

  it('saves a changed threshold with its reason in the audit log, before and after', () => {
    const { store, clinician } = open();
    store.updateSettings({ alertSystolicAbove: 170, alertActionBloodPressure: 'Repeat the BP and call Dr Rivera' }, 'Clinic protocol 2026', clinician.id, T0);
    expect(store.settings.read()).toMatchObject({ alertSystolicAbove: 170, alertActionBloodPressure: 'Repeat the BP and call Dr Rivera' });
    const entry = store.audit.history('settings', 'clinic').at(-1)!;
    expect(entry.reason).toBe('Clinic protocol 2026');
    expect(entry.before).toMatchObject({ alertSystolicAbove: 180 });
    expect(entry.after).toMatchObject({ alertSystolicAbove: 170 });
  });

  it('still saves clinic details, or an unchanged threshold, without a reason', () => {
    const { store, clinician } = open();
    store.updateSettings({ clinicName: 'North Clinic', alertSystolicAbove: 180 }, null, clinician.id, T0);
    expect(store.settings.read().clinicName).toBe('North Clinic');
  });
});

describe('clinic settings in the store', () => {
  const open = useTempStore();

  it('audits a change with before, after and reason, and refuses a save that changes nothing', () => {
    const { store, clinician } = open();
    store.updateSettings({ screeningValidityDays: 14, clinicName: '' }, 'Clinic policy', clinician.id, T0);
    const [entry] = store.audit.history('settings', 'clinic');
    expect(entry).toMatchObject({ action: 'update', reason: 'Clinic policy', before: { screeningValidityDays: 30 }, after: { screeningValidityDays: 14 } });
    expect(() => store.updateSettings({ screeningValidityDays: 14 }, null, clinician.id, T0)).toThrow(/Nothing was changed/);
    expect(store.audit.history('settings', 'clinic')).toHaveLength(1);
  });
});

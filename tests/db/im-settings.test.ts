import { describe, expect, it } from 'vitest';
import { SETTING_DEFAULTS } from '../../shared/schemas/settings';
import { IM_SETTING_DEFAULTS, IM_SETTING_INFO, IM_SETTING_KEYS, sessionSettingsFor } from '../../shared/session/im-settings';
import { schedule } from '../../shared/session/schedule';
import { entryData, sessionStart } from '../../shared/session/schemas';
import { SESSION_SETTING_DEFAULTS } from '../../shared/session/settings';
import { readClinical } from '../helpers/screening';
import { at, PLANS, preDoseInput, sessionFor, signScreening, START, useSessionStore } from '../helpers/session-fixture';
import { T0 } from '../helpers/store-fixture';

const reference = readClinical('REFERENCE.md');
const setup = useSessionStore();

describe('IM ketamine’s own monitoring settings', () => {
  it('default to the IV values, each labelled a clinic default, since REFERENCE gives no IM figure', () => {
    // The reference's monitoring protocol is written for IV ketamine; for IM it says only that dosing is less standardised.
    expect(reference).toMatch(/IM dosing is less standardised \(\*\*clinic to\s+confirm\*\*\)/);
    expect(IM_SETTING_DEFAULTS).toEqual({
      imVitalsIntervalMinutes: SESSION_SETTING_DEFAULTS.vitalsIntervalMinutes,
      imMinObservationMinutes: SESSION_SETTING_DEFAULTS.ketamineMinObservationMinutes,
      imAlertSystolicAbove: 180, imAlertDiastolicAbove: 110, imAlertSystolicRise: 40, imAlertDiastolicRise: 25,
      imAlertHeartRateAbove: 120, imAlertHeartRateBelow: 50, imAlertSpo2Below: 93, imAlertRespiratoryRateBelow: 10, imAlertSedationLevelAtLeast: 3,
    });
    for (const key of IM_SETTING_KEYS) {
      expect(IM_SETTING_INFO[key], key).toMatchObject({ basis: 'clinic-default', source: expect.stringMatching(/gives no figure for IM ketamine/) });
    }
    // Added as one block of the clinic's settings, so they are stored, validated and audited with the rest.
    const keys = Object.keys(SETTING_DEFAULTS);
    const first = keys.indexOf(IM_SETTING_KEYS[0]!);
    expect(keys.slice(first, first + IM_SETTING_KEYS.length)).toEqual(IM_SETTING_KEYS);
  });

  it('replace the shared interval, observation and thresholds for IM sessions only', () => {
    const clinic = { ...SETTING_DEFAULTS, imVitalsIntervalMinutes: 5, imMinObservationMinutes: 90, imAlertSystolicAbove: 160 };
    expect(sessionSettingsFor('im-ketamine', clinic)).toMatchObject({ vitalsIntervalMinutes: 5, ketamineMinObservationMinutes: 90, alertSystolicAbove: 160 });
    expect(sessionSettingsFor('iv-ketamine', clinic)).toMatchObject({ vitalsIntervalMinutes: 15, ketamineMinObservationMinutes: 60, alertSystolicAbove: 180 });
    expect(sessionSettingsFor('iv-ketamine', clinic)).not.toHaveProperty('imVitalsIntervalMinutes');
  });

  it('an IM session’s schedule follows its own interval and observation, with a source that says so', () => {
    const settings = sessionSettingsFor('im-ketamine', { ...SETTING_DEFAULTS, imVitalsIntervalMinutes: 5, imMinObservationMinutes: 90 });
    const items = schedule(sessionFor('im-ketamine', { settings }), [], START, settings);
    expect(items.find((i) => i.id === 'next-vitals')).toMatchObject({ dueAt: at(5), label: 'Vitals every 5 minutes', source: expect.stringMatching(/IM ketamine interval: clinic setting/) });
    expect(items.find((i) => i.id === 'observation-end')).toMatchObject({ dueAt: at(90) });
  });

  it('are frozen into an IM session when dosing starts and fire its alerts; an IV session keeps the shared ones', () => {
    const { store, clinician, patient } = setup('im-ketamine');
    store.updateSettings({ imVitalsIntervalMinutes: 10, imAlertSystolicAbove: 150, imMinObservationMinutes: 45 }, 'Clinic IM protocol', clinician.id, T0);
    expect(() => store.updateSettings({ imAlertSpo2Below: 90 }, null, clinician.id, T0)).toThrow(/reason/);
    signScreening(store, patient, clinician, 'im-ketamine');
    const session = store.session.start(
      sessionStart.parse({ patientId: patient.id, startedAt: START, plan: PLANS['im-ketamine'], preDose: preDoseInput() }), clinician, START,
    );
    expect(session.settings).toMatchObject({ vitalsIntervalMinutes: 10, alertSystolicAbove: 150, ketamineMinObservationMinutes: 45 });
    const written = store.session.addEntry(
      { sessionId: session.id, at: at(5), entry: entryData.parse({ kind: 'vitals', systolic: 155, diastolic: 80, heartRate: 80, spo2: 98 }) }, clinician, at(5),
    );
    expect(written.alerts.map((a) => a.code)).toContain('systolic-high');
    expect(store.session.view(session.id, at(5)).schedule.find((i) => i.id === 'next-vitals')).toMatchObject({ dueAt: at(15) });

    const iv = setup('iv-ketamine', { weightKg: 70, mrn: 'IV-1' });
    iv.store.updateSettings({ imVitalsIntervalMinutes: 10 }, 'Clinic IM protocol', iv.clinician.id, T0);
    signScreening(iv.store, iv.patient, iv.clinician, 'iv-ketamine');
    const ivSession = iv.store.session.start(
      sessionStart.parse({ patientId: iv.patient.id, startedAt: START, plan: PLANS['iv-ketamine'], preDose: preDoseInput() }), iv.clinician, START,
    );
    expect(ivSession.settings.vitalsIntervalMinutes).toBe(15);
  });
});

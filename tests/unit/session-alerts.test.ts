import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessEntry, assessVitals, SESSION_SETTING_DEFAULTS, type AlertThresholds } from '../../shared/session';
import { dissociation, sedation } from '../helpers/session-fixture';

const T: AlertThresholds = SESSION_SETTING_DEFAULTS;
const BASE = { systolic: 120, diastolic: 80 };
const codes = (v: Parameters<typeof assessVitals>[0], base: typeof BASE | null = BASE, t = T) => assessVitals(v, base, t).map((a) => a.code);

// Each default alert of REFERENCE §4, just inside, at, and just past its boundary.
// "> 180" and "< 93" are strict; a rise of "+40" alerts at exactly 40.
describe('vital-sign alerts at every default threshold', () => {
  it.each([
    ['systolic-high', { systolic: 179, diastolic: 80 }, { systolic: 180, diastolic: 80 }, { systolic: 181, diastolic: 80 }, null],
    ['diastolic-high', { systolic: 200, diastolic: 109 }, { systolic: 200, diastolic: 110 }, { systolic: 200, diastolic: 111 }, null],
    ['heart-rate-high', { heartRate: 119 }, { heartRate: 120 }, { heartRate: 121 }, null],
    ['heart-rate-low', { heartRate: 51 }, { heartRate: 50 }, { heartRate: 49 }, null],
    ['spo2-low', { spo2: 94 }, { spo2: 93 }, { spo2: 92 }, null],
    ['respiratory-rate-low', { respiratoryRate: 11 }, { respiratoryRate: 10 }, { respiratoryRate: 9 }, null],
  ])('%s: quiet just inside and at the limit, fires just past it', (code, inside, atLimit, past, base) => {
    expect(codes(inside, base)).not.toContain(code);
    expect(codes(atLimit, base)).not.toContain(code);
    expect(codes(past, base)).toContain(code);
  });

  it.each([
    ['systolic-rise', { systolic: 159, diastolic: 80 }, { systolic: 160, diastolic: 80 }, { systolic: 161, diastolic: 80 }],
    ['diastolic-rise', { systolic: 130, diastolic: 104 }, { systolic: 130, diastolic: 105 }, { systolic: 130, diastolic: 106 }],
  ])('%s from a 120/80 baseline: quiet at one below, fires at the rise [S1 §5.5] and above', (code, below, atRise, above) => {
    expect(codes(below)).not.toContain(code);
    expect(codes(atRise)).toContain(code);
    expect(codes(above)).toContain(code);
  });

  it('gives no rise alert without a baseline, and none for a fall', () => {
    expect(codes({ systolic: 175, diastolic: 100 }, null)).toEqual([]);
    expect(codes({ systolic: 70, diastolic: 40 })).toEqual([]);
  });

  it('names the value, the limit and the source in each alert', () => {
    const [alert] = assessVitals({ spo2: 90 }, BASE, T);
    expect(alert).toEqual({
      code: 'spo2-low', value: 90, threshold: 93, settingKey: 'alertSpo2Below',
      message: 'SpO2 90 % is below the alert limit of 93 %', source: 'REFERENCE §4 (S1 §5.1 warning)',
    });
    expect(assessVitals({ systolic: 165, diastolic: 80 }, BASE, T)[0]).toMatchObject({
      code: 'systolic-rise', source: 'REFERENCE §4, S1 §5.5',
      message: 'Systolic 165 mmHg is 45 mmHg above the pre-dose 120 mmHg (alert at a rise of 40 mmHg)',
    });
  });

  it('follows the clinic’s own thresholds', () => {
    const strict = { ...T, alertSystolicAbove: 160, alertSpo2Below: 95 };
    expect(codes({ systolic: 161, diastolic: 80 }, null, strict)).toEqual(['systolic-high']);
    expect(codes({ spo2: 94 }, null, strict)).toEqual(['spo2-low']);
  });
});

describe('sedation, dissociation and vomiting alerts', () => {
  it('sedation: level 2 is quiet, 3 (the default) and 4 fire', () => {
    expect(assessEntry(sedation(2), BASE, T)).toEqual([]);
    expect(assessEntry(sedation(3), BASE, T).map((a) => a.code)).toEqual(['sedation']);
    expect(assessEntry(sedation(4), BASE, T).map((a) => a.code)).toEqual(['sedation']);
  });

  it('dissociation: moderate is quiet, severe fires; distress that will not settle fires at any level', () => {
    expect(assessEntry(dissociation('moderate'), BASE, T)).toEqual([]);
    expect(assessEntry(dissociation('severe'), BASE, T).map((a) => a.code)).toEqual(['dissociation']);
    expect(assessEntry(dissociation('none', true), BASE, T).map((a) => a.code)).toEqual(['distress']);
    expect(assessEntry(dissociation('mild'), BASE, { ...T, alertDissociationAtLeast: 'mild' }).map((a) => a.code)).toEqual(['dissociation']);
  });

  it('vomiting fires by default and not when the clinic turns it off; nausea alone never fires', () => {
    const vomit = { kind: 'nausea-vomiting', nausea: true, vomiting: true, note: null } as const;
    expect(assessEntry(vomit, BASE, T).map((a) => a.code)).toEqual(['vomiting']);
    expect(assessEntry(vomit, BASE, { ...T, alertOnVomiting: false })).toEqual([]);
    expect(assessEntry({ ...vomit, vomiting: false }, BASE, T)).toEqual([]);
  });

  it('adverse events, interventions and the end of dosing never fire an alert', () => {
    expect(assessEntry({ kind: 'adverse-event', description: 'Headache', respiratoryDepression: true }, BASE, T)).toEqual([]);
    expect(assessEntry({ kind: 'intervention', description: 'Ondansetron 4 mg' }, BASE, T)).toEqual([]);
    expect(assessEntry({ kind: 'dose-complete', note: null }, BASE, T)).toEqual([]);
  });
});

describe('alert properties', () => {
  const thresholds = fc.record({
    alertSystolicAbove: fc.integer({ min: 60, max: 300 }),
    alertDiastolicAbove: fc.integer({ min: 30, max: 200 }),
    alertSystolicRise: fc.integer({ min: 1, max: 150 }),
    alertDiastolicRise: fc.integer({ min: 1, max: 100 }),
    alertHeartRateAbove: fc.integer({ min: 40, max: 250 }),
    alertHeartRateBelow: fc.integer({ min: 20, max: 120 }),
    alertSpo2Below: fc.integer({ min: 50, max: 100 }),
    alertRespiratoryRateBelow: fc.integer({ min: 1, max: 40 }),
  }).map((t) => ({ ...T, ...t }));
  const vitals = fc.record({
    systolic: fc.integer({ min: 20, max: 300 }),
    diastolic: fc.integer({ min: 10, max: 250 }),
    heartRate: fc.integer({ min: 0, max: 300 }),
    spo2: fc.integer({ min: 0, max: 100 }),
    respiratoryRate: fc.integer({ min: 0, max: 80 }),
  });
  const baseline = fc.record({ systolic: fc.integer({ min: 60, max: 220 }), diastolic: fc.integer({ min: 30, max: 140 }) });

  // Worse means higher for BP and a fast heart, lower for SpO2, breathing and a slow heart.
  const worse = [
    ['systolic', +1, ['systolic-high', 'systolic-rise']],
    ['diastolic', +1, ['diastolic-high', 'diastolic-rise']],
    ['heartRate', +1, ['heart-rate-high']],
    ['heartRate', -1, ['heart-rate-low']],
    ['spo2', -1, ['spo2-low']],
    ['respiratoryRate', -1, ['respiratory-rate-low']],
  ] as const;

  it.each(worse)('moving %s further past a threshold (direction %i) never removes its alert', (measure, dir, alertCodes) => {
    fc.assert(
      fc.property(vitals, baseline, thresholds, fc.integer({ min: 1, max: 100 }), (v, b, t, step) => {
        const before = codes(v, b, t).filter((c) => (alertCodes as readonly string[]).includes(c));
        const moved = { ...v, [measure]: v[measure] + dir * step };
        const after = codes(moved, b, t);
        return before.every((c) => after.includes(c));
      }),
    );
  });

  it('an alert fires only for a measurement that was taken, and assessing never throws', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('systolic', 'diastolic', 'heartRate', 'spo2', 'respiratoryRate'), fc.integer({ min: 0, max: 300 })),
        fc.option(baseline, { nil: null }), thresholds, (v, b, t) => {
          const measured = new Set(Object.keys(v));
          const byMeasure: Record<string, string> = {
            'systolic-high': 'systolic', 'systolic-rise': 'systolic', 'diastolic-high': 'diastolic', 'diastolic-rise': 'diastolic',
            'heart-rate-high': 'heartRate', 'heart-rate-low': 'heartRate', 'spo2-low': 'spo2', 'respiratory-rate-low': 'respiratoryRate',
          };
          return assessVitals(v, b, t).every((a) => measured.has(byMeasure[a.code]!));
        }),
    );
  });

  it('sedation alerts are monotonic in the level', () => {
    fc.assert(fc.property(fc.constantFrom(0, 1, 2, 3, 4), fc.integer({ min: 1, max: 4 }), (level, limit) => {
      const t = { ...T, alertSedationLevelAtLeast: limit };
      const fired = (l: number) => assessEntry(sedation(l as 0), BASE, t).length > 0;
      return !fired(level) || (level === 4 || fired(level + 1));
    }));
  });
});

import { describe, expect, it } from 'vitest';
import {
  decisionProblems, esketamineMg, ketamineAmount, preDoseConcerns, preDoseProblems, resolveDose, type DoseRecord,
  type PreDoseChecksInput, type Route,
} from '../../shared/session';
import { at, preDose, SETTINGS, START } from '../helpers/session-fixture';

const ESK: DoseRecord = { route: 'esketamine-nasal', deviceCount: 2, totalMg: 56 };
const IV: DoseRecord = {
  route: 'iv-ketamine', mgPerKg: 0.5, weightKg: 70, weightBasis: 'actual', weightFrom: 'chart', totalMg: 35,
  concentrationMgPerMl: 10, volumeMl: 3.5, infusionMinutes: 40,
};
const ctx = (route: Route = 'esketamine-nasal', extra: Partial<{ sex: 'female' | 'male'; dose: DoseRecord }> = {}) => ({
  route, sex: 'female' as const, startedAt: START, dose: route === 'esketamine-nasal' ? ESK : { ...IV, route }, settings: SETTINGS, ...extra,
});
const concernCodes = (overrides: Partial<PreDoseChecksInput>, c = ctx()) => preDoseConcerns(preDose(overrides), c).map((x) => x.code);
const reading = (systolic: number, diastolic: number) => ({ takenAt: at(-5), systolic, diastolic, heartRate: 72, spo2: 98 });

describe('pre-dose blood pressure against the screening thresholds [REFERENCE §3]', () => {
  it.each([
    [140, 90, []],
    [141, 90, ['CA-BP-ELEVATED']],
    [140, 91, ['CA-BP-ELEVATED']],
    [180, 100, ['CA-BP-ELEVATED']],
    [181, 100, ['CI-BP-SEVERE']],
    [180, 101, ['CI-BP-SEVERE']],
  ])('%i/%i gives %j', (s, d, expected) => {
    expect(concernCodes({ vitals: reading(s, d) })).toEqual(expected);
  });

  it('goes by the repeat reading when the first was high and repeated', () => {
    expect(concernCodes({ vitals: { ...reading(150, 95), takenAt: at(-15) }, repeatVitals: reading(135, 85) })).toEqual([]);
    expect(concernCodes({ vitals: { ...reading(135, 85), takenAt: at(-15) }, repeatVitals: reading(185, 85) })).toEqual(['CI-BP-SEVERE']);
  });

  it('needs a prescriber’s reason for any concern, unless the clinic lets nurses decide the milder ones (above 140/90, not above 180/100)', () => {
    const elevated = preDoseConcerns(preDose({ vitals: reading(150, 85) }), ctx());
    expect(elevated[0]?.needs).toBe('reason');
    expect(decisionProblems(elevated, 'Repeat BP 150/85, asymptomatic', 'nurse')[0]?.message).toMatch(/Only a prescriber/);
    expect(decisionProblems(elevated, 'Repeat BP 150/85, asymptomatic', 'prescriber')).toEqual([]);
    expect(decisionProblems(elevated, null, 'nurse', true).map((p) => p.field)).toEqual(['decisionReason']);
    expect(decisionProblems(elevated, 'Repeat BP 150/85, asymptomatic; prescriber informed', 'nurse', true)).toEqual([]);
    expect(decisionProblems(elevated, 'Proceed', 'front-desk', true)[0]?.message).toMatch(/Only a prescriber/);
    const severe = preDoseConcerns(preDose({ vitals: reading(190, 85) }), ctx());
    expect(severe[0]?.needs).toBe('prescriber-reason');
    expect(decisionProblems(severe, 'Proceed', 'nurse', true)[0]?.message).toMatch(/Only a prescriber/);
    expect(decisionProblems(severe, 'Cardiology advice on file', 'prescriber')).toEqual([]);
    expect(decisionProblems(severe, '   ', 'prescriber')[0]?.message).toMatch(/documented decision/);
  });

  it('flags heart rate, SpO2 and breathing past the clinic’s alert limits before any dose', () => {
    expect(concernCodes({ vitals: { ...reading(120, 80), heartRate: 121 } })).toEqual(['pre-dose-heart-rate-high']);
    expect(concernCodes({ vitals: { ...reading(120, 80), spo2: 92 } })).toEqual(['pre-dose-spo2-low']);
    expect(concernCodes({ vitals: { ...reading(120, 80), spo2: 93 } })).toEqual([]);
  });
});

describe('fasting [REFERENCE §3]', () => {
  it.each([
    [-119, ['fasting-food']],
    [-120, []],
    [-121, []],
  ])('esketamine, last food at %i minutes: %j (at least 2 hours, S1 §2)', (minutes, expected) => {
    expect(concernCodes({ lastFoodAt: at(minutes) })).toEqual(expected);
  });

  it.each([
    [-29, ['fasting-drink']],
    [-30, []],
    [-31, []],
  ])('esketamine, last drink at %i minutes: %j (at least 30 minutes, S1 §2)', (minutes, expected) => {
    expect(concernCodes({ lastDrinkAt: at(minutes) })).toEqual(expected);
  });

  it('IV ketamine follows the clinic’s food rule (default 6 h, unverified) and has no drink rule by default', () => {
    expect(concernCodes({ lastFoodAt: at(-359), lastDrinkAt: at(-1) }, ctx('iv-ketamine'))).toEqual(['fasting-food']);
    expect(concernCodes({ lastFoodAt: at(-360), lastDrinkAt: at(-1) }, ctx('iv-ketamine'))).toEqual([]);
    const strict = { ...ctx('iv-ketamine'), settings: { ...SETTINGS, ketamineFastingFoodHours: 0, ketamineFastingDrinkMinutes: 60 } };
    expect(concernCodes({ lastFoodAt: at(-1), lastDrinkAt: at(-59) }, strict)).toEqual(['fasting-drink']);
  });

  it('treats an unknown time of last food or drink as not fasted', () => {
    expect(concernCodes({ lastFoodAt: null, lastDrinkAt: null })).toEqual(['fasting-food', 'fasting-drink']);
  });
});

describe('other treatment-day checks', () => {
  it('nasal steroid or decongestant: under 1 hour before esketamine needs a decision, 60 minutes does not', () => {
    expect(concernCodes({ nasalMedicationAt: at(-59) })).toEqual(['nasal-medication']);
    expect(concernCodes({ nasalMedicationAt: at(-60) })).toEqual([]);
    expect(concernCodes({ nasalMedicationAt: at(-10) }, ctx('iv-ketamine'))).toEqual([]);
  });

  it('a positive pregnancy test needs a prescriber; no escort and changes since screening need a reason', () => {
    const concerns = preDoseConcerns(preDose({ pregnancy: 'test-positive', escortArranged: false, newMedicines: true, changesDetails: 'Started sertraline' }), ctx());
    expect(concerns.map((c) => [c.code, c.needs])).toEqual([
      ['CI-PREGNANCY', 'prescriber-reason'], ['CA-NO-ESCORT', 'reason'], ['changes-since-screening', 'reason'],
    ]);
  });

  it('a ketamine dose above the clinic ceiling (default 1 mg/kg [S3]) needs a prescriber', () => {
    const dose = (mgPerKg: number) => ({ ...IV, mgPerKg });
    expect(concernCodes({}, ctx('iv-ketamine', { dose: dose(1) }))).toEqual([]);
    expect(concernCodes({}, ctx('iv-ketamine', { dose: dose(1.01) }))).toEqual(['dose-above-ceiling']);
  });

  it('no concerns for a clean patient', () => {
    expect(concernCodes({})).toEqual([]);
  });
});

describe('pre-dose problems that make the form invalid', () => {
  const fields = (o: Partial<PreDoseChecksInput>, c = ctx()) => preDoseProblems(preDose(o), c).map((p) => p.field);

  it('vitals must be taken before dosing and be no older than the clinic allows (default 60 minutes)', () => {
    expect(fields({ vitals: { ...reading(120, 80), takenAt: at(-60) } })).toEqual([]);
    expect(fields({ vitals: { ...reading(120, 80), takenAt: at(-61) } })).toEqual(['preDose.vitals.takenAt']);
    expect(fields({ vitals: { ...reading(120, 80), takenAt: at(2) } })).toEqual([]); // within the clock allowance
    expect(fields({ vitals: { ...reading(120, 80), takenAt: at(3) } })).toEqual(['preDose.vitals.takenAt']);
  });

  it('a repeat reading must follow the first; times of food, drink and nasal spray cannot be after dosing', () => {
    expect(fields({ vitals: reading(150, 95), repeatVitals: { ...reading(130, 80), takenAt: at(-20) } })).toEqual(['preDose.repeatVitals.takenAt']);
    expect(fields({ lastFoodAt: at(10), nasalMedicationAt: at(10) })).toEqual(['preDose.lastFoodAt', 'preDose.nasalMedicationAt']);
  });

  it('pregnancy "not applicable" only for a male patient', () => {
    expect(fields({ pregnancy: 'not-applicable' })).toEqual(['preDose.pregnancy']);
    expect(fields({ pregnancy: 'not-applicable' }, ctx('esketamine-nasal', { sex: 'male' }))).toEqual([]);
  });
});

describe('dose arithmetic', () => {
  it('esketamine is 28 mg per device [S1 §2]', () => {
    expect([1, 2, 3].map(esketamineMg)).toEqual([28, 56, 84]);
  });

  it('ketamine mg = mg/kg × kg, volume = mg ÷ concentration, rounded to 0.1 mg and 0.01 mL', () => {
    expect(ketamineAmount(0.5, 70, 10)).toEqual({ totalMg: 35, volumeMl: 3.5 });
    expect(ketamineAmount(0.5, 83.3, 50)).toEqual({ totalMg: 41.7, volumeMl: 0.83 });
    expect(ketamineAmount(0.75, 61, 100)).toEqual({ totalMg: 45.8, volumeMl: 0.46 });
  });

  it('uses the entered weight, else the chart’s; the entered concentration, else the clinic’s; and says what is missing', () => {
    const plan = { route: 'iv-ketamine', mgPerKg: 0.5, weightKg: null, weightBasis: 'actual', concentrationMgPerMl: null, infusionMinutes: null } as const;
    expect(resolveDose(plan, null, SETTINGS)).toEqual({ problem: expect.objectContaining({ field: 'plan.weightKg' }) });
    expect(resolveDose(plan, 70, SETTINGS)).toEqual({ problem: expect.objectContaining({ field: 'plan.concentrationMgPerMl' }) });
    expect(resolveDose(plan, 70, { ...SETTINGS, ketamineConcentrationMgPerMl: 10 })).toEqual({
      dose: { route: 'iv-ketamine', mgPerKg: 0.5, weightKg: 70, weightBasis: 'actual', weightFrom: 'chart', totalMg: 35,
        concentrationMgPerMl: 10, volumeMl: 3.5, infusionMinutes: 40 },
    });
    const im = resolveDose({ route: 'im-ketamine', mgPerKg: 0.5, weightKg: 80, weightBasis: 'ideal', concentrationMgPerMl: 50 }, 70, SETTINGS);
    expect(im).toMatchObject({ dose: { weightKg: 80, weightFrom: 'entered', totalMg: 40, volumeMl: 0.8, infusionMinutes: null } });
  });
});

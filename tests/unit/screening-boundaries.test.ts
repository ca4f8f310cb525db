import { describe, expect, it } from 'vitest';
import { ageInYears } from '../../shared/dates';
import { describeCaseError, screen, screeningCaseSchema } from '../../shared/screening';
import { clearCase, readClinical, ruleIdsOf, withBp } from '../helpers/screening';

describe('blood pressure boundaries are strict', () => {
  it.each([
    // [systolic, diastolic, rule ids, verdict]
    [140, 90, [], 'clear'],
    [141, 90, ['CA-BP-ELEVATED'], 'caution'],
    [140, 91, ['CA-BP-ELEVATED'], 'caution'],
    [180, 100, ['CA-BP-ELEVATED'], 'caution'],
    [181, 100, ['CI-BP-SEVERE'], 'contraindicated'],
    [180, 101, ['CI-BP-SEVERE'], 'contraindicated'],
    [181, 101, ['CI-BP-SEVERE'], 'contraindicated'],
    [300, 200, ['CI-BP-SEVERE'], 'contraindicated'],
    [181, 60, ['CI-BP-SEVERE'], 'contraindicated'],
    [120, 101, ['CI-BP-SEVERE'], 'contraindicated'],
    [141, 60, ['CA-BP-ELEVATED'], 'caution'],
    [100, 91, ['CA-BP-ELEVATED'], 'caution'],
    [40, 20, [], 'clear'],
  ] as const)('%i/%i', (systolic, diastolic, ids, verdict) => {
    expect(ruleIdsOf(withBp(systolic, diastolic))).toEqual(ids);
    expect(screen(withBp(systolic, diastolic)).verdict).toBe(verdict);
  });

  it.each([
    // A single value decides on its own, and the baseline is still missing.
    [190, undefined, ['CI-BP-SEVERE']],
    [181, undefined, ['CI-BP-SEVERE']],
    [180, undefined, ['CA-BP-ELEVATED']],
    [141, undefined, ['CA-BP-ELEVATED']],
    [140, undefined, []],
    [undefined, 101, ['CI-BP-SEVERE']],
    [undefined, 100, ['CA-BP-ELEVATED']],
    [undefined, 91, ['CA-BP-ELEVATED']],
    [undefined, 90, []],
  ] as const)('%s/%s with the other value missing', (systolic, diastolic, ids) => {
    const result = screen(withBp(systolic, diastolic));
    expect(result.findings.map((f) => f.ruleId)).toEqual(ids);
    expect(result.missing).toEqual(['baselineVitals']);
    expect(result.verdict).toBe(ids[0] === 'CI-BP-SEVERE' ? 'contraindicated' : 'incomplete');
  });
});

describe('age boundaries', () => {
  const atAge = (ageYears: number) => clearCase({ patient: { ageYears, sex: 'female' } });

  it.each([
    [0, ['CI-AGE-MINOR'], 'contraindicated'],
    [17, ['CI-AGE-MINOR'], 'contraindicated'],
    [18, [], 'clear'],
    [64, [], 'clear'],
    [65, ['NO-AGE-OLDER'], 'clear'],
    [120, ['NO-AGE-OLDER'], 'clear'],
  ] as const)('age %i', (age, ids, verdict) => {
    expect(ruleIdsOf(atAge(age))).toEqual(ids);
    expect(screen(atAge(age)).verdict).toBe(verdict);
  });

  // The case carries whole years; the app derives them from the date of birth
  // on the screening day with shared/dates.ageInYears.
  it.each([
    ['2008-06-15', '2026-06-14', 17, 'the day before the 18th birthday'],
    ['2008-06-15', '2026-06-15', 18, 'the 18th birthday'],
    ['1961-11-25', '2026-11-24', 64, 'the day before the 65th birthday'],
    ['1961-11-25', '2026-11-25', 65, 'the 65th birthday'],
    ['2008-02-29', '2026-02-28', 17, 'Feb 29 birth, Feb 28 of a common year'],
    ['2008-02-29', '2026-03-01', 18, 'Feb 29 birth, Mar 1 of a common year'],
    ['2008-02-29', '2028-02-28', 19, 'Feb 29 birth, Feb 28 of a leap year'],
    ['2008-02-29', '2028-02-29', 20, 'Feb 29 birth, Feb 29 of a leap year'],
    ['1960-02-29', '2025-02-28', 64, 'Feb 29 birth, the day before turning 65'],
    ['1960-02-29', '2025-03-01', 65, 'Feb 29 birth, turning 65'],
    ['2008-12-31', '2026-12-30', 17, 'year-end birthday'],
    ['2008-01-01', '2026-01-01', 18, 'new-year birthday'],
  ])('born %s, screened %s: %i (%s)', (born, day, age) => {
    expect(ageInYears(born, day)).toBe(age);
    const ids = ruleIdsOf(clearCase({ patient: { ageYears: ageInYears(born, day), sex: 'female' } }));
    expect(ids.includes('CI-AGE-MINOR')).toBe(age < 18);
    expect(ids.includes('NO-AGE-OLDER')).toBe(age >= 65);
  });
});

describe('case schema bounds follow screening-case.schema.json', () => {
  const schema = JSON.parse(readClinical('screening-case.schema.json'));
  type NumberSpec = { minimum?: number; exclusiveMinimum?: number; maximum?: number; type: string };
  const numbersOf = (group: string, properties: Record<string, NumberSpec>) =>
    Object.entries(properties).map(([key, spec]) => [group, key, spec] as [string, string, NumberSpec]);
  const numericFields = [
    ...numbersOf('patient', schema.properties.patient.properties),
    ...numbersOf('baselineVitals', schema.properties.baselineVitals.properties),
    ...numbersOf('medications', schema.properties.medications.items.properties),
  ].filter(([, , spec]) => spec.maximum !== undefined) as Array<[string, string, NumberSpec & { maximum: number }]>;

  /** A valid case with one numeric field set; vitals keep diastolic below systolic. */
  function caseWith(group: string, key: string, value: number): unknown {
    const c = structuredClone(clearCase()) as Record<string, any>;
    if (group === 'medications') c.medications = [{ name: 'x', class: 'ssri', [key]: value }];
    else if (group === 'baselineVitals') c.baselineVitals = { [key]: value };
    else c[group][key] = value;
    return c;
  }
  const field = (group: string, key: string) => (group === 'medications' ? `medications[0].${key}` : `${group}.${key}`);

  it('covers every bounded number of the JSON schema', () => {
    expect(numericFields.map(([g, k]) => `${g}.${k}`)).toEqual([
      'patient.ageYears',
      'patient.weightKg',
      'baselineVitals.systolic',
      'baselineVitals.diastolic',
      'baselineVitals.heartRate',
      'baselineVitals.spo2',
      'medications.dailyDoseMg',
    ]);
  });

  it.each(numericFields)('%s.%s accepts its bounds and rejects values beyond them', (group, key, spec) => {
    const accept = (v: number) => expect(screeningCaseSchema.safeParse(caseWith(group, key, v)).success, `${key}=${v}`).toBe(true);
    const reject = (v: number, message: RegExp) => {
      const parsed = screeningCaseSchema.safeParse(caseWith(group, key, v));
      expect(parsed.success, `${key}=${v}`).toBe(false);
      if (!parsed.success) expect(describeCaseError(parsed.error)).toMatch(new RegExp(`^${field(group, key).replace(/[[\].]/g, '\\$&')}: ${message.source}$`));
    };
    accept(spec.maximum);
    reject(spec.maximum + 1, new RegExp(`must be at most ${spec.maximum}`));
    reject(-1, /must be (at least \d+|more than 0)/);
    if (spec.minimum !== undefined) {
      accept(spec.minimum);
      reject(spec.minimum - 1, new RegExp(`must be at least ${spec.minimum}`));
    } else {
      accept(0.001);
      reject(0, /must be more than 0/);
    }
    if (spec.type === 'integer') reject((spec.minimum ?? 0) + 0.5, /must be a whole number/);
    else accept(spec.maximum - 0.5);
  });

  it('rejects systolic 900 naming the field', () => {
    const parsed = screeningCaseSchema.safeParse(caseWith('baselineVitals', 'systolic', 900));
    expect(parsed.success ? '' : describeCaseError(parsed.error)).toBe('baselineVitals.systolic: must be at most 300');
  });

  it.each([
    [120, 120, false],
    [120, 121, false],
    [120, 119, true],
    [41, 40, true],
  ])('systolic %i with diastolic %i is valid: %s', (systolic, diastolic, valid) => {
    const parsed = screeningCaseSchema.safeParse(clearCase({ baselineVitals: { systolic, diastolic } }));
    expect(parsed.success).toBe(valid);
    if (!parsed.success) expect(describeCaseError(parsed.error)).toBe('baselineVitals.diastolic: must be lower than systolic');
  });

  it('counts medicine name length in characters, as JSON Schema does', () => {
    const named = (name: string) => clearCase({ medications: [{ name, class: 'other' }] });
    expect(screeningCaseSchema.safeParse(named('💊'.repeat(200))).success).toBe(true);
    expect(screeningCaseSchema.safeParse(named('💊'.repeat(201))).success).toBe(false);
    expect(screeningCaseSchema.safeParse(named('')).success).toBe(false);
    expect(screeningCaseSchema.safeParse(named(' ')).success).toBe(true);
  });

  it('allows at most 100 medicines', () => {
    const list = (n: number) => clearCase({ medications: Array.from({ length: n }, () => ({ name: 'x', class: 'other' as const })) });
    expect(screeningCaseSchema.safeParse(list(100)).success).toBe(true);
    const parsed = screeningCaseSchema.safeParse(list(101));
    expect(parsed.success ? '' : describeCaseError(parsed.error)).toBe('medications: must have at most 100 entries');
  });
});

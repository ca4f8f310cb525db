import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ITEM_IDS,
  MEDICATION_CLASSES,
  PLANNED_TREATMENTS,
  RULES,
  screen,
  screeningCaseSchema,
  type ItemId,
  type ScreeningCase,
  type Verdict,
} from '../../shared/screening';
import { SEXES } from '../../shared/schemas/patient';
import { VERDICT_RANK, markdownTable, readClinical, unquote, withAnswer } from '../helpers/screening';

// Any schema-valid case, with values crowded around the rule thresholds and
// mostly ordinary, so every verdict is reached often.
const near = (values: number[], min: number, max: number, usual: [number, number] = [min, max]) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...values) },
    { weight: 3, arbitrary: fc.integer({ min: usual[0], max: usual[1] }) },
    { weight: 1, arbitrary: fc.integer({ min, max }) },
  );

// Mostly complete cases, so that "clear" and "caution" are reached as often as "incomplete".
const vitalsModel = {
  systolic: near([40, 139, 140, 140, 141, 179, 180, 181, 300], 40, 300, [95, 140]),
  diastolic: near([20, 89, 90, 90, 91, 99, 100, 101, 200], 20, 200, [55, 90]),
  heartRate: fc.integer({ min: 20, max: 250 }),
  spo2: fc.integer({ min: 50, max: 100 }),
};
const vitalsArb = fc
  .oneof(
    { weight: 4, arbitrary: fc.record(vitalsModel, { requiredKeys: ['systolic', 'diastolic'] }) },
    { weight: 1, arbitrary: fc.record(vitalsModel, { requiredKeys: [] }) },
  )
  .filter((v) => v.systolic === undefined || v.diastolic === undefined || v.diastolic < v.systolic);

const answersOf = (answer: fc.Arbitrary<boolean | null>, requiredKeys?: []) =>
  fc.record(
    Object.fromEntries(ITEM_IDS.map((id) => [id, answer])) as Record<ItemId, fc.Arbitrary<boolean | null>>,
    requiredKeys ? { requiredKeys } : {},
  );
const answersArb = fc.oneof(
  { weight: 3, arbitrary: answersOf(fc.oneof({ weight: 80, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) })) },
  { weight: 2, arbitrary: answersOf(fc.oneof({ weight: 80, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constantFrom(true, null) })) },
  { weight: 1, arbitrary: answersOf(fc.constantFrom(true, false, false, null), []) },
);

const medicationArb = fc.record(
  {
    name: fc.string({ minLength: 1, maxLength: 30 }),
    class: fc.constantFrom(...MEDICATION_CLASSES),
    dailyDoseMg: fc.double({ min: 0.001, max: 100000, noNaN: true }),
  },
  { requiredKeys: ['name', 'class'] },
);

const caseArb: fc.Arbitrary<ScreeningCase> = fc.record(
  {
    format: fc.constant('ketamine-screening/v1' as const),
    patient: fc.record(
      {
        ageYears: fc.oneof({ weight: 9, arbitrary: near([18, 64, 65, 120], 18, 120) }, { weight: 1, arbitrary: near([0, 17], 0, 17) }),
        sex: fc.constantFrom(...SEXES),
        weightKg: fc.double({ min: 0.001, max: 400, noNaN: true }),
      },
      { requiredKeys: ['ageYears', 'sex'] },
    ),
    plannedTreatment: fc.constantFrom(...PLANNED_TREATMENTS),
    baselineVitals: fc.option(vitalsArb, { nil: undefined, freq: 8 }),
    answers: answersArb,
    medications: fc.array(medicationArb, { maxLength: 4 }),
  },
  { requiredKeys: ['format', 'patient', 'plannedTreatment', 'baselineVitals', 'answers'] },
);

const rank = (v: Verdict) => VERDICT_RANK[v];
const itemArb = fc.constantFrom(...ITEM_IDS);

/**
 * An independent reading of screening-rules.md: severities come from the
 * document's own tables, thresholds from its text, so a slip in rules.ts or in
 * the engine shows up as a disagreement.
 */
const md = readClinical('screening-rules.md');
const itemRule = new Map(markdownTable(md, 'item id').map(([id = '', , sev = '', rule = '']) => [unquote(id), [unquote(rule), sev]]));
const medRule = new Map(
  markdownTable(md, 'rule id | medication class').map(([rule = '', cls = '', sev = '']) => [unquote(cls).split(' ')[0], [unquote(rule), sev]]),
);

function oracle(c: ScreeningCase): { verdict: Verdict; ruleIds: string[]; missing: string[] } {
  const fired: Array<[string, string]> = [];
  const missing: string[] = [];
  for (const [id, [rule = '', sev = '']] of itemRule) {
    const answer = c.answers[id as ItemId];
    if (answer === true) fired.push([rule, sev]);
    const required = !(c.patient.sex === 'male' && (id === 'pregnant' || id === 'breastfeeding'));
    if (required && (answer === null || answer === undefined)) missing.push(id);
  }
  const sys = c.baselineVitals?.systolic;
  const dia = c.baselineVitals?.diastolic;
  if (sys === undefined || dia === undefined) missing.push('baselineVitals');
  if ((sys ?? 0) > 180 || (dia ?? 0) > 100) fired.push(['CI-BP-SEVERE', 'contraindicated']);
  else if ((sys ?? 0) > 140 || (dia ?? 0) > 90) fired.push(['CA-BP-ELEVATED', 'caution']);
  if (c.patient.ageYears < 18) fired.push(['CI-AGE-MINOR', 'contraindicated']);
  if (c.patient.ageYears >= 65) fired.push(['NO-AGE-OLDER', 'note']);
  for (const m of c.medications ?? []) {
    const hit = medRule.get(m.class);
    if (hit) fired.push([hit[0] ?? '', hit[1] ?? '']);
  }
  const has = (sev: string) => fired.some(([, s]) => s === sev);
  const verdict: Verdict = has('contraindicated')
    ? 'contraindicated'
    : missing.length > 0
      ? 'incomplete'
      : has('caution')
        ? 'caution'
        : 'clear';
  return { verdict, ruleIds: fired.map(([r]) => r).sort(), missing };
}

describe('screening properties', () => {
  it('generated cases are schema-valid and the engine never throws on them', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(screeningCaseSchema.safeParse(c).success).toBe(true);
        const result = screen(c);
        const known = new Map<string, string>(RULES.map((r) => [r.id, r.severity]));
        for (const f of result.findings) expect(f.severity).toBe(known.get(f.ruleId));
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with an independent reading of the document on verdict, findings and missing', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = screen(c);
        const expected = oracle(c);
        expect(result.verdict).toBe(expected.verdict);
        expect(result.findings.map((f) => f.ruleId).sort()).toEqual(expected.ruleIds);
        expect(result.missing).toEqual(expected.missing);
      }),
      { numRuns: 1000 },
    );
  });

  it('is clear only when everything required is answered false, BP is within 140/90 and no caution applies', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        if (screen(c).verdict !== 'clear') return;
        expect(Object.values(c.answers)).not.toContain(true);
        expect(c.baselineVitals?.systolic).toBeLessThanOrEqual(140);
        expect(c.baselineVitals?.diastolic).toBeLessThanOrEqual(90);
        expect(c.patient.ageYears).toBeGreaterThanOrEqual(18);
        const cautionClasses = ['benzodiazepine', 'opioid', 'other-cns-depressant', 'psychostimulant', 'maoi'];
        for (const m of c.medications ?? []) expect(cautionClasses).not.toContain(m.class);
      }),
      { numRuns: 1000 },
    );
  });

  it('answering an item true instead of false never lowers the verdict', () => {
    fc.assert(
      fc.property(caseArb, itemArb, (c, id) => {
        const no = screen(withAnswer(c, id, false)).verdict;
        const yes = screen(withAnswer(c, id, true)).verdict;
        expect(rank(yes)).toBeGreaterThanOrEqual(rank(no));
      }),
      { numRuns: 1000 },
    );
  });

  it('answering an unanswered item true can settle "incomplete" but never yields "clear" or drops a contraindication', () => {
    fc.assert(
      fc.property(caseArb, itemArb, fc.constantFrom(null, undefined), (c, id, blank) => {
        const before = screen(withAnswer(c, id, blank)).verdict;
        const after = screen(withAnswer(c, id, true)).verdict;
        expect(after).not.toBe('clear');
        if (before === 'incomplete' && after === 'caution') return;
        expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
      }),
      { numRuns: 1000 },
    );
  });

  it('adding a medicine never lowers the verdict', () => {
    fc.assert(
      fc.property(caseArb, medicationArb, fc.nat(), (c, med, at) => {
        const list = [...(c.medications ?? [])];
        const before = screen(c).verdict;
        list.splice(at % (list.length + 1), 0, med);
        expect(rank(screen({ ...c, medications: list }).verdict)).toBeGreaterThanOrEqual(rank(before));
      }),
      { numRuns: 500 },
    );
  });

  it('a higher systolic or diastolic never lowers the verdict', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 100 }), (c, rise) => {
        const vitals = c.baselineVitals ?? {};
        const before = screen(c).verdict;
        if (vitals.systolic !== undefined && vitals.systolic + rise <= 300) {
          const up = screen({ ...c, baselineVitals: { ...vitals, systolic: vitals.systolic + rise } }).verdict;
          expect(rank(up)).toBeGreaterThanOrEqual(rank(before));
        }
        if (vitals.diastolic !== undefined && vitals.diastolic + rise < (vitals.systolic ?? 201)) {
          const up = screen({ ...c, baselineVitals: { ...vitals, diastolic: vitals.diastolic + rise } }).verdict;
          expect(rank(up)).toBeGreaterThanOrEqual(rank(before));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a male patient is never screened more strictly than an otherwise identical female one', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const as = (sex: 'male' | 'female') => screen({ ...c, patient: { ...c.patient, sex } }).verdict;
        expect(rank(as('female'))).toBeGreaterThanOrEqual(rank(as('male')));
      }),
      { numRuns: 500 },
    );
  });

  it('a minor, a contraindicated item or BP above 180/100 is always contraindicated', () => {
    const ciItems = RULES.flatMap((r) => (r.condition.kind === 'item' && r.severity === 'contraindicated' ? [r.condition.itemId] : []));
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...ciItems), fc.integer({ min: 0, max: 17 }), (c, id, minorAge) => {
        expect(screen(withAnswer(c, id, true)).verdict).toBe('contraindicated');
        expect(screen({ ...c, patient: { ...c.patient, ageYears: minorAge } }).verdict).toBe('contraindicated');
        expect(screen({ ...c, baselineVitals: { systolic: 181 } }).verdict).toBe('contraindicated');
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the medicine list', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const reversed = { ...c, medications: [...(c.medications ?? [])].reverse() };
        const key = (x: ScreeningCase) => screen(x).findings.map((f) => JSON.stringify(f)).sort();
        expect(key(reversed)).toEqual(key(c));
        expect(screen(reversed).verdict).toBe(screen(c).verdict);
      }),
      { numRuns: 300 },
    );
  });
});

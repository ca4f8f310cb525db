import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ITEMS,
  RESULT_FORMAT,
  RULES,
  RULE_SET_VERSION,
  screen,
  screeningCaseSchema,
  type Medication,
  type MedicationClass,
  type ScreeningCase,
} from '../../shared/screening';
import { CLINICAL_DIR, allAnswers, clearCase, readClinical, ruleIdsOf, withAnswer, withBp } from '../helpers/screening';

const meds = (...entries: Array<[string, MedicationClass]>): Medication[] =>
  entries.map(([name, cls]) => ({ name, class: cls }));

describe('screen: one rule per checklist item', () => {
  const itemRules = RULES.filter((r) => r.condition.kind === 'item');

  it.each(itemRules.map((r) => [r.id, r] as const))('%s fires when its item is answered true', (_, rule) => {
    if (rule.condition.kind !== 'item') throw new Error('not an item rule');
    const result = screen(withAnswer(clearCase(), rule.condition.itemId, true));
    expect(result.findings).toEqual([
      { ruleId: rule.id, severity: rule.severity, message: rule.message, source: rule.source },
    ]);
    expect(result.verdict).toBe(rule.severity);
    expect(result.missing).toEqual([]);
  });

  it('fires nothing when every item is false', () => {
    expect(screen(clearCase())).toEqual({
      format: RESULT_FORMAT,
      ruleSetVersion: RULE_SET_VERSION,
      verdict: 'clear',
      findings: [],
      missing: [],
    });
  });

  it('fires every item rule at once when every item is true', () => {
    const ids = ruleIdsOf(clearCase({ answers: allAnswers(true) }));
    expect(ids).toEqual(itemRules.map((r) => r.id).sort());
  });
});

describe('screen: medication rules', () => {
  const medicationRules = RULES.filter((r) => r.condition.kind === 'medication-class');

  it.each(medicationRules.map((r) => [r.id, r] as const))('%s fires once per matching entry', (_, rule) => {
    if (rule.condition.kind !== 'medication-class') throw new Error('not a medication rule');
    const cls = rule.condition.medicationClass;
    const result = screen(clearCase({ medications: meds(['first', cls], ['sertraline', 'ssri'], ['second', cls]) }));
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.source])).toEqual([
      [rule.id, rule.severity, rule.source],
      [rule.id, rule.severity, rule.source],
    ]);
    expect(result.findings.map((f) => f.message)).toEqual([
      rule.message.replace('{medication}', 'first'),
      rule.message.replace('{medication}', 'second'),
    ]);
    expect(result.verdict).toBe(rule.severity === 'caution' ? 'caution' : 'clear');
  });

  it.each(['ssri', 'snri', 'other'] as const)('gives no finding for class %s', (cls) => {
    expect(screen(clearCase({ medications: meds(['x', cls]) }))).toMatchObject({ verdict: 'clear', findings: [] });
  });

  it('goes by the recorded class, not the name', () => {
    expect(ruleIdsOf(clearCase({ medications: meds(['lorazepam', 'other']) }))).toEqual([]);
    expect(ruleIdsOf(clearCase({ medications: meds(['vitamin D', 'opioid']) }))).toEqual(['CA-MED-OPIOID']);
  });

  it('keeps a medicine name with $ patterns verbatim in the message', () => {
    const [finding] = screen(clearCase({ medications: meds(["$& $' $1", 'maoi']) })).findings;
    expect(finding?.message).toContain("($& $' $1)");
  });

  it('lists one finding per rule otherwise, and one per entry for medicines', () => {
    const c = clearCase({
      patient: { ageYears: 70, sex: 'female' },
      baselineVitals: { systolic: 150, diastolic: 95 },
      medications: meds(['a', 'opioid'], ['b', 'opioid'], ['c', 'naltrexone']),
    });
    expect(ruleIdsOf(c)).toEqual(['CA-BP-ELEVATED', 'CA-MED-OPIOID', 'CA-MED-OPIOID', 'NO-AGE-OLDER', 'NO-MED-NALTREXONE']);
  });
});

describe('screen: verdict precedence', () => {
  const unanswered = withAnswer(clearCase(), 'seizure-disorder', null);

  it('contraindicated beats incomplete', () => {
    const result = screen(withAnswer(unanswered, 'pregnant', true));
    expect(result.verdict).toBe('contraindicated');
    expect(result.missing).toEqual(['seizure-disorder']);
  });

  it('contraindicated beats missing blood pressure and caution', () => {
    const c = withAnswer({ ...clearCase(), baselineVitals: undefined }, 'ketamine-hypersensitivity', true);
    const result = screen(withAnswer(c, 'seizure-disorder', true));
    expect(result.verdict).toBe('contraindicated');
    expect(result.missing).toEqual(['baselineVitals']);
  });

  it('incomplete beats caution', () => {
    const result = screen(withAnswer(unanswered, 'controlled-hypertension', true));
    expect(result.verdict).toBe('incomplete');
    expect(result.findings.map((f) => f.ruleId)).toEqual(['CA-HTN-CONTROLLED']);
  });

  it('caution beats clear, and notes never change the verdict', () => {
    const noted = clearCase({ patient: { ageYears: 80, sex: 'male' }, medications: meds(['Lamictal', 'lamotrigine']) });
    expect(screen(noted)).toMatchObject({ verdict: 'clear' });
    expect(screen(noted).findings.map((f) => f.severity)).toEqual(['note', 'note']);
    expect(screen(withAnswer(noted, 'no-escort-home', true)).verdict).toBe('caution');
    expect(screen(withAnswer(noted, 'no-escort-home', null)).verdict).toBe('incomplete');
  });
});

describe('screen: missing items', () => {
  it('counts null and absent answers alike, in checklist order', () => {
    const c = withAnswer(withAnswer(clearCase(), 'urinary-tract-symptoms', null), 'aneurysmal-vascular-disease', undefined);
    expect(screen(c)).toMatchObject({ verdict: 'incomplete', missing: ['aneurysmal-vascular-disease', 'urinary-tract-symptoms'] });
  });

  it('lists every item when nothing is answered', () => {
    const result = screen(clearCase({ answers: {} }));
    expect(result.missing).toEqual(ITEMS.map((i) => i.id));
  });

  it('does not require pregnancy or breastfeeding for male patients only', () => {
    const unanswered = { ...allAnswers(false), pregnant: null, breastfeeding: null };
    const expected = { male: [], female: ['pregnant', 'breastfeeding'], intersex: ['pregnant', 'breastfeeding'], unknown: ['pregnant', 'breastfeeding'] };
    for (const [sex, missing] of Object.entries(expected)) {
      const c = clearCase({ patient: { ageYears: 30, sex: sex as ScreeningCase['patient']['sex'] }, answers: unanswered });
      expect(screen(c), sex).toMatchObject({ missing, verdict: missing.length ? 'incomplete' : 'clear' });
    }
  });

  it('still fires pregnancy and breastfeeding when answered true for a male patient', () => {
    const c = clearCase({ patient: { ageYears: 30, sex: 'male' }, answers: { ...allAnswers(false), pregnant: true, breastfeeding: true } });
    expect(screen(c)).toMatchObject({ verdict: 'contraindicated' });
    expect(ruleIdsOf(c)).toEqual(['CI-BREASTFEEDING', 'CI-PREGNANCY']);
  });

  it('lists baselineVitals when either blood pressure value or the whole baseline is missing', () => {
    expect(screen(withBp(undefined, undefined)).missing).toEqual(['baselineVitals']);
    expect(screen(withBp(120, undefined)).missing).toEqual(['baselineVitals']);
    expect(screen(withBp(undefined, 80)).missing).toEqual(['baselineVitals']);
    expect(screen({ ...clearCase(), baselineVitals: undefined })).toMatchObject({ verdict: 'incomplete', missing: ['baselineVitals'] });
    // Heart rate and SpO2 are recorded but are not part of the screening.
    expect(screen(withBp(120, 80))).toMatchObject({ verdict: 'clear', missing: [] });
  });

  it('puts baselineVitals after the items', () => {
    const c = withAnswer({ ...clearCase(), baselineVitals: undefined }, 'no-escort-home', null);
    expect(screen(c).missing).toEqual(['no-escort-home', 'baselineVitals']);
  });
});

describe('screen: examples of the clinical contract', () => {
  const expected: Record<string, { verdict: string; ruleIds: string[]; missing: string[] }> = JSON.parse(
    readClinical('examples/expected.json'),
  );
  const files = readdirSync(`${CLINICAL_DIR}examples`).filter((f) => f !== 'expected.json');

  it('has an expectation for every example file', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s', (file) => {
    const parsed = screeningCaseSchema.parse(JSON.parse(readClinical(`examples/${file}`)));
    const result = screen(parsed);
    expect(result.verdict).toBe(expected[file]?.verdict);
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual([...(expected[file]?.ruleIds ?? [])].sort());
    expect([...result.missing].sort()).toEqual([...(expected[file]?.missing ?? [])].sort());
  });
});

describe('screen: result shape', () => {
  it('has exactly the documented keys, in the documented order', () => {
    const result = screen(withBp(150, 80));
    expect(Object.keys(result)).toEqual(['format', 'ruleSetVersion', 'verdict', 'findings', 'missing']);
    expect(Object.keys(result.findings[0] ?? {})).toEqual(['ruleId', 'severity', 'message', 'source']);
  });

  it('does not change its input', () => {
    const c = clearCase({ medications: meds(['x', 'opioid']) });
    const copy = structuredClone(c);
    screen(c);
    expect(c).toEqual(copy);
  });
});

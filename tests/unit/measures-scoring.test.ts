import { describe, expect, it } from 'vitest';
import {
  GAD7,
  PHQ9,
  bandOf,
  changeFromBaseline,
  classifyAsq,
  describeMeasureError,
  measureAnswersOf,
  measureInputSchema,
  measureResultSchema,
  questionnaireAnswersSchema,
  scoreMeasure,
  type AsqAnswer,
  type FrequencyAnswer,
  type FrequencyInstrumentId,
} from '../../shared/measures';
import { INVALID_INPUTS } from '../helpers/measures';

/** Answers that add up to `total`, filled from the first item, each at most 3. */
function answersFor(count: number, total: number): FrequencyAnswer[] {
  return Array.from({ length: count }, (_, i) => Math.max(0, Math.min(3, total - 3 * i)) as FrequencyAnswer);
}

const score = (instrument: FrequencyInstrumentId, answers: readonly (FrequencyAnswer | null)[], baseline?: number) =>
  scoreMeasure({ instrument, answers, baseline });
const asq = (...answers: (AsqAnswer | null)[]) => scoreMeasure({ instrument: 'asq', answers });

describe('PHQ-9 and GAD-7 totals and bands', () => {
  // Every band edge of both instruments, from the contract.
  it.each([
    ['phq9', 0, 'minimal'], ['phq9', 4, 'minimal'], ['phq9', 5, 'mild'], ['phq9', 9, 'mild'],
    ['phq9', 10, 'moderate'], ['phq9', 14, 'moderate'], ['phq9', 15, 'moderately-severe'], ['phq9', 19, 'moderately-severe'],
    ['phq9', 20, 'severe'], ['phq9', 27, 'severe'],
    ['gad7', 0, 'minimal'], ['gad7', 4, 'minimal'], ['gad7', 5, 'mild'], ['gad7', 9, 'mild'],
    ['gad7', 10, 'moderate'], ['gad7', 14, 'moderate'], ['gad7', 15, 'severe'], ['gad7', 21, 'severe'],
  ] as const)('%s total %i is %s', (instrument, total, band) => {
    const count = instrument === 'phq9' ? 9 : 7;
    const result = score(instrument, answersFor(count, total));
    expect(result).toMatchObject({ status: 'complete', total, band, result: null, missing: [], change: null });
    expect(bandOf(instrument, total)).toBe(band);
  });

  it('has no band outside the range', () => {
    expect(bandOf('phq9', 28)).toBeNull();
    expect(bandOf('gad7', 22)).toBeNull();
    expect(bandOf('gad7', -1)).toBeNull();
  });

  it('does not prorate: any unanswered item leaves total and band empty and lists every gap', () => {
    const answers: (FrequencyAnswer | null)[] = [3, null, 3, 3, 3, 3, null, 3, 0];
    expect(score('phq9', answers, 20)).toEqual({
      format: 'ketadesk-measure-result/v1', instrument: 'phq9', status: 'incomplete', total: null, band: null,
      result: null, flags: [], missing: [2, 7], change: null,
    });
    expect(score('gad7', Array(7).fill(null)).missing).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('flags PHQ-9 item 9 at 1 or more, complete or not, and never on the GAD-7', () => {
    for (const item9 of [1, 2, 3] as const) {
      expect(score('phq9', [0, 0, 0, 0, 0, 0, 0, 0, item9]).flags).toEqual(['phq9-item9-positive']);
      expect(score('phq9', [null, 0, 0, 0, 0, 0, 0, 0, item9]).flags).toEqual(['phq9-item9-positive']);
    }
    expect(score('phq9', [3, 3, 3, 3, 3, 3, 3, 3, 0]).flags).toEqual([]);
    expect(score('phq9', [0, 0, 0, 0, 0, 0, 0, 0, null]).flags).toEqual([]);
    expect(score('gad7', [3, 3, 3, 3, 3, 3, 3]).flags).toEqual([]);
  });
});

describe('change from baseline', () => {
  it.each([
    // total, baseline, points, response, remission
    [10, 18, -8, false, false],
    [9, 18, -9, true, false], // exactly half gone is a response
    [10, 19, -9, false, false], // 9 of 19 is under half
    [9, 19, -10, true, false],
    [4, 18, -14, true, true],
    [5, 10, -5, true, false], // remission is below 5, not 5
    [4, 4, 0, false, true], // nothing gone is no response, even from a low baseline
    [0, 0, 0, false, true], // a baseline of 0 can never show a response
    [3, 0, 3, false, true],
    [22, 15, 7, false, false],
    [0, 1, -1, true, true],
  ])('total %i from baseline %i: points %i, response %s, remission %s', (total, baseline, points, response, remission) => {
    expect(changeFromBaseline(total, baseline)).toEqual({ baseline, points, response, remission });
  });

  it('is given only for a complete questionnaire with a baseline', () => {
    expect(score('gad7', answersFor(7, 6), 14).change).toEqual({ baseline: 14, points: -8, response: true, remission: false });
    expect(score('gad7', answersFor(7, 6)).change).toBeNull();
    expect(score('gad7', [...answersFor(6, 6), null], 14).change).toBeNull();
  });
});

describe('ASQ decision rules', () => {
  const none: never[] = [];
  it.each([
    // answers 1–5, result, flags, missing
    [['no', 'no', 'no', 'no', null], 'negative', none, none],
    [['no', 'no', 'no', 'no', 'no'], 'negative', none, none],
    [['no', 'no', 'no', 'no', 'refused'], 'negative', none, none], // a refusal of 5 alone does not count
    [['no', 'no', 'no', 'no', 'yes'], 'positive-acute', ['asq-acute', 'asq-positive'], none], // only a yes at 5 counts
    [['yes', 'no', 'no', 'no', 'yes'], 'positive-acute', ['asq-acute', 'asq-positive'], none],
    [['no', 'yes', 'no', 'no', 'refused'], 'positive-acute', ['asq-acute', 'asq-positive'], none],
    [['refused', 'no', 'no', 'no', 'refused'], 'positive-acute', ['asq-acute', 'asq-positive'], none],
    [[null, null, null, null, 'yes'], 'positive-acute', ['asq-acute', 'asq-positive'], none],
    [['no', 'yes', 'no', 'no', 'no'], 'positive-non-acute', ['asq-positive'], none],
    [['no', 'no', 'no', 'yes', 'no'], 'positive-non-acute', ['asq-positive'], none],
    [['no', 'no', 'refused', 'no', 'no'], 'positive-non-acute', ['asq-positive'], none], // a refusal counts as positive
    [['yes', null, null, null, 'no'], 'positive-non-acute', ['asq-positive'], none], // gaps do not matter once decided
    [['no', null, 'no', 'no', null], 'incomplete', none, [2]],
    [[null, null, null, null, null], 'incomplete', none, [1, 2, 3, 4]],
    [['no', null, 'no', null, 'refused'], 'incomplete', none, [2, 4]],
    [['no', null, 'no', 'no', 'no'], 'incomplete', none, [2]],
    [['yes', 'no', 'no', 'no', null], 'incomplete', ['asq-positive'], [5]], // positive, 5 not asked yet
    [['no', 'refused', 'no', 'no', null], 'incomplete', ['asq-positive'], [5]],
    [['yes', null, 'no', null, null], 'incomplete', ['asq-positive'], [2, 4, 5]],
  ] as const)('%j is %s', (answers, result, flags, missing) => {
    expect(asq(...answers)).toEqual({
      format: 'ketadesk-measure-result/v1', instrument: 'asq', status: result === 'incomplete' ? 'incomplete' : 'complete',
      total: null, band: null, result, flags, missing, change: null,
    });
    expect(classifyAsq(answers)).toBe(result);
  });
});

describe('schemas', () => {
  it.each(INVALID_INPUTS)('names the field of %s', (_, content, line) => {
    const parsed = measureInputSchema.safeParse(content);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeMeasureError(parsed.error)).toMatch(line);
  });

  it('accepts null answers and difficulty, and every result fits the result schema', () => {
    const input = { format: 'ketadesk-measure/v1', instrument: 'gad7', answers: [0, null, 1, 2, 3, 0, 0], difficulty: null, baseline: 21 };
    const parsed = measureInputSchema.parse(input);
    expect(measureResultSchema.parse(scoreMeasure(parsed))).toMatchObject({ status: 'incomplete', missing: [2] });
  });

  it('reads a stored questionnaire by item code and scores it like the same answers in order', () => {
    const items = Object.fromEntries(PHQ9.items.map((item, i) => [item.id, i === 8 ? 2 : 1]));
    const stored = questionnaireAnswersSchema.parse({ instrument: 'phq9', items, difficulty: 1 });
    expect(scoreMeasure(measureAnswersOf(stored, 20))).toMatchObject({ total: 10, band: 'moderate', flags: ['phq9-item9-positive'], change: { points: -10, response: true } });

    const asqStored = questionnaireAnswersSchema.parse({
      instrument: 'asq', items: { 'asq-1': 'no', 'asq-2': 'no', 'asq-3': 'no', 'asq-4': 'yes', 'asq-5': 'no' },
      details: { 'asq-4': '  Overdose, 2019  ', 'asq-5': null },
    });
    expect(asqStored.instrument === 'asq' && asqStored.details['asq-4']).toBe('Overdose, 2019');
    expect(scoreMeasure(measureAnswersOf(asqStored)).result).toBe('positive-non-acute');
  });

  it('refuses a stored questionnaire with a missing, unknown or out-of-range item, naming it', () => {
    const items = Object.fromEntries(GAD7.items.map((item) => [item.id, 0]));
    const problem = (value: unknown) => {
      const parsed = questionnaireAnswersSchema.safeParse(value);
      return parsed.success ? null : describeMeasureError(parsed.error);
    };
    expect(problem({ instrument: 'gad7', items, difficulty: null })).toBeNull();
    expect(problem({ instrument: 'gad7', items: { ...items, 'gad7-7': undefined }, difficulty: null })).toBe('items.gad7-7: is required');
    expect(problem({ instrument: 'gad7', items: { ...items, 'phq9-9': 0 }, difficulty: null })).toBe('items.phq9-9: is not an item of this questionnaire');
    expect(problem({ instrument: 'gad7', items: { ...items, 'gad7-2': 4 }, difficulty: null })).toBe('items.gad7-2: must be 0, 1, 2, 3 or null');
    expect(problem({ instrument: 'gad7', items })).toBe('difficulty: is required');
    expect(problem({ instrument: 'bdi', items })).toBe('instrument: must be one of phq9, gad7, asq');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASQ_ANSWERS,
  FREQUENCY_INSTRUMENTS,
  FREQUENCY_VALUES,
  ITEM_COUNTS,
  measureResultSchema,
  scoreMeasure,
  type AsqAnswer,
  type FrequencyAnswer,
  type FrequencyInstrumentId,
} from '../../shared/measures';

const instrumentArb = fc.constantFrom<FrequencyInstrumentId>('phq9', 'gad7');
const answerArb = fc.constantFrom<FrequencyAnswer>(...FREQUENCY_VALUES);
// Mostly answered, so complete questionnaires and every band are reached often.
const maybeAnswerArb = fc.oneof({ weight: 6, arbitrary: answerArb }, { weight: 1, arbitrary: fc.constant(null) });

const questionnaireArb = (answer: fc.Arbitrary<FrequencyAnswer | null>) =>
  instrumentArb.chain((instrument) =>
    fc.record({
      instrument: fc.constant(instrument),
      answers: fc.array(answer, { minLength: ITEM_COUNTS[instrument], maxLength: ITEM_COUNTS[instrument] }),
      baseline: fc.option(fc.integer({ min: 0, max: FREQUENCY_INSTRUMENTS[instrument].total.max }), { nil: undefined }),
    }),
  );

const bandRank = (instrument: FrequencyInstrumentId, band: string | null) =>
  FREQUENCY_INSTRUMENTS[instrument].bands.findIndex((b) => b.name === band);

const asqAnswerArb = fc.constantFrom<AsqAnswer | null>(...ASQ_ANSWERS, null);
const asqArb = fc.array(asqAnswerArb, { minLength: 5, maxLength: 5 });

describe('scoring properties', () => {
  it('a complete total never leaves its range and always has a band; an incomplete one has neither', () => {
    fc.assert(
      fc.property(questionnaireArb(maybeAnswerArb), (q) => {
        const result = scoreMeasure(q);
        measureResultSchema.parse(result);
        if (q.answers.includes(null)) {
          expect(result).toMatchObject({ status: 'incomplete', total: null, band: null, change: null });
          expect(result.missing.length).toBeGreaterThan(0);
        } else {
          expect(result.total).toBeGreaterThanOrEqual(0);
          expect(result.total).toBeLessThanOrEqual(FREQUENCY_INSTRUMENTS[q.instrument].total.max);
          expect(bandRank(q.instrument, result.band)).toBeGreaterThanOrEqual(0);
          expect(result.change !== null).toBe(q.baseline !== undefined);
        }
      }),
    );
  });

  it('a higher answer never lowers a total or a band', () => {
    fc.assert(
      fc.property(questionnaireArb(answerArb), fc.nat(), fc.integer({ min: 1, max: 3 }), (q, at, step) => {
        const i = at % q.answers.length;
        const raised = q.answers.map((a, j) => (j === i ? (Math.min(3, a! + step) as FrequencyAnswer) : a));
        const before = scoreMeasure(q);
        const after = scoreMeasure({ ...q, answers: raised });
        expect(after.total!).toBeGreaterThanOrEqual(before.total!);
        expect(bandRank(q.instrument, after.band)).toBeGreaterThanOrEqual(bandRank(q.instrument, before.band));
        // ...and never turns a response or a remission on.
        if (before.change && after.change) {
          expect(after.change.response && !before.change.response).toBe(false);
          expect(after.change.remission && !before.change.remission).toBe(false);
        }
      }),
    );
  });

  it('PHQ-9 item 9 at 1 or more always raises its flag, complete or not', () => {
    fc.assert(
      fc.property(fc.array(maybeAnswerArb, { minLength: 8, maxLength: 8 }), fc.constantFrom<FrequencyAnswer>(1, 2, 3), (first8, item9) => {
        expect(scoreMeasure({ instrument: 'phq9', answers: [...first8, item9] }).flags).toContain('phq9-item9-positive');
      }),
    );
  });

  it('PHQ-9 item 9 at 0 or unanswered never raises it, and the GAD-7 never does', () => {
    fc.assert(
      fc.property(questionnaireArb(maybeAnswerArb), (q) => {
        const expected = q.instrument === 'phq9' && (q.answers[8] ?? 0) >= 1;
        expect(scoreMeasure(q).flags).toEqual(expected ? ['phq9-item9-positive'] : []);
      }),
    );
  });
});

describe('ASQ properties', () => {
  it('every result fits the contract: incomplete exactly when missing, flags sorted and consistent', () => {
    fc.assert(
      fc.property(asqArb, (answers) => {
        const result = scoreMeasure({ instrument: 'asq', answers });
        measureResultSchema.parse(result);
        expect(result.status === 'incomplete').toBe(result.result === 'incomplete');
        expect(result.missing.length > 0).toBe(result.result === 'incomplete');
        expect(result.flags).toEqual([...result.flags].sort());
        expect(result.flags.includes('asq-acute')).toBe(result.result === 'positive-acute');
        const positive = answers.slice(0, 4).some((a) => a === 'yes' || a === 'refused') || answers[4] === 'yes';
        expect(result.flags.includes('asq-positive')).toBe(positive);
        // A positive screen is never negative, and a negative one needs 1–4 all "no".
        if (positive) expect(result.result).not.toBe('negative');
        if (result.result === 'negative') expect(answers.slice(0, 4)).toEqual(['no', 'no', 'no', 'no']);
      }),
    );
  });

  it('a yes or refusal in place of a "no" or a gap never makes the result less urgent', () => {
    const urgency = { negative: 0, incomplete: 1, 'positive-non-acute': 2, 'positive-acute': 3 } as const;
    fc.assert(
      fc.property(asqArb, fc.integer({ min: 0, max: 3 }), fc.constantFrom<AsqAnswer>('yes', 'refused'), (answers, i, worse) => {
        fc.pre(answers[i] === 'no' || answers[i] === null);
        const raised = answers.map((a, j) => (j === i ? worse : a));
        const before = scoreMeasure({ instrument: 'asq', answers }).result!;
        const after = scoreMeasure({ instrument: 'asq', answers: raised }).result!;
        expect(urgency[after]).toBeGreaterThanOrEqual(Math.min(urgency[before], urgency['positive-non-acute']));
      }),
    );
  });
});

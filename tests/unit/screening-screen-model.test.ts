import { describe, expect, it } from 'vitest';
import { ITEMS, ITEM_GROUPS } from '../../shared/screening';
import {
  ITEMS_IN_SCREEN_ORDER, citedSources, firstMissing, parseVitals, rawVitalsOf, withAnswer, answerOf,
} from '../../renderer/src/screening/model';
import { blankAnswers } from '../../shared/schemas/screening';

// The checklist screen's pure helpers. The one that matters most: vitals as
// typed never reach the saved answers unless the case format accepts them, so
// a mistyped blood pressure reads as missing (incomplete), never as a value.

const raw = (v: Partial<Record<'systolic' | 'diastolic' | 'heartRate' | 'spo2', string>>) => ({
  systolic: '', diastolic: '', heartRate: '', spo2: '', ...v,
});

describe('parseVitals', () => {
  it('keeps valid whole numbers and leaves blanks out', () => {
    expect(parseVitals(raw({ systolic: '150', diastolic: ' 85 ', spo2: '98' }))).toEqual({
      vitals: { systolic: 150, diastolic: 85, spo2: 98 },
      errors: {},
    });
    expect(parseVitals(raw({}))).toEqual({ vitals: undefined, errors: {} });
  });

  it('drops a value outside the case format’s bounds, with the schema’s message, and never clamps it', () => {
    expect(parseVitals(raw({ systolic: '900', diastolic: '85' }))).toEqual({
      vitals: { diastolic: 85 },
      errors: { systolic: 'Must be at most 300' },
    });
    expect(parseVitals(raw({ spo2: '49' })).errors).toEqual({ spo2: 'Must be at least 50' });
  });

  it('refuses decimals, signs and words as not whole numbers', () => {
    for (const text of ['120.5', '-80', '1e2', 'abc', '12 0']) {
      expect(parseVitals(raw({ systolic: text })), text).toEqual({ vitals: undefined, errors: { systolic: 'Must be a whole number' } });
    }
  });

  it('drops a diastolic that is not below the systolic, so the pair reads as missing', () => {
    expect(parseVitals(raw({ systolic: '150', diastolic: '160' }))).toEqual({
      vitals: { systolic: 150 },
      errors: { diastolic: 'Must be lower than systolic' },
    });
    // Checked on what is left once out-of-bounds values are dropped.
    expect(parseVitals(raw({ systolic: '900', diastolic: '190' })).vitals).toEqual({ diastolic: 190 });
  });

  it('shows saved vitals as text again', () => {
    expect(rawVitalsOf({ ...blankAnswers('iv-ketamine'), baselineVitals: { systolic: 120, diastolic: 80 } })).toEqual(
      raw({ systolic: '120', diastolic: '80' }),
    );
  });
});

describe('checklist order and missing answers', () => {
  it('lists every item once, group by group in the rule set’s group order', () => {
    expect([...ITEMS_IN_SCREEN_ORDER].sort()).toEqual(ITEMS.map((i) => i.id).sort());
    const groups = ITEMS_IN_SCREEN_ORDER.map((id) => ITEMS.find((i) => i.id === id)!.group);
    const firstSeen = [...new Set(groups)];
    expect(firstSeen).toEqual(ITEM_GROUPS.map((g) => g.id));
  });

  it('goes to the first missing question as shown on screen, then to the blood pressure', () => {
    // The engine lists missing items in rule-set order; the screen groups them.
    expect(firstMissing(['ketamine-hypersensitivity', 'intracerebral-hemorrhage-history', 'baselineVitals'])).toBe(
      'intracerebral-hemorrhage-history',
    );
    expect(firstMissing(['baselineVitals'])).toBe('baselineVitals');
    expect(firstMissing([])).toBeNull();
  });

  it('stores "not asked" as null and reads anything but a boolean as not asked', () => {
    const a = withAnswer(withAnswer(blankAnswers('iv-ketamine'), 'seizure-disorder', 'yes'), 'pregnant', 'unasked');
    expect(a.answers).toEqual({ 'seizure-disorder': true, pregnant: null });
    expect(answerOf(a, 'pregnant')).toBe('unasked');
    expect(answerOf(a, 'breastfeeding')).toBe('unasked');
    expect(answerOf(withAnswer(a, 'seizure-disorder', 'no'), 'seizure-disorder')).toBe('no');
  });
});

describe('citedSources', () => {
  it('expands each numbered source once, in citation order', () => {
    expect(citedSources('S1 §5.5, S3').map((s) => s.code)).toEqual(['S1', 'S3']);
    expect(citedSources('S2 §5 (older editions), S12')[1]!.title).toMatch(/^Zeiler FA/);
    expect(citedSources('S99')).toEqual([{ code: 'S99', title: 'Source not listed' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { PHQ_FOOTER } from '../../shared/measures';
import { allTextOf, buildPrintout, documentFileName } from '../../shared/printouts';
import { COURSES, printInput, trendOf } from '../helpers/printouts';

// The progress sheet says in plain words what the trend model computed: the
// first and latest scores, the difference, response and remission (M6), the
// GAD-7's borrowed yardsticks, and who to call.

const sheet = (course: keyof typeof COURSES | null) =>
  buildPrintout('progress', printInput(), { trend: course ? trendOf(COURSES[course]!) : null });
const text = (course: keyof typeof COURSES | null) => allTextOf(sheet(course));

describe('progress sheet', () => {
  it('tells an improving course: first and latest scores, the difference, response and remission, the anxiety caveat', () => {
    const t = text('improving');
    expect(t).toContain('Your first depression score (PHQ-9) was 18, on 2 November 2026. Your latest was 4, on 23 November 2026. That is 14 points lower than your first score.');
    expect(t).toContain('Your depression score has dropped by half or more since your first score. Doctors call this a response.');
    expect(t).toContain('Your depression score is now below 5. Doctors call this remission.');
    // GAD-7 14 to 8: 6 points, short of half.
    expect(t).toContain('Your anxiety score has not dropped by half yet.');
    expect(t).toContain('These yardsticks were made for the depression score. We use them for anxiety too, but only as a rough guide.');
    expect(t).toContain('Your latest PHQ-9 score is in the minimal range.');
    expect(t).toContain('20 to 27: severe');
    expect(t).toContain('15 to 21: severe');
    expect(sheet('improving').sections.map((s) => s.title)).toEqual(['Your scores over time', 'What the scores mean', 'How you are doing', 'Who to call']);
  });

  it('prints the chart with the questionnaires’ owners’ line', () => {
    const chart = sheet('improving').sections[0]!.blocks[0]!;
    expect(chart).toMatchObject({ kind: 'trend', note: PHQ_FOOTER });
  });

  it('says a higher score is higher, and makes no response claim from a first score of 0', () => {
    expect(text('worse')).toContain('That is 3 points higher than your first score.');
    expect(text('from zero')).not.toContain('half');
    expect(text('from zero')).toContain('Your depression score is now below 5. Doctors call this remission.');
  });

  it('with only a first score, says later ones will be compared with it; with none, that none exist yet', () => {
    expect(text('first only')).toContain('Your first anxiety score (GAD-7) was 16, on 2 November 2026. We will compare your later scores with it.');
    expect(text('first only')).not.toContain('Doctors call');
    expect(text(null)).toContain('We have no scores for you yet.');
  });

  it('gives the clinic, after-hours and emergency numbers, and no percentages', () => {
    for (const course of [...Object.keys(COURSES), null]) {
      const t = text(course);
      expect(t).toContain('Harbour Mood Clinic: +1 555 0100');
      expect(t).toContain('After hours: +1 555 0199');
      expect(t).toContain('If you think about hurting yourself, call 911 now.');
      expect(t).not.toMatch(/\d\s?%/);
    }
  });

  it('is saved with "progress" in its file name', () => {
    expect(documentFileName('progress', 'KD-1001', '2026-11-25')).toBe('progress-KD-1001-2026-11-25.pdf');
  });
});

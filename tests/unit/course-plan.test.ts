import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays, computeCourseStatus, COURSE_SETTING_DEFAULTS, doseOrderProblem, nextDue, overdueDays, reviewPrompt,
  warningsFor, type CoursePlan, type PlanInput,
} from '../../shared/course';

const D0 = '2026-11-02'; // a Monday
const day = (n: number) => addDays(D0, n);
const days = (...ns: number[]) => ns.map(day);
const ESK: CoursePlan = { route: 'esketamine-nasal', maintenanceIntervalDays: 14 };
const IV: CoursePlan = { route: 'iv-ketamine', inductionSessions: 6, inductionSpanDays: 21, maintenanceIntervalDays: 28 };
const SETTINGS = COURSE_SETTING_DEFAULTS; // min 2 days, tolerance 2, overdue after 2

function input(plan: CoursePlan, phase: PlanInput['phase'], phaseDays: number[], earlier: number[] = [], since = phaseDays[0] ?? 0): PlanInput {
  return { phase, plan, phaseSinceDay: day(since), sessionDays: days(...earlier, ...phaseDays), phaseSessionDays: days(...phaseDays), settings: SETTINGS };
}
const codes = (i: PlanInput, n: number) => warningsFor(i, day(n)).map((w) => w.code);

describe('esketamine induction: at most twice weekly for weeks 1–4 [S1 §2]', () => {
  it('allows a second session 3 days after the first and warns about a third within 7 days', () => {
    const i = input(ESK, 'induction', [0, 3]);
    expect(codes(i, 6)).toEqual(['too-early']); // day 0, 3 and 6 fall in one 7-day window
    expect(codes(i, 7)).toEqual([]); // day 0 has left the window
    expect(warningsFor(i, day(6))[0]!.message).toMatch(/session 3 within 7 days; the label allows at most twice weekly/);
  });

  it('warns below the clinic minimum of 2 days between sessions, and not at it', () => {
    const i = input(ESK, 'induction', [0]);
    expect(codes(i, 1)).toEqual(['too-early']);
    expect(warningsFor(i, day(1))[0]!.source).toBe('clinic setting');
    expect(codes(i, 2)).toEqual([]);
    expect(codes(i, 0)).toEqual(['too-early']); // a second session the same day
  });

  it('is due twice weekly: Monday, Thursday, Monday, Thursday', () => {
    expect(nextDue(input(ESK, 'induction', [0]))).toBe(day(3));
    expect(nextDue(input(ESK, 'induction', [0, 3]))).toBe(day(7));
    expect(computeCourseStatus(input(ESK, 'induction', [0, 3]), day(4)).upcoming).toEqual(days(7, 10, 14, 17));
  });

  it('is due on the day the phase began when nothing has been given', () => {
    expect(nextDue(input(ESK, 'induction', [], [], 5))).toBe(day(5));
  });

  it('counts "session N of induction" and prompts a review after 8 sessions or 4 weeks', () => {
    const seven = input(ESK, 'induction', [0, 3, 7, 10, 14, 17, 21]);
    expect(computeCourseStatus(seven, day(22)).nextSessionLabel).toBe('Session 8 of induction (8 planned)');
    expect(reviewPrompt(seven, day(27))).toBeNull();
    expect(reviewPrompt(seven, day(28))).toMatch(/Induction is complete \(7 of 8 sessions, 28 days since the first\)/);
    const eight = input(ESK, 'induction', [0, 3, 7, 10, 14, 17, 21, 24]);
    expect(reviewPrompt(eight, day(24))).toMatch(/8 of 8/);
    expect(nextDue(eight)).toBeNull();
    expect(codes(eight, 28)).toContain('beyond-induction');
  });

  it('warns at day 28 of induction (week 5) and not at day 27', () => {
    const i = input(ESK, 'induction', [0, 3, 7, 10, 14, 17, 21]);
    expect(codes(i, 27)).toEqual([]);
    expect(codes(i, 28)).toEqual(['beyond-induction']);
  });
});

describe('esketamine maintenance: weekly for 4 sessions, then the prescriber’s weekly or every two weeks [S1 §2]', () => {
  const induction = [0, 3, 7, 10, 14, 17, 21, 24];
  it('is due 7 days after the last session, and a session at 6 days is too early by the label', () => {
    const i = input(ESK, 'maintenance', [], induction, 25);
    expect(nextDue(i)).toBe(day(31));
    expect(codes(i, 30)).toEqual(['too-early']);
    expect(warningsFor(i, day(30))[0]!.message).toMatch(/at most once a week/);
    expect(codes(i, 31)).toEqual([]);
  });

  it('moves to every 14 days after 4 weekly sessions, with the clinic tolerance of 2 days early', () => {
    const i = input(ESK, 'maintenance', [31, 38, 45, 52], induction, 25);
    expect(nextDue(i)).toBe(day(66));
    expect(codes(i, 63)).toEqual(['too-early']); // 11 days
    expect(codes(i, 64)).toEqual([]); // 12 days = 14 − 2
  });

  it('never allows less than weekly, whatever the interval', () => {
    const weekly = input({ ...ESK, maintenanceIntervalDays: 7 }, 'maintenance', [31, 38, 45, 52], induction, 25);
    expect(codes(weekly, 58)).toEqual(['too-early']);
    expect(codes(weekly, 59)).toEqual([]);
  });
});

describe('IV/IM ketamine: the clinic’s induction, then the prescriber’s interval', () => {
  it('is due every 3 days in a 6-in-21-days induction and prompts a review after the sixth', () => {
    expect(nextDue(input(IV, 'induction', [0]))).toBe(day(3));
    const six = input(IV, 'induction', [0, 3, 6, 9, 12, 15]);
    expect(nextDue(six)).toBeNull();
    expect(reviewPrompt(six, day(15))).toMatch(/6 of 6/);
    expect(codes(six, 18)).toEqual(['beyond-induction']);
    expect(reviewPrompt(input(IV, 'induction', [0, 3, 6, 9, 12]), day(15))).toBeNull();
  });

  it('warns when induction runs past its span (day 21) and not on day 20', () => {
    const i = input(IV, 'induction', [0, 10]);
    expect(codes(i, 20)).toEqual([]);
    expect(codes(i, 21)).toEqual(['beyond-induction']);
  });

  it('in maintenance, is due at the interval and early only beyond the tolerance', () => {
    const i = input(IV, 'maintenance', [40], [0, 3, 6, 9, 12, 15], 20);
    expect(nextDue(i)).toBe(day(68));
    expect(codes(i, 65)).toEqual(['too-early']); // 25 days
    expect(codes(i, 66)).toEqual([]); // 26 = 28 − 2
  });

  it('starts maintenance one interval after the last induction session, or on the phase day if later', () => {
    expect(nextDue(input(IV, 'maintenance', [], [0, 3, 6, 9, 12, 15], 16))).toBe(day(43));
    expect(nextDue(input(IV, 'maintenance', [], [0, 3, 6, 9, 12, 15], 60))).toBe(day(60));
  });
});

describe('overdue and inactive phases', () => {
  it('is overdue only past the clinic limit (2 days after the due day)', () => {
    expect(overdueDays(day(10), day(12), 2)).toBe(0);
    expect(overdueDays(day(10), day(13), 2)).toBe(3);
    expect(overdueDays(null, day(30), 2)).toBe(0);
    expect(computeCourseStatus(input(IV, 'maintenance', [40], [], 40), day(71)).overdueDays).toBe(3);
  });

  it('a paused or ended course has nothing due and no next session', () => {
    for (const phase of ['paused', 'ended'] as const) {
      const s = computeCourseStatus(input(ESK, phase, [0, 3]), day(40));
      expect(s).toMatchObject({ nextDue: null, nextSessionLabel: null, overdueDays: 0, warnings: [], upcoming: [] });
    }
  });

  it('property: the due day never carries a too-early warning, and the day before it does (when after the last session)', () => {
    fc.assert(fc.property(
      fc.constantFrom<CoursePlan>(ESK, IV, { ...ESK, maintenanceIntervalDays: 7 }, { ...IV, maintenanceIntervalDays: 10 }),
      fc.constantFrom<'induction' | 'maintenance'>('induction', 'maintenance'),
      fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 5 }),
      (plan, phase, gaps) => {
        const ds = gaps.reduce<number[]>((acc, g) => [...acc, (acc.at(-1) ?? 0) + g], [0]);
        const i = input(plan, phase, ds);
        const due = nextDue(i);
        if (due === null) return;
        expect(warningsFor(i, due).filter((w) => w.code === 'too-early')).toEqual([]);
      },
    ));
  });
});

describe('esketamine dose order by age [S1 §2, §8.5]', () => {
  it.each([
    [64, 1, false], [64, 2, true], [64, 3, true], [65, 1, true], [65, 2, true], [38, 1, false],
  ])('at %i, %i device(s) allowed: %s', (age, deviceCount, allowed) => {
    expect(doseOrderProblem({ route: 'esketamine-nasal', deviceCount }, age, 'dose.deviceCount') === null).toBe(allowed);
  });
  it('names the label doses in the refusal', () => {
    expect(doseOrderProblem({ route: 'esketamine-nasal', deviceCount: 1 }, 38, 'dose')?.message).toMatch(/At 38 the label's esketamine doses are 56 or 84 mg/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  BY_ANALOGY_NOTE, FREQUENCY_INSTRUMENTS, buildTrend, changeFromBaseline, changePercent, changeText, dayTicks, sessionDays, trendSummary, type InstrumentTrend,
} from '../../shared/measures';
import { questionnaireRecord } from '../../shared/schemas/questionnaire';
import { answersTotalling, incompleteAnswers } from '../helpers/questionnaire-fixture';
import { patientInput, T0, useTempStore } from '../helpers/store-fixture';

// The trend is built from what the store lists: questionnaires recorded and
// corrected through the store, scored there, arranged here.

const open = useTempStore();
const DAY = 86_400_000;
const day = (n: number, hour = 9) => new Date(Date.parse(T0) + n * DAY + (hour - 9) * 3_600_000).toISOString();

function setup() {
  const { store, clinician } = open();
  const patient = store.createPatient(patientInput(), clinician.id, T0);
  const record = (instrument: 'phq9' | 'gad7', total: number, takenAt: string) =>
    store.questionnaire.record(
      questionnaireRecord.parse({ patientId: patient.id, answers: answersTotalling(instrument, total), mode: 'read-aloud', takenAt }),
      clinician.id,
      day(60),
    );
  const trend = (sessions: string[] = []) => buildTrend(store.questionnaire.listForPatient(patient.id), sessions);
  const of = (sessions: string[] = []) => {
    const t = trend(sessions);
    return { t, phq9: t.instruments[0]!, gad7: t.instruments[1]! };
  };
  return { store, clinician, patient, record, of };
}

const points = (i: InstrumentTrend) => i.points.map((p) => p.total);

describe('trend of PHQ-9 and GAD-7 totals', () => {
  it('is empty, with both instruments and no axis, before any questionnaire or session', () => {
    const { of } = setup();
    const { t, phq9, gad7 } = of();
    expect(t.instruments.map((i) => i.instrument)).toEqual(['phq9', 'gad7']);
    expect(phq9).toMatchObject({ points: [], baseline: null, latest: null, change: null, max: 27, changeDefinitions: 'published' });
    expect(gad7).toMatchObject({ points: [], max: 21, changeDefinitions: 'by-analogy' });
    expect(t.span).toBeNull();
    expect(trendSummary(phq9).lines).toEqual(['PHQ-9: no complete score yet.']);
  });

  it('shades the contract’s bands, which cover 0 to the maximum without gaps', () => {
    const { of } = setup();
    for (const i of of().t.instruments) {
      expect(i.bands).toEqual(FREQUENCY_INSTRUMENTS[i.instrument].bands);
      expect(i.bands[0]!.min).toBe(0);
      expect(i.bands.at(-1)!.max).toBe(i.max);
      i.bands.slice(1).forEach((b, k) => expect(b.min).toBe(i.bands[k]!.max + 1));
    }
  });

  it('leaves out incomplete and corrected entries, and orders by the time taken, not entered', () => {
    const { store, clinician, patient, record, of } = setup();
    store.questionnaire.record(
      questionnaireRecord.parse({ patientId: patient.id, answers: incompleteAnswers('phq9', 4), mode: 'paper', takenAt: day(0) }),
      clinician.id, day(60),
    );
    const later = record('phq9', 9, day(14));
    record('phq9', 20, day(1));
    const wrong = record('phq9', 3, day(7));
    store.questionnaire.amend({ amendsId: wrong.id, answers: answersTotalling('phq9', 13), mode: 'read-aloud', takenAt: day(7), reason: 'Item 2 misread' }, clinician.id, day(60));
    const { phq9, gad7 } = of();
    expect(points(phq9)).toEqual([20, 13, 9]);
    expect(phq9.baseline).toMatchObject({ total: 20, takenAt: day(1), isBaseline: true });
    expect(phq9.latest?.id).toBe(later.id);
    expect(gad7.points).toEqual([]);
  });

  it('with only the baseline, has no change yet', () => {
    const { record, of } = setup();
    record('gad7', 12, day(0));
    const { gad7 } = of();
    expect(gad7.baseline?.total).toBe(12);
    expect(gad7.change).toBeNull();
    expect(trendSummary(gad7)).toMatchObject({ lines: [expect.stringMatching(/^GAD-7 baseline 12 \(moderate\)/), 'Only the baseline so far.'], response: null });
  });

  it('counts exactly half the baseline gone as a response, one point less as none (M6)', () => {
    const half = setup();
    half.record('phq9', 18, day(0));
    half.record('phq9', 9, day(14));
    expect(half.of().phq9.change).toEqual({ baseline: 18, points: -9, response: true, remission: false, percent: -50 });

    const short = setup();
    short.record('phq9', 19, day(0));
    short.record('phq9', 10, day(14));
    const c = short.of().phq9.change!;
    expect(c).toMatchObject({ points: -9, response: false, percent: -47 });
    expect(changeText(c)).toBe('−9 points (−47 %)');
  });

  it('never shows a reduction short of half as 50 %: the percent is cut toward zero', () => {
    for (let baseline = 1; baseline <= 27; baseline++) {
      for (let total = 0; total <= 27; total++) {
        const change = changeFromBaseline(total, baseline);
        expect(changePercent(change)! <= -50, `${baseline} to ${total}`).toBe(change.response);
      }
    }
  });

  it('counts remission below 5: 4 is, 5 is not', () => {
    const s = setup();
    s.record('phq9', 15, day(0));
    s.record('phq9', 5, day(7));
    expect(s.of().phq9.change).toMatchObject({ remission: false, response: true });
    s.record('phq9', 4, day(14));
    const { phq9 } = s.of();
    expect(phq9.change).toMatchObject({ points: -11, remission: true, response: true });
    expect(trendSummary(phq9)).toMatchObject({ response: 'Response', remission: 'Remission', byAnalogy: false });
  });

  it('has no response and no percent from a baseline of 0, but can be in remission', () => {
    const s = setup();
    s.record('gad7', 0, day(0));
    s.record('gad7', 2, day(7));
    const { gad7 } = s.of();
    expect(gad7.change).toEqual({ baseline: 0, points: 2, response: false, remission: true, percent: null });
    expect(changeText(gad7.change!)).toBe('+2 points');
    const summary = trendSummary(gad7);
    expect(summary).toMatchObject({ response: 'No response possible (baseline 0)', remission: 'Remission', byAnalogy: true });
    expect(BY_ANALOGY_NOTE).toMatch(/by analogy/);
  });

  it('keeps the PHQ-9 and GAD-7 apart, each with its own baseline', () => {
    const s = setup();
    s.record('phq9', 20, day(0));
    s.record('gad7', 14, day(0, 10));
    s.record('phq9', 4, day(21));
    s.record('gad7', 7, day(21, 10));
    const { phq9, gad7 } = s.of();
    expect(phq9.change).toMatchObject({ baseline: 20, points: -16, percent: -80 });
    expect(gad7.change).toMatchObject({ baseline: 14, points: -7, percent: -50, response: true, remission: false });
  });

  it('marks one session a day, and the axis spans points and sessions with half a day each side', () => {
    const s = setup();
    s.record('phq9', 20, day(2));
    const sessions = [day(5, 14), day(0), day(5, 9), day(9)];
    expect(sessionDays(sessions)).toEqual([day(0), day(5, 9), day(9)].map(Date.parse));
    const { t } = s.of(sessions);
    expect(t.span).toEqual({ from: Date.parse(day(0)) - DAY / 2, to: Date.parse(day(9)) + DAY / 2 });
  });
});

describe('day ticks', () => {
  it('falls on local midnights, at most eight, stepping up from daily to weekly and beyond', () => {
    const from = Date.parse(T0);
    const short = dayTicks({ from, to: from + 5 * DAY });
    expect(short).toHaveLength(5);
    for (const t of short) expect(new Date(t).getHours()).toBe(0);
    expect(short[1]! - short[0]!).toBeGreaterThanOrEqual(DAY - 3_600_000);
    const long = dayTicks({ from, to: from + 120 * DAY });
    expect(long.length).toBeLessThanOrEqual(8);
    expect(long.length).toBeGreaterThan(2);
  });
});

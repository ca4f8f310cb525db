import { PHQ_FOOTER, hasPoints, type InstrumentTrend, type Trend } from '../measures';
import { emergencyCall, list, para, runningLines, whoToCall } from './common';
import { documentTitle } from './documents';
import { longDate, type PrintInput } from './input';
import type { Block, Printout, Section } from './model';

// The patient's progress sheet: their PHQ-9 and GAD-7 scores over time as a
// chart, what the scores mean, response and remission in plain words (M6;
// for anxiety by analogy, and said so), and who to call. Written for a
// grade-8 reader at most; no percentages, as on every patient sheet.

const WHAT: Record<InstrumentTrend['instrument'], { score: string; signs: string }> = {
  phq9: { score: 'depression score (PHQ-9)', signs: 'signs of depression' },
  gad7: { score: 'anxiety score (GAD-7)', signs: 'signs of anxiety' },
};

const bandWords = (band: string) => band.replace(/-/g, ' ');

function difference(points: number): string {
  if (points === 0) return 'That is the same as your first score.';
  const n = Math.abs(points);
  return `That is ${n} point${n === 1 ? '' : 's'} ${points < 0 ? 'lower' : 'higher'} than your first score.`;
}

/** The course of one questionnaire in short sentences, under the chart. */
function courseSentences(i: InstrumentTrend): string[] {
  const what = WHAT[i.instrument];
  if (!i.baseline || !i.latest) return [];
  const first = `Your first ${what.score} was ${i.baseline.total}, on ${longDate(i.baseline.day)}.`;
  if (!i.change) return [first, 'We will compare your later scores with it.'];
  return [first, `Your latest was ${i.latest.total}, on ${longDate(i.latest.day)}.`, difference(i.change.points)];
}

/** What the scores mean: the range, the bands as the contract names them, and where the latest falls. */
function meaningBlocks(i: InstrumentTrend): Block[] {
  const what = WHAT[i.instrument];
  return [
    para(`The ${i.name} asks about ${what.signs} over the last 2 weeks. Scores go from 0 to ${i.max}. A lower score means fewer signs.`),
    list(i.bands.map((b) => `${b.min} to ${b.max}: ${bandWords(b.name)}`), { twoColumns: true }),
    ...(i.latest ? [para(`Your latest ${i.name} score is in the ${bandWords(i.latest.band)} range.`)] : []),
  ];
}

/** Response and remission (M6) in plain words; for anxiety, that the yardsticks are borrowed. */
function howYouAreDoing(i: InstrumentTrend): Block[] {
  const c = i.change;
  if (!c) return [];
  const what = WHAT[i.instrument].score.replace(/ \(.*\)$/, '');
  const lines: string[] = [];
  if (c.response) lines.push(`Your ${what} has dropped by half or more since your first score. Doctors call this a response.`);
  else if (c.baseline > 0) lines.push(`Your ${what} has not dropped by half yet. Doctors call a drop of half or more a response.`);
  lines.push(
    c.remission
      ? `Your ${what} is now below 5. Doctors call this remission. It means few or no signs are left.`
      : `Doctors call a score below 5 remission. Your ${what} is not below 5 yet.`,
  );
  if (i.changeDefinitions === 'by-analogy') {
    lines.push('These yardsticks were made for the depression score. We use them for anxiety too, but only as a rough guide.');
  }
  return [para(lines.join(' '))];
}

export function progressSheet(input: PrintInput, trend: Trend | null): Printout {
  const shown = trend ? trend.instruments.filter((i) => i.points.length > 0) : [];
  const sections: Section[] = [];
  if (!trend || !hasPoints(trend)) {
    sections.push({
      id: 'scores',
      title: 'Your scores over time',
      blocks: [
        para('We have no scores for you yet. At your visits, you fill in short forms about how you have felt. Your scores will show here.'),
      ],
    });
  } else {
    sections.push(
      {
        id: 'scores',
        title: 'Your scores over time',
        keepTogether: true,
        blocks: [
          { kind: 'trend', trend, sentences: shown.map((i) => courseSentences(i).join(' ')), note: PHQ_FOOTER },
        ],
      },
      { id: 'meaning', title: 'What the scores mean', blocks: shown.flatMap(meaningBlocks) },
      {
        id: 'doing',
        title: 'How you are doing',
        blocks: [
          ...shown.flatMap(howYouAreDoing),
          para('A score is only one part of the picture. Tell us how you feel, and what has changed for you.'),
        ],
      },
    );
  }
  sections.push({
    id: 'call',
    title: 'Who to call',
    keepTogether: true,
    blocks: [
      para('Call us if you feel worse, or if you have questions about your scores.'),
      whoToCall(input.clinic),
      para(`If you think about hurting yourself, ${emergencyCall(input.clinic)}.`, undefined, true),
    ],
  });
  return {
    document: 'progress',
    audience: 'patient',
    title: 'Your progress',
    facts: [
      { label: 'For', value: input.patient.legalName },
      { label: 'Date', value: longDate(input.onDay) },
    ],
    sections,
    running: runningLines(input, documentTitle('progress')),
  };
}

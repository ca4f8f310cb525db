import { cite, type Cite } from './sources';

// Every number a printout shows, transcribed from the clinical reference
// (sections 5 and 6) with its source. Nothing here is computed or rounded: a
// test reads the reference's tables and checks each figure against them.

/** A natural frequency out of 100 people; `lessThan` reads "less than 1 in 100". */
export interface Per100 {
  count: number;
  lessThan?: true;
}

export const per100 = (count: number): Per100 => ({ count });
const lessThan = (count: number): Per100 => ({ count, lessThan: true });

export interface SideEffect {
  id: string;
  /** Plain words, as a patient would say it. */
  plain: string;
  /** The medical word, shown beside the plain one where it helps. */
  term: string | null;
  /** The reference's row label, for the transcription test. */
  referenceLabel: string;
  treated: Per100;
  placebo: Per100;
  cites: Cite[];
}

const label6 = [cite('S1', '§6')];

/** Esketamine + oral antidepressant vs placebo spray + oral antidepressant, short-term TRD trials [S1 §6]. */
export const SIDE_EFFECTS: readonly SideEffect[] = [
  { id: 'dissociation', plain: 'Feeling cut off from yourself or your surroundings', term: 'dissociation', referenceLabel: 'dissociation', treated: per100(41), placebo: per100(9), cites: label6 },
  { id: 'dizziness', plain: 'Feeling dizzy', term: null, referenceLabel: 'dizziness', treated: per100(29), placebo: per100(8), cites: label6 },
  { id: 'nausea', plain: 'Feeling sick to your stomach', term: 'nausea', referenceLabel: 'nausea', treated: per100(28), placebo: per100(9), cites: label6 },
  { id: 'sedation', plain: 'Feeling very sleepy', term: 'sedation', referenceLabel: 'sedation', treated: per100(23), placebo: per100(9), cites: label6 },
  { id: 'vertigo', plain: 'A spinning feeling', term: 'vertigo', referenceLabel: 'vertigo', treated: per100(23), placebo: per100(3), cites: label6 },
  { id: 'numbness', plain: 'Numbness', term: null, referenceLabel: 'numbness', treated: per100(18), placebo: per100(2), cites: label6 },
  { id: 'anxiety', plain: 'Feeling anxious', term: null, referenceLabel: 'anxiety', treated: per100(13), placebo: per100(6), cites: label6 },
  { id: 'lethargy', plain: 'Low energy', term: 'lethargy', referenceLabel: 'lethargy', treated: per100(11), placebo: per100(5), cites: label6 },
  { id: 'bp', plain: 'Higher blood pressure', term: null, referenceLabel: 'blood pressure increased', treated: per100(10), placebo: per100(3), cites: label6 },
  { id: 'vomiting', plain: 'Throwing up', term: 'vomiting', referenceLabel: 'vomiting', treated: per100(9), placebo: per100(2), cites: label6 },
  { id: 'drunk', plain: 'Feeling drunk', term: null, referenceLabel: 'feeling drunk', treated: per100(5), placebo: lessThan(1), cites: label6 },
];

export interface BenefitStudy {
  id: 'transform-2' | 'murrough-2013';
  cites: Cite[];
  /** What the people in the study had, in plain words. */
  treatedArm: string;
  comparatorArm: string;
  /** When the result was measured, in plain words. */
  when: string;
  /** "felt much better" (response in the study). */
  response: { treated: Per100; comparator: Per100 };
  /** "had few or no signs of depression left" (remission), where reported. */
  remission: { treated: Per100; comparator: Per100 } | null;
}

/** TRANSFORM-2 (Popova 2019) [S6]: esketamine + new oral antidepressant vs placebo spray + new oral antidepressant, 4 weeks. */
export const TRANSFORM_2: BenefitStudy = {
  id: 'transform-2',
  cites: [cite('S6')],
  treatedArm: 'Esketamine spray and a new pill',
  comparatorArm: 'Dummy spray and a new pill',
  when: 'after 4 weeks',
  response: { treated: per100(69), comparator: per100(52) },
  remission: { treated: per100(53), comparator: per100(31) },
};

/** Murrough 2013 [S5]: single IV ketamine 0.5 mg/kg vs midazolam, response at 24 hours. */
export const MURROUGH_2013: BenefitStudy = {
  id: 'murrough-2013',
  cites: [cite('S5')],
  treatedArm: 'One ketamine drip',
  comparatorArm: 'One drip of midazolam',
  when: 'one day later',
  response: { treated: per100(64), comparator: per100(28) },
  remission: null,
};

/** Anxiety: small trials without a figure out of 100 [S20–S22]; printouts say so rather than give a number. */
export const ANXIETY_CITES: Cite[] = [cite('S20'), cite('S21'), cite('S22')];

/**
 * How far the side-effect table has been checked, as REFERENCE §5 states it:
 * every row (esketamine and placebo figures) confirmed against the
 * manufacturer's prescriber safety page, checked 2026-12; only the size of the
 * placebo group (the label table's placebo denominator) is still to verify.
 * The sheets print figures out of 100, not that denominator.
 */
export const SIDE_EFFECTS_CHECK = {
  checkedOn: '2026-12',
  note:
    'The esketamine side-effect figures (label table, S1 §6) have been confirmed row by row, for esketamine and for the dummy spray, against the manufacturer’s prescriber safety page (checked December 2026). Only the number of people in the dummy-spray group is still to be verified against the label’s table; the sheets give every figure out of 100, not that number.',
  /** Shown with the label among a sheet's sources. */
  sourceNote: 'Side-effect figures (section 6) also checked against the manufacturer’s prescriber safety page, December 2026.',
} as const;

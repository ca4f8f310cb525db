import type { AsqAnswer, FrequencyAnswer, InstrumentId } from '../../shared/measures';

export const MEASURE_FORMAT = 'ketadesk-measure/v1';

/** A `score` input file's content. */
export const measureInput = (
  instrument: InstrumentId,
  answers: ReadonlyArray<FrequencyAnswer | AsqAnswer | null>,
  extra: Record<string, unknown> = {},
) => ({ format: MEASURE_FORMAT, instrument, answers, ...extra });

const phq9 = (extra: Record<string, unknown> = {}) => measureInput('phq9', [1, 1, 1, 1, 1, 1, 1, 1, 0], extra);
const asq = (extra: Record<string, unknown> = {}) => measureInput('asq', ['no', 'no', 'no', 'no', null], extra);
const gad7 = (extra: Record<string, unknown> = {}) => measureInput('gad7', [0, 0, 0, 0, 0, 0, 0], extra);

/** Invalid `score` inputs, each with the one line that must name its field. */
export const INVALID_INPUTS: Array<[name: string, content: unknown, line: RegExp]> = [
  ['not an object', [], /^input: must be an object$/],
  ['null', null, /^input: must be an object$/],
  ['a wrong format', phq9({ format: 'ketadesk-measure/v2' }), /^format: must be "ketadesk-measure\/v1"$/],
  ['no format', { instrument: 'phq9', answers: phq9().answers }, /^format: is required$/],
  ['an unknown instrument', phq9({ instrument: 'phq2' }), /^instrument: must be one of phq9, gad7, asq$/],
  ['no instrument', { format: MEASURE_FORMAT, answers: [] }, /^instrument: is required$/],
  ['an unknown key', phq9({ total: 8 }), /^total: is not a known field$/],
  ['an unknown key with a newline', phq9({ 'a\nb': 1 }), /^"a\\nb": is not a known field$/],
  ['too few PHQ-9 answers', phq9({ answers: [0, 0, 0, 0, 0, 0, 0, 0] }), /^answers: must have exactly 9 entries$/],
  ['too few PHQ-9 answers, one out of range', phq9({ answers: [0, 0, 0, 0, 0, 0, 0, 9] }), /^answers: must have exactly 9 entries$/],
  ['too many GAD-7 answers', gad7({ answers: [0, 0, 0, 0, 0, 0, 0, 0] }), /^answers: must have exactly 7 entries$/],
  ['too few ASQ answers', asq({ answers: ['no', 'no', 'no', 'no'] }), /^answers: must have exactly 5 entries$/],
  ['answers that are not a list', phq9({ answers: '000000000' }), /^answers: must be a list$/],
  ['no answers', { format: MEASURE_FORMAT, instrument: 'gad7' }, /^answers: is required$/],
  ['an answer of 4', phq9({ answers: [0, 0, 0, 4, 0, 0, 0, 0, 0] }), /^answers\[3\]: must be 0, 1, 2, 3 or null$/],
  ['an answer of -1', phq9({ answers: [0, 0, 0, 0, 0, 0, 0, 0, -1] }), /^answers\[8\]: must be 0, 1, 2, 3 or null$/],
  ['a fractional answer', phq9({ answers: [0, 0, 1.5, 0, 0, 0, 0, 0, 0] }), /^answers\[2\]: must be 0, 1, 2, 3 or null$/],
  ['an answer as text', phq9({ answers: [0, '1', 0, 0, 0, 0, 0, 0, 0] }), /^answers\[1\]: must be 0, 1, 2, 3 or null$/],
  ['an ASQ answer on a GAD-7', gad7({ answers: [0, 0, 0, 'no', 0, 0, 0] }), /^answers\[3\]: must be 0, 1, 2, 3 or null$/],
  ['an ASQ answer of "maybe"', asq({ answers: ['no', 'maybe', 'no', 'no', null] }), /^answers\[1\]: must be "yes", "no", "refused" or null$/],
  ['an ASQ answer in capitals', asq({ answers: ['YES', 'no', 'no', 'no', null] }), /^answers\[0\]: must be "yes", "no", "refused" or null$/],
  ['an ASQ answer of true', asq({ answers: ['no', 'no', 'no', true, null] }), /^answers\[3\]: must be "yes", "no", "refused" or null$/],
  ['a number on an ASQ', asq({ answers: ['no', 'no', 'no', 'no', 0] }), /^answers\[4\]: must be "yes", "no", "refused" or null$/],
  ['a difficulty of 4', phq9({ difficulty: 4 }), /^difficulty: must be 0, 1, 2, 3 or null$/],
  ['a PHQ-9 baseline of 28', phq9({ baseline: 28 }), /^baseline: must be at most 27$/],
  ['a GAD-7 baseline of 22', gad7({ baseline: 22 }), /^baseline: must be at most 21$/],
  ['a negative baseline', phq9({ baseline: -1 }), /^baseline: must be at least 0$/],
  ['a fractional baseline', phq9({ baseline: 9.5 }), /^baseline: must be a whole number$/],
  ['a baseline as text', phq9({ baseline: '18' }), /^baseline: must be a whole number$/],
  ['a null baseline', phq9({ baseline: null }), /^baseline: must be a whole number$/],
  ['a baseline on an ASQ', asq({ baseline: 3 }), /^baseline: is only for phq9 and gad7, not the asq$/],
  ['a difficulty on an ASQ', asq({ difficulty: null }), /^difficulty: is only for phq9 and gad7, not the asq$/],
];

// The PHQ-9, GAD-7 and ASQ as data, transcribed from the measures contract
// (shared/clinical/measures.md, v1). The wording is reproduced unchanged: the
// instruments' owners allow free use only so. Source ids (M1…M6) are the
// contract's. Screens, printouts, scoring and FHIR export all read these.

export const INSTRUMENT_IDS = ['phq9', 'gad7', 'asq'] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];
export type FrequencyInstrumentId = Exclude<InstrumentId, 'asq'>;

/** A PHQ-9 or GAD-7 answer, and the functional (difficulty) item: 0–3. */
export type FrequencyAnswer = 0 | 1 | 2 | 3;
export const FREQUENCY_VALUES = [0, 1, 2, 3] as const satisfies readonly FrequencyAnswer[];

export const ASQ_ANSWERS = ['yes', 'no', 'refused'] as const;
export type AsqAnswer = (typeof ASQ_ANSWERS)[number];

export interface AnswerOption<Value> {
  readonly value: Value;
  readonly label: string;
  /** LOINC answer code, where the contract gives one. */
  readonly loinc: string | null;
}

/** PHQ-9 and GAD-7 answers (M1). The lowest is "Not at all", never "Not at all sure". */
export const FREQUENCY_OPTIONS = [
  { value: 0, label: 'Not at all', loinc: 'LA6568-5' },
  { value: 1, label: 'Several days', loinc: 'LA6569-3' },
  { value: 2, label: 'More than half the days', loinc: 'LA6570-1' },
  { value: 3, label: 'Nearly every day', loinc: 'LA6571-9' },
] as const satisfies readonly AnswerOption<FrequencyAnswer>[];

/** The functional item's answers, stored 0–3; the contract gives no answer codes for them. */
export const DIFFICULTY_OPTIONS = [
  { value: 0, label: 'Not difficult at all', loinc: null },
  { value: 1, label: 'Somewhat difficult', loinc: null },
  { value: 2, label: 'Very difficult', loinc: null },
  { value: 3, label: 'Extremely difficult', loinc: null },
] as const satisfies readonly AnswerOption<FrequencyAnswer>[];

export const ASQ_OPTIONS = [
  { value: 'yes', label: 'Yes', loinc: null },
  { value: 'no', label: 'No', loinc: null },
  { value: 'refused', label: 'Refused', loinc: null },
] as const satisfies readonly AnswerOption<AsqAnswer>[];

export interface Band<Name extends string = string> {
  readonly name: Name;
  readonly min: number;
  readonly max: number;
}

export interface FrequencyItem {
  /** Stable item code, also the FHIR linkId. */
  readonly id: string;
  readonly number: number;
  readonly text: string;
  readonly loinc: string;
}

export interface FrequencyInstrument {
  readonly id: FrequencyInstrumentId;
  readonly name: string;
  readonly title: string;
  readonly stem: string;
  readonly items: readonly FrequencyItem[];
  readonly difficulty: { readonly id: string; readonly text: string; readonly loinc: string };
  readonly total: { readonly min: 0; readonly max: number; readonly loinc: string };
  readonly panel: { readonly loinc: string; readonly verified: boolean };
  readonly bands: readonly Band[];
  /**
   * Response and remission: `published` for the PHQ-9 (M6); the GAD-7 uses
   * the same definitions by analogy, which must be shown as such.
   */
  readonly changeDefinitions: 'published' | 'by-analogy';
  readonly footer: string;
  readonly sources: readonly string[];
}

const DIFFICULTY_TEXT =
  'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?';

/** Shown on every printed or displayed copy of the PHQ-9 and the GAD-7 (M1). */
export const PHQ_FOOTER =
  'PHQ-9 and GAD-7: developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.';

const items = (prefix: string, rows: ReadonlyArray<readonly [text: string, loinc: string]>): FrequencyItem[] =>
  rows.map(([text, loinc], i) => ({ id: `${prefix}-${i + 1}`, number: i + 1, text, loinc }));

export const PHQ9 = {
  id: 'phq9',
  name: 'PHQ-9',
  title: 'Patient Health Questionnaire (PHQ-9)',
  stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  items: items('phq9', [
    ['Little interest or pleasure in doing things', '44250-9'],
    ['Feeling down, depressed, or hopeless', '44255-8'],
    ['Trouble falling or staying asleep, or sleeping too much', '44259-0'],
    ['Feeling tired or having little energy', '44254-1'],
    ['Poor appetite or overeating', '44251-7'],
    ['Feeling bad about yourself — or that you are a failure or have let yourself or your family down', '44258-2'],
    ['Trouble concentrating on things, such as reading the newspaper or watching television', '44252-5'],
    [
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      '44253-3',
    ],
    ['Thoughts that you would be better off dead or of hurting yourself in some way', '44260-8'],
  ]),
  difficulty: { id: 'phq9-difficulty', text: DIFFICULTY_TEXT, loinc: '69722-7' },
  total: { min: 0, max: 27, loinc: '44261-6' },
  panel: { loinc: '44249-1', verified: true },
  bands: [
    { name: 'minimal', min: 0, max: 4 },
    { name: 'mild', min: 5, max: 9 },
    { name: 'moderate', min: 10, max: 14 },
    { name: 'moderately-severe', min: 15, max: 19 },
    { name: 'severe', min: 20, max: 27 },
  ],
  changeDefinitions: 'published',
  footer: PHQ_FOOTER,
  sources: ['M1', 'M2', 'M6'],
} as const satisfies FrequencyInstrument;

export const GAD7 = {
  id: 'gad7',
  name: 'GAD-7',
  title: 'Generalized Anxiety Disorder scale (GAD-7)',
  stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  items: items('gad7', [
    ['Feeling nervous, anxious, or on edge', '69725-0'],
    ['Not being able to stop or control worrying', '68509-9'],
    ['Worrying too much about different things', '69733-4'],
    ['Trouble relaxing', '69734-2'],
    ['Being so restless that it is hard to sit still', '69735-9'],
    ['Becoming easily annoyed or irritable', '69689-8'],
    ['Feeling afraid, as if something awful might happen', '69736-7'],
  ]),
  difficulty: { id: 'gad7-difficulty', text: DIFFICULTY_TEXT, loinc: '69722-7' },
  total: { min: 0, max: 21, loinc: '70274-6' },
  // The contract marks the GAD-7 panel code "to verify".
  panel: { loinc: '69737-5', verified: false },
  bands: [
    { name: 'minimal', min: 0, max: 4 },
    { name: 'mild', min: 5, max: 9 },
    { name: 'moderate', min: 10, max: 14 },
    { name: 'severe', min: 15, max: 21 },
  ],
  changeDefinitions: 'by-analogy',
  footer: PHQ_FOOTER,
  sources: ['M1', 'M3', 'M6'],
} as const satisfies FrequencyInstrument;

export type Phq9Band = (typeof PHQ9)['bands'][number]['name'];
export type Gad7Band = (typeof GAD7)['bands'][number]['name'];
export type SeverityBand = Phq9Band | Gad7Band;

export interface AsqItem {
  readonly id: string;
  readonly number: number;
  readonly text: string;
  /** The free-text follow-up a `yes` asks for, if any. */
  readonly followUp: string | null;
}

export const ASQ = {
  id: 'asq',
  name: 'ASQ',
  title: 'Ask Suicide-Screening Questions (ASQ)',
  items: [
    { id: 'asq-1', number: 1, text: 'In the past few weeks, have you wished you were dead?', followUp: null },
    {
      id: 'asq-2',
      number: 2,
      text: 'In the past few weeks, have you felt that you or your family would be better off if you were dead?',
      followUp: null,
    },
    { id: 'asq-3', number: 3, text: 'In the past week, have you been having thoughts about killing yourself?', followUp: null },
    { id: 'asq-4', number: 4, text: 'Have you ever tried to kill yourself?', followUp: 'If yes: how, and when' },
    { id: 'asq-5', number: 5, text: 'Are you having thoughts of killing yourself right now?', followUp: 'If yes: please describe' },
  ],
  /** Question 5 is asked only when any of 1–4 is yes or refused. */
  conditionalItem: 5,
  sources: ['M4', 'M5'],
} as const satisfies { items: readonly AsqItem[] } & Record<string, unknown>;

export const FREQUENCY_INSTRUMENTS: Record<FrequencyInstrumentId, FrequencyInstrument> = { phq9: PHQ9, gad7: GAD7 };

/** How many answers each instrument takes, in item order. */
export const ITEM_COUNTS: Record<InstrumentId, number> = {
  phq9: PHQ9.items.length,
  gad7: GAD7.items.length,
  asq: ASQ.items.length,
};

export const INSTRUMENT_NAMES: Record<InstrumentId, string> = { phq9: PHQ9.name, gad7: GAD7.name, asq: ASQ.name };

export const isFrequencyInstrument = (id: InstrumentId): id is FrequencyInstrumentId => id !== 'asq';

import { ASQ, ASQ_OPTIONS, DIFFICULTY_OPTIONS, FREQUENCY_INSTRUMENTS, FREQUENCY_OPTIONS, type InstrumentId } from '../measures';
import { list, para, runningLines } from './common';
import { DOCUMENTS, QUESTIONNAIRE_FORMS } from './documents';
import { longDate, type PrintInput } from './input';
import type { Printout, Section } from './model';

// A blank PHQ-9, GAD-7 or ASQ for clinics that use paper: the patient's name,
// date of birth and MRN on top, lines for when it was filled in (the time the
// chart stores for a paper form), the instrument's own wording with a box for
// each answer, and its footer. The wording comes from shared/measures, which
// transcribes the contract unchanged (M1, M3, M4).

const BOX = '☐';

/** Said once on the NIMH form; our sheet says it to the patient. Contract: question 5 only after a yes or refused. */
const ASQ_QUESTION_5 = 'Answer question 5 only if you answered Yes or Refused to any of questions 1 to 4.';
const ASQ_SOURCE = 'ASQ: Ask Suicide-Screening Questions, National Institute of Mental Health (NIMH).';

const answerColumns = (labels: readonly string[]) => labels.map((label) => ({ label, width: Math.floor(48 / labels.length) }));

function frequencySections(instrument: 'phq9' | 'gad7'): Section[] {
  const spec = FREQUENCY_INSTRUMENTS[instrument];
  return [
    {
      id: 'questions',
      title: 'Questions',
      blocks: [
        para(spec.stem, undefined, true),
        {
          kind: 'table',
          caption: `Tick one box in each row (${FREQUENCY_OPTIONS.map((o) => `${o.label} = ${o.value}`).join(', ')}).`,
          columns: [{ label: 'Question', width: 52 }, ...answerColumns(FREQUENCY_OPTIONS.map((o) => `${o.label} (${o.value})`))],
          rows: spec.items.map((item) => [`${item.number}. ${item.text}`, ...FREQUENCY_OPTIONS.map(() => BOX)]),
          blankRows: 0,
        },
      ],
    },
    {
      id: 'difficulty',
      title: 'How difficult',
      keepTogether: true,
      blocks: [para(spec.difficulty.text), list(DIFFICULTY_OPTIONS.map((o) => o.label), { tickBoxes: true, twoColumns: true })],
    },
    { id: 'footer', title: 'About this questionnaire', keepTogether: true, blocks: [para(spec.footer)] },
  ];
}

function asqSections(): Section[] {
  return [
    {
      id: 'questions',
      title: 'Questions',
      blocks: [
        {
          kind: 'table',
          caption: 'Tick one box in each row.',
          columns: [{ label: 'Question', width: 52 }, ...answerColumns(ASQ_OPTIONS.map((o) => o.label))],
          rows: ASQ.items.map((item) => [`${item.number}. ${item.text}`, ...ASQ_OPTIONS.map(() => BOX)]),
          blankRows: 0,
        },
        para(ASQ_QUESTION_5, undefined, true),
        {
          kind: 'fields',
          fields: ASQ.items
            .filter((item) => item.followUp)
            .map((item) => ({ label: `Question ${item.number}. ${item.followUp}`, value: null, wide: true })),
        },
      ],
    },
    { id: 'footer', title: 'About this questionnaire', keepTogether: true, blocks: [para(ASQ_SOURCE)] },
  ];
}

export function questionnaireForm(instrument: InstrumentId, input: PrintInput): Printout {
  const document = QUESTIONNAIRE_FORMS[instrument];
  const title = instrument === 'asq' ? ASQ.title : FREQUENCY_INSTRUMENTS[instrument].title;
  return {
    document,
    audience: 'instrument',
    title,
    facts: [
      { label: 'Patient', value: input.patient.legalName },
      { label: 'Date of birth', value: longDate(input.patient.dateOfBirth) },
      { label: 'MRN', value: input.patient.mrn },
      { label: 'Printed', value: longDate(input.onDay) },
    ],
    sections: [
      {
        id: 'completed',
        title: 'When you fill it in',
        keepTogether: true,
        blocks: [{ kind: 'fields', fields: [{ label: 'Date', value: null }, { label: 'Time', value: null }] }],
      },
      ...(instrument === 'asq' ? asqSections() : frequencySections(instrument)),
      {
        id: 'office',
        title: 'For the clinic',
        keepTogether: true,
        blocks: [{ kind: 'fields', fields: [{ label: 'Typed into the chart by', value: null }, { label: 'Date', value: null }] }],
      },
    ],
    running: runningLines(input, DOCUMENTS[document].title),
  };
}

// Every questionnaire as a QuestionnaireResponse, and each PHQ-9 and GAD-7
// total as an Observation coded with the instrument's LOINC total code
// (44261-6, 70274-6: REFERENCE §8 and measures.md). Item linkIds are the
// instruments' item codes; frequency answers carry their LOINC answer codes (measures.md).

import {
  ASQ, ASQ_OPTIONS, DIFFICULTY_OPTIONS, FREQUENCY_INSTRUMENTS, FREQUENCY_OPTIONS, INSTRUMENT_NAMES,
  type AsqAnswer, type FrequencyAnswer,
} from '../measures';
import type { Questionnaire } from '../schemas/questionnaire';
import { CATEGORY, LOINC } from './codes';
import { compact, referenceTo, type Resource } from './resource';
import { resourceId } from './uuid';

const frequencyAnswer = (v: FrequencyAnswer) => {
  const o = FREQUENCY_OPTIONS[v];
  return { valueCoding: { system: LOINC, code: o.loinc, display: o.label } };
};
const labelled = (label: string) => ({ valueString: label });

function items(q: Questionnaire): Record<string, unknown>[] {
  const a = q.answers;
  if (a.instrument === 'asq') {
    return ASQ.items.flatMap((item) => {
      const answer = a.items[item.id] as AsqAnswer | null;
      const detail = item.id === 'asq-4' || item.id === 'asq-5' ? a.details[item.id] : null;
      const label = ASQ_OPTIONS.find((o) => o.value === answer)?.label;
      return [compact({
        linkId: item.id,
        text: item.text,
        answer: label ? [labelled(label)] : null,
        item: detail && item.followUp ? [{ linkId: `${item.id}-details`, text: item.followUp, answer: [{ valueString: detail }] }] : null,
      })];
    });
  }
  const instrument = FREQUENCY_INSTRUMENTS[a.instrument];
  const answered = instrument.items.map((item) => {
    const v = a.items[item.id] as FrequencyAnswer | null;
    return compact({ linkId: item.id, text: item.text, answer: v === null ? null : [frequencyAnswer(v)] });
  });
  const difficulty = a.difficulty === null ? null : DIFFICULTY_OPTIONS[a.difficulty].label;
  return [
    ...answered,
    compact({ linkId: instrument.difficulty.id, text: instrument.difficulty.text, answer: difficulty ? [labelled(difficulty)] : null }),
  ];
}

/** Current entries are final; a correction says it amends; a corrected entry no longer counts. */
function responseStatus(q: Questionnaire): string {
  if (q.amendedById !== null) return 'entered-in-error';
  return q.amendsId !== null ? 'amended' : 'completed';
}

export function questionnaireResources(q: Questionnaire): Resource[] {
  const responseId = resourceId(q.id);
  const response: Resource = compact({
    resourceType: 'QuestionnaireResponse',
    id: responseId,
    status: responseStatus(q),
    subject: referenceTo(q.patientId),
    authored: q.takenAt,
    author: referenceTo(q.enteredBy, q.enteredByName),
    // The patient answered for themselves unless the questions were read aloud.
    source: q.selfCompleted ? referenceTo(q.patientId) : null,
    item: items(q),
  });
  // Put the instrument's name where a reader looks first; no Questionnaire resource is exported.
  response.identifier = { value: q.id };
  response.text = { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${INSTRUMENT_NAMES[q.instrument]}</div>` };

  const a = q.answers;
  if (a.instrument === 'asq' || q.score.total === null || q.amendedById !== null) return [response];
  const instrument = FREQUENCY_INSTRUMENTS[a.instrument];
  const total: Resource = compact({
    resourceType: 'Observation',
    id: resourceId(q.id, 'total'),
    status: q.amendsId !== null ? 'amended' : 'final',
    category: [{ coding: [CATEGORY.survey] }],
    code: { coding: [{ system: LOINC, code: instrument.total.loinc, display: `${instrument.name} total score` }], text: `${instrument.name} total` },
    subject: referenceTo(q.patientId),
    effectiveDateTime: q.takenAt,
    performer: [referenceTo(q.enteredBy, q.enteredByName)],
    valueInteger: q.score.total,
    interpretation: q.score.band ? [{ text: q.score.band }] : null,
    derivedFrom: [referenceTo(responseId)],
  });
  return [response, total];
}

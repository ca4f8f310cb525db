import { AFTER_THE_VISIT, emergencyCall, list, para, runningLines, whoToCall } from './common';
import { documentTitle } from './documents';
import { longDate, type PrintInput } from './input';
import { cite } from './sources';
import type { Printout } from './model';
import { TREATMENT_WORDS } from './treatment';

export interface AftercareInput extends PrintInput {
  /** The next visit as the clinic wants it printed; null prints a line to write it on. */
  nextVisit: string | null;
}

/** Sheet (c): the rest of the day, warning signs and who to call, and the next visit. */
export function aftercareSheet(input: AftercareInput): Printout {
  const w = TREATMENT_WORDS[input.treatment];
  return {
    document: 'aftercare',
    audience: 'patient',
    title: `After your ${w.drug} treatment today`,
    facts: [
      { label: 'For', value: input.patient.legalName },
      { label: 'Date', value: longDate(input.onDay) },
    ],
    sections: [
      {
        id: 'today',
        title: 'For the rest of today',
        blocks: [
          list([
            'Rest for the rest of the day. You may feel tired, dizzy or a bit strange. This should pass.',
            'Eat light food when you feel ready.',
            'Getting better takes time. Be patient with yourself.',
          ]),
        ],
      },
      { id: 'until-tomorrow', title: 'Until tomorrow, after a night’s sleep', blocks: [AFTER_THE_VISIT] },
      {
        id: 'warning-signs',
        title: 'Call us if',
        keepTogether: true,
        blocks: [
          list([
            'You feel very confused, or see things that are not there, after you get home.',
            'You have a bad headache.',
            'You cannot stop throwing up.',
            'It hurts when you pass urine.',
            'You feel unsafe.',
          ]),
          // Chest pain or trouble breathing cannot wait for the clinic's line [S1 §5.1, §5.5].
          para(`If you have chest pain or trouble breathing, ${emergencyCall(input.clinic)}.`, [cite('S1', '§5.1'), cite('S1', '§5.5')], true),
          para(`If you think about hurting yourself, ${emergencyCall(input.clinic)}.`, undefined, true),
        ],
      },
      { id: 'call', title: 'Who to call', keepTogether: true, blocks: [whoToCall(input.clinic)] },
      {
        id: 'next-visit',
        title: 'Your next visit',
        keepTogether: true,
        blocks: [
          { kind: 'fields', fields: [{ label: 'Date and time', value: input.nextVisit?.trim() || null, wide: true }] },
          para('Someone must take you home after that visit too.'),
        ],
      },
    ],
    running: runningLines(input, documentTitle('aftercare')),
  };
}

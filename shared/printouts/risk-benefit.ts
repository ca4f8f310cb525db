import {
  EFFECTS_FADE, NOT_EVERYONE, TELL_US, WHO_SHOULD_NOT,
  anxietyEvidence, benefitBlocks, otherRisks, effectsIntro, effectsTable, list, para, runningLines, sourcesSection,
} from './common';
import { documentTitle } from './documents';
import { longDate, type PrintInput } from './input';
import type { Printout, Section } from './model';
import { cite } from './sources';
import { TREATMENT_WORDS } from './treatment';

/** Sheet (a): what the planned treatment is, how likely it is to help, and its side effects, as X in 100. */
export function riskBenefitSheet(input: PrintInput): Printout {
  const w = TREATMENT_WORDS[input.treatment];
  const sections: Section[] = [
    {
      id: 'what',
      title: `What is ${w.drug}?`,
      blocks: [
        para(`${w.Drug} is a medicine. ${w.whatItDoes.text} You would have it as ${w.how}.`, w.whatItDoes.cites),
        ...w.approval.map((a) => para(a.text, a.cites)),
      ],
    },
    {
      id: 'how',
      title: 'How is it thought to work?',
      blocks: [
        para(
          'Most medicines for low mood act on a brain chemical called serotonin. Ketamine works in a different way. It acts on another brain chemical, called glutamate. This may help brain cells grow new links to each other. Experts are still learning how it helps.',
          [cite('S3'), cite('S4')],
        ),
      ],
    },
    {
      id: 'help',
      title: 'How likely is it to help?',
      blocks: [...benefitBlocks(w), anxietyEvidence(w), NOT_EVERYONE, EFFECTS_FADE],
    },
    {
      id: 'plan',
      title: 'It works best with other help',
      blocks: [
        para(`${w.Drug} is not a cure on its own. It works best as one part of a plan. The plan may include:`, [cite('S3'), cite('S7')]),
        list(
          [
            'Talking therapy, such as CBT, which helps you change unhelpful thoughts and habits',
            'Mindfulness: calm attention to the here and now',
            'Healthy habits, like good sleep, exercise and food',
            'People who support you, like family, friends or a group',
          ],
          { twoColumns: true },
        ),
        para('Getting better takes time. Be patient with yourself.'),
      ],
    },
    {
      id: 'side-effects',
      title: 'Side effects: what happened in studies',
      blocks: [...effectsIntro(w), effectsTable()],
    },
    { id: 'other-risks', title: 'Other risks', blocks: [otherRisks(w)] },
    {
      id: 'who-not',
      title: `Who should not have ${w.drug}`,
      blocks: [para('You should not have it if:'), WHO_SHOULD_NOT, TELL_US],
    },
  ];
  return {
    document: 'risk-benefit',
    audience: 'patient',
    title: `${w.Drug} treatment: how it may help, and its risks`,
    facts: [
      { label: 'For', value: input.patient.legalName },
      { label: 'Date', value: longDate(input.onDay) },
      { label: 'Planned treatment', value: w.label },
    ],
    sections: [...sections, sourcesSection(sections)],
    running: runningLines(input, documentTitle('risk-benefit')),
  };
}

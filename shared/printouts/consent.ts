import {
  AFTER_THE_VISIT, NOT_EVERYONE, benefitSentences, commonEffectsList, emergencyCall, identifyingFacts, list,
  otherRisks, para, runningLines, sourcesSection, whoToCall,
} from './common';
import type { ConsentIndication } from './consent-indication';
import { clinicianLabel, longDate, type PrintInput } from './input';
import type { Printout, Section } from './model';
import { cite } from './sources';
import { TREATMENT_WORDS } from './treatment';

/**
 * The consent form's version. Change it whenever the form's wording changes:
 * a consent counts as current only for the version in force, so patients
 * consent again to the new wording before their next session.
 */
// Version 2: the esketamine boxed warning, and prescribed sleep-inducing medicines taken as prescribed.
export const CONSENT_FORM = { version: '2', date: '2026-12-01' } as const;

export const consentFormLabel = (version: string = CONSENT_FORM.version, date: string = CONSENT_FORM.date) =>
  `Consent form version ${version}, ${longDate(date)}`;

/**
 * Sheet (b): consent to the planned treatment, with signature lines for
 * patient, clinician and witness. With the indication of the patient's active
 * course it names what the treatment is for; without one it says "low mood or anxiety".
 */
export function consentForm(input: PrintInput, indication: ConsentIndication | null = null): Printout {
  const w = TREATMENT_WORDS[input.treatment];
  const sections: Section[] = [
    {
      id: 'nature',
      title: 'The treatment',
      blocks: [
        para(`You are being offered ${w.drug} to treat ${indication?.plain ?? 'low mood or anxiety'}. You would have it as ${w.how}.`),
        para('Most people have a course of several visits. Each visit takes a few hours, with checks before, during and after.', [cite('S1'), cite('S3')]),
      ],
    },
    { id: 'off-label', title: 'Approved use and off-label use', blocks: w.approval.map((a) => para(a.text, a.cites)) },
    {
      id: 'benefits',
      title: 'How it may help',
      blocks: [benefitSentences(w), NOT_EVERYONE, para('The good effects can fade after days or weeks. You may need more visits.', [cite('S1'), cite('S3')])],
    },
    {
      id: 'risks',
      title: 'Risks',
      blocks: [
        para('Common short-term side effects, out of 100 people in studies of esketamine spray:', [cite('S1', '§6')]),
        commonEffectsList(),
        para('Other risks:'),
        otherRisks(w),
      ],
    },
    {
      id: 'alternatives',
      title: 'Other choices',
      blocks: [
        para('You do not have to have this treatment. Other choices include:'),
        list(['Talking therapy, such as CBT', 'Other medicines for low mood or anxiety', 'Other treatments your doctor can tell you about', 'No treatment for now']),
      ],
    },
    {
      id: 'monitoring',
      title: 'Checks and care during your visit',
      blocks: [
        para('Before each dose, we check your blood pressure, heart rate and oxygen level. We check them again during the visit.', [cite('S1', '§5.5'), cite('S3')]),
        para(w.observation.text, w.observation.cites),
      ],
    },
    { id: 'after', title: 'After each visit', blocks: [AFTER_THE_VISIT] },
    {
      id: 'pregnancy',
      title: 'Pregnancy, alcohol and other drugs',
      blocks: [
        para('Do not have this treatment if you are pregnant or breastfeeding. Tell us if you are, or could be, pregnant.', [cite('S1', '§8.1–8.2')]),
        para('Tell us about all medicines, alcohol and drugs you use. Some can make you too sleepy, or raise your blood pressure.', [cite('S1', '§7')]),
      ],
    },
    {
      id: 'rights',
      title: 'Your right to stop',
      blocks: [para('You can stop this treatment at any time. You do not have to give a reason. Stopping will not change the rest of your care.', undefined, true)],
    },
    {
      id: 'call',
      title: 'Who to call',
      keepTogether: true,
      blocks: [para(`If you think about hurting yourself, ${emergencyCall(input.clinic)}.`, undefined, true), whoToCall(input.clinic)],
    },
    {
      id: 'agreement',
      title: 'Your agreement',
      keepTogether: true,
      blocks: [
        list(
          [
            'I have read this form, or someone has read it to me.',
            'I have had the chance to ask questions, and I am happy with the answers.',
            `I understand that using ${w.drug} this way may be off-label.`,
            'I know I can stop at any time.',
            `I agree to have ${w.drug} treatment.`,
          ],
          { tickBoxes: true },
        ),
        {
          kind: 'signatures',
          signers: [
            { role: 'Patient', name: input.patient.legalName },
            { role: 'Clinician', name: clinicianLabel(input.clinician) },
            { role: 'Witness', name: null },
          ],
        },
      ],
    },
  ];
  return {
    document: 'consent',
    audience: 'patient',
    title: `Consent to ${w.drug} treatment`,
    facts: [
      ...identifyingFacts(input),
      { label: 'Planned treatment', value: w.label },
      ...(indication ? [{ label: 'Treatment for', value: indication.label }] : []),
    ],
    sections: [...sections, sourcesSection(sections)],
    running: runningLines(input, consentFormLabel()),
  };
}

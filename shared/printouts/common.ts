import { capitalize } from '../text';
import { ANXIETY_CITES, SIDE_EFFECTS, SIDE_EFFECTS_CHECK, type BenefitStudy } from './evidence';
import { bothSides, inHundred, restOfHundred } from './frequency';
import { longDate, orBlank, type ClinicDetails, type PrintInput } from './input';
import type { Block, Comparison, Contacts, Effects, List, Paragraph, Printout, Section } from './model';
import { cite, citedSources, SOURCES, type Cite, type SourceId } from './sources';
import type { TreatmentWords } from './treatment';

// Pieces more than one sheet prints. Each is written once, so the consent form
// and the risk sheet can never give a patient two different numbers.

export const para = (text: string, cites?: Cite[], strong?: boolean): Paragraph => ({
  kind: 'paragraph',
  text,
  ...(cites ? { cites } : {}),
  ...(strong ? { strong } : {}),
});

export const list = (
  items: Array<string | List['items'][number]>,
  options: { tickBoxes?: boolean; twoColumns?: boolean } = {},
): List => ({
  kind: 'list',
  items: items.map((i) => (typeof i === 'string' ? { text: i } : i)),
  ...(options.tickBoxes ? { tickBoxes: true } : {}),
  ...(options.twoColumns ? { twoColumns: true } : {}),
});

/** The forms filed in the record name the patient in full: name, date of birth, MRN, and the day. */
export const identifyingFacts = (input: PrintInput): Printout['facts'] => [
  { label: 'Patient', value: input.patient.legalName },
  { label: 'Date of birth', value: longDate(input.patient.dateOfBirth) },
  { label: 'MRN', value: input.patient.mrn },
  { label: 'Date', value: longDate(input.onDay) },
];

/** What every page of every sheet repeats: the clinic, the patient and the day above, `footer` below. */
export const runningLines = (input: PrintInput, footer: string): Printout['running'] => ({
  clinicName: orBlank(input.clinic.clinicName) ?? '',
  patientName: input.patient.legalName,
  date: longDate(input.onDay),
  footer,
});

const STUDY_INTRO: Record<BenefitStudy['id'], string> = {
  'transform-2':
    'In one study, adults with depression that was hard to treat started a new antidepressant pill. Some also used esketamine spray. Others used a dummy spray, with no medicine in it.',
  'murrough-2013':
    'In one study, adults with depression that was hard to treat had one drip. Some had ketamine. Others had midazolam, a medicine that makes people sleepy but is not used for depression.',
};

/** The study, and how many in 100 felt much better in each group, as two icon arrays. */
export function benefitBlocks(words: TreatmentWords): Block[] {
  const s = words.study;
  const felt = `felt much better ${s.when}`;
  const comparison: Comparison = {
    kind: 'comparison',
    study: s.id,
    outcome: 'felt much better',
    arms: [
      { label: s.treatedArm, value: s.response.treated, sentence: bothSides(s.response.treated, felt, 'did not') },
      { label: s.comparatorArm, value: s.response.comparator, sentence: bothSides(s.response.comparator, felt, 'did not') },
    ],
    cites: s.cites,
  };
  const blocks: Block[] = [para(STUDY_INTRO[s.id], s.cites), comparison];
  if (s.remission) {
    blocks.push(
      para(
        `${capitalize(s.when)}, ${inHundred(s.remission.treated)} in the ${words.drug} group had few or no signs of depression left. In the other group, ${inHundred(s.remission.comparator)} did.`,
        s.cites,
      ),
    );
  }
  if (words.studyNote) blocks.push(para(words.studyNote));
  return blocks;
}

/** The same result in two sentences, for the consent form. */
export function benefitSentences(words: TreatmentWords): Paragraph {
  const s = words.study;
  return para(
    `${STUDY_INTRO[s.id]} ${capitalize(s.when)}, ${inHundred(s.response.treated)} who had ${words.drug} felt much better. In the other group, ${inHundred(s.response.comparator)} did.`,
    s.cites,
  );
}

/**
 * Anxiety: the studies are of ketamine [S20–S22]. An esketamine sheet says
 * so, rather than let a ketamine study pass for one of the spray.
 */
export function anxietyEvidence(words: TreatmentWords): Paragraph {
  const whose = words.drug === 'ketamine' ? 'the studies are small' : `the studies are of ketamine, a close relative of ${words.drug}. They are small`;
  return para(
    `For anxiety, ${whose}. In one, most of 12 adults felt less anxious within an hour. At higher doses, this lasted up to about a week. We cannot yet say how many in 100 it helps.`,
    ANXIETY_CITES,
  );
}

export const NOT_EVERYONE = para('It helps some people, but not everyone. It may not help you.');

export const EFFECTS_FADE = para(
  'The good effects can start within hours. But they can fade after days or weeks. This is why people often have a course of several visits. Later visits are spaced further apart.',
  [cite('S1'), cite('S3')],
);

const ESKETAMINE_STUDIES = [cite('S1', '§6')];

/** Where the side-effect numbers come from, said honestly for each treatment. */
export function effectsIntro(words: TreatmentWords): Paragraph[] {
  const timing = para('Feeling cut off and feeling sleepy start within minutes. They most often settle within about 1.5 to 2 hours.', [cite('S1')]);
  if (words.drug === 'esketamine') {
    return [
      para('These numbers come from short-term studies of esketamine spray with an antidepressant pill. They compare it with a dummy spray and the same pill.', ESKETAMINE_STUDIES),
      timing,
    ];
  }
  return [
    para('These numbers come from short-term studies of esketamine spray, a form of ketamine. They compare it with a dummy spray.', ESKETAMINE_STUDIES),
    para('In a study of ketamine by drip, feeling cut off and a rise in blood pressure and heart rate were common during the drip. They went away within about 2 hours.', [cite('S5')]),
    timing,
  ];
}

/** Every side effect of the label table, in the table's order, each with both framings and the dummy-spray figure. */
export function effectsTable(): Effects {
  return {
    kind: 'effects',
    treatedLabel: 'esketamine',
    comparatorLabel: 'a dummy spray',
    columns: { had: 'Had it', didNot: 'Did not', comparator: 'With a dummy spray' },
    rows: SIDE_EFFECTS.map((effect) => ({
      effect,
      name: effect.term ? `${effect.plain} (${effect.term})` : effect.plain,
      sentence: `${bothSides(effect.treated, 'had this', 'did not')} With a dummy spray: ${inHundred(effect.placebo)}.`,
      had: inHundred(effect.treated),
      didNot: restOfHundred(effect.treated),
      comparator: inHundred(effect.placebo),
    })),
    cites: ESKETAMINE_STUDIES,
  };
}

/** The four most common short-term effects, one line each, for the consent form. */
export function commonEffectsList(): List {
  return list(
    SIDE_EFFECTS.slice(0, 4).map((e) => ({
      text: `${e.plain}${e.term ? ` (${e.term})` : ''}: ${inHundred(e.treated)} people. With a dummy spray: ${inHundred(e.placebo)}.`,
      cites: e.cites,
    })),
  );
}

/**
 * The esketamine label's boxed warning on suicidal thoughts and behaviours
 * [S1, boxed warning], in plain words. REFERENCE.md names the approved use for
 * people with suicidal thoughts (§1) but does not transcribe the warning
 * itself: check its wording against the current label.
 */
const SUICIDE_WARNING = {
  text: 'Esketamine has a boxed warning, the strongest kind a label has. Medicines for depression can make some young adults think about suicide more, or act on it. Watch for new or worse thoughts of hurting yourself, or a sudden change in mood. Tell us right away.',
  cites: [cite('S1', 'boxed warning')],
};

/** The risks beyond the side-effect table; for esketamine, its boxed warning first. */
export const otherRisks = (words: TreatmentWords): List =>
  list([...(words.drug === 'esketamine' ? [SUICIDE_WARNING] : []), ...OTHER_RISKS]);

const OTHER_RISKS = [
  { text: 'Your blood pressure may go up for a few hours. It is highest about 40 minutes after the dose. We check it during your visit.', cites: [cite('S1', '§5.5')] },
  { text: 'You may become very sleepy, and your breathing may slow. We check your breathing and oxygen level.', cites: [cite('S1', '§5.1')] },
  // Perceptual change is part of dissociation, which the label counts and times [S1 §6].
  { text: 'During the visit, you may feel cut off from yourself, or see and hear things in a strange way. This passes within hours.', cites: [cite('S1', '§6')] },
  { text: 'If you have had psychosis or bipolar disorder, it could come back.', cites: [cite('S3'), cite('S11')] },
  { text: 'Ketamine can be misused. We give it only here, with staff watching.', cites: [cite('S1', '§5.3')] },
  { text: 'Heavy use over a long time can harm the bladder. This has been seen mostly when people misuse it.', cites: [cite('S1', '§5.7')] },
  // REFERENCE (CA-SEIZURE) leaves the label's wording unverified at these doses, so the background article stays cited too.
  { text: 'Fits (seizures) have been reported. No one knows how often they happen at these doses.', cites: [cite('S2', '§5'), cite('S7')] },
];

export const WHO_SHOULD_NOT: List = list([
  { text: 'You are under 18.', cites: [cite('S1', '§8.4')] },
  { text: 'You are pregnant or breastfeeding.', cites: [cite('S1', '§8.1–8.2')] },
  { text: 'You have a bulge in a blood vessel (aneurysm), or a tangle of blood vessels (AVM).', cites: [cite('S1', '§4')] },
  { text: 'You have had bleeding in the brain.', cites: [cite('S1', '§4')] },
  { text: 'You have had an allergic reaction to ketamine or esketamine.', cites: [cite('S1', '§4'), cite('S2', '§4')] },
  { text: 'Your blood pressure is high and not under control.', cites: [cite('S2', '§4')] },
  { text: 'You have had a recent heart attack, or have serious heart problems now.', cites: [cite('S2', '§4–5'), cite('S3')] },
  { text: 'You have psychosis or mania now, such as hearing or seeing things others do not.', cites: [cite('S1', '§14'), cite('S3')] },
  { text: 'You are misusing drugs or alcohol now.', cites: [cite('S1', '§5.3'), cite('S3')] },
  { text: 'You have an overactive thyroid that is not treated.', cites: [cite('S10')] },
], { twoColumns: true });

export const TELL_US = para(
  'Tell us if you have ever had a stroke, heart or liver problems, fits, bladder problems, psychosis, or problems with drugs or alcohol. Tell us about every medicine you take. We will talk about whether this is safe for you.',
);

export const AFTER_THE_VISIT: List = list([
  { text: 'Do not drive, ride a bike or use machines until tomorrow, after a night’s sleep. Do not do risky work until then.', cites: [cite('S1', '§5.8')] },
  { text: 'Someone must take you home.', cites: [cite('S1', '§5.8'), cite('S8')] },
  // A medicine the patient is prescribed is taken as prescribed: the warning is about added sedation [S1 §7].
  { text: 'Do not drink alcohol today. Do not take drugs that make you sleepy, unless your doctor prescribed them. Take those as prescribed.', cites: [cite('S1', '§7')] },
  'Do not make big decisions today.',
]);

export function whoToCall(clinic: ClinicDetails): Contacts {
  return {
    kind: 'contacts',
    contacts: [
      { label: orBlank(clinic.clinicName) ?? 'Your clinic', value: orBlank(clinic.clinicPhone) },
      { label: 'After hours', value: orBlank(clinic.afterHoursPhone) },
      { label: 'Emergency', value: orBlank(clinic.emergencyNumber), strong: true },
    ],
  };
}

/** "call 911 now", or "call the emergency number now" when the clinic has not set one. */
export const emergencyCall = (clinic: ClinicDetails) =>
  orBlank(clinic.emergencyNumber) ? `call ${clinic.emergencyNumber.trim()} now` : 'call the emergency number now';

function blockCites(block: Block): Cite[] {
  switch (block.kind) {
    case 'paragraph':
      return block.cites ?? [];
    case 'list':
      return block.items.flatMap((i) => i.cites ?? []);
    case 'comparison':
    case 'effects':
      return block.cites;
    default:
      return [];
  }
}

/** A source as the sheet lists it; the label, when the sheet gives its side-effect table, with how far that table was checked. */
const sourceText = (id: SourceId, cites: readonly Cite[]): string =>
  id === 'S1' && cites.some((c) => c.source === 'S1' && c.part === '§6') ? `${SOURCES.S1} ${SIDE_EFFECTS_CHECK.sourceNote}` : SOURCES[id];

/** The closing "Sources" section: every source the sheet cites, in the list's order. */
export function sourcesSection(sections: readonly Section[]): Section {
  const cites = sections.flatMap((s) => s.blocks.flatMap(blockCites));
  return {
    id: 'sources',
    title: 'Sources',
    blocks: [{ kind: 'sources', sources: citedSources(cites).map((id) => ({ id, text: sourceText(id, cites) })) }],
  };
}

// The pre-treatment checklist of the default rule set v1, as data: the checklist
// screen renders it, the case schema derives its `answers` keys from it and the
// engine walks it in this order (which is also the order of `missing`).

import type { SEXES } from '../schemas/sex';

export const ITEM_GROUPS = [
  { id: 'vascular-cardiac', label: 'Vascular and cardiac' },
  { id: 'neurological', label: 'Neurological' },
  { id: 'psychiatric', label: 'Psychiatric' },
  { id: 'substance-use', label: 'Substance use' },
  { id: 'pregnancy-nursing', label: 'Pregnancy and breastfeeding' },
  { id: 'other', label: 'Other' },
] as const;

export type ItemGroup = (typeof ITEM_GROUPS)[number]['id'];

/** The interchange format uses the patient record's list of sexes. */
export type ScreeningSex = (typeof SEXES)[number];

export interface ChecklistItem {
  readonly id: string;
  readonly group: ItemGroup;
  /** Clinician wording, exactly as in the rule set. */
  readonly question: string;
  /** Plain "why we ask", from the reference's rationale. */
  readonly why: string;
  /** Sexes for whom an unanswered item does not count as missing. */
  readonly notRequiredFor: readonly ScreeningSex[];
}

const item = <Id extends string>(
  id: Id,
  group: ItemGroup,
  question: string,
  why: string,
  notRequiredFor: readonly ScreeningSex[] = [],
) => ({ id, group, question, why, notRequiredFor }) as const;

export const ITEMS = [
  item('aneurysmal-vascular-disease', 'vascular-cardiac',
    'Aneurysmal vascular disease (thoracic or abdominal aorta, intracranial, or peripheral arterial)?',
    'Ketamine raises blood pressure for hours, and a rise can rupture an aneurysm.'),
  item('arteriovenous-malformation', 'vascular-cardiac',
    'Arteriovenous malformation?',
    'A blood pressure rise risks bleeding from the malformation.'),
  item('intracerebral-hemorrhage-history', 'neurological',
    'History of intracerebral hemorrhage?',
    'A past bleed in the brain marks vessels at risk from a blood pressure surge.'),
  item('ketamine-hypersensitivity', 'other',
    'Hypersensitivity to ketamine, esketamine or an excipient?',
    'A known allergy to the medicine or an ingredient rules it out.'),
  item('uncontrolled-hypertension', 'vascular-cardiac',
    'Hypertension that is not controlled on treatment?',
    'Ketamine raises blood pressure; with uncontrolled hypertension that rise is a serious hazard.'),
  item('unstable-cardiac-disease', 'vascular-cardiac',
    'Unstable cardiac disease (MI in the last 6 months, unstable angina, decompensated heart failure, uncontrolled arrhythmia)?',
    'The rise in heart rate and blood pressure makes the heart work harder, which is dangerous when heart disease is unstable.'),
  item('active-psychosis-or-mania', 'psychiatric',
    'Current psychosis or mania?',
    'Ketamine can cause or worsen psychotic symptoms.'),
  item('active-substance-use-disorder', 'substance-use',
    'Current substance use disorder, or any misuse of ketamine?',
    'Ketamine can be misused; active substance use disorder rules treatment out.'),
  item('pregnant', 'pregnancy-nursing',
    'Pregnant, or could be pregnant?',
    'Animal studies show harm to the developing brain; not recommended in pregnancy.',
    ['male']),
  item('breastfeeding', 'pregnancy-nursing',
    'Breastfeeding?',
    'The medicine passes into breast milk; not recommended while breastfeeding.',
    ['male']),
  item('untreated-hyperthyroidism', 'other',
    'Untreated hyperthyroidism?',
    'An overactive thyroid amplifies the rise in heart rate and blood pressure.'),
  item('controlled-hypertension', 'vascular-cardiac',
    'Hypertension controlled on treatment?',
    'Even controlled blood pressure can spike; check it before dosing and monitor closely.'),
  item('stable-cardiac-disease', 'vascular-cardiac',
    'Stable cardiac disease (coronary disease, heart failure, valve disease, arrhythmia)?',
    'The heart-rate and blood pressure rise must be weighed and monitored closely.'),
  item('cerebrovascular-disease', 'neurological',
    'Stroke, TIA or other cerebrovascular disease (not hemorrhage)?',
    'After a stroke or TIA, a blood pressure rise carries more risk.'),
  item('psychosis-history', 'psychiatric',
    'Past psychosis (schizophrenia, psychotic features) or bipolar disorder?',
    'There is a risk of relapse or a switch to mania.'),
  item('substance-use-history', 'substance-use',
    'Past substance misuse, now in remission?',
    'Past misuse raises the risk of misusing ketamine.'),
  item('seizure-disorder', 'neurological',
    'Seizure disorder?',
    'Seizures are rare with ketamine but named as a risk; check anticonvulsant cover.'),
  item('raised-intracranial-pressure', 'neurological',
    'Raised intracranial pressure, head injury or intracranial mass?',
    'Ketamine may raise the pressure inside the skull; the evidence is mixed.'),
  item('severe-hepatic-impairment', 'other',
    'Severe hepatic impairment (Child-Pugh C)?',
    'Levels of the medicine rise when the liver is badly impaired.'),
  item('urinary-tract-symptoms', 'other',
    'Cystitis or lower urinary tract symptoms?',
    'Ketamine can cause bladder inflammation (cystitis).'),
  item('sleep-apnea-or-airway-risk', 'other',
    'Obstructive sleep apnea or known difficult airway?',
    'Sedation and, rarely, slowed breathing are riskier with sleep apnoea or a difficult airway.'),
  item('no-escort-home', 'other',
    'No one to take the patient home (patient must not drive until the next day)?',
    'Patients must not drive until the next day after sleep, so someone must take them home.'),
] as const satisfies readonly ChecklistItem[];

export type ItemId = (typeof ITEMS)[number]['id'];

export const ITEM_IDS = ITEMS.map((i) => i.id) as readonly ItemId[];

/** Whether an unanswered item counts as missing for a patient of this sex. */
export function isItemRequired(item: ChecklistItem, sex: ScreeningSex): boolean {
  return !item.notRequiredFor.includes(sex);
}

// The default rule set v1 as data. Thresholds, severities and rule ids are those
// of screening-rules.md; rationale and source are quoted from REFERENCE.md §2 so
// a clinician sees the same "why" and citation everywhere.

import type { MedicationClass } from './case-schema';
import type { ItemId } from './items';

export const RULE_SET_VERSION = 'default-v1';

export type Severity = 'contraindicated' | 'caution' | 'note';

/** What makes a rule fire. Blood pressure and age limits are strict. */
export type RuleCondition =
  | { kind: 'item'; itemId: ItemId }
  | { kind: 'blood-pressure-above'; systolic: number; diastolic: number }
  | { kind: 'age-below'; years: number }
  | { kind: 'age-at-least'; years: number }
  | { kind: 'medication-class'; medicationClass: MedicationClass };

export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  /** Shown when the rule fires; in medication rules {medication} is the entry's name. */
  readonly message: string;
  readonly rationale: string;
  /** Reference numbers of REFERENCE.md §10, as cited in its §2. */
  readonly source: string;
  readonly condition: RuleCondition;
  /** A rule that, when it fires, stops this one (CI-BP-SEVERE over CA-BP-ELEVATED). */
  readonly supersededBy?: string;
}

const onItem = (itemId: ItemId): RuleCondition => ({ kind: 'item', itemId });
const onMedication = (medicationClass: MedicationClass): RuleCondition => ({
  kind: 'medication-class',
  medicationClass,
});

export const RULES = [
  {
    id: 'CI-ANEURYSM',
    severity: 'contraindicated',
    message: 'Aneurysmal vascular disease: do not treat.',
    rationale:
      'Ketamine and esketamine raise blood pressure for hours; a rise can rupture an aneurysm. Listed contraindication for esketamine.',
    source: 'S1 §4',
    condition: onItem('aneurysmal-vascular-disease'),
  },
  {
    id: 'CI-AVM',
    severity: 'contraindicated',
    message: 'Arteriovenous malformation: do not treat.',
    rationale:
      'Same mechanism: a BP rise risks bleeding from an arteriovenous malformation. Listed contraindication.',
    source: 'S1 §4',
    condition: onItem('arteriovenous-malformation'),
  },
  {
    id: 'CI-ICH',
    severity: 'contraindicated',
    message: 'History of intracerebral hemorrhage: do not treat.',
    rationale: 'A past intracerebral bleed marks vessels at risk from a BP surge. Listed contraindication.',
    source: 'S1 §4',
    condition: onItem('intracerebral-hemorrhage-history'),
  },
  {
    id: 'CI-HYPERSENSITIVITY',
    severity: 'contraindicated',
    message: 'Hypersensitivity to ketamine, esketamine or an excipient: do not treat.',
    rationale:
      'Known hypersensitivity to ketamine, esketamine or an excipient. Listed contraindication for both products.',
    source: 'S1 §4, S2 §4',
    condition: onItem('ketamine-hypersensitivity'),
  },
  {
    id: 'CI-HTN-UNCONTROLLED',
    severity: 'contraindicated',
    message: 'Hypertension not controlled on treatment: do not treat.',
    rationale:
      'Ketamine is contraindicated where a significant BP rise would be a serious hazard; untreated or uncontrolled hypertension is the common case. The source text also names high BP as a reason not to use it.',
    source: 'S2 §4, S7',
    condition: onItem('uncontrolled-hypertension'),
  },
  {
    id: 'CI-CARDIAC-UNSTABLE',
    severity: 'contraindicated',
    message: 'Unstable cardiac disease: do not treat.',
    rationale:
      'Heart rate and BP rise increase myocardial oxygen demand; recent infarction, unstable angina or decompensated heart failure make that rise dangerous.',
    source: 'S2 §4–5, S3',
    condition: onItem('unstable-cardiac-disease'),
  },
  {
    id: 'CI-PSYCHOSIS-ACTIVE',
    severity: 'contraindicated',
    message: 'Current psychosis or mania: do not treat.',
    rationale:
      'Ketamine can produce or worsen psychotic symptoms; active psychosis or mania was an exclusion in the pivotal trials and a contraindication in consensus guidance.',
    source: 'S3, S1 §14',
    condition: onItem('active-psychosis-or-mania'),
  },
  {
    id: 'CI-SUD-ACTIVE',
    severity: 'contraindicated',
    message: 'Current substance use disorder or ketamine misuse: do not treat.',
    rationale:
      'Misuse potential (Schedule III); active substance use disorder or any ketamine misuse was excluded from trials and is a contraindication in consensus guidance.',
    source: 'S1 §5.3, S3',
    condition: onItem('active-substance-use-disorder'),
  },
  {
    id: 'CI-PREGNANCY',
    severity: 'contraindicated',
    message: 'Pregnant or could be pregnant: do not treat.',
    rationale:
      'Animal data show harm to the developing brain; esketamine is not recommended in pregnancy. KetaDesk\'s default treats it as "do not treat".',
    source: 'S1 §8.1',
    condition: onItem('pregnant'),
  },
  {
    id: 'CI-BREASTFEEDING',
    severity: 'contraindicated',
    message: 'Breastfeeding: do not treat.',
    rationale:
      'Passes into breast milk; esketamine is not recommended while breastfeeding. KetaDesk\'s default treats it as "do not treat".',
    source: 'S1 §8.2',
    condition: onItem('breastfeeding'),
  },
  {
    id: 'CI-HYPERTHYROID',
    severity: 'contraindicated',
    message: 'Untreated hyperthyroidism: do not treat.',
    rationale:
      "Untreated hyperthyroidism amplifies ketamine's cardiovascular stimulation; listed as a contraindication in European ketamine labelling.",
    source: 'S10',
    condition: onItem('untreated-hyperthyroidism'),
  },
  {
    id: 'CA-HTN-CONTROLLED',
    severity: 'caution',
    message: 'Hypertension controlled on treatment: check BP before dosing and monitor closely.',
    rationale: 'Even controlled hypertension can spike; check BP before dosing and monitor closely.',
    source: 'S1 §5.5',
    condition: onItem('controlled-hypertension'),
  },
  {
    id: 'CA-CARDIAC-STABLE',
    severity: 'caution',
    message: 'Stable cardiac disease: weigh the BP and heart-rate rise; monitor closely.',
    rationale:
      'Stable coronary disease, heart failure, valve disease or arrhythmia: weigh the BP and heart-rate rise; monitor closely.',
    source: 'S1 §5.5, S3',
    condition: onItem('stable-cardiac-disease'),
  },
  {
    id: 'CA-CEREBROVASCULAR',
    severity: 'caution',
    message: 'Stroke, TIA or other cerebrovascular disease: assess carefully; a BP rise carries more risk.',
    rationale:
      'Stroke or TIA history: a BP rise carries more risk; the esketamine label asks for careful assessment. Swiss ketamine labelling goes further and names a previous stroke as a contraindication, so a clinic may raise this rule to contraindicated.',
    source: 'S1 §5.5, S10',
    condition: onItem('cerebrovascular-disease'),
  },
  {
    id: 'CA-PSYCHOSIS-HISTORY',
    severity: 'caution',
    message: 'Past psychosis or bipolar disorder: risk of relapse or switch to mania; weigh benefit and watch closely.',
    rationale: 'Past psychosis or bipolar disorder: risk of relapse or switch to mania; weigh benefit and watch closely.',
    source: 'S3, S11',
    condition: onItem('psychosis-history'),
  },
  {
    id: 'CA-SUD-HISTORY',
    severity: 'caution',
    message: 'Past substance misuse: assess misuse risk; monitor for craving or drug-seeking.',
    rationale: 'Past misuse raises the risk of ketamine misuse; assess and monitor for craving or drug-seeking.',
    source: 'S1 §5.3, S3',
    condition: onItem('substance-use-history'),
  },
  {
    id: 'CA-SEIZURE',
    severity: 'caution',
    message: 'Seizure disorder: check anticonvulsant cover; watch closely.',
    rationale:
      'Seizures are rare with ketamine but the source text names them as a risk; check anticonvulsant cover and watch closely.',
    source: 'S7, S2 §5 (unverified for the sub-anaesthetic dose — clinic to confirm)',
    condition: onItem('seizure-disorder'),
  },
  {
    id: 'CA-ICP',
    severity: 'caution',
    message: 'Raised intracranial pressure, head injury or intracranial mass: needs prescriber review.',
    rationale:
      'Ketamine may raise intracranial pressure (older labelling); the evidence is mixed, so it needs review rather than exclusion.',
    source: 'S2 §5 (older editions), S12',
    condition: onItem('raised-intracranial-pressure'),
  },
  {
    id: 'CA-HEPATIC',
    severity: 'caution',
    message: 'Severe hepatic impairment (Child-Pugh C): esketamine not recommended; needs prescriber review.',
    rationale:
      'Esketamine exposure rises in liver impairment; severe (Child-Pugh C) use is not recommended; long courses of ketamine have caused liver injury.',
    source: 'S1 §8.7, S2 §5',
    condition: onItem('severe-hepatic-impairment'),
  },
  {
    id: 'CA-URINARY',
    severity: 'caution',
    message: 'Cystitis or lower urinary tract symptoms: review and monitor.',
    rationale:
      'Ketamine, especially with heavy or long use, can cause cystitis; urinary symptoms were reported with esketamine; monitor.',
    source: 'S1 §5.7',
    condition: onItem('urinary-tract-symptoms'),
  },
  {
    id: 'CA-AIRWAY',
    severity: 'caution',
    message: 'Sleep apnea or difficult airway: higher risk from sedation; pulse oximetry required.',
    rationale:
      'Sedation and, rarely, respiratory depression; sleep apnoea or a difficult airway raise that risk. Pulse oximetry is required.',
    source: 'S1 §5.1, S3',
    condition: onItem('sleep-apnea-or-airway-risk'),
  },
  {
    id: 'CA-NO-ESCORT',
    severity: 'caution',
    message: 'No escort home: arrange one; the patient must not drive until the next day.',
    rationale:
      'Patients must not drive or operate machinery until the next day after restful sleep; an escort home is needed.',
    source: 'S1 §5.8, S8',
    condition: onItem('no-escort-home'),
  },
  {
    id: 'CI-BP-SEVERE',
    severity: 'contraindicated',
    message: 'Baseline BP above 180/100 mmHg: do not dose today.',
    rationale:
      'Resting BP above 180/100 mmHg is a contraindication in European ketamine labelling; KetaDesk uses it as "do not dose today".',
    source: 'S10, S3',
    condition: { kind: 'blood-pressure-above', systolic: 180, diastolic: 100 },
  },
  {
    id: 'CA-BP-ELEVATED',
    severity: 'caution',
    message: 'Baseline BP above 140/90 mmHg: weigh the risk and consider delaying; proceeding needs a documented decision.',
    rationale:
      'The esketamine label says to weigh risk and consider delaying when pre-dose BP is above 140/90; consensus guidance uses the same threshold for IV ketamine.',
    source: 'S1 §5.5, S3',
    condition: { kind: 'blood-pressure-above', systolic: 140, diastolic: 90 },
    supersededBy: 'CI-BP-SEVERE',
  },
  {
    id: 'CI-AGE-MINOR',
    severity: 'contraindicated',
    message: 'Under 18 years: do not treat; the default protocol is for adults only.',
    rationale: "Not approved or established under 18; KetaDesk's default protocol is for adults only.",
    source: 'S1 §8.4',
    condition: { kind: 'age-below', years: 18 },
  },
  {
    id: 'NO-AGE-OLDER',
    severity: 'note',
    message: '65 years or older: more sedation, dizziness and falls; esketamine starts at 28 mg.',
    rationale: '65 and over: more sedation, dizziness and falls; esketamine starts at 28 mg.',
    source: 'S1 §2, §8.5',
    condition: { kind: 'age-at-least', years: 65 },
  },
  {
    id: 'CA-MED-BENZODIAZEPINE',
    severity: 'caution',
    message: 'Benzodiazepine ({medication}): added sedation; regular doses may blunt the response.',
    rationale:
      'Added sedation with CNS depressants; regular benzodiazepine use has been linked with a weaker antidepressant response to ketamine.',
    source: 'S1 §7, S13, S14',
    condition: onMedication('benzodiazepine'),
  },
  {
    id: 'CA-MED-OPIOID',
    severity: 'caution',
    message: 'Opioid ({medication}): added sedation and respiratory depression.',
    rationale: 'Added sedation and respiratory depression.',
    source: 'S1 §7',
    condition: onMedication('opioid'),
  },
  {
    id: 'CA-MED-CNS-DEPRESSANT',
    severity: 'caution',
    message: 'CNS depressant ({medication}): added sedation.',
    rationale: 'Z-drugs, gabapentinoids, sedating antihistamines and alcohol add sedation.',
    source: 'S1 §7',
    condition: onMedication('other-cns-depressant'),
  },
  {
    id: 'CA-MED-STIMULANT',
    severity: 'caution',
    message: 'Psychostimulant ({medication}): blood pressure rise; monitor closely.',
    rationale: 'Psychostimulants raise BP further; monitor closely.',
    source: 'S1 §7',
    condition: onMedication('psychostimulant'),
  },
  {
    id: 'CA-MED-MAOI',
    severity: 'caution',
    message: 'MAOI ({medication}): blood pressure rise; monitor closely.',
    rationale: 'MAOIs raise BP further; monitor closely.',
    source: 'S1 §7',
    condition: onMedication('maoi'),
  },
  {
    id: 'NO-MED-NALTREXONE',
    severity: 'note',
    message: 'Naltrexone ({medication}): may reduce the antidepressant effect.',
    rationale:
      "One small study found naltrexone blocked ketamine's antidepressant effect; a later study did not. Worth a note, not a block.",
    source: 'S15, S16',
    condition: onMedication('naltrexone'),
  },
  {
    id: 'NO-MED-LAMOTRIGINE',
    severity: 'note',
    message: 'Lamotrigine ({medication}): may reduce the acute effects.',
    rationale: "Lamotrigine reduced ketamine's perceptual effects in healthy volunteers; its effect on benefit is unclear.",
    source: 'S17',
    condition: onMedication('lamotrigine'),
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];

/** The rule an answered-`true` checklist item fires, for showing its severity beside the question. */
export function ruleForItem(itemId: ItemId): Rule | undefined {
  return RULES.find((r) => r.condition.kind === 'item' && r.condition.itemId === itemId);
}

/** Short titles of the numbered sources, for expanding a citation such as "S1 §4". */
export const SOURCE_TITLES: Readonly<Record<string, string>> = {
  S1: 'SPRAVATO (esketamine) nasal spray, US Prescribing Information, Janssen',
  S2: 'KETALAR (ketamine hydrochloride) injection, US Prescribing Information, Par Pharmaceutical',
  S3: 'Sanacora G, et al. A consensus statement on the use of ketamine in the treatment of mood disorders. JAMA Psychiatry. 2017',
  S7: 'The blog post on ketamine for anxiety that this project was started from',
  S8: 'SPRAVATO REMS programme materials: Patient Monitoring Form and healthcare setting requirements',
  S10: 'Swiss professional information (Fachinformation) for ketamine injection, section "Contraindications"',
  S11: 'Short B, et al. Side-effects associated with ketamine use in depression: a systematic review. Lancet Psychiatry. 2018',
  S12: 'Zeiler FA, et al. The ketamine effect on ICP in traumatic brain injury. Neurocrit Care. 2014',
  S13: 'Frye MA, et al. Dose-related effects of adjunctive ketamine in bipolar/unipolar TRD: concomitant benzodiazepine use. J Clin Psychopharmacol. 2015',
  S14: 'Andrashko V, et al. The antidepressant effect of ketamine is dampened by concomitant benzodiazepine medication. Front Psychiatry. 2020',
  S15: 'Williams NR, et al. Attenuation of antidepressant effects of ketamine by opioid receptor antagonism. Am J Psychiatry. 2018',
  S16: 'Yoon G, et al. Association of combined naltrexone and ketamine with depressive symptoms in patients with alcohol use disorder and depression. JAMA Psychiatry. 2019',
  S17: 'Anand A, et al. Attenuation of the neuropsychiatric effects of ketamine with lamotrigine. Arch Gen Psychiatry. 2000',
};

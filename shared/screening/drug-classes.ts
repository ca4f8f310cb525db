// Suggests a medication class as the clinician types a drug name. It is only a
// suggestion: the clinician confirms the class, which is what the rules read.
// Drugs whose class is a judgement call under this rule set (sedating
// antidepressants, antipsychotics, mood stabilisers other than lamotrigine) are
// left out on purpose, so the clinician chooses rather than being nudged to "other".

import { foldForSearch } from '../text';
import type { MedicationClass } from './case-schema';

export const MEDICATION_CLASS_LABELS: Readonly<Record<MedicationClass, string>> = {
  benzodiazepine: 'Benzodiazepine',
  opioid: 'Opioid',
  'other-cns-depressant': 'Other CNS depressant (z-drug, gabapentinoid, sedating antihistamine, alcohol)',
  psychostimulant: 'Psychostimulant',
  maoi: 'MAOI',
  naltrexone: 'Naltrexone',
  lamotrigine: 'Lamotrigine',
  ssri: 'SSRI',
  snri: 'SNRI',
  other: 'Other',
};

/** Generic name first, then other names in use (synonyms, common brands). */
const TABLE: Readonly<Record<Exclude<MedicationClass, 'other'>, readonly (readonly string[])[]>> = {
  benzodiazepine: [
    ['alprazolam', 'Xanax'],
    ['bromazepam', 'Lexotan'],
    ['chlordiazepoxide', 'Librium'],
    ['clobazam', 'Frisium', 'Onfi'],
    ['clonazepam', 'Klonopin', 'Rivotril'],
    ['clorazepate', 'Tranxene'],
    ['diazepam', 'Valium'],
    ['estazolam'],
    ['flurazepam'],
    ['lorazepam', 'Ativan'],
    ['lormetazepam'],
    ['midazolam'],
    ['nitrazepam', 'Mogadon'],
    ['oxazepam'],
    ['temazepam', 'Restoril'],
    ['triazolam', 'Halcion'],
  ],
  opioid: [
    ['buprenorphine', 'Subutex', 'Suboxone'],
    ['codeine'],
    ['dihydrocodeine'],
    ['fentanyl', 'Duragesic'],
    ['hydrocodone'],
    ['hydromorphone', 'Dilaudid'],
    ['methadone'],
    ['morphine'],
    ['oxycodone', 'OxyContin'],
    ['pethidine', 'meperidine', 'Demerol'],
    ['tapentadol', 'Nucynta'],
    ['tramadol', 'Ultram'],
  ],
  'other-cns-depressant': [
    ['alcohol'],
    ['diphenhydramine', 'Benadryl'],
    ['doxylamine'],
    ['eszopiclone', 'Lunesta'],
    ['gabapentin', 'Neurontin'],
    ['hydroxyzine', 'Atarax', 'Vistaril'],
    ['phenobarbital'],
    ['pregabalin', 'Lyrica'],
    ['promethazine', 'Phenergan'],
    ['zaleplon', 'Sonata'],
    ['zolpidem', 'Ambien', 'Stilnox'],
    ['zopiclone', 'Imovane', 'Zimovane'],
  ],
  psychostimulant: [
    ['amphetamine', 'Adderall'],
    ['armodafinil', 'Nuvigil'],
    ['dexamfetamine', 'dextroamphetamine', 'Dexedrine'],
    ['dexmethylphenidate', 'Focalin'],
    ['lisdexamfetamine', 'Vyvanse', 'Elvanse'],
    ['methylphenidate', 'Ritalin', 'Concerta'],
    ['modafinil', 'Provigil'],
  ],
  maoi: [
    ['isocarboxazid', 'Marplan'],
    ['linezolid', 'Zyvox'],
    ['moclobemide', 'Manerix'],
    ['phenelzine', 'Nardil'],
    ['rasagiline', 'Azilect'],
    ['selegiline', 'Emsam', 'Eldepryl'],
    ['tranylcypromine', 'Parnate'],
  ],
  naltrexone: [['naltrexone', 'Revia', 'Vivitrol', 'Contrave', 'Mysimba']],
  lamotrigine: [['lamotrigine', 'Lamictal']],
  ssri: [
    ['citalopram', 'Celexa', 'Cipramil'],
    ['escitalopram', 'Lexapro', 'Cipralex'],
    ['fluoxetine', 'Prozac'],
    ['fluvoxamine', 'Luvox'],
    ['paroxetine', 'Paxil', 'Seroxat'],
    ['sertraline', 'Zoloft', 'Lustral'],
  ],
  snri: [
    ['desvenlafaxine', 'Pristiq'],
    ['duloxetine', 'Cymbalta'],
    ['levomilnacipran', 'Fetzima'],
    ['milnacipran', 'Savella'],
    ['venlafaxine', 'Effexor'],
  ],
};

export interface DrugSuggestion {
  /** The name that matched: the generic, a synonym or a brand. */
  name: string;
  generic: string;
  class: MedicationClass;
}

interface Entry extends DrugSuggestion {
  key: string;
}

const ENTRIES: readonly Entry[] = Object.entries(TABLE).flatMap(([cls, drugs]) =>
  drugs.flatMap(([generic = '', ...brands]) =>
    [generic, ...brands].map((name) => ({ name, generic, class: cls as MedicationClass, key: foldForSearch(name) })),
  ),
);

const BY_KEY = new Map(ENTRIES.map((e) => [e.key, e]));

// When words of one name point to different classes (say "oxycodone naloxone
// naltrexone"), suggest the class whose rule weighs most.
const CLASS_WEIGHT: readonly MedicationClass[] = [
  'opioid',
  'benzodiazepine',
  'other-cns-depressant',
  'psychostimulant',
  'maoi',
  'naltrexone',
  'lamotrigine',
  'ssri',
  'snri',
];

const publicView = ({ name, generic, class: cls }: Entry): DrugSuggestion => ({ name, generic, class: cls });

/**
 * The class for a typed medication name, matching the whole name or any word
 * of it ("Lorazepam 1 mg tablets"); case and accents are ignored.
 */
export function suggestDrugClass(name: string): DrugSuggestion | null {
  const folded = foldForSearch(name);
  const whole = BY_KEY.get(folded);
  if (whole) return publicView(whole);
  const hits = folded
    .split(' ')
    .map((word) => BY_KEY.get(word))
    .filter((e): e is Entry => e !== undefined);
  hits.sort((a, b) => CLASS_WEIGHT.indexOf(a.class) - CLASS_WEIGHT.indexOf(b.class));
  return hits[0] ? publicView(hits[0]) : null;
}

/** Names starting with the typed prefix, generic names first, then alphabetical. */
export function searchDrugs(prefix: string, limit = 10): DrugSuggestion[] {
  const folded = foldForSearch(prefix);
  if (!folded || limit <= 0) return [];
  return ENTRIES.filter((e) => e.key.startsWith(folded))
    .sort((a, b) => Number(a.name !== a.generic) - Number(b.name !== b.generic) || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map(publicView);
}

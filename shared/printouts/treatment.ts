import type { PlannedTreatment } from './input';
import { ANXIETY_CITES, MURROUGH_2013, TRANSFORM_2, type BenefitStudy } from './evidence';
import { cite, type Cite } from './sources';

// How each planned treatment is named and described on a patient sheet.

export interface TreatmentWords {
  /** "ketamine" or "esketamine", as used mid-sentence. */
  drug: string;
  /** "Ketamine" at the start of a sentence or in a title. */
  Drug: string;
  /** "a drip into a vein" */
  how: string;
  /** The planned treatment as printed in the sheet's header. */
  label: string;
  /** What it can do, said of the evidence for this drug: the spray's own studies are of depression [S1, S6]. */
  whatItDoes: { text: string; cites: Cite[] };
  /** Whether the drug is approved for this use, in plain words, with its source. */
  approval: Array<{ text: string; cites: Cite[] }>;
  /** How long staff watch the patient afterwards. */
  observation: { text: string; cites: Cite[] };
  /** The study whose result the sheets show as "how likely it is to help". */
  study: BenefitStudy;
  /** What to say when that study is not of this exact treatment. */
  studyNote: string | null;
}

const offLabel = {
  text: 'Using ketamine for low mood or anxiety is "off-label". This means it is not one of the uses the medicine is approved for. Ketamine is approved as a medicine to put people to sleep for surgery.',
  cites: [cite('S2')],
};

const ketamineHelps = {
  text: 'In small doses, it can ease low mood and anxiety, often within a day.',
  cites: [cite('S3'), cite('S5')],
};

const watchUntilReady = {
  text: 'Staff watch you closely until you are fully awake, steady on your feet and ready to go home.',
  cites: [cite('S3')],
};

export const TREATMENT_WORDS: Record<PlannedTreatment, TreatmentWords> = {
  'iv-ketamine': {
    drug: 'ketamine',
    Drug: 'Ketamine',
    how: 'a slow drip into a vein, over about 40 minutes',
    label: 'Ketamine by drip into a vein (IV)',
    whatItDoes: ketamineHelps,
    approval: [offLabel],
    observation: watchUntilReady,
    study: MURROUGH_2013,
    studyNote: null,
  },
  'im-ketamine': {
    drug: 'ketamine',
    Drug: 'Ketamine',
    how: 'a shot into a muscle',
    label: 'Ketamine by shot into a muscle (IM)',
    whatItDoes: ketamineHelps,
    approval: [offLabel],
    observation: watchUntilReady,
    study: MURROUGH_2013,
    studyNote: 'This study gave ketamine by drip. Fewer studies have looked at shots into a muscle.',
  },
  'esketamine-nasal': {
    drug: 'esketamine',
    Drug: 'Esketamine',
    how: 'a nasal spray that you use yourself, with staff watching',
    label: 'Esketamine nasal spray (SPRAVATO)',
    whatItDoes: {
      text: 'It can ease low mood, often within a day. For anxiety, the studies are of ketamine, a close relative.',
      cites: [cite('S1'), cite('S6'), ...ANXIETY_CITES],
    },
    approval: [
      {
        text: 'Esketamine is a form of ketamine. In the US, the spray is approved for adults whose depression has not got better with other medicines. It is also approved for adults with depression who have thoughts of suicide. Using it for anything else, such as anxiety alone, is "off-label". Ask us what this means for you.',
        cites: [cite('S1')],
      },
    ],
    observation: { text: 'Staff watch you for at least 2 hours after the spray, until you are ready to go home.', cites: [cite('S1'), cite('S8')] },
    study: TRANSFORM_2,
    studyNote: null,
  },
};

/** The treatments as a chooser lists them. */
export const TREATMENT_OPTIONS = (Object.keys(TREATMENT_WORDS) as PlannedTreatment[]).map((value) => ({ value, label: TREATMENT_WORDS[value].label }));

// What happens to each demo patient: the screening outcome, the treatment,
// the day they came in and the days they were treated. Pure, so the builder
// only carries it out. Days count back from today (0); -3 is three days ago.

import type { Medication } from '../../shared/screening/case-schema';
import type { ItemId } from '../../shared/screening/items';
import type { Route } from '../../shared/session/reference';

export type Outcome = 'clear' | 'caution' | 'override' | 'awaiting-prescriber' | 'incomplete';

export interface Finding {
  answers?: Partial<Record<ItemId, boolean>>;
  medications?: Medication[];
  /** A prescriber's written reason to override a contraindication. */
  overrideReason?: string;
}

export interface PatientPlan {
  index: number;
  outcome: Outcome;
  route: Route;
  finding: Finding;
  /** The day the patient was registered, consented and screened. */
  intakeDay: number;
  /** Past days with a finished session. */
  sessionDays: number[];
  /** The one session still in progress today. */
  inProgressToday: boolean;
  baseline: { systolic: number; diastolic: number; heartRate: number; spo2: number };
}

const CAUTIONS: Finding[] = [
  { answers: { 'controlled-hypertension': true } },
  { answers: { 'substance-use-history': true } },
  { medications: [{ name: 'Lorazepam', class: 'benzodiazepine', dailyDoseMg: 1 }] },
  { answers: { 'sleep-apnea-or-airway-risk': true } },
  { answers: { 'stable-cardiac-disease': true }, medications: [{ name: 'Clonazepam', class: 'benzodiazepine', dailyDoseMg: 0.5 }] },
];

const OVERRIDES: Finding[] = [
  {
    answers: { 'aneurysmal-vascular-disease': true },
    overrideReason: 'Small (3 mm) intracranial aneurysm, unchanged on yearly imaging for 4 years; the neurosurgeon’s letter on file supports treatment with blood pressure kept below the clinic’s alert limits.',
  },
  {
    answers: { 'untreated-hyperthyroidism': true },
    overrideReason: 'Subclinical hyperthyroidism (low TSH, normal free T4); endocrinology advises no treatment and agrees to proceed with heart rate watched at every check.',
  },
  {
    answers: { 'arteriovenous-malformation': true },
    overrideReason: 'Spinal AVM embolised in 2019 with no residual flow on this year’s MRI; neurology agrees to proceed.',
  },
];

/** Current mania found at intake: the prescriber has not decided; the draft waits, unsigned. */
const AWAITING: Finding = { answers: { 'active-psychosis-or-mania': true } };

/** Where the first patients come in: one of each outcome, so a small demo still shows every verdict. */
const FIRST: Outcome[] = ['clear', 'caution', 'override', 'incomplete', 'awaiting-prescriber', 'clear'];
const INTAKE_DAYS = [-27, -22, -16, -11, -6];

function outcomeOf(i: number, count: number): Outcome {
  if (i < FIRST.length) return FIRST[i]!;
  if (i === count - 1) return 'incomplete';
  if (i % 8 === 5) return 'override';
  return i % 3 === 0 ? 'caution' : 'clear';
}

function findingFor(outcome: Outcome, i: number): Finding {
  switch (outcome) {
    case 'caution': return CAUTIONS[i % CAUTIONS.length]!;
    case 'override': return OVERRIDES[i % OVERRIDES.length]!;
    case 'awaiting-prescriber': return AWAITING;
    default: return {};
  }
}

export function planPatients(count: number): PatientPlan[] {
  return Array.from({ length: count }, (_, i) => {
    const outcome = outcomeOf(i, count);
    const treated = outcome === 'clear' || outcome === 'caution' || outcome === 'override';
    // Patient 0 is today's: screened 11 days ago, treated twice since, in the chair now.
    const intakeDay = outcome === 'incomplete' ? 0 : outcome === 'awaiting-prescriber' ? -1 : i === 0 ? -11 : INTAKE_DAYS[i % INTAKE_DAYS.length]!;
    const sessionDays = !treated ? [] : [intakeDay + 2, ...(i % 2 === 0 ? [intakeDay + 7] : [])].filter((d) => d <= -1);
    return {
      index: i,
      outcome,
      route: i % 5 === 0 && i > 0 ? 'iv-ketamine' : 'esketamine-nasal',
      finding: findingFor(outcome, i),
      intakeDay,
      sessionDays,
      inProgressToday: i === 0,
      baseline: { systolic: 112 + ((i * 7) % 24), diastolic: 70 + ((i * 5) % 14), heartRate: 62 + ((i * 3) % 18), spo2: 97 + (i % 3) },
    };
  });
}

// Pure helpers for the screening screens: labels, the checklist in screen
// order, vitals as typed, and the live verdict. No React, so they are easy to
// reason about; the verdict itself always comes from the shared engine.

import type { Patient } from '../../../shared/schemas/patient';
import { caseFor, screeningAnswers, type Screening, type ScreeningAnswers } from '../../../shared/schemas/screening';
import {
  ITEMS, ITEM_GROUPS, PLANNED_TREATMENTS, RULES, SOURCE_TITLES, isItemRequired, ruleForItem, screen,
  type ItemId, type MissingEntry, type ScreeningCase, type ScreeningResult, type Severity, type Verdict,
} from '../../../shared/screening';
import { capitalize } from '../../../shared/text';
import { fieldErrors } from '../../../shared/validation';

export type PlannedTreatment = (typeof PLANNED_TREATMENTS)[number];
export type Answer = 'yes' | 'no' | 'unasked';
export type VitalKey = 'systolic' | 'diastolic' | 'heartRate' | 'spo2';
export type RawVitals = Record<VitalKey, string>;

export const PLANNED_TREATMENT_LABELS: Record<PlannedTreatment, string> = {
  'iv-ketamine': 'IV ketamine',
  'im-ketamine': 'IM ketamine',
  'esketamine-nasal': 'Esketamine nasal spray',
};

/** Short labels for the planned-treatment switch. */
export const PLANNED_TREATMENT_SHORT: Record<PlannedTreatment, string> = {
  'iv-ketamine': 'IV ketamine',
  'im-ketamine': 'IM ketamine',
  'esketamine-nasal': 'Esketamine (nasal)',
};

export const VERDICT_META: Record<Verdict, { label: string; headline: string; color: string }> = {
  contraindicated: { label: 'Contraindicated', headline: 'Do not treat today', color: 'red' },
  caution: { label: 'Caution', headline: 'Prescriber must review each caution', color: 'yellow' },
  incomplete: { label: 'Incomplete', headline: 'No verdict until every required answer is in', color: 'slate' },
  clear: { label: 'Clear', headline: 'No contraindication or caution found', color: 'green' },
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  contraindicated: 'Contraindication',
  caution: 'Caution',
  note: 'Note',
};

/** The checklist in the order it is shown: by group, and within a group in rule-set order. */
export const CHECKLIST = ITEM_GROUPS.map((group) => ({
  ...group,
  items: ITEMS.filter((item) => item.group === group.id),
}));
export const ITEMS_IN_SCREEN_ORDER: readonly ItemId[] = CHECKLIST.flatMap((g) => g.items.map((i) => i.id));

export const itemById = (id: string) => ITEMS.find((i) => i.id === id);
export const ruleById = (id: string) => RULES.find((r) => r.id === id);

export function answerOf(answers: ScreeningAnswers, id: ItemId): Answer {
  const value = answers.answers[id];
  return value === true ? 'yes' : value === false ? 'no' : 'unasked';
}

export function withAnswer(answers: ScreeningAnswers, id: ItemId, answer: Answer): ScreeningAnswers {
  const value = answer === 'yes' ? true : answer === 'no' ? false : null;
  return { ...answers, answers: { ...answers.answers, [id]: value } };
}

/** The editable part of a screening's case, as the store keeps it. */
export function answersFromCase(c: ScreeningCase): ScreeningAnswers {
  const { plannedTreatment, baselineVitals, answers, medications } = c;
  return { plannedTreatment, baselineVitals, answers, medications: medications ?? [] };
}

/** The live verdict for what is on screen; the store recomputes it from the chart when signing. */
export function liveResult(answers: ScreeningAnswers, patient: Patient, onDay: string): ScreeningResult {
  return screen(caseFor(answers, patient, onDay));
}

export const isRequiredFor = (id: ItemId, patient: Patient) => isItemRequired(itemById(id)!, patient.sex);

/**
 * How the checklist asks a question on screen. The rule set's wording stays the
 * record's (and the interchange format's); where it reads as a double negative
 * the screen asks it the way a nurse would, with the same meaning: "Yes" still
 * fires the same rule.
 */
const SCREEN_WORDING: Partial<Record<ItemId, string>> = {
  'no-escort-home': 'Going home without an adult to take them? (The patient must not drive until the next day.)',
};
export const questionText = (item: { id: ItemId; question: string }) => SCREEN_WORDING[item.id] ?? item.question;

/** What is still missing, split into checklist questions and the baseline blood pressure. */
export function missingParts(missing: readonly string[]): { questions: number; baseline: boolean } {
  return { questions: missing.filter((m) => m !== 'baselineVitals').length, baseline: missing.includes('baselineVitals') };
}

/** Why the count of missing answers is what it is: "22 questions and the baseline blood pressure". */
export function missingWhy(missing: readonly string[]): string {
  const { questions, baseline } = missingParts(missing);
  const q = questions > 0 ? `${questions} ${questions === 1 ? 'question' : 'questions'}` : '';
  return [q, baseline ? 'the baseline blood pressure' : ''].filter(Boolean).join(' and ');
}

/**
 * The draft's progress in the same terms as the missing count: required
 * questions answered, and the baseline blood pressure on its own, so the two
 * always add up.
 */
export function progressText(patient: Patient, missing: readonly string[]): string {
  const required = ITEMS.filter((i) => isItemRequired(i, patient.sex)).length;
  const { questions, baseline } = missingParts(missing);
  return `${required - questions} of ${required} required questions answered · baseline blood pressure ${baseline ? 'still needed' : 'entered'}`;
}

/** The first missing entry in screen order: checklist items first, then baseline blood pressure. */
export function firstMissing(missing: readonly MissingEntry[]): MissingEntry | null {
  const set = new Set<string>(missing);
  return ITEMS_IN_SCREEN_ORDER.find((id) => set.has(id)) ?? (set.has('baselineVitals') ? 'baselineVitals' : null);
}

/** The severity a "Yes" to this item gives, for showing beside the question. */
export const severityIfYes = (id: ItemId): Severity | undefined => ruleForItem(id)?.severity;

/** "S1 §4, S2 §4" → the numbered sources it cites, with their titles, once each. */
export function citedSources(source: string): Array<{ code: string; title: string }> {
  const codes = [...new Set(source.match(/S\d+/g) ?? [])];
  return codes.map((code) => ({ code, title: SOURCE_TITLES[code] ?? 'Source not listed' }));
}

// ---- baseline vitals as typed ----

export const VITAL_FIELDS: Array<{ key: VitalKey; label: string; unit: string; min: number; max: number }> = [
  { key: 'systolic', label: 'Systolic', unit: 'mmHg', min: 40, max: 300 },
  { key: 'diastolic', label: 'Diastolic', unit: 'mmHg', min: 20, max: 200 },
  { key: 'heartRate', label: 'Heart rate', unit: '/min', min: 20, max: 250 },
  { key: 'spo2', label: 'SpO₂', unit: '%', min: 50, max: 100 },
];

export function rawVitalsOf(answers: ScreeningAnswers): RawVitals {
  const v = answers.baselineVitals ?? {};
  const s = (n: number | undefined) => (n === undefined ? '' : String(n));
  return { systolic: s(v.systolic), diastolic: s(v.diastolic), heartRate: s(v.heartRate), spo2: s(v.spo2) };
}


/**
 * Typed vitals → the values that may be saved, and an error per field. A value
 * with an error is left out of what is saved, so a screening with a mistyped
 * blood pressure reads "incomplete", never "clear".
 */
export function parseVitals(raw: RawVitals): { vitals: ScreeningAnswers['baselineVitals']; errors: Partial<Record<VitalKey, string>> } {
  const errors: Partial<Record<VitalKey, string>> = {};
  const numbers: Partial<Record<VitalKey, number>> = {};
  for (const { key } of VITAL_FIELDS) {
    const text = raw[key].trim();
    if (text === '') continue;
    if (!/^\d+$/.test(text)) {
      errors[key] = 'Must be a whole number';
      continue;
    }
    numbers[key] = Number(text);
  }
  // Bounds first, then the pair (diastolic below systolic) on what is left.
  for (let pass = 0; pass < 3; pass++) {
    const checked = screeningAnswers.shape.baselineVitals.safeParse(numbers);
    if (checked.success) break;
    let dropped = false;
    for (const [field, message] of Object.entries(fieldErrors(checked.error))) {
      if (field in numbers) {
        errors[field as VitalKey] ??= capitalize(message);
        delete numbers[field as VitalKey];
        dropped = true;
      }
    }
    if (!dropped) return { vitals: undefined, errors };
  }
  const kept = Object.keys(numbers).length > 0 ? (numbers as NonNullable<ScreeningAnswers['baselineVitals']>) : undefined;
  return { vitals: kept, errors };
}

// ---- the chart list ----

export const screeningDate = (s: Screening) => s.signature?.signedAt ?? s.createdAt;

export function isExpired(s: Screening, now: Date = new Date()): boolean {
  return s.signature !== null && Date.parse(s.signature.expiresAt) <= now.getTime();
}

/** The signed screening that is in force: the newest signed one not amended and not expired. */
export function currentScreening(list: readonly Screening[], now: Date = new Date()): Screening | undefined {
  return list.find((s) => s.status === 'signed' && !s.amendedById && !isExpired(s, now));
}

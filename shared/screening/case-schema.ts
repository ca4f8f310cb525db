import { z } from 'zod';
import { SEXES } from '../schemas/sex';
import { issueField } from '../validation';
import { ITEM_IDS, type ItemId } from './items';

// The zod twin of screening-case.schema.json (ketamine-screening/v1). Same keys,
// types and bounds; every object is strict. Messages are written to follow the
// field path, so the first issue reads "baselineVitals.systolic: must be at most 300".

export const CASE_FORMAT = 'ketamine-screening/v1';
export const PLANNED_TREATMENTS = ['iv-ketamine', 'im-ketamine', 'esketamine-nasal'] as const;
export const MEDICATION_CLASSES = [
  'benzodiazepine',
  'opioid',
  'other-cns-depressant',
  'psychostimulant',
  'maoi',
  'naltrexone',
  'lamotrigine',
  'ssri',
  'snri',
  'other',
] as const;

/** A type error reads "is required" when the key is absent, else "must be …". */
const expecting = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`),
});

const oneOf = (values: readonly string[]) => `one of ${values.join(', ')}`;

const strict = <Shape extends z.core.$ZodLooseShape>(shape: Shape, unknownKey = 'is not a known field') =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? unknownKey : issue.input === undefined ? 'is required' : 'must be an object',
  });

const wholeNumber = (min: number, max: number) =>
  z
    .number(expecting('a whole number'))
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const positiveNumber = (max: number) =>
  z
    .number(expecting('a number'))
    .positive({ error: 'must be more than 0' })
    .max(max, { error: `must be at most ${max}` });

const patient = strict({
  ageYears: wholeNumber(0, 120),
  sex: z.enum(SEXES, expecting(oneOf(SEXES))),
  weightKg: positiveNumber(400).optional(),
});

const baselineVitals = strict({
  systolic: wholeNumber(40, 300).optional(),
  diastolic: wholeNumber(20, 200).optional(),
  heartRate: wholeNumber(20, 250).optional(),
  spo2: wholeNumber(50, 100).optional(),
}).refine((v) => v.systolic === undefined || v.diastolic === undefined || v.diastolic < v.systolic, {
  error: 'must be lower than systolic',
  path: ['diastolic'],
});

const answer = z.boolean({ error: 'must be true, false or null' }).nullable().optional();
const answers = strict(
  Object.fromEntries(ITEM_IDS.map((id) => [id, answer])) as Record<ItemId, typeof answer>,
  'is not a known checklist item',
);

/** One current medicine: the screening case's entry, also kept on the patient's record. */
export const medicationSchema = strict({
  // JSON Schema counts characters as code points, hence the spread.
  name: z
    .string(expecting('text'))
    .min(1, { error: 'must not be empty' })
    .refine((s) => [...s].length <= 200, { error: 'must be at most 200 characters' }),
  class: z.enum(MEDICATION_CLASSES, expecting(oneOf(MEDICATION_CLASSES))),
  dailyDoseMg: positiveNumber(100000).optional(),
});

export const screeningCaseSchema = strict({
  format: z.literal(CASE_FORMAT, expecting(`"${CASE_FORMAT}"`)),
  patient,
  plannedTreatment: z.enum(PLANNED_TREATMENTS, expecting(oneOf(PLANNED_TREATMENTS))),
  baselineVitals: baselineVitals.optional(),
  answers,
  medications: z
    .array(medicationSchema, expecting('a list'))
    .max(100, { error: 'must have at most 100 entries' })
    .optional(),
});

export type ScreeningCase = z.output<typeof screeningCaseSchema>;
export type MedicationClass = (typeof MEDICATION_CLASSES)[number];
export type Medication = z.output<typeof medicationSchema>;

const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

/** The first problem of a failed case parse as one line that starts with its field. */
export function describeCaseError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'case: is not a valid screening case';
  // An unknown key is quoted so that one holding a newline or dot cannot break the one line.
  const field = issueField(issue, (key) => (PLAIN_KEY.test(key) ? key : JSON.stringify(key)));
  return `${field || 'case'}: ${issue.message}`;
}

import { z } from 'zod';
import { SEXES } from '../schemas/sex';
import { describeFirstIssue, expecting, oneOf, strictFields, wholeNumberField } from '../validation';
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

const positiveNumber = (max: number) =>
  z
    .number(expecting('a number'))
    .positive({ error: 'must be more than 0' })
    .max(max, { error: `must be at most ${max}` });

const patient = strictFields({
  ageYears: wholeNumberField(0, 120),
  sex: z.enum(SEXES, expecting(oneOf(SEXES))),
  weightKg: positiveNumber(400).optional(),
});

const baselineVitals = strictFields({
  systolic: wholeNumberField(40, 300).optional(),
  diastolic: wholeNumberField(20, 200).optional(),
  heartRate: wholeNumberField(20, 250).optional(),
  spo2: wholeNumberField(50, 100).optional(),
}).refine((v) => v.systolic === undefined || v.diastolic === undefined || v.diastolic < v.systolic, {
  error: 'must be lower than systolic',
  path: ['diastolic'],
});

const answer = z.boolean({ error: 'must be true, false or null' }).nullable().optional();
const answers = strictFields(
  Object.fromEntries(ITEM_IDS.map((id) => [id, answer])) as Record<ItemId, typeof answer>,
  'is not a known checklist item',
);

/** One current medicine: the screening case's entry, also kept on the patient's record. */
export const medicationSchema = strictFields({
  // JSON Schema counts characters as code points, hence the spread.
  name: z
    .string(expecting('text'))
    .min(1, { error: 'must not be empty' })
    .refine((s) => [...s].length <= 200, { error: 'must be at most 200 characters' }),
  class: z.enum(MEDICATION_CLASSES, expecting(oneOf(MEDICATION_CLASSES))),
  dailyDoseMg: positiveNumber(100000).optional(),
});

export const screeningCaseSchema = strictFields({
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

/** The first problem of a failed case parse as one line that starts with its field. */
export const describeCaseError = (error: z.ZodError): string =>
  describeFirstIssue(error, 'case', 'is not a valid screening case');

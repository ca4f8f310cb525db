import { z } from 'zod';
import { amendmentReason, id, isoDate, isoInstant, optionalPositiveMeasure, optionalText, requiredText } from './common';
import { localIsoDate } from '../dates';
import { medicationSchema } from '../screening/case-schema';
import { SEXES } from './sex';

export { SEXES, SEX_LABELS } from './sex';

/**
 * Whether the patient was asked about allergies, and what they said: "none
 * known" and "not asked" are different answers, so neither is an empty text.
 */
export const ALLERGY_STATUSES = ['not-asked', 'none-known', 'recorded'] as const;
export type AllergyStatus = (typeof ALLERGY_STATUSES)[number];
export const ALLERGY_STATUS_LABELS: Record<AllergyStatus, string> = {
  'not-asked': 'Not asked yet',
  'none-known': 'No known allergies',
  recorded: 'Has allergies',
};

/** Free text that means "no known allergies" (how the form and older records wrote it). */
const NONE_KNOWN_TEXT = /^(no known (drug )?allergies|nka|nkda|none( known)?)\.?$/i;

/** The status older free text implies: empty → not asked, "No known allergies" → none known, anything else → recorded. */
export function allergyStatusOfText(text: string | null): AllergyStatus {
  const t = text?.trim() ?? '';
  if (t === '') return 'not-asked';
  return NONE_KNOWN_TEXT.test(t) ? 'none-known' : 'recorded';
}

/** Everything a clinician types on the patient form. */
export const patientFields = z.strictObject({
  legalName: requiredText('Legal name'),
  preferredName: optionalText('Preferred name', 200),
  dateOfBirth: isoDate('Date of birth').refine((d) => d <= localIsoDate(), {
    error: 'Date of birth cannot be in the future',
  }).refine((d) => d >= '1900-01-01', { error: 'Date of birth must be after 1900' }),
  sex: z.enum(SEXES, { error: 'Sex must be female, male, intersex or unknown' }),
  mrn: requiredText('Medical record number', 40).regex(/^[A-Za-z0-9][A-Za-z0-9 ._/-]*$/, {
    error: 'Medical record number may use letters, digits, space and . _ / -',
  }),
  weightKg: optionalPositiveMeasure('Weight', 'kg', 400),
  heightCm: optionalPositiveMeasure('Height', 'cm', 272),
  /** Left out by older callers: then read from `allergies` as allergyStatusOfText does. */
  allergyStatus: z.enum(ALLERGY_STATUSES, { error: 'Allergy status must be not asked, none known or recorded' }).optional(),
  /** The allergies themselves, only with status "recorded". */
  allergies: optionalText('Allergies', 1000),
  /** The patient's current medicines; each new screening starts from this list. */
  medicines: z.array(medicationSchema).max(100, { error: 'Medicines must have at most 100 entries' }).default([]),
  emergencyContactName: optionalText('Emergency contact name', 200),
  emergencyContactPhone: optionalText('Emergency contact phone', 40),
  notes: optionalText('Notes', 4000),
});

export const patient = patientFields.extend({
  allergyStatus: z.enum(ALLERGY_STATUSES),
  id,
  version: z.number().int().positive(),
  createdAt: isoInstant,
  createdBy: id,
  updatedAt: isoInstant,
  updatedBy: id,
});

export const patientAmendment = z.strictObject({
  id,
  /** The version the clinician was looking at: a newer one means someone else changed it. */
  expectedVersion: z.number().int().positive(),
  fields: patientFields,
  reason: amendmentReason,
});

export const patientSearch = z.strictObject({
  query: z.string().max(200, { error: 'Search must be at most 200 characters' }),
  limit: z.number().int().min(1).max(200).default(50),
});

export type PatientFields = z.output<typeof patientFields>;
export type PatientFieldsInput = z.input<typeof patientFields>;
export type Patient = z.output<typeof patient>;
export type PatientAmendment = z.output<typeof patientAmendment>;

/** A patient's fields as stored: the allergy status always set, allergy text only with "recorded". */
export type StoredPatientFields = Omit<PatientFields, 'allergyStatus'> & { allergyStatus: AllergyStatus };

/**
 * Resolves the allergy status (from older free text when left out) and checks it
 * agrees with the text. Returns the problem's message instead when it does not.
 */
export function storedPatientFields(fields: PatientFields): StoredPatientFields | { problem: string } {
  const allergyStatus = fields.allergyStatus ?? allergyStatusOfText(fields.allergies);
  if (allergyStatus === 'recorded' && !fields.allergies?.trim()) {
    return { problem: 'Describe the allergies, or choose “No known allergies”' };
  }
  if (allergyStatus !== 'recorded' && fields.allergyStatus !== undefined && fields.allergies?.trim()) {
    return { problem: 'Allergy details go with “Has allergies”; clear them or change the status' };
  }
  return { ...fields, allergyStatus, allergies: allergyStatus === 'recorded' ? fields.allergies : null };
}

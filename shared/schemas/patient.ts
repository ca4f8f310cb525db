import { z } from 'zod';
import { amendmentReason, id, isoDate, isoInstant, optionalPositiveMeasure, optionalText, requiredText } from './common';
import { localIsoDate } from '../dates';

// The same sexes as the screening interchange format, so a patient's record
// feeds a screening without translation.
export const SEXES = ['female', 'male', 'intersex', 'unknown'] as const;
export const SEX_LABELS: Record<(typeof SEXES)[number], string> = {
  female: 'Female',
  male: 'Male',
  intersex: 'Intersex',
  unknown: 'Unknown',
};

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
  allergies: optionalText('Allergies', 1000),
  emergencyContactName: optionalText('Emergency contact name', 200),
  emergencyContactPhone: optionalText('Emergency contact phone', 40),
  notes: optionalText('Notes', 4000),
});

export const patient = patientFields.extend({
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

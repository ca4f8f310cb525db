import { SEX_LABELS, type Patient, type PatientFields } from '../../../shared/schemas/patient';

export const sexLabel = (sex: Patient['sex']) => SEX_LABELS[sex];

/** "72 kg"; numbers keep their decimals but no float noise. */
export function formatMeasure(value: number | null, unit: string): string | null {
  if (value === null) return null;
  return `${Number(value.toFixed(2))} ${unit}`;
}

/**
 * Allergies are free text in the record. "No known allergies" is stored as that
 * exact phrase by the form; older or typed variants (NKA, NKDA, none) are
 * recognised too, so the chart never shows them as a red allergy.
 */
export const NO_KNOWN_ALLERGIES = 'No known allergies';
const NONE_PATTERNS = /^(no known (drug )?allergies|nka|nkda|none( known)?)\.?$/i;

export type AllergyStatus = { kind: 'not-recorded' } | { kind: 'none-known' } | { kind: 'present'; text: string };

export function allergyStatus(allergies: string | null): AllergyStatus {
  if (allergies === null || allergies.trim() === '') return { kind: 'not-recorded' };
  if (NONE_PATTERNS.test(allergies.trim())) return { kind: 'none-known' };
  return { kind: 'present', text: allergies };
}

/** The patient fields in reading order, with labels, for the history's before → after. */
export const PATIENT_FIELD_LABELS: Record<keyof PatientFields, string> = {
  legalName: 'Legal name',
  preferredName: 'Preferred name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  mrn: 'MRN',
  weightKg: 'Weight',
  heightCm: 'Height',
  allergies: 'Allergies',
  emergencyContactName: 'Emergency contact',
  emergencyContactPhone: 'Emergency phone',
  notes: 'Notes',
};

import { SEX_LABELS, type Patient, type PatientFields } from '../../../shared/schemas/patient';

export const sexLabel = (sex: Patient['sex']) => SEX_LABELS[sex];

/** "72 kg"; numbers keep their decimals but no float noise. */
export function formatMeasure(value: number | null, unit: string): string | null {
  if (value === null) return null;
  return `${Number(value.toFixed(2))} ${unit}`;
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
  allergyStatus: 'Allergy status',
  allergies: 'Allergies',
  medicines: 'Current medicines',
  emergencyContactName: 'Emergency contact',
  emergencyContactPhone: 'Emergency phone',
  notes: 'Notes',
};

import type { FormErrors } from '@mantine/form';
import { patientFields, type AllergyStatus, type Patient, type PatientFields, type SEXES } from '../../../shared/schemas/patient';
import type { Medication } from '../../../shared/screening/case-schema';
import { combineValidators, zodValidate } from './zodForm';

/** What the patient form holds: text as typed, so nothing is lost or reformatted while editing. */
export interface PatientFormValues {
  legalName: string;
  preferredName: string;
  dateOfBirth: string;
  sex: '' | (typeof SEXES)[number];
  mrn: string;
  weightKg: string;
  heightCm: string;
  allergyStatus: AllergyStatus;
  allergies: string;
  /** Kept as they are: the list is edited with the medicine table, not typed here. */
  medicines: Medication[];
  emergencyContactName: string;
  emergencyContactPhone: string;
  notes: string;
}

export const PATIENT_FORM_FIELDS = [
  'legalName',
  'preferredName',
  'dateOfBirth',
  'sex',
  'mrn',
  'weightKg',
  'heightCm',
  'allergyStatus',
  'allergies',
  'medicines',
  'emergencyContactName',
  'emergencyContactPhone',
  'notes',
] as const satisfies readonly (keyof PatientFormValues)[];

export const emptyPatientForm: PatientFormValues = {
  legalName: '',
  preferredName: '',
  dateOfBirth: '',
  sex: '',
  mrn: '',
  weightKg: '',
  heightCm: '',
  allergyStatus: 'not-asked',
  allergies: '',
  medicines: [],
  emergencyContactName: '',
  emergencyContactPhone: '',
  notes: '',
};

const text = (v: string | null) => v ?? '';
const measureText = (v: number | null) => (v === null ? '' : String(v));

export function patientToForm(p: Patient): PatientFormValues {
  return {
    legalName: p.legalName,
    preferredName: text(p.preferredName),
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    mrn: p.mrn,
    weightKg: measureText(p.weightKg),
    heightCm: measureText(p.heightCm),
    allergyStatus: p.allergyStatus,
    allergies: text(p.allergies),
    medicines: p.medicines,
    emergencyContactName: text(p.emergencyContactName),
    emergencyContactPhone: text(p.emergencyContactPhone),
    notes: text(p.notes),
  };
}

/** "72,5" and "72.5" are both 72.5; anything else is NaN, which the schema reports as "must be a number". */
function measure(value: string): number | null {
  const t = value.trim().replace(',', '.');
  if (t === '') return null;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** The form's values as the shared schema's input. A blank required field is left out, so it reads "is required". */
export function patientFormToInput(v: PatientFormValues): Record<string, unknown> {
  return {
    legalName: v.legalName,
    preferredName: v.preferredName,
    dateOfBirth: v.dateOfBirth === '' ? undefined : v.dateOfBirth,
    sex: v.sex === '' ? undefined : v.sex,
    mrn: v.mrn,
    weightKg: measure(v.weightKg),
    heightCm: measure(v.heightCm),
    allergyStatus: v.allergyStatus,
    allergies: v.allergyStatus === 'recorded' ? v.allergies : null,
    medicines: v.medicines,
    emergencyContactName: v.emergencyContactName,
    emergencyContactPhone: v.emergencyContactPhone,
    notes: v.notes,
  };
}

/** "Has allergies" with nothing written would store no allergy at all, so it must say what they are. */
function allergyDetailsRule(v: PatientFormValues): FormErrors {
  return v.allergyStatus === 'recorded' && v.allergies.trim() === ''
    ? { allergies: 'Describe the allergies, or choose “No known allergies”' }
    : {};
}

export const validatePatientForm = combineValidators<PatientFormValues>(
  zodValidate(patientFields, patientFormToInput),
  allergyDetailsRule,
);

/** The request body once the form is valid; null if it is not (the form shows why). */
export function patientFormToFields(v: PatientFormValues): PatientFields | null {
  const parsed = patientFields.safeParse(patientFormToInput(v));
  return parsed.success ? parsed.data : null;
}

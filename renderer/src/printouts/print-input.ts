import type { Clinician } from '../../../shared/schemas/clinician';
import type { Patient } from '../../../shared/schemas/patient';
import type { ClinicSettings } from '../../../shared/schemas/settings';
import type { ClinicDetails, PlannedTreatment, PrintInput } from '../../../shared/printouts/input';

/** The clinic settings a sheet prints, picked from all settings. */
export function clinicDetails(s: ClinicSettings): ClinicDetails {
  const { clinicName, clinicAddress, clinicPhone, afterHoursPhone, emergencyNumber, clinicLogo, paperSize } = s;
  return { clinicName, clinicAddress, clinicPhone, afterHoursPhone, emergencyNumber, clinicLogo, paperSize };
}

export function printInputFor(
  patient: Patient, settings: ClinicSettings, clinician: Clinician | null, treatment: PlannedTreatment, onDay: string,
): PrintInput {
  return {
    patient: { legalName: patient.legalName, dateOfBirth: patient.dateOfBirth, mrn: patient.mrn },
    onDay,
    treatment,
    clinic: clinicDetails(settings),
    clinician: clinician ? { name: clinician.name, credentials: clinician.credentials } : null,
  };
}

/** Settings a patient sheet needs that are still blank, by their label. */
export function missingClinicDetails(s: ClinicSettings): string[] {
  const labels: Array<[keyof ClinicSettings, string]> = [
    ['clinicName', 'clinic name'],
    ['clinicPhone', 'clinic phone'],
    ['afterHoursPhone', 'after-hours phone'],
    ['emergencyNumber', 'emergency number'],
  ];
  return labels.filter(([key]) => !String(s[key] ?? '').trim()).map(([, label]) => label);
}

import type { PlannedTreatment, PrintInput } from '../../shared/printouts';
import { SETTING_DEFAULTS } from '../../shared/schemas/settings';
import { PLANNED_TREATMENTS } from '../../shared/screening/case-schema';

export const TREATMENTS: readonly PlannedTreatment[] = PLANNED_TREATMENTS;

/** A sheet's input with a fully set-up clinic; `clinic` overrides any setting. */
export function printInput(overrides: Partial<Omit<PrintInput, 'clinic'>> & { clinic?: Partial<PrintInput['clinic']> } = {}): PrintInput {
  const { clinic, ...rest } = overrides;
  return {
    patient: { legalName: 'Zoë Ångström', dateOfBirth: '1985-07-02', mrn: 'KD-1001' },
    onDay: '2026-11-25',
    treatment: 'iv-ketamine',
    clinician: { name: 'Dr Amira Haddad', credentials: 'MD' },
    ...rest,
    clinic: {
      clinicName: 'Harbour Mood Clinic',
      clinicAddress: '12 Quay Street, Port Ellis',
      clinicPhone: '+1 555 0100',
      afterHoursPhone: '+1 555 0199',
      emergencyNumber: '911',
      clinicLogo: SETTING_DEFAULTS.clinicLogo,
      paperSize: 'a4',
      ...clinic,
    },
  };
}

import type { PLANNED_TREATMENTS } from '../screening/case-schema';
import type { ClinicSettings } from '../schemas/settings';

export type PlannedTreatment = (typeof PLANNED_TREATMENTS)[number];

/** The clinic settings a sheet prints. */
export type ClinicDetails = Pick<
  ClinicSettings,
  'clinicName' | 'clinicAddress' | 'clinicPhone' | 'afterHoursPhone' | 'emergencyNumber' | 'clinicLogo' | 'paperSize'
>;

/** What every sheet is personalised with. */
export interface PrintInput {
  patient: { legalName: string; dateOfBirth: string; mrn: string };
  /** The day printed on the sheet, YYYY-MM-DD. */
  onDay: string;
  treatment: PlannedTreatment;
  clinic: ClinicDetails;
  /** Who prints it; their name goes on the clinician's signature line. */
  clinician: { name: string; credentials: string } | null;
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "25 November 2026": the month spelled out reads the same in every country. */
export function longDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A clinic setting as printed: blank means "write it in", shown as a line. */
export const orBlank = (value: string): string | null => (value.trim() ? value.trim() : null);

export const clinicianLabel = (c: PrintInput['clinician']) =>
  c ? (c.credentials ? `${c.name}, ${c.credentials}` : c.name) : null;

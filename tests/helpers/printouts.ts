import { bandOf, buildTrend, changeFromBaseline, type FrequencyInstrumentId, type Trend, type TrendEntry } from '../../shared/measures';
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

/** Totals by instrument, oldest first, a week apart from 2 November 2026. */
type Course = Partial<Record<FrequencyInstrumentId, number[]>>;

/** A trend as the store would list it: the first total of each instrument is its baseline, the rest scored against it. */
export function trendOf(course: Course, sessionStarts: string[] = []): Trend {
  const entries: TrendEntry[] = (Object.entries(course) as Array<[FrequencyInstrumentId, number[]]>).flatMap(([instrument, totals]) =>
    totals.map((total, k) => ({
      id: `${instrument}-${k}`,
      instrument,
      takenAt: new Date(Date.UTC(2026, 10, 2 + 7 * k, 10)).toISOString(),
      amendedById: null,
      isBaseline: k === 0,
      score: { status: 'complete' as const, total, band: bandOf(instrument, total), change: changeFromBaseline(total, totals[0]!) },
    })),
  );
  return buildTrend(entries, sessionStarts);
}

/** Courses the progress sheet must read plainly: better in both, worse, only a first score, a first score of 0. */
export const COURSES: Record<string, Course> = {
  improving: { phq9: [18, 12, 7, 4], gad7: [14, 9, 8] },
  worse: { phq9: [10, 13] },
  'first only': { gad7: [16] },
  'from zero': { phq9: [0, 3] },
};

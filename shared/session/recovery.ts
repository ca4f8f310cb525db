// "Vitals back near baseline" [REFERENCE §4]: systolic and diastolic within the
// clinic's margin of the pre-dose reading, and nothing past an alert limit.
// The schedule uses it to keep asking for BP; discharge readiness to allow leaving.

import { assessVitals, type BaselineBp } from './alerts';
import type { VitalsData } from './schemas';
import type { SessionSettings } from './settings';

type Reading = Partial<Pick<VitalsData, 'systolic' | 'diastolic' | 'heartRate' | 'spo2' | 'respiratoryRate'>>;

/** Why a reading is not back near baseline; empty when it is. */
export function recoveryProblems(reading: Reading, baseline: BaselineBp, settings: SessionSettings): string[] {
  const margin = settings.dischargeBpMarginPercent;
  const problems: string[] = [];
  for (const [key, label] of [['systolic', 'Systolic'], ['diastolic', 'Diastolic']] as const) {
    const value = reading[key];
    if (value === undefined) {
      problems.push(`${label} not measured`);
      continue;
    }
    const diff = Math.abs(value - baseline[key]);
    // Integer arithmetic, so exactly 20 % is inside a 20 % margin.
    if (diff * 100 > margin * baseline[key]) {
      problems.push(`${label} ${value} is ${Math.round((diff * 100) / baseline[key])} % from the pre-dose ${baseline[key]} (within ${margin} % needed)`);
    }
  }
  for (const alert of assessVitals(reading, baseline, settings)) problems.push(alert.message);
  return problems;
}

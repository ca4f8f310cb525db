// Clinic settings for treatment courses. REFERENCE.md gives the esketamine
// schedule (./reference.ts) but no IV/IM induction, spacing or overdue rule,
// so each of those is a clinic setting with a labelled "clinic default".

import { z } from 'zod';
import { wholeMeasure } from '../schemas/common';
import type { SettingInfo } from '../session/settings';

export const COURSE_SETTING_DEFAULTS = {
  /** Clinic default: the example induction, "6 sessions over 2–3 weeks" (REFERENCE gives no count). */
  ketamineInductionSessions: 6,
  /** Clinic default: the upper end of "2–3 weeks". */
  ketamineInductionSpanDays: 21,
  /** Clinic default: no two sessions of a course on consecutive days. */
  courseMinDaysBetweenSessions: 2,
  /** Clinic default: in maintenance, a session up to this many days before the prescriber's interval is not early. */
  courseEarlyToleranceDays: 2,
  /** Clinic default: a patient is overdue this many days after the next due date. */
  courseOverdueAfterDays: 2,
  /**
   * Clinic default: off, so every decision to dose despite a pre-dose concern
   * is a prescriber's. On: nurses may decide the milder ones (those the rules
   * mark "documented decision", not "prescriber decides").
   */
  nursesDecideMilderConcerns: false as boolean,
};
export type CourseSettings = { [K in keyof typeof COURSE_SETTING_DEFAULTS]: (typeof COURSE_SETTING_DEFAULTS)[K] };
export type CourseSettingKey = keyof CourseSettings;

export const courseSettingsShape = {
  ketamineInductionSessions: wholeMeasure('Ketamine induction sessions', 'sessions', 1, 20),
  ketamineInductionSpanDays: wholeMeasure('Ketamine induction span', 'days', 1, 90),
  courseMinDaysBetweenSessions: wholeMeasure('Minimum days between sessions', 'days', 1, 14),
  courseEarlyToleranceDays: wholeMeasure('Maintenance early tolerance', 'days', 0, 14),
  courseOverdueAfterDays: wholeMeasure('Overdue after', 'days', 0, 30),
  nursesDecideMilderConcerns: z.boolean({ error: 'Nurses deciding milder concerns must be on or off' }),
} satisfies { [K in CourseSettingKey]: z.ZodType<CourseSettings[K]> };

export const COURSE_SETTING_INFO: Record<CourseSettingKey, SettingInfo> = {
  ketamineInductionSessions: { label: 'IV/IM ketamine: induction sessions', unit: 'sessions', basis: 'clinic-default', source: 'KetaDesk clinic default (the clinical reference gives no count)' },
  ketamineInductionSpanDays: { label: 'IV/IM ketamine: induction over', unit: 'days', basis: 'clinic-default', source: 'KetaDesk clinic default (the clinical reference gives no span)' },
  courseMinDaysBetweenSessions: { label: 'Any course: at least this many days between sessions', unit: 'days', basis: 'clinic-default', source: 'KetaDesk clinic default' },
  courseEarlyToleranceDays: { label: 'Maintenance: a session this many days before the interval is not early', unit: 'days', basis: 'clinic-default', source: 'KetaDesk clinic default' },
  courseOverdueAfterDays: { label: 'Overdue this many days after the due date', unit: 'days', basis: 'clinic-default', source: 'KetaDesk clinic default' },
  nursesDecideMilderConcerns: { label: 'Nurses may decide to dose despite the milder pre-dose concerns', unit: '', basis: 'clinic-default', source: 'KetaDesk clinic default: off (prescribers decide every concern)' },
};

export function courseSettingsOf(settings: CourseSettings): CourseSettings {
  const keys = Object.keys(COURSE_SETTING_DEFAULTS) as CourseSettingKey[];
  return Object.fromEntries(keys.map((k) => [k, settings[k]])) as CourseSettings;
}

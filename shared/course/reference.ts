// Fixed facts a treatment course is planned from, each with its REFERENCE.md
// source. Numbers a clinic chooses live in ./settings.ts.

import type { Route } from '../session/reference';

/** What the course treats; the consent form names it. "other" carries the prescriber's words. */
export const INDICATIONS = ['trd', 'depression-suicidal', 'anxiety-off-label', 'other'] as const;
export type Indication = (typeof INDICATIONS)[number];
export const INDICATION_LABELS: Record<Indication, string> = {
  trd: 'Treatment-resistant depression',
  'depression-suicidal': 'Depression with suicidal thoughts or actions',
  'anxiety-off-label': 'Anxiety (off-label)',
  other: 'Other',
};

/** The indication as the chart and the consent form name it. */
export const indicationWords = (c: { indication: Indication | null; indicationOther: string | null }): string =>
  c.indication === null ? 'indication not recorded' : c.indication === 'other' ? `other: ${c.indicationOther ?? ''}` : INDICATION_LABELS[c.indication];

/** Induction and maintenance are active (sessions may start); paused and ended are not. */
export const PHASES = ['induction', 'maintenance', 'paused', 'ended'] as const;
export type Phase = (typeof PHASES)[number];
export const ACTIVE_PHASES = ['induction', 'maintenance'] as const satisfies readonly Phase[];
export type ActivePhase = (typeof ACTIVE_PHASES)[number];
export const isActivePhase = (p: Phase): p is ActivePhase => p === 'induction' || p === 'maintenance';

/**
 * The esketamine label's schedule [S1 §2; REFERENCE §4]: induction twice
 * weekly for weeks 1–4, then weekly (weeks 5–8), then weekly or every two weeks.
 */
export const ESKETAMINE_SCHEDULE = {
  inductionWeeks: 4,
  inductionPerWeek: 2,
  /** Maintenance weeks 1–4 of KetaDesk's maintenance phase are the label's weeks 5–8: once weekly. */
  weeklyMaintenanceWeeks: 4,
  /** From the label's week 9: the prescriber chooses weekly or every two weeks. */
  laterIntervalDays: [7, 14] as const,
  source: 'S1 §2; REFERENCE §4',
} as const;
export type EsketamineLaterInterval = (typeof ESKETAMINE_SCHEDULE.laterIntervalDays)[number];

/**
 * 28 mg (1 device) is the label's starting dose at 65 and over; below 65 the
 * label's doses are 56 and 84 mg [S1 §2, §8.5; REFERENCE §2 NO-AGE-OLDER, §4].
 */
export const ESKETAMINE_OLDER_ADULT_AGE = 65;
export const esketamineDeviceChoices = (ageYears: number): readonly (1 | 2 | 3)[] =>
  ageYears >= ESKETAMINE_OLDER_ADULT_AGE ? [1, 2, 3] : [2, 3];

export const DOSE_SOURCE = 'S1 §2, §8.5; REFERENCE §2 NO-AGE-OLDER, §4';

export const routeIsKetamine = (r: Route): r is 'iv-ketamine' | 'im-ketamine' => r !== 'esketamine-nasal';

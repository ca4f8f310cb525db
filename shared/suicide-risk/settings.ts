// Clinic settings for the suicide-risk safety gate (issue #10 point 4). The
// measures contract (measures.md, M4) says what a positive ASQ asks for, but
// no source says how often to screen or which crisis lines to give, so each
// is a clinic setting with a labelled default.

import { z } from 'zod';

export const SUICIDE_RISK_SETTING_DEFAULTS = {
  /** Clinic default (issue #10): an ASQ on the day of every session, before dosing. */
  requireAsqEachSession: true as boolean,
  /** Clinic default (issue #10): a PHQ-9 and a GAD-7 at baseline and before each session (taken on the session's day). */
  requirePhqGadEachSession: true as boolean,
  /** The clinic's own crisis line, given with the ASQ's resource list. Default: blank (no source can know it). */
  clinicCrisisLine: '',
  /** The national crisis line. measures.md and REFERENCE.md give none, so blank: the clinic enters its country's. */
  nationalCrisisLine: '',
};

export type SuicideRiskSettings = { [K in keyof typeof SUICIDE_RISK_SETTING_DEFAULTS]: (typeof SUICIDE_RISK_SETTING_DEFAULTS)[K] };

/** The two switches decide whether a session may start, so changing one needs a reason, like a session threshold. */
export const SUICIDE_RISK_GATE_KEYS: readonly string[] = ['requireAsqEachSession', 'requirePhqGadEachSession'];

const crisisLine = (label: string) =>
  z.string({ error: `${label} must be text` }).trim().max(120, { error: `${label} must be at most 120 characters` });

export const suicideRiskSettingsShape = {
  requireAsqEachSession: z.boolean({ error: 'ASQ before each session must be on or off' }),
  requirePhqGadEachSession: z.boolean({ error: 'PHQ-9 and GAD-7 before each session must be on or off' }),
  clinicCrisisLine: crisisLine('Clinic crisis line'),
  nationalCrisisLine: crisisLine('National crisis line'),
} satisfies { [K in keyof SuicideRiskSettings]: z.ZodType<SuicideRiskSettings[K]> };

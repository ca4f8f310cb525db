// Today's board (issue #12 point 6): the clinic's day on one screen, as one
// answer computed from one "now". Each line carries what the screen needs to
// say it and to open the place where it is acted on.

import { z } from 'zod';
import { courseDueItem } from '../course/schemas';
import { remsFormDue } from '../rems/schemas';
import { id } from '../schemas/common';
import { ROUTES } from '../session/reference';

/** Screenings that expire within this many days are shown, for patients due within as many days (issue #12 point 6). */
export const BOARD_LOOKAHEAD_DAYS = 7;

const boardPatient = z.object({ id, name: z.string(), mrn: z.string() });
export type BoardPatient = z.output<typeof boardPatient>;

export const boardSession = z.object({
  sessionId: id,
  patient: boardPatient,
  route: z.enum(ROUTES),
  /** The chair or room typed at the start, or null. */
  location: z.string().nullable(),
  startedAt: z.string(),
  /** Whole minutes from the dose to now. */
  minutesSinceDose: z.number().int(),
  /** The next check not yet done; null when every check is done. */
  nextCheck: z.object({ label: z.string(), dueAt: z.string(), overdue: z.boolean() }).nullable(),
  /** Alerts not yet acknowledged whose entry still counts. */
  openAlerts: z.array(z.string()),
});
export type BoardSession = z.output<typeof boardSession>;

export const boardPlanned = courseDueItem.extend({ patient: boardPatient });
export type BoardPlanned = z.output<typeof boardPlanned>;

export const boardScreening = z.object({
  screeningId: id,
  patient: boardPatient,
  route: z.enum(ROUTES),
  expiresAt: z.string(),
  /** Whole days from today to the expiry day: 0 today, negative once expired. */
  daysLeft: z.number().int(),
  /** The patient's next planned session (YYYY-MM-DD). */
  nextDue: z.string(),
});
export type BoardScreening = z.output<typeof boardScreening>;

export const boardConsent = z.object({
  patient: boardPatient,
  route: z.enum(ROUTES),
  state: z.enum(['none', 'declined', 'withdrawn', 'older-form']),
  /** What stops the session and how to fix it, as the session gate says it. */
  message: z.string(),
});
export type BoardConsent = z.output<typeof boardConsent>;

export const board = z.object({
  now: z.string(),
  /** The clinic's local day of `now`, YYYY-MM-DD. */
  today: z.string(),
  inProgress: z.array(boardSession),
  planned: z.array(boardPlanned),
  /** Forms not yet marked submitted: overdue first. */
  remsForms: z.array(remsFormDue),
  screenings: z.array(boardScreening),
  consents: z.array(boardConsent),
});
export type Board = z.output<typeof board>;

// The course plan, as pure rules: how far into the phase a patient is, when
// the next session is due, whether a session on a given day is earlier than
// the label or the prescriber's plan allows, whether the patient is overdue,
// and when induction is complete and the prescriber should review the course.
//
// Esketamine follows the label [S1 §2; REFERENCE §4]: at most twice weekly in
// induction (weeks 1–4, so 8 sessions), then at most weekly; maintenance is
// weekly for its first 4 sessions (the label's weeks 5–8), then the
// prescriber's weekly or every-two-weeks. IV and IM ketamine follow the
// prescriber's plan: the clinic's induction (sessions over a span of days),
// then the prescriber's maintenance interval. The minimum days between
// sessions, the early tolerance in maintenance and the overdue limit are
// clinic settings (./settings.ts).

import { spelledDate } from '../dates';
import { ESKETAMINE_SCHEDULE, isActivePhase, type Phase } from './reference';
import type { CoursePlan, CourseStatus, CourseWarning } from './schemas';
import type { CourseSettings } from './settings';
import { addDays, daysBetween } from './days';

export interface PlanInput {
  phase: Phase;
  /** The local day the current phase began. */
  phaseSinceDay: string;
  plan: CoursePlan;
  /** Local days of every session of the course, earlier phases included. */
  sessionDays: readonly string[];
  /** Local days of the sessions given in the current phase. */
  phaseSessionDays: readonly string[];
  settings: Pick<CourseSettings, 'courseMinDaysBetweenSessions' | 'courseEarlyToleranceDays' | 'courseOverdueAfterDays'>;
}

const ESK_INDUCTION_SESSIONS = ESKETAMINE_SCHEDULE.inductionWeeks * ESKETAMINE_SCHEDULE.inductionPerWeek;
const ESK_INDUCTION_DAYS = ESKETAMINE_SCHEDULE.inductionWeeks * 7;
const CLINIC = 'clinic setting';

const sorted = (days: readonly string[]) => [...days].sort();
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Planned sessions of the current phase: induction has a count; maintenance runs on. */
export function plannedInPhase(phase: Phase, plan: CoursePlan): number | null {
  if (phase !== 'induction') return null;
  return plan.route === 'esketamine-nasal' ? ESK_INDUCTION_SESSIONS : plan.inductionSessions;
}

/** Induction's length in days from its first session. */
const inductionDays = (plan: CoursePlan) => (plan.route === 'esketamine-nasal' ? ESK_INDUCTION_DAYS : plan.inductionSpanDays);

/** The days between sessions the plan aims for in the current phase. */
function targetInterval(input: PlanInput): number {
  const { plan, phase, phaseSessionDays } = input;
  const min = input.settings.courseMinDaysBetweenSessions;
  if (plan.route === 'esketamine-nasal') {
    if (phase === 'induction') return Math.max(min, Math.floor(7 / ESKETAMINE_SCHEDULE.inductionPerWeek));
    return phaseSessionDays.length < ESKETAMINE_SCHEDULE.weeklyMaintenanceWeeks ? 7 : plan.maintenanceIntervalDays;
  }
  if (phase === 'induction') return Math.max(min, Math.floor(plan.inductionSpanDays / plan.inductionSessions));
  return plan.maintenanceIntervalDays;
}

/** Why a session on `day` would be earlier than the plan allows, or beyond induction; empty when it fits. */
export function warningsFor(input: PlanInput, day: string): CourseWarning[] {
  if (!isActivePhase(input.phase)) return [];
  const { plan, phase } = input;
  const out: CourseWarning[] = [];
  const all = sorted(input.sessionDays).filter((d) => d <= day);
  const last = all.at(-1) ?? null;
  const gap = last === null ? null : daysBetween(last, day);
  const lastWords = last === null ? '' : `${plural(gap!, 'day')} after the last session (${spelledDate(last)})`;
  const tooEarly = (message: string, source: string) => out.push({ code: 'too-early', message: `Too early: ${message}`, source });

  const min = input.settings.courseMinDaysBetweenSessions;
  if (gap !== null && gap < min) tooEarly(`${lastWords}; the clinic's minimum is ${plural(min, 'day')}`, CLINIC);

  if (plan.route === 'esketamine-nasal') {
    const cap = phase === 'induction' ? ESKETAMINE_SCHEDULE.inductionPerWeek : 1;
    const inWeek = all.filter((d) => daysBetween(d, day) < 7).length;
    if (inWeek >= cap) {
      tooEarly(phase === 'induction'
        ? `this would be esketamine session ${inWeek + 1} within 7 days; the label allows at most twice weekly in induction`
        : `${lastWords}; in maintenance the label allows esketamine at most once a week`, ESKETAMINE_SCHEDULE.source);
    }
  }
  if (phase === 'maintenance' && gap !== null && out.length === 0) {
    const interval = targetInterval(input);
    const earliest = interval - input.settings.courseEarlyToleranceDays;
    if (gap < earliest) {
      const why = plan.route === 'esketamine-nasal' && interval === 7 ? 'the label’s weekly maintenance' : `the prescriber’s plan of every ${plural(interval, 'day')}`;
      tooEarly(`${lastWords}; ${why} allows it from ${plural(earliest, 'day')}`, plan.route === 'esketamine-nasal' ? ESKETAMINE_SCHEDULE.source : 'prescriber’s plan');
    }
  }
  if (phase === 'induction') {
    const done = input.phaseSessionDays.filter((d) => d <= day).length;
    const planned = plannedInPhase(phase, plan)!;
    const first = sorted(input.phaseSessionDays)[0];
    const span = inductionDays(plan);
    const source = plan.route === 'esketamine-nasal' ? ESKETAMINE_SCHEDULE.source : 'prescriber’s plan';
    if (done >= planned) {
      out.push({ code: 'beyond-induction', message: `Induction's ${planned} sessions are done: review the course before another session`, source });
    } else if (first !== undefined && daysBetween(first, day) >= span) {
      out.push({ code: 'beyond-induction', message: `Induction was planned over ${plural(span, 'day')} from ${spelledDate(first)}: review the course before another session`, source });
    }
  }
  return out;
}

/** The next day a session is due: the plan's interval after the last session, moved on past any too-early day. */
export function nextDue(input: PlanInput): string | null {
  if (!isActivePhase(input.phase)) return null;
  const all = sorted(input.sessionDays);
  const last = all.at(-1) ?? null;
  let day = last === null ? input.phaseSinceDay : addDays(last, targetInterval(input));
  if (input.phaseSessionDays.length === 0 && day < input.phaseSinceDay) day = input.phaseSinceDay;
  // A handful of steps at most: the longest label window is 7 days.
  for (let step = 0; step < 14; step++) {
    const warnings = warningsFor(input, day);
    if (warnings.some((w) => w.code === 'beyond-induction')) return null;
    if (warnings.length === 0) return day;
    day = addDays(day, 1);
  }
  return day;
}

/** The prompt to review the course once induction is complete (its sessions given, or its span passed). */
export function reviewPrompt(input: PlanInput, today: string): string | null {
  if (input.phase !== 'induction') return null;
  const planned = plannedInPhase('induction', input.plan)!;
  const done = input.phaseSessionDays.length;
  const first = sorted(input.phaseSessionDays)[0];
  const span = inductionDays(input.plan);
  const spanOver = first !== undefined && daysBetween(first, today) >= span;
  if (done < planned && !spanOver) return null;
  return `Induction is complete (${done} of ${planned} sessions${spanOver ? `, ${plural(span, 'day')} since the first` : ''}). A prescriber reviews the course: move to maintenance, pause or end it.`;
}

/** Days a patient is overdue, once past the clinic's limit; 0 otherwise. */
export function overdueDays(due: string | null, today: string, overdueAfterDays: number): number {
  if (due === null) return 0;
  const late = daysBetween(due, today);
  return late > overdueAfterDays ? late : 0;
}

/** The next few planned days, as if each session happened on its due day. */
export function upcomingDays(input: PlanInput, count = 4): string[] {
  const out: string[] = [];
  let current = input;
  for (let i = 0; i < count; i++) {
    const due = nextDue(current);
    if (due === null) break;
    out.push(due);
    current = { ...current, sessionDays: [...current.sessionDays, due], phaseSessionDays: [...current.phaseSessionDays, due] };
  }
  return out;
}

export function sessionLabel(phase: Phase, sessionNumber: number, planned: number | null): string {
  return `Session ${sessionNumber} of ${phase}${planned === null ? '' : ` (${planned} planned)`}`;
}

/** Everything the chart and the start form show about where a course stands, on `today` (warnings for `on`). */
export function computeCourseStatus(input: PlanInput, today: string, on: string = today): CourseStatus {
  const active = isActivePhase(input.phase);
  const done = input.phaseSessionDays.length;
  const planned = plannedInPhase(input.phase, input.plan);
  const due = nextDue(input);
  return {
    phase: input.phase,
    sessionsInPhase: done,
    plannedInPhase: planned,
    nextSessionLabel: active ? sessionLabel(input.phase, done + 1, planned) : null,
    nextDue: due,
    overdueDays: overdueDays(due, today, input.settings.courseOverdueAfterDays),
    warnings: warningsFor(input, on),
    on,
    reviewPrompt: reviewPrompt(input, today),
    upcoming: upcomingDays(input),
  };
}

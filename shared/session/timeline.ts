// The timeline as it counts: each entry's newest version, struck-out entries
// left out, in clinical-time order; plus when dosing ended, and what observation counts from.

import { ESKETAMINE_DEVICE_INTERVAL_MINUTES } from './reference';
import type { EntryData, EntryKind, EntryOf, Session, SessionEntry } from './schemas';
import type { SessionSettings } from './settings';
import { addMinutes, toMs } from './time';

export interface TimelineEntry<E extends EntryData = EntryData> {
  id: string;
  at: string;
  entry: E;
}

/** What the timeline reads of a stored entry row. */
export type TimelineRow = Pick<SessionEntry, 'id' | 'at' | 'recordedAt' | 'entry' | 'amendsId'>;

const byTime = (a: { at: string; recordedAt?: string }, b: { at: string; recordedAt?: string }) =>
  toMs(a.at) - toMs(b.at) || (a.recordedAt ?? '').localeCompare(b.recordedAt ?? '');

/** Rows that count: not replaced by an amendment, not struck out. */
export function effectiveEntries(rows: readonly TimelineRow[]): TimelineEntry[] {
  const replaced = new Set(rows.map((r) => r.amendsId).filter((id): id is string => id !== null));
  return rows
    .filter((r) => !replaced.has(r.id) && r.entry !== null)
    .sort(byTime)
    .map((r) => ({ id: r.id, at: r.at, entry: r.entry! }));
}

export function ofKind<K extends EntryKind>(timeline: readonly TimelineEntry[], kind: K): TimelineEntry<EntryOf<K>>[] {
  return timeline.filter((t): t is TimelineEntry<EntryOf<K>> => t.entry.kind === kind);
}

/** Vitals entries that carry a blood pressure. */
export const bpReadings = (timeline: readonly TimelineEntry[]) =>
  ofKind(timeline, 'vitals').filter((t) => t.entry.systolic !== undefined);

/** The newest entry of a kind at or after `from` (any time when `from` is null). */
export function latestFrom<T extends { at: string }>(items: readonly T[], from: string | null): T | undefined {
  const last = items.at(-1);
  return last && (from === null || toMs(last.at) >= toMs(from)) ? last : undefined;
}

/** The first entry at or after `from`. */
export const firstFrom = <T extends { at: string }>(items: readonly T[], from: string) =>
  items.find((t) => toMs(t.at) >= toMs(from));

type SessionTiming = Pick<Session, 'route' | 'startedAt' | 'dose'>;

/** An IM injection ends when it is given; esketamine and IV end when the clinician records it. */
export function dosingEndedAt(session: SessionTiming, timeline: readonly TimelineEntry[]): string | null {
  if (session.route === 'im-ketamine') return session.startedAt;
  return ofKind(timeline, 'dose-complete').at(-1)?.at ?? null;
}

/** When dosing should end: the last device 5 minutes apart [REFERENCE §4], or the planned infusion length. */
export function plannedDosingEnd(session: SessionTiming): string {
  const d = session.dose;
  if (d.route === 'esketamine-nasal') return addMinutes(session.startedAt, (d.deviceCount - 1) * ESKETAMINE_DEVICE_INTERVAL_MINUTES);
  return addMinutes(session.startedAt, d.infusionMinutes ?? 0);
}

export const minObservationMinutes = (
  route: Session['route'],
  s: Pick<SessionSettings, 'esketamineMinObservationMinutes' | 'ketamineMinObservationMinutes'>,
) => (route === 'esketamine-nasal' ? s.esketamineMinObservationMinutes : s.ketamineMinObservationMinutes);

/**
 * What each timed rule counts from, one anchor per route [REFERENCE §4]:
 * esketamine's 40-minute BP check and its 2 hours both count from the first
 * device, as the REMS form's "total minutes from the first device to the end
 * of monitoring" does [S8]; IV observation from the end of the infusion
 * ("30–60 minutes after the infusion ends"); IM from the injection.
 */
export const OBSERVATION_ANCHOR: Record<Session['route'], string> = {
  'esketamine-nasal': 'the first device',
  'iv-ketamine': 'the end of the infusion',
  'im-ketamine': 'the injection',
};

/** When the minimum observation starts counting: null for IV until the end of the infusion is recorded. */
export function observationStart(session: SessionTiming, timeline: readonly TimelineEntry[]): string | null {
  return session.route === 'iv-ketamine' ? dosingEndedAt(session, timeline) : session.startedAt;
}

/** End of the minimum observation: actual once its anchor is known, else estimated from the planned infusion. */
export function observationEnd(
  session: SessionTiming,
  timeline: readonly TimelineEntry[],
  settings: Pick<SessionSettings, 'esketamineMinObservationMinutes' | 'ketamineMinObservationMinutes'>,
): { at: string; estimated: boolean } {
  const from = observationStart(session, timeline);
  return {
    at: addMinutes(from ?? plannedDosingEnd(session), minObservationMinutes(session.route, settings)),
    estimated: from === null,
  };
}

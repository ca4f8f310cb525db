// Checks due during a session, with due time, countdown and overdue flag
// (REFERENCE §4). Esketamine: BP before the dose, about 40 minutes after, then
// repeated while raised, and a discharge assessment once the 2 hours are up.
// IV and IM ketamine: vitals every interval through dosing and recovery, at the
// end of an infusion, and the same discharge assessment. `settings` are the
// session's frozen ones: for IM ketamine its own interval, observation and
// thresholds (shared/session/im-settings.ts, sessionSettingsFor).

import type { ScheduleItem, Session } from './schemas';
import type { SessionSettings } from './settings';
import { recoveryProblems } from './recovery';
import {
  OBSERVATION_ANCHOR, bpReadings, dosingEndedAt, effectiveEntries, firstFrom, observationEnd, ofKind, plannedDosingEnd, type TimelineRow,
} from './timeline';
import { addMinutes, toMs } from './time';

export type ScheduleSession = Pick<Session, 'route' | 'startedAt' | 'dose' | 'baseline' | 'status'>;

interface Check {
  id: string;
  kind: ScheduleItem['kind'];
  label: string;
  dueAt: string;
  source: string;
  estimated?: boolean;
}

function statusOf(dueAt: string, doneAt: string | null, now: string, windowMinutes: number): ScheduleItem['status'] {
  if (doneAt) return 'done';
  const t = toMs(now);
  if (t < toMs(addMinutes(dueAt, -windowMinutes))) return 'upcoming';
  return t <= toMs(addMinutes(dueAt, windowMinutes)) ? 'due' : 'overdue';
}

const toItem = (c: Check, doneAt: string | null, status: ScheduleItem['status'], now: string): ScheduleItem => ({
  id: c.id,
  kind: c.kind,
  label: c.label,
  dueAt: c.dueAt,
  status,
  overdue: status === 'overdue',
  countdownMs: toMs(c.dueAt) - toMs(now),
  doneAt,
  estimated: c.estimated ?? false,
  source: c.source,
});

export function schedule(session: ScheduleSession, entries: readonly TimelineRow[], now: string, settings: SessionSettings): ScheduleItem[] {
  if (session.status !== 'open') return [];
  const timeline = effectiveEntries(entries);
  const window = settings.checkWindowMinutes;
  const interval = settings.vitalsIntervalMinutes;
  const bp = bpReadings(timeline);
  // A reading counts for a timed check when taken no earlier than the window before it.
  const bpFor = (dueAt: string) => firstFrom(bp, addMinutes(dueAt, -window))?.at ?? null;
  const items: ScheduleItem[] = [];
  const add = (c: Check, doneAt: string | null) => items.push(toItem(c, doneAt, statusOf(c.dueAt, doneAt, now, window), now));

  add({ id: 'pre-dose-vitals', kind: 'vitals', label: 'Pre-dose BP, heart rate and SpO2', dueAt: session.startedAt, source: 'REFERENCE §3' },
    session.baseline.takenAt);

  const esketamine = session.route === 'esketamine-nasal';
  const ended = dosingEndedAt(session, timeline);
  const planned = plannedDosingEnd(session);
  if (session.route !== 'im-ketamine') {
    add({ id: 'record-dose-end', kind: 'record-dose-end', label: esketamine ? 'Record when the last device was used' : 'Record when the infusion ended',
      dueAt: planned, source: 'REFERENCE §4' }, ended);
  }

  if (esketamine) {
    const dueAt = addMinutes(session.startedAt, settings.esketaminePostDoseBpMinutes);
    const done = bpFor(dueAt);
    add({ id: 'post-dose-bp', kind: 'vitals', label: `BP about ${settings.esketaminePostDoseBpMinutes} minutes after the first device`, dueAt,
      source: 'REFERENCE §4, S1 §5.5' }, done);
    const last = bp.at(-1);
    // "Then as clinically needed until values fall" [S1 §5.5]: repeated at the clinic's interval while raised.
    if (done && last && recoveryProblems(last.entry, session.baseline, settings).length > 0) {
      add({ id: 'repeat-bp', kind: 'vitals', label: 'Repeat BP: not yet back near baseline', dueAt: addMinutes(last.at, interval),
        source: 'REFERENCE §4, S1 §5.5 (interval: clinic setting)' }, null);
    }
  } else {
    add({ id: 'next-vitals', kind: 'vitals', label: `Vitals every ${interval} minutes`,
      dueAt: addMinutes(bp.at(-1)?.at ?? session.startedAt, interval),
      source: session.route === 'im-ketamine' ? 'IM ketamine interval: clinic setting (REFERENCE §4 gives none for IM)' : 'REFERENCE §4, S3' }, null);
    if (session.route === 'iv-ketamine') {
      const dueAt = ended ?? planned;
      add({ id: 'end-of-infusion-vitals', kind: 'vitals', label: 'Vitals at the end of the infusion', dueAt, estimated: ended === null,
        source: 'REFERENCE §4, S3' }, bpFor(dueAt));
    }
  }

  const obs = observationEnd(session, timeline, settings);
  const from = addMinutes(obs.at, -window);
  const lists: ReadonlyArray<readonly { at: string }[]> = [bp, ofKind(timeline, 'sedation'), ofKind(timeline, 'dissociation')];
  const parts = lists.map((list) => firstFrom(list, from)?.at ?? null);
  const assessed = parts.every((p) => p !== null) ? parts.reduce((a, b) => (toMs(b!) > toMs(a!) ? b : a)) : null;
  add({ id: 'discharge-assessment', kind: 'discharge-assessment', label: 'Before discharge: vitals, sedation and dissociation',
    dueAt: obs.at, estimated: obs.estimated, source: 'REFERENCE §4' }, assessed);

  // The end of observation is a moment, not a task: it is reached, never overdue.
  const reached = toMs(now) >= toMs(obs.at);
  const obsCheck: Check = { id: 'observation-end', kind: 'observation-end', label: `Minimum observation ends (counted from ${OBSERVATION_ANCHOR[session.route]})`, dueAt: obs.at,
    estimated: obs.estimated, source: session.route === 'esketamine-nasal' ? 'REFERENCE §4, S1' : 'REFERENCE §4 (clinic setting)' };
  items.push(toItem(obsCheck, reached ? obs.at : null, reached ? 'done' : 'upcoming', now));

  return items.sort((a, b) => toMs(a.dueAt) - toMs(b.dueAt));
}

/** The earliest check not yet done, or null: what the lock screen and today's board say comes next. */
export function nextCheck(items: readonly ScheduleItem[]): ScheduleItem | null {
  return items.filter((i) => i.status !== 'done').sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0] ?? null;
}

import type { ScheduleItem } from '../../../shared/session';
import { clockOf } from '../format/dates';
import { countdownText } from './model';
import classes from './Session.module.css';

const STATUS_WORDS: Record<ScheduleItem['status'], string> = {
  done: 'Done',
  upcoming: 'Upcoming',
  due: 'Due now',
  overdue: 'Overdue',
};

/** The next check to do: the first overdue or due one, else the first upcoming (not the end of observation). */
export function nextCheck(items: readonly ScheduleItem[]): ScheduleItem | null {
  const open = items.filter((i) => i.status !== 'done');
  return open.find((i) => i.status === 'overdue') ?? open.find((i) => i.status === 'due') ?? open.find((i) => i.kind !== 'observation-end') ?? open[0] ?? null;
}

function StatusIcon({ status }: { status: ScheduleItem['status'] }) {
  const common = { width: 14, height: 14, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 3, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const, 'aria-hidden': true };
  switch (status) {
    case 'done':
      return <svg {...common}><path d="M5 12.5l4.5 4.5L19 7" /></svg>;
    case 'overdue':
      return <svg {...common}><path d="M12 5v9" /><path d="M12 19h.01" /></svg>;
    case 'due':
      return <svg {...common}><circle cx="12" cy="12" r="7" /><path d="M12 8.5V12l2.5 2" /></svg>;
    case 'upcoming':
      return <svg {...common}><circle cx="12" cy="12" r="7" /></svg>;
  }
}

/**
 * Checks due in this session (shared/session/schedule, computed with the
 * server's clock every second): due time, a live countdown, and an overdue
 * warning in colour, icon and words.
 */
export function SchedulePanel({ items }: { items: readonly ScheduleItem[] }) {
  const overdue = items.filter((i) => i.status === 'overdue');
  return (
    <section className={classes.panel} aria-labelledby="schedule-title" data-testid="schedule">
      <div className={classes.panelHead}>
        <h2 id="schedule-title" className={classes.panelTitle}>
          Checks due
        </h2>
        {overdue.length > 0 ? (
          <span className={classes.overdueTag} data-testid="overdue-warning">
            <StatusIcon status="overdue" /> {overdue.length} overdue
          </span>
        ) : (
          <span className={classes.panelMeta}>times are the clinic’s settings</span>
        )}
      </div>
      <ol className={classes.schedule}>
        {items.map((i) => (
          <li key={i.id} className={classes.scheduleItem} data-status={i.status} data-testid={`schedule-${i.id}`}>
            <span className={classes.statusPill} data-status={i.status}>
              <StatusIcon status={i.status} /> {STATUS_WORDS[i.status]}
            </span>
            <span className={classes.scheduleLabel}>
              {i.label}
              {i.estimated && <span className={classes.estimated}> (estimated from the plan)</span>}
            </span>
            <span className={classes.scheduleTime}>
              {i.status === 'done' && i.doneAt ? (
                <>done {clockOf(i.doneAt)}</>
              ) : (
                <>
                  <span className={classes.dueAt}>{clockOf(i.dueAt)}</span>{' '}
                  <span className={classes.countdown} data-testid="countdown">
                    {i.status === 'overdue' ? `overdue by ${countdownText(i.countdownMs).replace(/ ago$/, '')}` : countdownText(i.countdownMs)}
                  </span>
                </>
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

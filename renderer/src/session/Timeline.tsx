import { Button } from '@mantine/core';
import { MINUTE_MS, type Session, type SessionAlert, type SessionEntry } from '../../../shared/session';
import { clockOf } from '../format/dates';
import { AlertIcon } from './AlertBanner';
import { doseText, entryText, ENTRY_KIND_LABELS, routeLabel, timelineRowCount, timelineRows, vitalsText, type TimelineRow } from './model';
import classes from './Session.module.css';

interface Props {
  session: Session;
  entries: readonly SessionEntry[];
  alerts: readonly SessionAlert[];
  /** Absent when read-only. */
  onAmend?: (row: TimelineRow) => void;
  headingLevel?: 2 | 3;
}

const SHORT_ALERTS: Record<string, string> = {
  'systolic-high': 'systolic above limit',
  'diastolic-high': 'diastolic above limit',
  'systolic-rise': 'systolic rise',
  'diastolic-rise': 'diastolic rise',
  'heart-rate-high': 'heart rate high',
  'heart-rate-low': 'heart rate low',
  'spo2-low': 'SpO₂ low',
  'respiratory-rate-low': 'respiratory rate low',
  sedation: 'sedation',
  dissociation: 'dissociation',
  distress: 'distress',
  vomiting: 'vomiting',
};
const shortAlert = (code: string) => SHORT_ALERTS[code] ?? code;

/**
 * Every observation, newest first, with when it was observed, who recorded
 * it, and any alert it raised. A corrected entry shows its current values
 * marked "Corrected", with each earlier version and the reason beneath it;
 * a struck-out entry stays visible, struck through.
 */
export function Timeline({ session, entries, alerts, onAmend, headingLevel = 2 }: Props) {
  const H = `h${headingLevel}` as const;
  const rows = timelineRows(entries);
  const alertsByEntry = new Map<string, SessionAlert[]>();
  for (const a of alerts) alertsByEntry.set(a.entryId, [...(alertsByEntry.get(a.entryId) ?? []), a]);
  const pre = session.preDose;
  const count = timelineRowCount(session, rows);

  return (
    <section className={classes.panel} aria-labelledby="timeline-title" data-testid="timeline">
      <div className={classes.panelHead}>
        <H id="timeline-title" className={classes.panelTitle}>
          Timeline
        </H>
        <span className={classes.panelMeta}>
          {count} entr{count === 1 ? 'y' : 'ies'}, newest first
        </span>
      </div>
      <table className={classes.timeline}>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Entry</th>
            <th scope="col">Details</th>
            <th scope="col">Recorded by</th>
            {onAmend && (
              <th scope="col">
                <span className={classes.srOnly}>Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {session.discharge && (
            <tr className={classes.tlFixed} data-testid="timeline-discharge">
              <td className={classes.tlTime}>{clockOf(session.discharge.at)}</td>
              <td className={classes.tlKind}>Discharged</td>
              <td>
                {session.discharge.ready ? 'Every readiness item met' : <>On a reason: “{session.discharge.overrideReason}”</>}
              </td>
              <td className={classes.tlWho}>{session.discharge.byName}</td>
              {onAmend && <td />}
            </tr>
          )}
          {rows.map((row) => {
            const fired = row.head.entry ? (alertsByEntry.get(row.head.id) ?? []) : [];
            const backTimed = Math.abs(Date.parse(row.head.recordedAt) - Date.parse(row.at)) > 2 * MINUTE_MS;
            return (
              <tr key={row.head.id} data-testid="timeline-row" data-kind={row.shown.kind} data-state={row.struckOut ? 'struck' : row.earlier.length ? 'amended' : 'entered'}>
                <td className={classes.tlTime}>{clockOf(row.at)}</td>
                <td className={classes.tlKind}>
                  {ENTRY_KIND_LABELS[row.shown.kind]}
                  {row.earlier.length > 0 && !row.struckOut && <span className={classes.amendedTag}>Corrected</span>}
                  {row.struckOut && <span className={classes.amendedTag} data-struck>Struck out</span>}
                </td>
                <td>
                  <div className={row.struckOut ? classes.struck : undefined} data-testid="timeline-text">
                    {entryText(row.shown, session.route)}
                  </div>
                  {fired.length > 0 && (
                    <div className={classes.tlAlert}>
                      <AlertIcon size={13} /> {fired.length === 1 ? 'Alert' : `${fired.length} alerts`}: {fired.map((a) => shortAlert(a.code)).join(', ')}
                    </div>
                  )}
                  {row.earlier.length > 0 && (
                    <ul className={classes.earlier} aria-label="Earlier versions">
                      <li>
                        {row.struckOut ? 'Struck out' : 'Corrected'} {clockOf(row.head.recordedAt)} by {row.head.recordedByName}: “{row.head.amendReason}”
                      </li>
                      {row.earlier.map((e, i) => (
                        <li key={e.id}>
                          <span className={classes.originalLabel}>{i === row.earlier.length - 1 ? 'Original' : 'Earlier'}</span>{' '}
                          <span className={classes.struck}>
                            {clockOf(e.at)} · {e.entry ? entryText(e.entry, session.route) : 'struck out'}
                          </span>{' '}
                          <span className={classes.muted}>
                            recorded {clockOf(e.recordedAt)} by {e.recordedByName}
                            {e.amendReason ? `; corrected because “${e.amendReason}”` : ''}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className={classes.tlWho}>
                  {row.head.recordedByName}
                  {backTimed && <div className={classes.muted}>recorded {clockOf(row.head.recordedAt)}</div>}
                </td>
                {onAmend && (
                  <td className={classes.tlAction}>
                    {!row.struckOut && (
                      <Button size="compact-xs" variant="default" onClick={() => onAmend(row)} aria-label={`Correct ${ENTRY_KIND_LABELS[row.shown.kind]} at ${clockOf(row.at)}`}>
                        Correct
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
          <tr data-testid="timeline-start" className={classes.tlFixed}>
            <td className={classes.tlTime}>{clockOf(session.startedAt)}</td>
            <td className={classes.tlKind}>Dosing started</td>
            <td>
              {routeLabel(session.route)}, {doseText(session.dose)}
              {session.decisionReason && <div className={classes.muted}>Decision to proceed: “{session.decisionReason}”</div>}
            </td>
            <td className={classes.tlWho}>{session.startedByName}</td>
            {onAmend && <td />}
          </tr>
          {pre.repeatVitals && (
            <tr className={classes.tlFixed}>
              <td className={classes.tlTime}>{clockOf(pre.repeatVitals.takenAt)}</td>
              <td className={classes.tlKind}>Pre-dose (repeat)</td>
              <td>{vitalsText(pre.repeatVitals)}</td>
              <td className={classes.tlWho}>{session.startedByName}</td>
              {onAmend && <td />}
            </tr>
          )}
          <tr className={classes.tlFixed}>
            <td className={classes.tlTime}>{clockOf(pre.vitals.takenAt)}</td>
            <td className={classes.tlKind}>Pre-dose vitals</td>
            <td>{vitalsText(pre.vitals)}</td>
            <td className={classes.tlWho}>{session.startedByName}</td>
            {onAmend && <td />}
          </tr>
        </tbody>
      </table>
    </section>
  );
}

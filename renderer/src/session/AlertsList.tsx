import type { SessionAlert, SessionSettings } from '../../../shared/session';
import { alertActionFor } from '../../../shared/session/settings';
import { clockOf } from '../format/dates';
import classes from './Session.module.css';

/** Every alert of the session, oldest first, each with who acknowledged it, when, and what was done. */
export function AlertsList({ alerts, settings, headingLevel = 2 }: { alerts: readonly SessionAlert[]; settings: SessionSettings; headingLevel?: 2 | 3 }) {
  const H = `h${headingLevel}` as const;
  const sorted = [...alerts].sort((a, b) => a.at.localeCompare(b.at) || a.recordedAt.localeCompare(b.recordedAt));
  return (
    <section className={classes.panel} aria-labelledby="alerts-list-title" data-testid="alerts-list">
      <div className={classes.panelHead}>
        <H id="alerts-list-title" className={classes.panelTitle}>
          Alerts in this session
        </H>
        <span className={classes.panelMeta}>{alerts.length === 0 ? 'none' : `${alerts.length} in all`}</span>
      </div>
      {sorted.length === 0 ? (
        <p className={classes.empty}>No value has crossed an alert limit.</p>
      ) : (
        <ul className={classes.alertList}>
          {sorted.map((a) => {
            const state = a.acknowledgement ? 'acknowledged' : a.entrySuperseded ? 'superseded' : 'open';
            return (
              <li key={a.id} className={classes.alertListItem} data-state={state} data-testid="alert-row">
                <div>
                  <span className={classes.alertTime}>{clockOf(a.at)}</span> {a.message}
                </div>
                {state === 'open' && <div className={classes.alertActionLine}>What to do: {alertActionFor(a.code, settings)}</div>}
                <div className={classes.alertAck}>
                  {a.acknowledgement ? (
                    <>
                      <span className={classes.ackTick} aria-hidden>✓</span> Acknowledged {clockOf(a.acknowledgement.at)} by{' '}
                      {a.acknowledgement.byName}: <q>{a.acknowledgement.actionNote}</q>
                    </>
                  ) : a.entrySuperseded ? (
                    'Its entry was corrected, so it no longer counts; not acknowledged.'
                  ) : (
                    <strong className={classes.openText}>Not yet acknowledged</strong>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

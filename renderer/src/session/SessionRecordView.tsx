import { Anchor, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { SEDATION_LEVEL_LABELS } from '../../../shared/session';
import { useLoad } from '../api/useLoad';
import { SignatureLines } from '../components/SignatureLines';
import { safetyChecksText } from '../../../shared/suicide-risk/record-words';
import { CenteredLoader } from '../components/CenteredLoader';
import { LoadError } from '../components/LoadError';
import { clockOf, formatDate, formatDateTime } from '../format/dates';
import { AlertsList } from './AlertsList';
import { capitalize } from '../../../shared/text';
import { fromSessionRecord } from '../../../shared/printouts/session-record';
import { doseText, vitalsText } from './model';
import { Timeline } from './Timeline';
import { VitalsChart } from './vitals-chart-deferred';
import classes from './Session.module.css';

interface Props {
  sessionId: string;
  onBack: () => void;
  /** Opens the chart's Printouts tab, where the monitoring record prints this session. */
  onPrint: () => void;
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className={classes.fact} data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function YesNo({ yes }: { yes: boolean }) {
  return <strong className={classes.yesNo} data-yes={yes}>{yes ? 'Yes' : 'No'}</strong>;
}

/**
 * A session read-only, from sessions.record (what the monitoring record
 * prints) and the session's timeline: dose, pre-dose checks, the REMS
 * questions answered, every alert with its acknowledgement, every entry with
 * its corrections, observation and discharge.
 */
export function SessionRecordView({ sessionId, onBack, onPrint }: Props) {
  const record = useLoad('sessions.record', { id: sessionId }, sessionId);
  const view = useLoad('sessions.get', { id: sessionId }, sessionId);

  if (record.loaded.state === 'loading' || view.loaded.state === 'loading') return <CenteredLoader label="Loading the session record" />;
  if (record.loaded.state === 'failed') return <LoadError title="The session record could not be loaded" error={record.loaded.error} onRetry={record.reload} />;
  if (view.loaded.state === 'failed') return <LoadError title="The session could not be loaded" error={view.loaded.error} onRetry={view.reload} />;
  const r = record.loaded.data;
  const { session, entries, alerts } = view.loaded.data;
  const d = r.discharge;
  const pre = r.preDose;
  // The same words as the printed record, so screen and paper never disagree.
  const printed = fromSessionRecord(r, clockOf);

  return (
    <div className={classes.recordRoot} data-testid="session-record">
      <div className={classes.recordHead}>
        <div>
          <Anchor component="button" type="button" size="sm" onClick={onBack}>
            ‹ All sessions
          </Anchor>
          <h2 className={classes.recordTitle}>
            Session record: {formatDate(r.session.date)}, {r.session.routeLabel}
          </h2>
          <div className={classes.sessionFacts}>
            {r.session.status === 'discharged' ? 'Discharged; read-only.' : 'Still open.'} Started {clockOf(r.session.startedAt)} by {r.session.startedByName}.
          </div>
        </div>
        <Group gap="xs">
          <Button variant="default" onClick={onPrint}>
            Print monitoring record…
          </Button>
        </Group>
      </div>

      <div className={classes.recordGrid}>
        <section className={classes.panel} aria-labelledby="record-summary-title">
          <h3 id="record-summary-title" className={classes.panelTitle}>
            Summary
          </h3>
          <dl className={classes.facts}>
            <Fact label="Dose" testId="record-dose">{doseText(r.dose)}</Fact>
            {printed.ended && <Fact label={printed.ended.label}>{printed.ended.value}</Fact>}
            <Fact label="Observation" testId="record-observation">
              {printed.observation ?? `Not complete (counts from ${r.observation.countsFrom})`}
            </Fact>
            <Fact label="Discharge" testId="record-discharge">
              {d ? (
                <>
                  {formatDateTime(d.at)} by {d.byName}.{' '}
                  {d.stableAtDischarge ? (
                    <strong className={classes.okText}>Every readiness item met.</strong>
                  ) : (
                    <>
                      <strong className={classes.warnText}>Discharged on a clinician’s reason:</strong> <q>{d.overrideReason}</q>
                      <ul className={classes.unmetList}>
                        {d.unmet.map((u) => (
                          <li key={u}>{u}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </>
              ) : (
                'Not yet discharged'
              )}
            </Fact>
            <Fact label="Pre-dose vitals">
              {clockOf(pre.vitals.takenAt)} {vitalsText(pre.vitals)}
              {pre.repeatVitals && <> · repeat {clockOf(pre.repeatVitals.takenAt)} {vitalsText(pre.repeatVitals)}</>}
            </Fact>
            <Fact label="Pre-dose concerns">
              {pre.concerns.length === 0 ? 'None' : (
                <>
                  <ul className={classes.unmetList}>
                    {pre.concerns.map((c) => (
                      <li key={c.code}>{c.message}</li>
                    ))}
                  </ul>
                  Decision to proceed: <q>{pre.decisionReason}</q>
                </>
              )}
            </Fact>
            <Fact label="Screening">
              {capitalize(r.screening.verdict)}, signed {r.screening.signedAt ? formatDateTime(r.screening.signedAt) : '—'}
              {r.screening.overrideReason && <> · contraindication overridden: <q>{r.screening.overrideReason}</q></>}
            </Fact>
            <Fact label="Suicide-risk screen">
              <span data-testid="record-suicide-risk">{safetyChecksText(r.safetyChecks, clockOf)}</span>
            </Fact>
          </dl>
          <SignatureLines signatures={[...(r.safetyChecks?.assessment?.signatures ?? []), ...r.signatures]} />
        </section>

        <section className={classes.panel} aria-labelledby="record-rems-title">
          <h3 id="record-rems-title" className={classes.panelTitle}>
            Monitoring questions
          </h3>
          <table className={classes.remsTable} data-testid="record-rems">
            <tbody>
              <tr>
                <th scope="row">Sedation</th>
                <td><YesNo yes={r.sedation.occurred} /></td>
                <td>{r.sedation.worstLevel !== null ? `Worst level ${r.sedation.worstLevel}: ${SEDATION_LEVEL_LABELS[r.sedation.worstLevel as 0]}` : 'Not assessed'}</td>
              </tr>
              <tr>
                <th scope="row">Dissociation</th>
                <td><YesNo yes={r.dissociation.occurred} /></td>
                <td>{r.dissociation.worst ? `Worst: ${r.dissociation.worst}` : 'Not assessed'}</td>
              </tr>
              <tr>
                <th scope="row">Respiratory depression</th>
                <td><YesNo yes={r.respiratoryDepression.occurred} /></td>
                <td>{r.respiratoryDepression.evidence.join('; ') || '—'}</td>
              </tr>
              <tr>
                <th scope="row">BP increase</th>
                <td><YesNo yes={r.bpIncrease.occurred} /></td>
                <td>{r.bpIncrease.evidence.join('; ') || '—'}</td>
              </tr>
              <tr>
                <th scope="row">Stable at discharge</th>
                <td>{d ? <YesNo yes={d.stableAtDischarge} /> : '—'}</td>
                <td>{d && !d.stableAtDischarge ? 'Discharged on a reason (above)' : ''}</td>
              </tr>
              <tr>
                <th scope="row">Corrections</th>
                <td>{r.corrections.length}</td>
                <td>{r.corrections.length ? 'Shown on the timeline with their reasons' : 'None'}</td>
              </tr>
            </tbody>
          </table>
          <p className={classes.formNote}>{r.formNote}</p>
        </section>
      </div>

      <div className={classes.recordGrid}>
        <section className={classes.panel} aria-labelledby="record-chart-title">
          <h3 id="record-chart-title" className={classes.panelTitle}>
            Vitals over time
          </h3>
          <VitalsChart session={session} entries={entries} until={session.discharge?.at ?? view.loaded.data.now} height={200} />
        </section>
        <AlertsList alerts={alerts} settings={session.settings} headingLevel={3} />
      </div>
      <Timeline session={session} entries={entries} alerts={alerts} headingLevel={3} />
    </div>
  );
}

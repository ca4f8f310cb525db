import { Anchor, Button, Group, Text } from '@mantine/core';
import { useCallback, useEffect } from 'react';
import { localIsoDate } from '../../../shared/dates';
import type { Patient } from '../../../shared/schemas/patient';
import type { SessionSummary } from '../../../shared/session';
import { useLoad } from '../api/useLoad';
import { NotAllowed, useCan } from '../app/useCan';
import { useNavigation } from '../app/navigation';
import { useKeptState } from '../app/useKeptState';
import { openInPrintouts } from '../printouts/kept';
import { CenteredLoader } from '../components/CenteredLoader';
import { LoadError } from '../components/LoadError';
import { clockOf, formatDate, formatDateTime } from '../format/dates';
import { EligibilityReasons, OverrideNotice } from './EligibilityPanel';
import { SuicideRiskPanel } from './SuicideRiskPanel';
import { ROUTE_SHORT, summaryDoseText } from './model';
import { SessionRecordView } from './SessionRecordView';
import { SessionScreen } from './SessionScreen';
import { StartSessionForm } from './StartSessionForm';
import classes from './Session.module.css';

type View = { kind: 'list' } | { kind: 'start' } | { kind: 'session'; id: string } | { kind: 'record'; id: string };

/** Where each chart's Sessions tab was, so coming back to the tab returns there. */
const lastView = new Map<string, View | null>();

/** The session the chart's Sessions tab last showed, to put back in the address when the tab is chosen again. */
export function keptSessionId(patientId: string): string | null {
  const v = lastView.get(patientId);
  return v && (v.kind === 'session' || v.kind === 'record') ? v.id : null;
}

interface Props {
  patient: Patient;
  /** Switches the chart to another tab (Screening, Printouts) to fix what blocks a session. */
  onOpenTab: (tab: string) => void;
}

/**
 * The chart's Sessions tab: whether a session can start (and what to fix if
 * not), starting one, the chair-side screen of the session in progress, and
 * past sessions opening their read-only record.
 */
export function SessionsTab({ patient, onOpenTab }: Props) {
  const { route, navigate } = useNavigation();
  const [kept, keep] = useKeptState<View | null>(lastView, patient.id, () => null);
  // The address names the session shown, so a reload, Back and Forward return to it.
  const routed = route.name === 'patient' ? route.sessionId : undefined;
  const view: View | null = routed
    ? kept && (kept.kind === 'session' || kept.kind === 'record') && kept.id === routed ? kept : { kind: 'session', id: routed }
    : kept && (kept.kind === 'session' || kept.kind === 'record') ? { kind: 'list' } : kept;
  const setView = useCallback(
    (next: View, options?: { replace?: boolean }) => {
      keep(next);
      const sessionId = next.kind === 'session' || next.kind === 'record' ? next.id : null;
      navigate({ name: 'patient', id: patient.id, tab: 'sessions', ...(sessionId ? { sessionId } : {}) }, options);
    },
    [keep, navigate, patient.id],
  );
  const toList = useCallback(() => setView({ kind: 'list' }), [setView]);
  // Chair-side work (entries, alerts, discharge) is for prescribers and nurses; front desk reads the record.
  const chairSide = useCan('sessions.addEntry').allowed;
  const openSession = useCallback(
    (id: string) => setView({ kind: chairSide ? 'session' : 'record', id }, { replace: true }),
    [setView, chairSide],
  );

  if (view?.kind === 'start') {
    return (
      <StartWithScreening
        patient={patient}
        onCancel={toList}
        onStarted={(id) => setView({ kind: 'session', id })}
        onOpenTab={onOpenTab}
      />
    );
  }
  if (view?.kind === 'session' && chairSide) {
    return (
      <SessionScreen
        key={view.id}
        sessionId={view.id}
        patient={patient}
        onBack={toList}
        onDischarged={() => setView({ kind: 'record', id: view.id })}
      />
    );
  }
  if (view?.kind === 'record' || view?.kind === 'session') {
    const printRecord = () => {
      openInPrintouts(patient.id, 'monitoring-record', view.id);
      onOpenTab('printouts');
    };
    return <SessionRecordView key={view.id} sessionId={view.id} onBack={toList} onPrint={printRecord} />;
  }
  return (
    <SessionsOverview
      patient={patient}
      onOpenTab={onOpenTab}
      onStart={() => setView({ kind: 'start' })}
      onOpen={(s) => (s.status === 'open' ? openSession(s.id) : setView({ kind: 'record', id: s.id }))}
      // The first visit to the tab goes straight to a session in progress.
      autoOpen={view === null}
      onAutoOpen={openSession}
    />
  );
}

function StartWithScreening({ patient, onCancel, onStarted, onOpenTab }: {
  patient: Patient; onCancel: () => void; onStarted: (id: string) => void; onOpenTab: (tab: string) => void;
}) {
  const base = useLoad('sessions.eligibility', { patientId: patient.id }, patient.id);
  if (base.loaded.state === 'loading') return <CenteredLoader label="Checking the screening" />;
  if (base.loaded.state === 'failed') return <LoadError title="Eligibility could not be checked" error={base.loaded.error} onRetry={base.reload} />;
  return (
    <StartSessionForm
      patient={patient}
      screenedRoute={base.loaded.data.screening?.case.plannedTreatment ?? null}
      onCancel={onCancel}
      onStarted={(v) => onStarted(v.session.id)}
      onOpenTab={onOpenTab}
    />
  );
}

function SessionsOverview({ patient, onOpenTab, onStart, onOpen, autoOpen, onAutoOpen }: {
  patient: Patient;
  onOpenTab: (tab: string) => void;
  onStart: () => void;
  onOpen: (s: SessionSummary) => void;
  autoOpen: boolean;
  onAutoOpen: (id: string) => void;
}) {
  const base = useLoad('sessions.eligibility', { patientId: patient.id }, patient.id);
  const canStart = useCan('sessions.start');
  const route = base.loaded.state === 'ready' ? base.loaded.data.screening?.case.plannedTreatment : undefined;
  const forRoute = useLoad('sessions.eligibility', { patientId: patient.id, ...(route ? { route } : {}) }, `${patient.id}:${route ?? 'any'}`);
  const sessions = useLoad('sessions.listForPatient', { patientId: patient.id }, patient.id);
  const inProgress = sessions.loaded.state === 'ready' ? sessions.loaded.data.find((s) => s.status === 'open') : undefined;
  useEffect(() => {
    if (autoOpen && inProgress) onAutoOpen(inProgress.id);
  }, [autoOpen, inProgress, onAutoOpen]);

  if (base.loaded.state === 'failed') return <LoadError title="Eligibility could not be checked" error={base.loaded.error} onRetry={base.reload} />;
  if (sessions.loaded.state === 'failed') return <LoadError title="Sessions could not be loaded" error={sessions.loaded.error} onRetry={sessions.reload} />;
  if (base.loaded.state !== 'ready' || sessions.loaded.state !== 'ready' || forRoute.loaded.state === 'loading') {
    return <CenteredLoader label="Loading sessions" />;
  }
  if (forRoute.loaded.state === 'failed') return <LoadError title="Eligibility could not be checked" error={forRoute.loaded.error} onRetry={forRoute.reload} />;
  const gate = forRoute.loaded.data;
  const list = sessions.loaded.data;
  if (autoOpen && inProgress) return <CenteredLoader label="Opening the session in progress" />;
  const sig = gate.screening?.signature;

  return (
    <div className={classes.overview} data-testid="sessions-overview">
      <section className={classes.panel} aria-labelledby="sessions-start-title">
        <div className={classes.overviewHead}>
          <div>
            <h2 id="sessions-start-title" className={classes.recordTitle}>
              Treatment sessions
            </h2>
            <Text size="sm" data-testid="eligibility-summary">
              {gate.screening && sig ? (
                <>
                  Screening for <strong>{ROUTE_SHORT[gate.screening.case.plannedTreatment]}</strong>, {gate.screening.result.verdict}, signed{' '}
                  {formatDateTime(sig.signedAt)} by {sig.signedByName};{' '}
                  {gate.reasons.some((r) => r.code === 'screening-expired') ? (
                    <strong>expired {formatDateTime(sig.expiresAt)}</strong>
                  ) : (
                    `valid until ${formatDateTime(sig.expiresAt)}`
                  )}
                  .
                </>
              ) : (
                'No signed screening.'
              )}
            </Text>
          </div>
          {inProgress ? (
            <Button onClick={() => onOpen(inProgress)}>{canStart.allowed ? 'Resume session in progress' : 'View session in progress'}</Button>
          ) : (
            <div>
              <Button onClick={onStart} disabled={!gate.eligible || !canStart.allowed} data-testid="start-session">
                Start session
              </Button>
              <NotAllowed permission={canStart} />
            </div>
          )}
        </div>
        <OverrideNotice eligibility={gate} />
        {gate.eligible ? (
          <>
            <Text size="sm" className={classes.eligibleLine} data-testid="eligible">
              <span aria-hidden>✓</span> A session can start: signed screening in date, consent on the current form.
            </Text>
            <SuicideRiskPanel status={gate.suicideRisk} />
          </>
        ) : (
          <EligibilityReasons
            eligibility={gate}
            onChanged={forRoute.reload}
            route={route ?? null}
            onOpenTab={onOpenTab}
            onOpenSession={(id) => {
              const s = list.find((x) => x.id === id);
              if (s) onOpen(s);
            }}
          />
        )}
      </section>

      <section className={classes.panel} aria-labelledby="sessions-past-title">
        <div className={classes.panelHead}>
          <h2 id="sessions-past-title" className={classes.panelTitle}>
            Sessions
          </h2>
          <span className={classes.panelMeta}>{list.length === 0 ? 'none yet' : `${list.length}, newest first`}</span>
        </div>
        {list.length === 0 ? (
          <p className={classes.empty}>No sessions recorded for this patient.</p>
        ) : (
          <table className={classes.sessionsTable} data-testid="sessions-list">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Route</th>
                <th scope="col">Dose</th>
                <th scope="col">Started by</th>
                <th scope="col">Discharged</th>
                <th scope="col">Alerts</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id} data-testid="session-row" data-status={s.status}>
                  <td>
                    <Anchor component="button" type="button" size="sm" fw={600} onClick={() => onOpen(s)}>
                      {formatDate(localIsoDate(new Date(s.startedAt)))}, {clockOf(s.startedAt)}
                    </Anchor>
                  </td>
                  <td>{ROUTE_SHORT[s.route]}</td>
                  <td>{summaryDoseText(s)}</td>
                  <td>{s.startedByName}</td>
                  <td>
                    {s.status === 'open' ? (
                      <span className={classes.openTag}>In progress</span>
                    ) : (
                      <>
                        {clockOf(s.dischargedAt!)}
                        {s.dischargeOverridden && <span className={classes.overrideTag}>on a reason</span>}
                      </>
                    )}
                  </td>
                  <td data-testid="session-alerts">
                    {s.alertCount === 0 ? (
                      'none'
                    ) : s.openAlertCount > 0 ? (
                      <>
                        {s.alertCount}, <strong className={classes.openText}>{s.openAlertCount} not acknowledged</strong>
                      </>
                    ) : (
                      `${s.alertCount}, all acknowledged`
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Group justify="flex-end">
        <Text size="xs" c="dimmed">
          A session’s record can be printed from the Printouts tab (monitoring record).
        </Text>
      </Group>
    </div>
  );
}


import { Button, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Patient } from '../../../shared/schemas/patient';
import { EMPTY_CHECKLIST, MINUTE_MS, minutesBetween, type DischargeChecklist } from '../../../shared/session';
import { useKeptState } from '../app/useKeptState';
import { CenteredLoader } from '../components/CenteredLoader';
import { KeyHints } from '../components/KeyHints';
import { LoadError } from '../components/LoadError';
import { clockOf, clockWithSeconds } from '../format/dates';
import { AlertBanner, alertNoteId } from './AlertBanner';
import { AlertsList } from './AlertsList';
import { AmendEntryModal } from './AmendEntryModal';
import { AftercarePrint } from '../printouts/AftercarePrint';
import { DISCHARGE_PANEL_ID, DischargePanel } from './DischargePanel';
import { ENTRY_IDS, EntryPanel } from './EntryPanel';
import { countdownText, minutesText, routeLabel, shortDoseText, type TimelineRow } from './model';
import { nextCheck, SchedulePanel } from './SchedulePanel';
import { RemsSessionPanel } from '../rems/RemsSessionPanel';
import { Timeline } from './Timeline';
import { useSessionLive } from './useSessionLive';
import { VitalsChart } from './vitals-chart-deferred';
import { CourseTrend } from '../measures/trend/CourseTrend';
import classes from './Session.module.css';

/**
 * The discharge checklist as ticked, by session: each tick is saved with the
 * session at once; this copy keeps a tick whose save has not gone through yet
 * when the tab is left, and it is sent again on return.
 */
const checklists = new Map<string, DischargeChecklist>();

const sameChecklist = (a: DischargeChecklist, b: DischargeChecklist) =>
  (Object.keys(EMPTY_CHECKLIST) as (keyof DischargeChecklist)[]).every((k) => a[k] === b[k]);

const focus = (id: string) => {
  const el = document.getElementById(id);
  el?.focus();
  return el !== null;
};

interface Props {
  sessionId: string;
  patient: Patient;
  onBack: () => void;
  /** The session was discharged (here or elsewhere): show its record. */
  onDischarged: () => void;
}

/**
 * The chair-side view of an open session. It fills the laptop screen below the
 * app's header: what is happening (route, dose, time since dosing) and any
 * alert stay pinned on top; quick entry and the checks due sit side by side
 * beneath; chart, timeline, alerts and discharge follow.
 */
export function SessionScreen({ sessionId, patient, onBack, onDischarged }: Props) {
  const [checklist, keepChecklist] = useKeptState(checklists, sessionId, () => EMPTY_CHECKLIST);
  const live = useSessionLive(sessionId, checklist);
  const { state, view, now, derived, offline, lastSync, saveChecklist } = live;
  const [checklistError, setChecklistError] = useState<string | null>(null);
  /** The ticks as the store last confirmed them; null until the session is loaded. */
  const storedTicks = useRef<DischargeChecklist | null>(null);
  const sendingTicks = useRef(false);

  // One save at a time, always of the latest ticks, so an older one never lands last.
  const pushChecklist = useCallback(async () => {
    if (sendingTicks.current || storedTicks.current === null) return;
    sendingTicks.current = true;
    try {
      for (;;) {
        const wanted = checklists.get(sessionId);
        if (!wanted || sameChecklist(wanted, storedTicks.current)) break;
        const r = await saveChecklist(wanted);
        if (!r.ok) {
          setChecklistError(r.error.message);
          break;
        }
        storedTicks.current = wanted;
        setChecklistError(null);
      }
    } finally {
      sendingTicks.current = false;
    }
  }, [sessionId, saveChecklist]);

  const setChecklist = (c: DischargeChecklist) => {
    keepChecklist(c);
    void pushChecklist();
  };

  // Once loaded: ticks saved with the session come back; ticks kept here and not yet saved are sent.
  const loaded = view !== null && view.session.id === sessionId;
  useEffect(() => {
    if (!loaded || storedTicks.current !== null || !view) return;
    storedTicks.current = view.savedChecklist ?? EMPTY_CHECKLIST;
    if (checklists.has(sessionId)) void pushChecklist();
    else if (view.savedChecklist) keepChecklist(view.savedChecklist);
  }, [loaded, view, sessionId, pushChecklist, keepChecklist]);

  // A save that failed is tried again whenever the store answers again.
  useEffect(() => {
    if (checklistError && lastSync) void pushChecklist();
  }, [lastSync, checklistError, pushChecklist]);
  const [amending, setAmending] = useState<TimelineRow | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const ready = state.kind === 'ready';

  // Brings the whole working area into view once, under the app's header.
  useEffect(() => {
    if (ready) root.current?.scrollIntoView({ block: 'start', behavior: 'instant' });
  }, [ready]);

  const discharged = view?.session.status === 'discharged';
  useEffect(() => {
    if (discharged) onDischarged();
  }, [discharged, onDischarged]);

  useHotkeys(
    [
      ['alt+V', () => focus(ENTRY_IDS.systolic), { usePhysicalKeys: true }],
      ['alt+S', () => document.querySelector<HTMLInputElement>(`#${ENTRY_IDS.sedation} input:checked, #${ENTRY_IDS.sedation} input`)?.focus(), { usePhysicalKeys: true }],
      ['alt+T', () => focus(ENTRY_IDS.time), { usePhysicalKeys: true }],
      ['alt+A', () => focus(alertNoteId(0)), { usePhysicalKeys: true }],
      ['alt+G', () => document.getElementById(DISCHARGE_PANEL_ID)?.querySelector<HTMLInputElement>('input')?.focus(), { usePhysicalKeys: true }],
    ],
    [],
  );

  if (state.kind === 'loading') return <CenteredLoader label="Opening the session" />;
  if (state.kind === 'failed') return <LoadError title="The session could not be opened" error={state.error} onRetry={() => void live.refresh()} />;
  if (!view || !derived || discharged) return <CenteredLoader label="Opening the record" />;

  const { session, entries, alerts } = view;
  const next = nextCheck(derived.schedule);
  const elapsed = minutesBetween(session.startedAt, now);
  const chartUntil = new Date(Math.floor(Date.parse(now) / MINUTE_MS) * MINUTE_MS).toISOString();

  return (
    <div ref={root} className={classes.sessionRoot} data-testid="session-screen">
      <div className={classes.pinned}>
        <div className={classes.sessionHead}>
          <Button variant="subtle" size="compact-sm" onClick={onBack} className={classes.backLink} aria-label="Back to all sessions">
            ‹ Sessions
          </Button>
          <div className={classes.sessionHeadMain}>
            <h2 className={classes.sessionTitle}>
              <span className={classes.liveDot} aria-hidden /> Session in progress: {patient.legalName}
            </h2>
            <span className={classes.sessionFacts}>
              MRN {patient.mrn} · {routeLabel(session.route)} · {shortDoseText(session.dose)} · started {clockOf(session.startedAt)} by {session.startedByName}{session.location ? ` · ${session.location}` : ''}
            </span>
          </div>
          <div className={classes.sessionHeadSide}>
            <div className={classes.elapsed}>
              <span className={classes.elapsedValue} data-testid="elapsed">{minutesText(Math.max(0, elapsed))}</span>
              <span className={classes.elapsedLabel}>since start</span>
            </div>
            {next && (
              <div className={classes.nextCheck} data-status={next.status} data-testid="next-check">
                <span className={classes.nextWhen}>
                  <span className={classes.elapsedLabel}>{next.status === 'overdue' ? 'Overdue' : next.status === 'due' ? 'Due now' : 'Next'}</span>{' '}
                  {next.status === 'overdue'
                    ? `by ${countdownText(next.countdownMs).replace(/ ago$/, '')}`
                    : `${clockOf(next.dueAt)} · ${countdownText(next.countdownMs)}`}
                </span>
                <span className={classes.nextLabel}>{next.label}</span>
              </div>
            )}
          </div>
        </div>
        {offline && (
          <div className={classes.offline} role="alert" data-testid="offline">
            <strong>Not connected to KetaDesk.</strong> {offline.message} Anything you record now stays in its fields until it can be
            saved. Last update {lastSync ? clockWithSeconds(lastSync) : 'never'}.{' '}
            <Button size="compact-xs" variant="white" color="dark" onClick={() => void live.refresh()}>
              Try again
            </Button>
          </div>
        )}
        <AlertBanner alerts={alerts} settings={view.session.settings} live={live} readOnly={false} />
      </div>

      <div className={classes.workGrid}>
        <EntryPanel live={live} view={view} now={now} />
        <div className={classes.sideColumn}>
          <SchedulePanel items={derived.schedule} />
          <AlertsList alerts={alerts} settings={view.session.settings} />
        </div>
      </div>

      <KeyHints
        hints={[
          [['Enter'], 'records a line'],
          [['Alt', 'V'], 'vitals'],
          [['Alt', 'S'], 'sedation'],
          [['Alt', 'T'], 'back-time'],
          [['Alt', 'A'], 'first alert'],
          [['Alt', 'G'], 'discharge'],
        ]}
      />

      <div className={classes.lowerGrid}>
        <div className={classes.lowerMain}>
          {session.dose.route === 'esketamine-nasal' && (
            <RemsSessionPanel sessionId={session.id} deviceCount={session.dose.deviceCount} onSaved={() => void live.refresh()} />
          )}
          <section className={classes.panel} aria-labelledby="chart-title">
            <div className={classes.panelHead}>
              <h2 id="chart-title" className={classes.panelTitle}>
                Vitals over time
              </h2>
            </div>
            <VitalsChart session={session} entries={entries} until={chartUntil} />
          </section>
          <section className={classes.panel} aria-labelledby="trend-title">
            <div className={classes.panelHead}>
              <h2 id="trend-title" className={classes.panelTitle}>
                PHQ-9 and GAD-7 over the course
              </h2>
            </div>
            <CourseTrend patientId={patient.id} size="small" />
          </section>
          <Timeline session={session} entries={entries} alerts={alerts} onAmend={setAmending} />
        </div>
        <DischargePanel
          view={view} live={live} now={now} checklist={checklist} onChecklist={setChecklist} saveError={checklistError}
          aftercare={
            <AftercarePrint
              patient={patient}
              treatment={session.route}
              onPrinted={() => setChecklist({ ...(checklists.get(sessionId) ?? checklist), aftercareExplained: true })}
            />
          }
        />
      </div>

      <Text size="xs" c="dimmed" ta="center" mt="sm">
        KetaDesk supports clinical decisions; it does not make them. The treating clinician is responsible for every decision.
        Thresholds marked as clinic settings have no single authoritative value.
      </Text>

      {amending && <AmendEntryModal row={amending} session={session} live={live} now={now} onClose={() => setAmending(null)} />}
    </div>
  );
}

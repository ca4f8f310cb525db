import { Alert, Button, Checkbox, Group, List, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import {
  OBSERVATION_ANCHOR, clinicalTimeProblem, dischargeReadiness, toMs,
  type DischargeChecklist, type SessionView,
} from '../../../shared/session';
import { dischargeMeaning } from '../../../shared/auth/meanings';
import { REMS_READINESS_ID, withRemsItem } from '../../../shared/rems/completeness';
import { useSignature } from '../app/signature';
import { AppModal } from '../components/AppModal';
import { clockOf, dayClock } from '../format/dates';
import { countdownText, parseClock } from './model';
import type { SessionLive } from './useSessionLive';
import classes from './Session.module.css';

const CHECKS: { key: keyof DischargeChecklist; label: string }[] = [
  { key: 'oriented', label: 'Alert and oriented' },
  { key: 'walksSteadily', label: 'Walks steadily' },
  { key: 'nauseaControlled', label: 'Nausea controlled' },
  { key: 'escortPresent', label: 'Escort present' },
  { key: 'aftercareExplained', label: 'Aftercare explained, sheet given' },
];

export const DISCHARGE_PANEL_ID = 'session-discharge';

function MetIcon({ met }: { met: boolean }) {
  return met ? (
    <svg width={14} height={14} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={3} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d="M5 12.5l4.5 4.5L19 7" />
    </svg>
  ) : (
    <svg width={14} height={14} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={3} strokeLinecap="round" aria-hidden>
      <path d="M7 7l10 10M17 7L7 17" />
    </svg>
  );
}

interface Props {
  view: SessionView;
  live: SessionLive;
  now: string;
  checklist: DischargeChecklist;
  onChecklist: (c: DischargeChecklist) => void;
  /** Why the last tick could not be saved; it stays ticked here and is sent again. */
  saveError?: string | null;
  /** Printing the aftercare sheet from here (it ticks "sheet given" once printed). */
  aftercare?: ReactNode;
}

/**
 * Discharge readiness as the store judges it (shared/session/discharge, with
 * the checklist as ticked and the server's clock). Discharge is possible when
 * every item is met, or, for items an override may skip, with a written
 * reason. An open alert blocks it whatever the reason.
 */
export function DischargePanel({ view, live, now, checklist, onChecklist, saveError = null, aftercare = null }: Props) {
  const { session, entries, alerts } = view;
  const [time, setTime] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [timeError, setTimeError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { sign, dialog: signatureDialog } = useSignature();

  const parsed = parseClock(time, now, 'Discharge time');
  const at = parsed.ok ? parsed.at : undefined;
  // The REMS answers are judged by the store (they are saved apart from the timeline): its verdict is added as it stands.
  const readiness = withRemsItem(
    dischargeReadiness(session, entries, checklist, at ?? now, session.settings, alerts),
    view.readiness.items.find((i) => i.id === REMS_READINESS_ID),
  );
  const unmet = readiness.items.filter((i) => !i.met);
  const blocking = unmet.filter((i) => !i.overridable);
  const canSubmit = readiness.ready || (readiness.canOverride && reason.trim() !== '');
  const obsEnd = readiness.observationEndsAt;

  const open = () => {
    setError(null);
    setTimeError(null);
    if (!parsed.ok) return setTimeError(parsed.message);
    if (at) {
      const problem = clinicalTimeProblem(at, { startedAt: session.startedAt, now });
      if (problem) return setTimeError(problem);
      const last = entries.reduce<string | null>((m, e) => (m === null || toMs(e.at) > toMs(m) ? e.at : m), null);
      if (last && toMs(at) < toMs(last)) return setTimeError('Discharge cannot be earlier than the last entry on the timeline');
    }
    setConfirming(true);
  };

  // Confirmed: the question gives way to the electronic signature, which sends the discharge.
  const discharge = async () => {
    setConfirming(false);
    setBusy(true);
    const overrideReason = readiness.ready ? null : reason.trim();
    const r = await sign([dischargeMeaning(overrideReason)], (signature) =>
      live.discharge({ checklist, overrideReason, ...(at ? { at } : {}), signature }));
    setBusy(false);
    if (r && !r.ok) setError(r.error.message);
  };

  return (
    <section className={classes.panel} aria-labelledby="discharge-title" id={DISCHARGE_PANEL_ID} data-testid="discharge-panel">
      <div className={classes.panelHead}>
        <h2 id="discharge-title" className={classes.panelTitle}>
          Discharge
        </h2>
        {readiness.ready ? (
          <span className={classes.readyTag} data-ready>
            <MetIcon met /> Ready
          </span>
        ) : (
          <span className={classes.readyTag} data-testid="not-ready">
            Not ready: {unmet.length} item{unmet.length === 1 ? '' : 's'}
          </span>
        )}
      </div>
      <Text size="xs" c="dimmed" mb={6}>
        {obsEnd
          ? `Minimum observation, counted from ${OBSERVATION_ANCHOR[session.route]}, ends ${dayClock(obsEnd, now)}${toMs(obsEnd) > toMs(now) ? ` (${countdownText(toMs(obsEnd) - toMs(now))})` : ''}.`
          : `Minimum observation counts from ${OBSERVATION_ANCHOR[session.route]}: record it.`}
      </Text>

      <fieldset className={classes.checklist}>
        <legend className={classes.checklistLegend}>Confirm at the chair</legend>
        {CHECKS.map((c) => (
          <Checkbox
            key={c.key}
            size="xs"
            label={c.label}
            checked={checklist[c.key]}
            onChange={(e) => onChecklist({ ...checklist, [c.key]: e.currentTarget.checked })}
          />
        ))}
      </fieldset>
      {aftercare && <div className={classes.aftercarePrint}>{aftercare}</div>}
      {saveError && (
        <Text size="xs" c="red.9" role="alert" data-testid="checklist-save-error">
          Ticks not saved yet: {saveError} They stay ticked here and are saved when KetaDesk answers again.
        </Text>
      )}

      <ul className={classes.readiness} aria-label="Discharge readiness" data-testid="readiness">
        {readiness.items.map((i) => (
          <li key={i.id} data-met={i.met} data-testid={`readiness-${i.id}`}>
            <span className={classes.metIcon} data-met={i.met}>
              <MetIcon met={i.met} />
              <span className={classes.srOnly}>{i.met ? 'Met:' : 'Not met:'}</span>
            </span>
            <span>
              <span className={classes.readinessLabel}>{i.label}</span>
              <span className={classes.readinessReason}> — {i.reason}</span>
            </span>
          </li>
        ))}
      </ul>

      <Stack gap={6} mt="xs">
        {!readiness.ready && readiness.canOverride && (
          <Textarea
            label="Reason to discharge before every item is met"
            description="Kept with the list of what was not met, and printed on the record."
            size="xs"
            autosize
            minRows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}
        {blocking.length > 0 && (
          <Text size="xs" fw={700} c="red.9" data-testid="discharge-blocked">
            Discharge is blocked: {blocking.map((b) => b.reason.toLowerCase()).join('; ')}. No reason can override this; acknowledge the alert first.
          </Text>
        )}
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label="Discharge time"
            size="xs"
            w={120}
            placeholder="now"
            value={time}
            onChange={(e) => {
              setTime(e.currentTarget.value);
              setTimeError(null);
            }}
            error={timeError ?? undefined}
            autoComplete="off"
          />
          <Button
            onClick={open}
            disabled={!canSubmit}
            color={readiness.ready ? undefined : '#9a3412'}
            data-testid="discharge-button"
            loading={busy}
            style={{ flex: 1 }}
          >
            {readiness.ready ? 'Discharge' : 'Discharge with reason'}
          </Button>
        </Group>
        {!canSubmit && blocking.length === 0 && (
          <Text size="xs" c="dimmed">
            Discharge opens when every item is met, or with a reason above.
          </Text>
        )}
        {error && (
          <Alert color="red" variant="light" role="alert" p="xs">
            {error}
          </Alert>
        )}
      </Stack>

      {confirming && (
        <AppModal title="Discharge the patient?" onClose={() => setConfirming(false)} size="md" centered>
          <Stack gap="sm">
            <Text size="sm">
              Discharge at {at ? dayClock(at, now) : `now (${clockOf(now)})`}. The session then ends and its record becomes read-only.
            </Text>
            {!readiness.ready && (
              <>
                <Text size="sm" fw={600}>
                  Not met, discharged on your reason:
                </Text>
                <List size="sm" spacing={2}>
                  {unmet.map((i) => (
                    <List.Item key={i.id}>
                      {i.label}: {i.reason}
                    </List.Item>
                  ))}
                </List>
                <Text size="sm">
                  Reason: <q>{reason.trim()}</q>
                </Text>
              </>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setConfirming(false)}>
                Go back
              </Button>
              <Button onClick={() => void discharge()} loading={busy} data-autofocus color={readiness.ready ? undefined : '#9a3412'}>
                Discharge patient
              </Button>
            </Group>
          </Stack>
        </AppModal>
      )}
      {signatureDialog}
    </section>
  );
}

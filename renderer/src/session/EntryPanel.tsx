import { Button, Checkbox, Text, TextInput } from '@mantine/core';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ApiError } from '../../../shared/result';
import {
  OBSERVATION_ANCHOR, SEDATION_LEVEL_LABELS, SEDATION_LEVELS, clinicalTimeProblem, entryData, ofKind, effectiveEntries,
  type DissociationLevel, type EntryData, type EntryDataInput, type SessionAlert, type SessionView,
} from '../../../shared/session';
import { useKeptState } from '../app/useKeptState';
import { clockOf, dayClock } from '../format/dates';
import { ChoiceGroup } from './ChoiceGroup';
import { DISSOCIATION_CHOICES, entryText, ENTRY_KIND_LABELS, parseClock, VITAL_INPUTS } from './model';
import { UnitInput } from './UnitInput';
import type { SessionLive } from './useSessionLive';
import classes from './Session.module.css';

type RowKey = 'dose' | 'vitals' | 'sedation' | 'dissociation' | 'nausea' | 'adverse' | 'intervention';
type Errors = Record<string, string>;

export const ENTRY_IDS = {
  time: 'session-entry-time',
  systolic: 'session-entry-systolic',
  sedation: 'session-entry-sedation',
} as const;

type VitalKey = (typeof VITAL_INPUTS)[number]['key'];
const EMPTY_VITALS: Record<VitalKey, string> = { systolic: '', diastolic: '', heartRate: '', spo2: '', respiratoryRate: '' };

const SEDATION_CHOICES = SEDATION_LEVELS.map((l) => ({ value: String(l) as `${typeof l}`, label: String(l), title: SEDATION_LEVEL_LABELS[l] }));

const numberOrUndefined = (s: string) => (s.trim() === '' ? undefined : Number(s.trim()));

/** Zod issue paths ("systolic", "entry.systolic") to a field key. */
function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Errors {
  const out: Errors = {};
  for (const i of issues) {
    const key = String(i.path.filter((p) => p !== 'entry').join('.') || 'form');
    out[key] ??= i.message;
  }
  return out;
}

interface Unsent {
  time: string;
  vitals: Record<VitalKey, string>;
  sedation: string | null;
  dissociation: DissociationLevel | null;
  distress: boolean;
  nausea: boolean;
  vomiting: boolean;
  adverse: string;
  respiratory: boolean;
  intervention: string;
}

/** Typed but not yet saved, by session: the panel brings it back when it is shown again. */
const unsent = new Map<string, Unsent>();

const EMPTY_LINES: Unsent = {
  time: '', vitals: EMPTY_VITALS, sedation: null, dissociation: null, distress: false,
  nausea: false, vomiting: false, adverse: '', respiratory: false, intervention: '',
};

interface Saved {
  text: string;
  at: string;
  alerts: SessionAlert[];
}

/**
 * Quick entry at the chair. Each line is its own small form: Enter (or its
 * Record button) saves that one observation at once, in its own durable
 * transaction. On success the line clears and says what was saved; on error
 * it keeps every value and says what is wrong, beside the field when it can.
 * The time is "now" unless a clock time is typed to back-time the entry.
 */
export function EntryPanel({ live, view, now }: { live: SessionLive; view: SessionView; now: string }) {
  const { session, entries } = view;
  // What is typed and not yet saved outlives the panel (a tab switch, another patient's chart).
  const [lines, setLines] = useKeptState(unsent, session.id, () => EMPTY_LINES);
  const edit = (patch: Partial<Unsent>) => setLines((l) => ({ ...l, ...patch }));
  const { time, vitals, sedation, dissociation, distress, nausea, vomiting, adverse, respiratory, intervention } = lines;
  const [timeError, setTimeError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<RowKey, Errors>>>({});
  const [busy, setBusy] = useState<RowKey | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);

  const timeline = effectiveEntries(entries);
  const doseEnded = ofKind(timeline, 'dose-complete').at(-1);
  const backTime = parseClock(time, now);

  const setRowErrors = (row: RowKey, e: Errors | null) => setErrors((all) => ({ ...all, [row]: e ?? undefined }));

  /** Validates as the store will, saves, and clears the line only once the store has it. */
  async function submit(row: RowKey, input: EntryDataInput, clear: () => void, focusAfter: string | null) {
    if (busy) return;
    setRowErrors(row, null);
    setTimeError(null);
    const t = parseClock(time, now);
    if (!t.ok) return setTimeError(t.message);
    if (t.at) {
      const problem = clinicalTimeProblem(t.at, { startedAt: session.startedAt, now });
      if (problem) return setTimeError(problem);
    }
    const parsed = entryData.safeParse(input);
    if (!parsed.success) {
      setRowErrors(row, fieldErrors(parsed.error.issues));
      // To the field that needs changing; everything typed stays.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="entry-panel"] input[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(row);
    const r = await live.addEntry(parsed.data, t.at);
    setBusy(null);
    if (!r.ok) return showServerError(row, r.error);
    clear();
    edit({ time: '' });
    setSaved({ text: `${ENTRY_KIND_LABELS[parsed.data.kind]}: ${entryText(parsed.data, session.route)}`, at: r.data.entry.at, alerts: r.data.alerts });
    if (focusAfter) document.getElementById(focusAfter)?.focus();
  }

  function showServerError(row: RowKey, error: ApiError) {
    const field = error.field?.replace(/^entry\./, '') ?? 'form';
    if (field === 'at') setTimeError(error.message);
    else setRowErrors(row, { [field === 'kind' ? 'form' : field]: error.message });
  }

  const rowError = (row: RowKey) => {
    const e = errors[row];
    if (!e) return null;
    const messages = Object.entries(e).filter(([k]) => row !== 'vitals' || !VITAL_INPUTS.some((v) => v.key === k));
    return messages.length ? (
      <div className={classes.rowError} role="alert">
        {messages.map(([, m]) => m).join(' ')}
      </div>
    ) : null;
  };

  const doseLabel = session.route === 'esketamine-nasal' ? 'Last device used' : 'Infusion ended';

  return (
    <section className={classes.panel} aria-labelledby="entry-title" data-testid="entry-panel">
      <div className={classes.panelHead}>
        <h2 id="entry-title" className={classes.panelTitle}>
          Record an observation
        </h2>
        <div className={classes.timeField}>
          <label htmlFor={ENTRY_IDS.time} className={classes.timeLabel}>
            Observed at
          </label>
          <TextInput
            id={ENTRY_IDS.time}
            size="xs"
            w={70}
            placeholder="now"
            autoComplete="off"
            value={time}
            onChange={(e) => {
              edit({ time: e.currentTarget.value });
              setTimeError(null);
            }}
            error={timeError ? true : undefined}
            aria-describedby="session-entry-time-help"
            aria-keyshortcuts="Alt+T"
          />
          <span
            id="session-entry-time-help"
            className={classes.timeHelp}
            data-state={timeError ? 'error' : backTime.ok && backTime.at ? 'back' : undefined}
            role={timeError ? 'alert' : undefined}
          >
            {timeError ?? (backTime.ok && backTime.at ? `Back-timed to ${dayClock(backTime.at, now)}` : 'Now, or HH:MM to back-time')}
          </span>
        </div>
      </div>

      {session.route !== 'im-ketamine' && (
        <Row label="Dosing">
          {doseEnded ? (
            <Text size="sm" data-testid="dose-ended">
              {doseLabel} at <strong>{clockOf(doseEnded.at)}</strong>
              {session.route === 'iv-ketamine' ? ': observation counts from here.' : `. Observation counts from ${OBSERVATION_ANCHOR[session.route]}, ${clockOf(session.startedAt)}.`}
            </Text>
          ) : (
            <form
              className={classes.rowForm}
              onSubmit={(e) => {
                e.preventDefault();
                void submit('dose', { kind: 'dose-complete' }, () => undefined, ENTRY_IDS.systolic);
              }}
            >
              <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                {session.route === 'esketamine-nasal' ? 'Record when the last device has been used.' : 'Record when the infusion has ended.'}
              </Text>
              <Button id="session-dose-complete" type="submit" size="xs" loading={busy === 'dose'}>
                {doseLabel}
              </Button>
            </form>
          )}
          {rowError('dose')}
        </Row>
      )}

      <Row label="Vitals" shortcut="Alt+V">
        <RecordLine
          label="Vitals"
          busy={busy === 'vitals'}
          error={rowError('vitals')}
          onSubmit={() =>
            void submit(
              'vitals',
              {
                kind: 'vitals',
                systolic: numberOrUndefined(vitals.systolic),
                diastolic: numberOrUndefined(vitals.diastolic),
                heartRate: numberOrUndefined(vitals.heartRate),
                spo2: numberOrUndefined(vitals.spo2),
                respiratoryRate: numberOrUndefined(vitals.respiratoryRate),
              },
              () => edit({ vitals: EMPTY_VITALS }),
              ENTRY_IDS.systolic,
            )
          }
        >
          <div className={classes.vitalsGrid}>
            {VITAL_INPUTS.map((v) => (
              <UnitInput
                key={v.key}
                id={v.key === 'systolic' ? ENTRY_IDS.systolic : `session-entry-${v.key}`}
                label={v.label}
                unit={v.unit}
                inputMode="numeric"
                value={vitals[v.key]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setLines((l) => ({ ...l, vitals: { ...l.vitals, [v.key]: value } }));
                }}
                error={errors.vitals?.[v.key]}
                aria-keyshortcuts={v.key === 'systolic' ? 'Alt+V' : undefined}
                styles={{ label: { fontSize: 12 }, error: { fontSize: 11 } }}
              />
            ))}
          </div>
        </RecordLine>
      </Row>

      <Row label="Sedation" shortcut="Alt+S">
        <RecordLine
          choices
          busy={busy === 'sedation'}
          error={rowError('sedation')}
          onSubmit={() =>
            void submit('sedation', { kind: 'sedation', level: (sedation === null ? undefined : Number(sedation)) as never }, () => edit({ sedation: null }), null)
          }
        >
          <div style={{ flex: 1, minWidth: 0 }}>
            <ChoiceGroup
              id={ENTRY_IDS.sedation}
              legend="Sedation level"
              hideLegend
              name="session-sedation"
              choices={SEDATION_CHOICES}
              value={sedation}
              onChange={(level) => edit({ sedation: level })}
              size="xs"
            />
            <Text size="xs" c="dimmed" mt={2} className={classes.levelHint}>
              {sedation === null ? '0 awake · 1 drowsy · 2 voice/light touch · 3 firm touch · 4 unresponsive' : `${sedation}: ${SEDATION_LEVEL_LABELS[Number(sedation) as 0]}`}
            </Text>
          </div>
        </RecordLine>
      </Row>

      <Row label="Dissociation">
        <RecordLine
          choices
          busy={busy === 'dissociation'}
          error={rowError('dissociation')}
          onSubmit={() =>
            void submit(
              'dissociation',
              { kind: 'dissociation', level: (dissociation ?? undefined) as never, distressNotSettling: distress },
              () => edit({ dissociation: null, distress: false }),
              null,
            )
          }
        >
          <ChoiceGroup legend="Dissociation" hideLegend name="session-dissociation" choices={DISSOCIATION_CHOICES} value={dissociation} onChange={(level) => edit({ dissociation: level })} size="xs" />
          <Checkbox size="xs" label="Distress not settling" checked={distress} onChange={(e) => edit({ distress: e.currentTarget.checked })} style={{ flex: 1 }} />
        </RecordLine>
      </Row>

      <Row label="Nausea">
        <RecordLine
          choices
          label="Nausea and vomiting"
          busy={busy === 'nausea'}
          error={rowError('nausea')}
          onSubmit={() => void submit('nausea', { kind: 'nausea-vomiting', nausea, vomiting }, () => edit({ nausea: false, vomiting: false }), null)}
        >
          <Checkbox size="xs" label="Nausea" checked={nausea} onChange={(e) => edit({ nausea: e.currentTarget.checked })} />
          <Checkbox size="xs" label="Vomiting" checked={vomiting} onChange={(e) => edit({ vomiting: e.currentTarget.checked })} style={{ flex: 1 }} />
        </RecordLine>
      </Row>

      <Row label="Adverse event" htmlFor="session-entry-adverse">
        <RecordLine
          busy={busy === 'adverse'}
          error={rowError('adverse')}
          onSubmit={() =>
            void submit('adverse', { kind: 'adverse-event', description: adverse, respiratoryDepression: respiratory }, () => edit({ adverse: '', respiratory: false }), 'session-entry-adverse')
          }
        >
          <TextInput
            id="session-entry-adverse"
            size="xs"
            placeholder="What happened"
            value={adverse}
            onChange={(e) => edit({ adverse: e.currentTarget.value })}
            error={errors.adverse?.description ? true : undefined}
            maxLength={1000}
            style={{ flex: 1 }}
          />
          <Checkbox size="xs" label="Resp. depression" checked={respiratory} onChange={(e) => edit({ respiratory: e.currentTarget.checked })} />
        </RecordLine>
      </Row>

      <Row label="Intervention" htmlFor="session-entry-intervention">
        <RecordLine
          busy={busy === 'intervention'}
          error={rowError('intervention')}
          onSubmit={() => void submit('intervention', { kind: 'intervention', description: intervention }, () => edit({ intervention: '' }), 'session-entry-intervention')}
        >
          <TextInput
            id="session-entry-intervention"
            size="xs"
            placeholder="What was done"
            value={intervention}
            onChange={(e) => edit({ intervention: e.currentTarget.value })}
            error={errors.intervention?.description ? true : undefined}
            maxLength={1000}
            style={{ flex: 1 }}
          />
        </RecordLine>
      </Row>

      <div className={classes.savedLine} role="status" aria-live="polite" data-testid="entry-saved">
        {saved && (
          <>
            <span className={classes.savedTick} aria-hidden>✓</span> Saved {clockOf(saved.at)} · {saved.text}
            {saved.alerts.length > 0 && (
              <strong className={classes.savedAlert}> · raised {saved.alerts.length} alert{saved.alerts.length === 1 ? '' : 's'}</strong>
            )}
          </>
        )}
      </div>
    </section>
  );
}

/** Enter on a radio or checkbox saves the line too (text fields do so natively). */
function enterSubmits(e: KeyboardEvent<HTMLFormElement>) {
  const target = e.target as HTMLElement;
  if (e.key === 'Enter' && target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox')) {
    e.preventDefault();
    e.currentTarget.requestSubmit();
  }
}

/** One line's own small form: its fields, its Record button, and what is wrong with it. */
function RecordLine({ label, choices = false, busy, error, onSubmit, children }: {
  /** The form's accessible name, when the row label does not name it. */
  label?: string;
  /** The line has radios or checkboxes, on which Enter saves too. */
  choices?: boolean;
  busy: boolean;
  error: ReactNode;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <>
      <form
        className={classes.rowForm}
        onKeyDown={choices ? enterSubmits : undefined}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        aria-label={label}
        noValidate
      >
        {children}
        <Button type="submit" size="xs" loading={busy} className={classes.recordButton}>
          Record
        </Button>
      </form>
      {error}
    </>
  );
}

function Row({ label, children, htmlFor, shortcut }: { label: string; children: ReactNode; htmlFor?: string; shortcut?: string }) {
  return (
    <div className={classes.entryRow}>
      <div className={classes.rowLabel}>
        {htmlFor ? <label htmlFor={htmlFor}>{label}</label> : <span>{label}</span>}
        {shortcut && <span className={classes.rowShortcut}>{shortcut}</span>}
      </div>
      <div className={classes.rowBody}>{children}</div>
    </div>
  );
}

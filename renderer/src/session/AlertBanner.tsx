import { Button, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { SessionAlert, SessionSettings } from '../../../shared/session';
import { alertActionFor } from '../../../shared/session/settings';
import { useKeptState } from '../app/useKeptState';
import { clockOf } from '../format/dates';
import { alertGroups } from './model';
import type { SessionLive } from './useSessionLive';
import classes from './Session.module.css';

export const alertNoteId = (index: number) => `session-alert-note-${index}`;

export function AlertIcon({ size = 18 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.6} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d="M12 3.5 2.8 19.5h18.4L12 3.5z" />
      <path d="M12 10v4.2" />
      <path d="M12 17.3h.01" />
    </svg>
  );
}

/**
 * Every alert not yet acknowledged, in red with an icon and words, above
 * everything else and kept in view while the screen scrolls. It stays until
 * someone writes what was done and acknowledges it. Alerts fired by the same
 * observation are answered together with one note.
 */
export function AlertBanner({ alerts, settings, live, readOnly }: {
  alerts: readonly SessionAlert[]; settings: SessionSettings; live: SessionLive; readOnly: boolean;
}) {
  const groups = alertGroups(alerts);
  if (groups.length === 0) return null;
  const count = groups.reduce((n, g) => n + g.length, 0);
  return (
    <section className={classes.alertBanner} aria-labelledby="alert-banner-title" data-testid="alert-banner">
      <div className={classes.alertBannerHead}>
        <AlertIcon size={20} />
        <h2 id="alert-banner-title" className={classes.alertBannerTitle}>
          {count === 1 ? 'Alert' : `${count} alerts`}: acknowledge with the action taken
        </h2>
        <span className={classes.alertBannerHint}>Alt+A goes to the first</span>
      </div>
      {groups.map((g, i) => (
        <AlertGroup key={g[0]!.entryId} group={g} settings={settings} index={i} live={live} readOnly={readOnly} />
      ))}
    </section>
  );
}

/** Action notes typed and not yet sent, by the entry whose alerts they answer. */
const notes = new Map<string, string>();

function AlertGroup({ group, settings, index, live, readOnly }: {
  group: SessionAlert[]; settings: SessionSettings; index: number; live: SessionLive; readOnly: boolean;
}) {
  const entryId = group[0]!.entryId;
  const [note, setNote] = useKeptState(notes, entryId, () => '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!note.trim()) {
      setError('Write the action taken (what was done, or why nothing was needed)');
      return;
    }
    setBusy(true);
    setError(null);
    for (const alert of group) {
      const r = await live.acknowledge(alert.id, note.trim());
      if (!r.ok) {
        setBusy(false);
        setError(r.error.message);
        return;
      }
    }
    setBusy(false);
    notes.delete(entryId);
  };

  const noteId = alertNoteId(index);
  return (
    // role="alert": a new alert is announced the moment it appears.
    <div className={classes.alertItem} role="alert" data-testid="open-alert">
      <ul className={classes.alertMessages}>
        {group.map((a) => (
          <li key={a.id}>
            <span className={classes.alertTime}>{clockOf(a.at)}</span> <strong>{a.message}</strong>
          </li>
        ))}
      </ul>
      <AlertActions alerts={group} settings={settings} />
      {!readOnly && (
        <form className={classes.alertForm} onSubmit={(e) => void submit(e)} noValidate>
          <TextInput
            id={noteId}
            size="xs"
            label="Action taken"
            placeholder="What was done"
            value={note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setError(null);
            }}
            error={error ?? undefined}
            maxLength={1000}
            aria-keyshortcuts={index === 0 ? 'Alt+A' : undefined}
            style={{ flex: 1 }}
            styles={{ root: { display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }, label: { fontWeight: 700 }, wrapper: { flex: 1 }, error: { flexBasis: '100%' } }}
          />
          <Button type="submit" size="xs" color="red.9" loading={busy}>
            Acknowledge{group.length > 1 ? ` ${group.length}` : ''}
          </Button>
        </form>
      )}
    </div>
  );
}

/** The clinic's "what to do" line for each kind of alert in the group, once each. */
export function AlertActions({ alerts, settings }: { alerts: readonly SessionAlert[]; settings: SessionSettings }) {
  const actions = [...new Set(alerts.map((a) => alertActionFor(a.code, settings)).filter((a): a is string => a !== null))];
  if (actions.length === 0) return null;
  return (
    <ul className={classes.alertActions} data-testid="alert-action">
      {actions.map((action) => (
        <li key={action}>
          <strong>What to do:</strong> {action}
        </li>
      ))}
    </ul>
  );
}

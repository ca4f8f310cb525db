import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RequestOf, ResponseOf } from '../../../shared/contract';
import type { ApiError, Result } from '../../../shared/result';
import {
  dischargeReadiness, schedule as scheduleOf, toMs,
  type DischargeChecklist, type EntryData, type SessionView,
} from '../../../shared/session';
import { call } from '../api/client';
import { onResume } from '../app/resume';
import { isGateError } from '../app/workspace';

/** How often the countdowns are recomputed. */
export const TICK_MS = 1000;
/** How often the view is fetched again: the server's clock and anything recorded elsewhere. */
export const REFRESH_MS = 15_000;

export type LiveState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'ready'; view: SessionView };

/**
 * One session as the chair-side screen sees it. Every write answers with the
 * whole view, which replaces what is shown. "Now" is the server's clock: its
 * offset from this machine's clock is taken from every answer, so countdowns
 * tick every second between fetches and always agree with what the store
 * will decide (schedule and readiness are the same shared functions).
 */
export function useSessionLive(sessionId: string, checklist: DischargeChecklist) {
  const [state, setState] = useState<LiveState>({ kind: 'loading' });
  const [clock, setClock] = useState(() => Date.now());
  /** The last fetch failed: the server may be down. What is shown is kept. */
  const [offline, setOffline] = useState<ApiError | null>(null);
  const [lastSync, setLastSync] = useState<string | null>(null);
  const offset = useRef(0);

  const apply = useCallback((view: SessionView) => {
    const local = Date.now();
    offset.current = toMs(view.now) - local;
    setClock(local);
    setState({ kind: 'ready', view });
    setOffline(null);
    setLastSync(view.now);
  }, []);

  const refresh = useCallback(async () => {
    const r = await call('sessions.get', { id: sessionId });
    if (r.ok) apply(r.data);
    // A closed gate (locked, signed out) is shown by the gate itself, not as a lost connection.
    else if (!isGateError(r.error)) {
      setOffline(r.error);
      setState((s) => (s.kind === 'ready' ? s : { kind: 'failed', error: r.error }));
    }
    return r;
  }, [sessionId, apply]);

  useEffect(() => {
    setState({ kind: 'loading' });
    void refresh();
  }, [refresh]);

  // Back in after a lock: show the session as it is now, not as it was when the screen locked.
  useEffect(() => onResume(() => void refresh()), [refresh]);

  const open = state.kind === 'ready' && state.view.session.status === 'open';
  useEffect(() => {
    if (!open) return;
    const tick = setInterval(() => setClock(Date.now()), TICK_MS);
    const sync = setInterval(() => void refresh(), REFRESH_MS);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(tick);
      clearInterval(sync);
      window.removeEventListener('focus', onFocus);
    };
  }, [open, refresh]);

  const view = state.kind === 'ready' ? state.view : null;
  const now = new Date(clock + offset.current).toISOString();

  const derived = useMemo(() => {
    if (!view) return null;
    const { session, entries, alerts } = view;
    if (session.status !== 'open') return { schedule: view.schedule, readiness: view.readiness };
    return {
      schedule: scheduleOf(session, entries, now, session.settings),
      readiness: dischargeReadiness(session, entries, checklist, now, session.settings, alerts),
    };
  }, [view, now, checklist]);

  const write = useCallback(
    async <T extends { view: SessionView } | SessionView>(run: () => Promise<Result<T>>): Promise<Result<T>> => {
      const r = await run();
      if (r.ok) apply('view' in r.data ? r.data.view : r.data);
      else if (r.error.code === 'internal') setOffline(r.error);
      return r;
    },
    [apply],
  );

  const addEntry = useCallback(
    (entry: EntryData, at: string | undefined) =>
      write<ResponseOf<'sessions.addEntry'>>(() => call('sessions.addEntry', { sessionId, entry, ...(at ? { at } : {}) })),
    [write, sessionId],
  );
  const amendEntry = useCallback(
    (input: Omit<RequestOf<'sessions.amendEntry'>, 'sessionId'>) =>
      write<ResponseOf<'sessions.amendEntry'>>(() => call('sessions.amendEntry', { sessionId, ...input })),
    [write, sessionId],
  );
  const acknowledge = useCallback(
    (alertId: string, actionNote: string) =>
      write<ResponseOf<'sessions.acknowledgeAlert'>>(() => call('sessions.acknowledgeAlert', { alertId, actionNote })),
    [write],
  );
  /** The discharge checklist as ticked so far, kept with the session. */
  const saveChecklist = useCallback(
    (ticks: DischargeChecklist) =>
      write<ResponseOf<'sessions.saveChecklist'>>(() => call('sessions.saveChecklist', { sessionId, checklist: ticks })),
    [write, sessionId],
  );
  const discharge = useCallback(
    (input: Omit<RequestOf<'sessions.discharge'>, 'sessionId'>) =>
      write<ResponseOf<'sessions.discharge'>>(() => call('sessions.discharge', { sessionId, ...input })),
    [write, sessionId],
  );

  return { state, view, now, derived, offline, lastSync, refresh, addEntry, amendEntry, acknowledge, saveChecklist, discharge };
}

export type SessionLive = ReturnType<typeof useSessionLive>;

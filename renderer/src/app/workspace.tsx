import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AuthStatus } from '../../../shared/auth/status';
import type { ApiError, ErrorCode, Result } from '../../../shared/result';
import type { Clinician } from '../../../shared/schemas/clinician';
import { call, onApiError } from '../api/client';
import { notifyResume } from './resume';

type Status = { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ready' };

interface Workspace {
  status: Status;
  /** What the server believes: phase, who is signed in or locked, who may sign in. */
  auth: AuthStatus | null;
  /** Everyone, for names on records (incl. inactive); empty until someone is signed in. */
  clinicians: Clinician[];
  /** The signed-in clinician (also while their screen is locked). */
  current: Clinician | null;
  /**
   * The app's screens are mounted (under a gate while it is closed, so nothing
   * typed is lost): from the first sign-in until a sign-out by hand.
   */
  appShown: boolean;
  /** True while "switch clinician" (another person's sign-in) is shown over the app. */
  switching: boolean;
  startSwitch: () => void;
  cancelSwitch: () => void;
  /** Takes the status an auth.* call answered, so the screen shows what the server now believes. */
  apply: (status: AuthStatus) => void;
  refresh: () => void;
  lockNow: () => Promise<Result<AuthStatus>>;
  signOut: () => Promise<Result<AuthStatus>>;
  clinicianName: (id: string | null | undefined) => string;
}

/** Answers that mean "the gate is closed": the status is read again and the right gate shown over the screen. */
const GATE_CODES: ReadonlySet<ErrorCode> = new Set(['locked', 'signed-out', 'setup-required', 'passphrase-change-required']);
export const isGateError = (error: ApiError) => GATE_CODES.has(error.code);

const WorkspaceContext = createContext<Workspace | null>(null);

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  const [auth, setAuth] = useState<AuthStatus | null>(null);
  const [clinicians, setClinicians] = useState<Clinician[]>([]);
  const [switching, setSwitching] = useState(false);
  const [appShown, setAppShown] = useState(false);
  const wasOpen = useRef(false);

  const apply = useCallback((next: AuthStatus) => {
    setAuth(next);
    setStatus({ state: 'ready' });
    const open = next.phase === 'signed-in' && !next.mustChangePassphrase;
    if (open) {
      setSwitching(false);
      setAppShown(true);
    }
    // Back in after a lock or a sign-in over the screen: what failed meanwhile may be tried again.
    if (open && !wasOpen.current) notifyResume();
    wasOpen.current = open;
  }, []);

  const refresh = useCallback(() => {
    void call('auth.status', {}).then((result) => {
      if (result.ok) apply(result.data);
      else setStatus({ state: 'failed', error: result.error });
    });
  }, [apply]);

  useEffect(refresh, [refresh]);

  // Names for records: read whenever someone (else) is signed in, since the list may have changed meanwhile.
  const signedInId = auth?.phase === 'signed-in' && !auth.mustChangePassphrase ? auth.clinician?.id : undefined;
  useEffect(() => {
    if (!signedInId) return;
    let live = true;
    void call('clinicians.list', {}).then((list) => {
      if (live && list.ok) setClinicians(list.data);
    });
    return () => {
      live = false;
    };
  }, [signedInId]);

  useEffect(
    () =>
      onApiError((error) => {
        if (isGateError(error)) refresh();
      }),
    [refresh],
  );

  const runAuth = useCallback(
    async (channel: 'auth.lock' | 'auth.signOut') => {
      const result = await call(channel, {});
      if (!result.ok) return result;
      // Signing out closes every screen: the next person starts afresh, with nobody's patient open.
      if (channel === 'auth.signOut') setAppShown(false);
      apply(result.data);
      return result;
    },
    [apply],
  );
  // Stable, so the idle timer that calls it is not restarted by unrelated changes.
  const lockNow = useCallback(() => runAuth('auth.lock'), [runAuth]);
  const signOut = useCallback(() => runAuth('auth.signOut'), [runAuth]);

  const value = useMemo<Workspace>(() => {
    const names = new Map(clinicians.map((c) => [c.id, c.name]));
    return {
      status,
      auth,
      clinicians,
      current: auth?.clinician ?? null,
      appShown,
      switching,
      startSwitch: () => setSwitching(true),
      cancelSwitch: () => setSwitching(false),
      apply,
      refresh,
      lockNow,
      signOut,
      clinicianName: (id) => (id ? (names.get(id) ?? 'Unknown clinician') : 'Unknown clinician'),
    };
  }, [status, auth, clinicians, appShown, switching, apply, refresh, lockNow, signOut]);

  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('useWorkspace outside WorkspaceProvider');
  return ws;
}

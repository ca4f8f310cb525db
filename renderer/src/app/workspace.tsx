import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiError, Result } from '../../../shared/result';
import type { Clinician, ClinicianInput } from '../../../shared/schemas/clinician';
import { call, onApiError } from '../api/client';

type Status = { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ready' };

interface Workspace {
  status: Status;
  clinicians: Clinician[];
  /** Who is working; null until someone is chosen. */
  current: Clinician | null;
  /** True while the "who is working" picker is shown for a switch. */
  switching: boolean;
  /**
   * The main process answered "no clinician" although one was chosen here (it
   * was restarted). The app asks again over the current screen, so nothing
   * typed is lost.
   */
  needsReselect: boolean;
  startSwitch: () => void;
  cancelSwitch: () => void;
  select: (clinicianId: string) => Promise<Result<Clinician>>;
  /** Creates a clinician and makes them the one working. */
  createAndSelect: (input: ClinicianInput) => Promise<Result<Clinician>>;
  reload: () => void;
  clinicianName: (id: string | null | undefined) => string;
}

const WorkspaceContext = createContext<Workspace | null>(null);

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  const [clinicians, setClinicians] = useState<Clinician[]>([]);
  const [current, setCurrent] = useState<Clinician | null>(null);
  const [switching, setSwitching] = useState(false);
  const [needsReselect, setNeedsReselect] = useState(false);
  const [loadCount, setLoadCount] = useState(0);

  useEffect(() => {
    let live = true;
    setStatus({ state: 'loading' });
    void Promise.all([call('workspace.current', {}), call('clinicians.list', {})]).then(([ws, list]) => {
      if (!live) return;
      if (!ws.ok) return setStatus({ state: 'failed', error: ws.error });
      if (!list.ok) return setStatus({ state: 'failed', error: list.error });
      setClinicians(list.data);
      setCurrent(ws.data.clinician);
      setStatus({ state: 'ready' });
    });
    return () => {
      live = false;
    };
  }, [loadCount]);

  // The main process forgot who is working (it restarted): ask again rather than fail every save.
  useEffect(
    () =>
      onApiError((error) => {
        if (error.code === 'no-clinician') setNeedsReselect(true);
      }),
    [],
  );

  const select = useCallback(async (clinicianId: string) => {
    const result = await call('workspace.selectClinician', { clinicianId });
    if (result.ok) {
      setCurrent(result.data);
      setSwitching(false);
      setNeedsReselect(false);
    }
    return result;
  }, []);

  const createAndSelect = useCallback(
    async (input: ClinicianInput) => {
      const created = await call('clinicians.create', input);
      if (!created.ok) return created;
      setClinicians((list) =>
        [...list, created.data].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })),
      );
      return select(created.data.id);
    },
    [select],
  );

  const value = useMemo<Workspace>(() => {
    const names = new Map(clinicians.map((c) => [c.id, c.name]));
    return {
      status,
      clinicians,
      current,
      switching,
      needsReselect,
      startSwitch: () => setSwitching(true),
      cancelSwitch: () => setSwitching(false),
      select,
      createAndSelect,
      reload: () => setLoadCount((n) => n + 1),
      clinicianName: (id) => (id ? (names.get(id) ?? 'Unknown clinician') : 'Unknown clinician'),
    };
  }, [status, clinicians, current, switching, needsReselect, select, createAndSelect]);

  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('useWorkspace outside WorkspaceProvider');
  return ws;
}

import { useEffect, useState } from 'react';
import { remsStatusOf, type RemsRecordStatus } from '../../../shared/printouts/rems-status';
import type { ApiError } from '../../../shared/result';
import { call } from '../api/client';

export type RemsStatusLoad =
  | { state: 'none' } | { state: 'loading' } | { state: 'ready'; status: RemsRecordStatus } | { state: 'failed'; error: ApiError };

/**
 * The REMS form's status an esketamine session's monitoring record prints:
 * its answers and submission as recorded (rems.form). `sessionId` null (the
 * blank form, or another treatment) loads nothing.
 */
export function useRemsStatus(sessionId: string | null): RemsStatusLoad {
  const [load, setLoad] = useState<RemsStatusLoad>({ state: 'none' });
  useEffect(() => {
    if (sessionId === null) return setLoad({ state: 'none' });
    let live = true;
    setLoad({ state: 'loading' });
    void call('rems.form', { sessionId }).then((result) => {
      if (live) setLoad(result.ok ? { state: 'ready', status: remsStatusOf(result.data) } : { state: 'failed', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [sessionId]);
  return load;
}

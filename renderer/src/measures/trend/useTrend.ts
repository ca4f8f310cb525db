import { useMemo } from 'react';
import { buildTrend, type Trend } from '../../../../shared/measures';
import type { ApiError } from '../../../../shared/result';
import { useLoad } from '../../api/useLoad';

export type TrendLoad = { state: 'loading' } | { state: 'failed'; error: ApiError; retry: () => void } | { state: 'ready'; trend: Trend };

/** A patient's PHQ-9 and GAD-7 trend, from their questionnaires and the starts of their sessions. */
export function useTrend(patientId: string): TrendLoad {
  const questionnaires = useLoad('questionnaires.listForPatient', { patientId }, patientId);
  const sessions = useLoad('sessions.listForPatient', { patientId }, patientId);
  const q = questionnaires.loaded;
  const s = sessions.loaded;
  return useMemo((): TrendLoad => {
    if (q.state === 'failed') return { state: 'failed', error: q.error, retry: questionnaires.reload };
    if (s.state === 'failed') return { state: 'failed', error: s.error, retry: sessions.reload };
    if (q.state !== 'ready' || s.state !== 'ready') return { state: 'loading' };
    return { state: 'ready', trend: buildTrend(q.data, s.data.map((x) => x.startedAt)) };
  }, [q, s, questionnaires.reload, sessions.reload]);
}

import { useCallback, useEffect, useState } from 'react';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/contract';
import type { ApiError } from '../../../shared/result';
import { call } from './client';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ready'; data: T };

/**
 * One read from the main process, re-run by `reload()`. `key` names what is
 * read (e.g. the patient id), so a different key starts over.
 */
export function useLoad<C extends Channel>(channel: C, input: RequestOf<C>, key: string) {
  const [loaded, setLoaded] = useState<Loaded<ResponseOf<C>>>({ state: 'loading' });
  const [count, setCount] = useState(0);

  useEffect(() => {
    let live = true;
    void call(channel, input).then((result) => {
      if (!live) return;
      setLoaded(result.ok ? { state: 'ready', data: result.data } : { state: 'failed', error: result.error });
    });
    return () => {
      live = false;
    };
    // `key` stands for `input`, which is a new object on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [channel, key, count]);

  const reload = useCallback(() => setCount((n) => n + 1), []);
  return { loaded, reload, setLoaded };
}

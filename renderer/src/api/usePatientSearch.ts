import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/result';
import type { Patient } from '../../../shared/schemas/patient';
import { call } from './client';

export const SEARCH_DEBOUNCE_MS = 120;
export const SEARCH_LIMIT = 50;

export interface SearchState {
  /** The query these results answer; compare with what is typed to know if they are current. */
  query: string | null;
  patients: Patient[];
  hasMore: boolean;
  error: ApiError | null;
}

/**
 * Search as you type. Each keystroke restarts a short debounce; every request
 * is numbered and only the answer to the newest one is shown, so a slow answer
 * to an older query never replaces the list for what is typed now.
 */
export function usePatientSearch(query: string): SearchState & { pending: boolean } {
  const [state, setState] = useState<SearchState>({ query: null, patients: [], hasMore: false, error: null });
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      void call('patients.search', { query, limit: SEARCH_LIMIT }).then((result) => {
        if (ticket !== latest.current) return;
        setState(
          result.ok
            ? { query, patients: result.data.patients, hasMore: result.data.hasMore, error: null }
            : { query, patients: [], hasMore: false, error: result.error },
        );
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  return { ...state, pending: state.query !== query };
}

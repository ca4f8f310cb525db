import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/result';
import {
  EMPTY_DRAFT_SIGNING, type DraftSigning, type Screening, type ScreeningAnswers,
} from '../../../shared/schemas/screening';
import { call } from '../api/client';
import { answersFromCase } from './model';

export const AUTOSAVE_DEBOUNCE_MS = 300;
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000];

export type SaveStatus =
  | { kind: 'saved'; at: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** The save failed; the answers on screen are kept and saved again. */
  | { kind: 'failed'; error: ApiError; retryInMs: number | null }
  /** Someone else changed or closed the draft; nothing is retried until the clinician chooses. */
  | { kind: 'conflict'; error: ApiError };

/** What the draft screen edits and saves: the answers and the signing inputs. */
export interface DraftWork {
  answers: ScreeningAnswers;
  signing: DraftSigning;
}

const storedWork = (s: Screening): DraftWork => ({
  answers: answersFromCase(s.case),
  signing: s.draftSigning ?? EMPTY_DRAFT_SIGNING,
});

/**
 * Work not yet stored when its screen closed (a tab switch, a failed save),
 * by screening id: reopening the draft brings it back and saves it, against
 * the version it was based on, so nothing typed is lost.
 */
const unsaved = new Map<string, { work: DraftWork; version: number }>();

export type FlushResult = { ok: true; screening: Screening } | { ok: false; error: ApiError };

/**
 * The checklist's working copy of a draft. Every change is kept here at once
 * and saved ~300 ms later. Saves run one at a time, each with the version the
 * previous one returned, so versions never race; changes made while a save is
 * on its way are sent right after it. A failed save keeps what was typed and
 * tries again; `flush()` saves now and says whether everything is stored.
 */
export function useDraftAutosave(initial: Screening) {
  const [restored] = useState(() => unsaved.get(initial.id));
  const [work, setWorkState] = useState<DraftWork>(() => restored?.work ?? storedWork(initial));
  const [saved, setSaved] = useState<Screening>(initial);
  const [status, setStatus] = useState<SaveStatus>(() =>
    restored ? { kind: 'pending' } : { kind: 'saved', at: initial.updatedAt },
  );

  const latest = useRef(work);
  const savedJson = useRef(JSON.stringify(storedWork(initial)));
  const version = useRef(restored?.version ?? initial.version);
  const savedRef = useRef(initial);
  const running = useRef<Promise<FlushResult> | null>(null);
  const debounce = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retry = useRef<ReturnType<typeof setTimeout> | null>(null);
  const failures = useRef(0);
  const blocked = useRef(false);
  const alive = useRef(true);

  const clearTimers = () => {
    if (debounce.current) clearTimeout(debounce.current);
    if (retry.current) clearTimeout(retry.current);
    debounce.current = retry.current = null;
  };

  const isDirty = () => JSON.stringify(latest.current) !== savedJson.current;

  const pump = useCallback((): Promise<FlushResult> => {
    if (running.current) return running.current;
    const run = (async (): Promise<FlushResult> => {
      while (isDirty()) {
        if (blocked.current) {
          return { ok: false, error: { code: 'conflict', message: 'This draft was changed elsewhere.' } };
        }
        const sending = latest.current;
        const json = JSON.stringify(sending);
        setStatus({ kind: 'saving' });
        const result = await call('screenings.save', {
          id: savedRef.current.id,
          expectedVersion: version.current,
          answers: sending.answers,
          signing: sending.signing,
        });
        if (!result.ok) {
          failures.current += 1;
          if (result.error.code === 'conflict' || result.error.code === 'not-found') {
            blocked.current = true;
            setStatus({ kind: 'conflict', error: result.error });
          } else {
            const delay = RETRY_DELAYS_MS[Math.min(failures.current, RETRY_DELAYS_MS.length) - 1]!;
            setStatus({ kind: 'failed', error: result.error, retryInMs: delay });
            if (retry.current) clearTimeout(retry.current);
            // Once the screen is closed, its last save is tried once; the draft keeps what was stored.
            if (alive.current) retry.current = setTimeout(() => void pump(), delay);
          }
          return { ok: false, error: result.error };
        }
        failures.current = 0;
        version.current = result.data.version;
        savedJson.current = json;
        savedRef.current = result.data;
        setSaved(result.data);
        if (!alive.current && !isDirty()) unsaved.delete(result.data.id);
      }
      setStatus({ kind: 'saved', at: savedRef.current.updatedAt });
      return { ok: true, screening: savedRef.current };
    })();
    // Cleared in a `.finally` callback, which always runs after this assignment: a run with nothing
    // to send finishes synchronously, and clearing inside it would leave `running` holding that
    // settled run for good, so every later change would wait on it and stay pending forever.
    const tracked = run.finally(() => {
      running.current = null;
    });
    running.current = tracked;
    return tracked;
  }, []);

  const setWork = useCallback(
    (update: (current: DraftWork) => DraftWork) => {
      const next = update(latest.current);
      if (next === latest.current) return;
      latest.current = next;
      setWorkState(next);
      if (blocked.current) return;
      setStatus((s) => (s.kind === 'failed' ? s : { kind: 'pending' }));
      if (debounce.current) clearTimeout(debounce.current);
      debounce.current = setTimeout(() => {
        debounce.current = null;
        void pump();
      }, AUTOSAVE_DEBOUNCE_MS);
    },
    [pump],
  );

  const setAnswers = useCallback(
    (update: (current: ScreeningAnswers) => ScreeningAnswers) =>
      setWork((w) => {
        const answers = update(w.answers);
        return answers === w.answers ? w : { ...w, answers };
      }),
    [setWork],
  );

  /** The signing panel's inputs, saved with the draft like the answers. */
  const setSigning = useCallback(
    (update: (current: DraftSigning) => DraftSigning) =>
      setWork((w) => {
        const signing = update(w.signing);
        return signing === w.signing ? w : { ...w, signing };
      }),
    [setWork],
  );

  /** Saves now (after any save on its way) and resolves once everything on screen is stored, or not. */
  const flush = useCallback(async (): Promise<FlushResult> => {
    clearTimers();
    if (blocked.current) {
      return { ok: false, error: { code: 'conflict', message: 'This draft was changed elsewhere. Choose which answers to keep first.' } };
    }
    const result = await pump();
    // A change typed while the last save was on its way is still to be sent.
    if (result.ok && isDirty()) return flush();
    return result;
  }, [pump]);

  const retryNow = useCallback(() => {
    clearTimers();
    return pump();
  }, [pump]);

  /** After a conflict: take the stored draft and drop the answers and signing inputs on screen. */
  const loadLatest = useCallback(async (): Promise<FlushResult> => {
    const result = await call('screenings.get', { id: savedRef.current.id });
    if (!result.ok) return result;
    clearTimers();
    blocked.current = false;
    failures.current = 0;
    const fresh = storedWork(result.data);
    latest.current = fresh;
    savedJson.current = JSON.stringify(fresh);
    version.current = result.data.version;
    savedRef.current = result.data;
    setWorkState(fresh);
    setSaved(result.data);
    setStatus({ kind: 'saved', at: result.data.updatedAt });
    return { ok: true, screening: result.data };
  }, []);

  /** After a conflict: save the answers on screen over the stored draft, if it is still a draft. */
  const keepMine = useCallback(async (): Promise<FlushResult> => {
    const result = await call('screenings.get', { id: savedRef.current.id });
    if (!result.ok) return result;
    if (result.data.status !== 'draft') {
      const error = { code: 'conflict' as const, message: `This screening was ${result.data.status} elsewhere; it can no longer be changed.` };
      setStatus({ kind: 'conflict', error });
      return { ok: false, error };
    }
    version.current = result.data.version;
    savedRef.current = result.data;
    savedJson.current = JSON.stringify(storedWork(result.data));
    blocked.current = false;
    failures.current = 0;
    return flush();
  }, [flush]);

  // Leaving the screen: whatever is not yet stored is sent now.
  useEffect(() => {
    alive.current = true;
    unsaved.delete(savedRef.current.id);
    if (isDirty()) void pump();
    return () => {
      alive.current = false;
      clearTimers();
      if (isDirty()) {
        unsaved.set(savedRef.current.id, { work: latest.current, version: version.current });
        if (!blocked.current) void pump();
      }
    };
  }, [pump]);

  return {
    answers: work.answers, setAnswers, signing: work.signing, setSigning, saved, status, flush, retryNow, loadLatest, keepMine,
    isDirty,
  };
}

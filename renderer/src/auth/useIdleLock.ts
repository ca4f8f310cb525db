import { useEffect } from 'react';
import { call } from '../api/client';

/** The server hears that someone is working at most this often (its own idle lock counts from there). */
export const ACTIVITY_REPORT_MS = 30_000;
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'touchstart', 'wheel'] as const;

/**
 * While `active`, locks the screen after `minutes` without keyboard, pointer,
 * touch or wheel input, so the lock shows at once (the server locks on the
 * same setting by itself). Input is reported to the server, throttled.
 */
export function useIdleLock(active: boolean, minutes: number, lock: () => void) {
  useEffect(() => {
    if (!active) return;
    const limit = minutes * 60_000;
    let lastInput = Date.now();
    let lastReport = lastInput;
    let timer: ReturnType<typeof setTimeout>;

    const check = () => {
      const idle = Date.now() - lastInput;
      if (idle >= limit) lock();
      else timer = setTimeout(check, limit - idle);
    };
    const onInput = () => {
      lastInput = Date.now();
      if (lastInput - lastReport >= ACTIVITY_REPORT_MS) {
        lastReport = lastInput;
        void call('auth.activity', {});
      }
    };

    timer = setTimeout(check, limit);
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
    };
  }, [active, minutes, lock]);
}

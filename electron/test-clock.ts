import { readFileSync } from 'node:fs';

// TEST ONLY. End-to-end tests need to move the server's time (a 2-hour
// observation cannot take 2 hours). When KETADESK_TEST_CLOCK_FILE names a file,
// browser mode reads "now" from it on every call: an ISO instant
// ("2026-11-25T11:05:00Z") fixes the time; a signed offset ("+5400000",
// "+90m", "-2h", units ms/s/m/h, ms when none) shifts the real time. Without
// the variable the real clock is used, and nothing here runs. The desktop
// app never reads it.

export const TEST_CLOCK_ENV = 'KETADESK_TEST_CLOCK_FILE';

const OFFSET = /^([+-]\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** The time a clock file says, or null when it says nothing usable. */
export function parseClockText(text: string, realNow: Date): Date | null {
  const t = text.trim();
  const offset = OFFSET.exec(t);
  if (offset) return new Date(realNow.getTime() + Number(offset[1]) * UNIT_MS[(offset[2] ?? 'ms') as keyof typeof UNIT_MS]);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(t)) return null;
  const ms = Date.parse(t);
  return Number.isFinite(ms) ? new Date(ms) : null;
}

/** The clock for browser mode: the real one unless the test-only variable is set. */
export function clockFromEnv(env: NodeJS.ProcessEnv, warn: (m: string) => void = console.warn): () => Date {
  const file = env[TEST_CLOCK_ENV]?.trim();
  if (!file) return () => new Date();
  warn(`[ketadesk] TEST CLOCK: the time is read from ${file}. This is for automated tests only.`);
  let lastProblem = '';
  return () => {
    const real = new Date();
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = '';
    }
    const parsed = parseClockText(text, real);
    if (parsed) return parsed;
    // A missing or garbled file falls back to the real time rather than failing every request.
    const problem = `[ketadesk] TEST CLOCK: ${file} holds no usable time; using the real clock.`;
    if (problem !== lastProblem) warn((lastProblem = problem));
    return real;
  };
}

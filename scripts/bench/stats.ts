// Timing and percentile helpers shared by every benchmark section.

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  total: number;
}

/** Nearest-rank percentile of an ascending-sorted sample (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((s, v) => s + v, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length ? total / sorted.length : Number.NaN,
    total,
  };
}

/** Milliseconds one call of `fn` takes, by the monotonic high-resolution clock. */
export function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Runs every input once untimed (warm-up: statement caches, page cache, JIT),
 * then cycles through the inputs timing each call until `samples` are taken.
 */
export function sampleLatencies<T>(inputs: readonly T[], run: (input: T) => void, samples: number, warmupPasses = 2): number[] {
  if (inputs.length === 0) return [];
  for (let pass = 0; pass < warmupPasses; pass++) for (const input of inputs) run(input);
  const out: number[] = [];
  for (let i = 0; out.length < samples; i++) {
    const input = inputs[i % inputs.length]!;
    out.push(timeMs(() => run(input)));
  }
  return out;
}

/** Rounds for display and JSON: three decimals is microseconds for millisecond figures. */
export const round = (v: number, digits = 3) => Number(v.toFixed(digits));

export function roundSummary(s: Summary): Summary {
  return {
    n: s.n, p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max), mean: round(s.mean), total: round(s.total, 1),
  };
}

/** One timed workload: call i runs on input i (cycling through the inputs). */
export interface Series {
  size: number;
  runAt: (i: number) => void;
}

export const series = <T>(inputs: readonly T[], run: (input: T) => void): Series => ({
  size: inputs.length,
  runAt: (i) => run(inputs[i % inputs.length]!),
});

/**
 * Like sampleLatencies for several workloads at once, taking turns one call at
 * a time (and rotating who goes first), so a burst of other work on the
 * machine lands on all of them alike and their ratios stay meaningful.
 */
export function sampleInterleaved(all: readonly Series[], samples: number, warmupPasses = 2): number[][] {
  for (const s of all) for (let pass = 0; pass < warmupPasses; pass++) for (let i = 0; i < s.size; i++) s.runAt(i);
  const out = all.map(() => [] as number[]);
  for (let i = 0; i < samples; i++) {
    for (let k = 0; k < all.length; k++) {
      const j = (i + k) % all.length;
      out[j]!.push(timeMs(() => all[j]!.runAt(i)));
    }
  }
  return out;
}

/**
 * Runs each of `runs` once, starting with a different one on each call (i),
 * so drift in disk and cache lands on all of them alike; returns their times
 * in the order given.
 */
export function timeInTurn(runs: ReadonlyArray<() => void>, i: number): number[] {
  const out = new Array<number>(runs.length);
  for (let k = 0; k < runs.length; k++) {
    const j = (i + k) % runs.length;
    out[j] = timeMs(runs[j]!);
  }
  return out;
}

// A benchmark section measures one thing and returns rows for the human table
// and fields for the JSON object. To add one (e.g. vitals entry, charting),
// write a function of this type in its own file and list it in scripts/bench.ts.

import type { Store } from '../../db/store';

export interface BenchContext {
  /** The seeded store (reopened after seeding), shared by all sections. */
  store: Store;
  /** Data folder of that store. */
  dataDir: string;
  /** Scratch folder for extra databases; removed with everything else at the end. */
  scratchDir: string;
  /** A clinician who exists in the store, for writes. */
  clinicianId: string;
  /** How many patients were seeded (patient i has seed-data patientFields(i)). */
  patientCount: number;
  /** Progress message to stderr (stdout is reserved for the result). */
  progress: (message: string) => void;
}

export interface Row {
  label: string;
  value: string;
  /** What it should be, e.g. "< 2 ms"; empty for figures given for context. */
  goal?: string;
  /** Whether the goal was met; undefined when there is no goal. */
  pass?: boolean;
}

export interface SectionResult {
  title: string;
  rows: Row[];
  /** Merged into the top level of the --json object. */
  json: Record<string, unknown>;
}

export type Section = (ctx: BenchContext) => SectionResult;

export const ms = (v: number) => `${v.toFixed(3)} ms`;
export const percentiles = (s: { p50: number; p95: number; p99: number; max: number }) =>
  `${s.p50.toFixed(3)} / ${s.p95.toFixed(3)} / ${s.p99.toFixed(3)} / ${s.max.toFixed(3)} ms`;

// Sign-in: from the passphrase entered to the records open, through the
// Gatekeeper at the product's scrypt cost (unwrap the database key, open the
// encrypted store, migrate check, audit the sign-in), on a data folder set up
// as a clinic's first start leaves it. Each run is a new Gatekeeper, as after
// a restart, so the store is opened every time.

import { join } from 'node:path';
import { Gatekeeper } from '../../electron/auth/gatekeeper';
import { PRODUCTION_KDF } from '../../db/vault/wrap';
import { ms, type SectionResult } from './section';
import { round, roundSummary, summarize } from './stats';

const RUNS = 5;
const GOAL_MS = 1000;
const PASSPHRASE = 'bench clinic sign-in passphrase';

export async function signInSection(scratchDir: string, progress: (m: string) => void): Promise<SectionResult> {
  const dataDir = join(scratchDir, 'sign-in');
  const now = () => new Date();
  progress('sign-in: setting up a clinic at the production scrypt cost');
  const first = new Gatekeeper({ dataDir, now });
  await first.setup({ name: 'Bench Administrator', credentials: '', role: 'prescriber', passphrase: PASSPHRASE });
  const clinicianId = first.status().clinician!.id;
  first.close();

  progress(`sign-in: ${RUNS} sign-ins, each after a restart`);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const gate = new Gatekeeper({ dataDir, now });
    const start = performance.now();
    await gate.signIn(clinicianId, PASSPHRASE);
    samples.push(performance.now() - start);
    if (gate.phase() !== 'signed-in') throw new Error('sign-in did not unlock the records');
    gate.close();
  }
  const s = summarize(samples);
  const kdf = `scrypt N=2^${Math.log2(PRODUCTION_KDF.N)}, r=${PRODUCTION_KDF.r}, p=${PRODUCTION_KDF.p}`;
  return {
    title: `Sign-in, passphrase to unlocked records (Gatekeeper, ${kdf}), p50 of ${RUNS}`,
    rows: [
      { label: 'signInMs (unwrap key + open encrypted store + audit)', value: ms(s.p50), goal: `< ${GOAL_MS} ms`, pass: s.p50 < GOAL_MS },
      { label: 'slowest of the runs', value: ms(s.max) },
    ],
    json: { signInMs: round(s.p50), signInRunsMs: samples.map((v) => round(v)), signInSummaryMs: roundSummary(s), signInKdf: kdf },
  };
}

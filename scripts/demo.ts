// `npm run demo -- --data-dir DIR [--patients N]`: builds the demo clinic
// (scripts/demo/build.ts) in a new or empty folder and prints its demo-only
// passphrases. Open it with KETADESK_DATA_DIR=DIR. Never for real records.

import { resolve } from 'node:path';
import { STAFF } from './demo/people';
import { buildDemoClinic, DEMO_PATIENT_COUNT } from './demo/build';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const dirArg = option('--data-dir');
if (!dirArg) {
  console.error('Usage: npm run demo -- --data-dir DIR [--patients N]   (DIR must be new or empty)');
  process.exit(2);
}
const dataDir = resolve(dirArg);
const patients = Number(option('--patients') ?? DEMO_PATIENT_COUNT);

const started = performance.now();
const elapsed = () => ((performance.now() - started) / 1000).toFixed(1);
try {
  const clinic = await buildDemoClinic({ dataDir, patients, progress: (m) => console.error(`[demo] ${elapsed()} s  ${m}`) });
  const width = Math.max(...STAFF.map((s) => s.name.length));
  console.log([
    '',
    `Demo clinic built in ${elapsed()} s: ${clinic.patients} patients, ${clinic.finishedSessions} finished sessions, one session in progress.`,
    `(${clinic.passphraseChecks} passphrase checks at the production scrypt cost; PINs sign the routine signatures.)`,
    `Data folder: ${clinic.dataDir}`,
    `Open it with: KETADESK_DATA_DIR="${clinic.dataDir}" npm start   (or npm run browser)`,
    '',
    'DEMO-ONLY passphrases (published in the README; never use them for real records):',
    ...clinic.staff.map((s) => `  ${s.name.padEnd(width)}  ${(s.isAdmin ? 'administrator, ' : '') + s.role}`.padEnd(width + 40) + `  ${s.passphrase}`),
    `Demo recovery key: ${clinic.recoveryKey}`,
    '',
  ].join('\n'));
} catch (err) {
  console.error(`[demo] ${(err as Error).message}`);
  process.exit(1);
}

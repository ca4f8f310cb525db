// `npm run soak -- --kills 1000 --json`: measured durability. A writer saves
// realistic records and reports each commit; it is killed with SIGKILL at
// random moments; after each kill the database is reopened and every reported
// commit must be there, `integrity_check` must say ok, and the audit chain
// must verify up to the newest row the writer reported.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { Store } from '../db/store';
import type { AuditHead } from '../db/audit';
import { prepareClinic } from './soak/clinic';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
};
const kills = flag('kills', 100);
const asJson = args.includes('--json');
const progress = (m: string) => !asJson && process.stderr.write(`${m}\n`);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'ketadesk-soak-'));
const dataDir = join(work, 'data');
const key = randomBytes(32);

// One bundled writer, so each of the many starts costs a plain `node` start.
const writer = join(work, 'writer.cjs');
buildSync({
  entryPoints: [join(root, 'scripts', 'soak', 'writer.ts')], bundle: true, platform: 'node', format: 'cjs',
  outfile: writer, external: ['better-sqlite3-multiple-ciphers'], nodePaths: [join(root, 'node_modules')], logLevel: 'error',
});

interface Committed { kind: string; id: string; head: AuditHead }

function runWriterUntilKilled(clinic: ReturnType<typeof prepareClinic>, run: number): Promise<Committed[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, key.toString('hex'), clinic.sessionId, clinic.clinicianId, String(run)], {
      cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
    });
    const committed: Committed[] = [];
    let buffer = '';
    let stderr = '';
    // Kill after a random number of commits, sometimes at once after start (mid-open).
    const killAfter = Math.floor(Math.random() * 40);
    const kill = () => child.kill('SIGKILL');
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === 'ready') {
          if (killAfter === 0) setTimeout(kill, Math.random() * 5);
          continue;
        }
        const [, kind, id, seq, mac] = line.split(' ');
        committed.push({ kind: kind!, id: id!, head: { seq: Number(seq), mac: mac! } });
        // A random delay inside the next write, not exactly between two.
        if (committed.length === killAfter) setTimeout(kill, Math.random() * 3);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(committed);
      else reject(new Error(`writer exited with ${code}: ${stderr}`));
    });
  });
}

const report = { kills: 0, committedChecked: 0, lost: 0, integrityFailures: 0, chainFailures: 0, durationS: 0 };
const started = Date.now();
try {
  const clinic = prepareClinic(dataDir, key);
  let head: AuditHead | null = null;
  for (let run = 1; run <= kills; run++) {
    const committed = await runWriterUntilKilled(clinic, run);
    report.kills += 1;
    head = committed.at(-1)?.head ?? head;
    const store = Store.open(dataDir, { key });
    try {
      for (const c of committed) {
        report.committedChecked += 1;
        const there = c.kind === 'patient' ? store.patients.get(c.id)
          : c.kind === 'questionnaire' ? store.questionnaires.get(c.id)
          : store.sessions.entry(c.id);
        if (!there) report.lost += 1;
      }
      if (store.db.pragma('integrity_check', { simple: true }) !== 'ok') report.integrityFailures += 1;
      if (!store.audit.verify(head).ok) report.chainFailures += 1;
    } finally {
      store.close();
    }
    if (run % 50 === 0) progress(`soak: ${run} / ${kills} kills, ${report.committedChecked} commits checked, ${report.lost} lost`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
report.durationS = Math.round((Date.now() - started) / 100) / 10;

if (asJson) console.log(JSON.stringify(report));
else {
  console.log(`Soak: ${report.kills} kills with SIGKILL, ${report.committedChecked} reported commits checked.`);
  console.log(`Lost: ${report.lost}. Integrity failures: ${report.integrityFailures}. Audit chain failures: ${report.chainFailures}. (${report.durationS} s)`);
}
process.exit(report.lost + report.integrityFailures + report.chainFailures === 0 ? 0 : 1);

import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// The short version of `npm run soak` (the long one is kept out of `npm test`).
describe('soak: a writer killed with SIGKILL at random moments', () => {
  it('loses no reported commit, and the file and the audit chain stay whole', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/soak.ts', '--kills', '8', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, number>;
    expect(report).toMatchObject({ kills: 8, lost: 0, integrityFailures: 0, chainFailures: 0 });
    expect(report.committedChecked).toBeGreaterThan(0);
  }, 180_000);
});

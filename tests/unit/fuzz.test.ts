import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// The short version of `npm run fuzz` (the long one is kept out of `npm test`).
describe('fuzz: generated messages to the dispatcher and to browser mode over HTTP', () => {
  it('crash nothing, write nothing when refused, and are all answered with structured errors', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/fuzz.ts', '--messages', '600', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, number>;
    expect(report).toMatchObject({ messages: 600, crashes: 0, unexpectedWrites: 0, unstructuredErrors: 0 });
  }, 240_000);
});

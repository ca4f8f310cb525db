import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLINICAL_DIR, REPO_ROOT, clearCase, readClinical } from '../helpers/screening';
import { makeTempDir } from '../helpers/temp-dir';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd = REPO_ROOT, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, shell: process.platform === 'win32' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The script itself, as `npm run screen` starts it; npm_lifecycle_event is
// cleared so paths resolve against the working directory.
const screenCli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/screen.ts'), ...args], REPO_ROOT, {
    npm_lifecycle_event: '',
  });

const temp = makeTempDir('ketadesk-screen-');
afterAll(temp.cleanup);

function caseFile(name: string, content: unknown): string {
  const path = join(temp.dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** An invalid run: exit 2, nothing on stdout, one line on stderr. */
function expectRejected(result: Run, line: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr.trimEnd()).toMatch(line);
}

describe('screen command', { timeout: 30_000 }, () => {
  const expected: Record<string, { verdict: string; ruleIds: string[]; missing: string[] }> = JSON.parse(
    readClinical('examples/expected.json'),
  );
  const examples = readdirSync(`${CLINICAL_DIR}examples`).filter((f) => f !== 'expected.json');

  it.each(examples)('prints the expected result for example %s', async (file) => {
    const result = await screenCli(`${CLINICAL_DIR}examples/${file}`);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    const json = JSON.parse(lines[0] ?? '');
    expect(json).toMatchObject({ format: 'ketamine-screening-result/v1', ruleSetVersion: 'default-v1' });
    expect(json.verdict).toBe(expected[file]?.verdict);
    expect(json.findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual([...(expected[file]?.ruleIds ?? [])].sort());
    expect([...json.missing].sort()).toEqual([...(expected[file]?.missing ?? [])].sort());
  });

  it('runs as `npm run --silent screen -- CASE.json`, resolving the path where it was typed', async () => {
    caseFile('relative.json', clearCase({ baselineVitals: { systolic: 190 } }));
    const result = await run('npm', ['--prefix', REPO_ROOT, 'run', '--silent', 'screen', '--', 'relative.json'], temp.dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ verdict: 'contraindicated', missing: ['baselineVitals'] });
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const result = await screenCli(caseFile('bom.json', `\uFEFF${JSON.stringify(clearCase())}`));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).verdict).toBe('clear');
  });

  it('rejects invalid JSON', async () => {
    expectRejected(await screenCli(caseFile('broken.json', '{"format": ')), /^.*broken\.json: not valid JSON \(.+\)$/);
  });

  it('rejects an unknown checklist item, naming it', async () => {
    const c = { ...clearCase(), answers: { ...clearCase().answers, 'heart-of-gold': false } };
    expectRejected(await screenCli(caseFile('item.json', c)), /^answers\.heart-of-gold: is not a known checklist item$/);
  });

  it('rejects systolic 900, naming the field', async () => {
    const c = clearCase({ baselineVitals: { systolic: 900, diastolic: 80 } });
    expectRejected(await screenCli(caseFile('bp.json', c)), /^baselineVitals\.systolic: must be at most 300$/);
  });

  it('rejects a diastolic that is not lower than the systolic', async () => {
    const c = clearCase({ baselineVitals: { systolic: 120, diastolic: 120 } });
    expectRejected(await screenCli(caseFile('dia.json', c)), /^baselineVitals\.diastolic: must be lower than systolic$/);
  });

  it('rejects an extra top-level key, naming it', async () => {
    expectRejected(await screenCli(caseFile('extra.json', { ...clearCase(), verdict: 'clear' })), /^verdict: is not a known field$/);
  });

  it('rejects a wrong type and a negative value, naming the field', async () => {
    const c = clearCase({ patient: { ageYears: -1, sex: 'female' } });
    expectRejected(await screenCli(caseFile('age.json', c)), /^patient\.ageYears: must be at least 0$/);
    const wrong = { ...clearCase(), answers: { ...clearCase().answers, pregnant: 'no' } };
    expectRejected(await screenCli(caseFile('type.json', wrong)), /^answers\.pregnant: must be true, false or null$/);
    expectRejected(await screenCli(caseFile('array.json', [])), /^case: must be an object$/);
  });

  it('rejects a missing file, naming it', async () => {
    expectRejected(await screenCli(join(temp.dir, 'nowhere.json')), /nowhere\.json: cannot read the file \(no such file\)$/);
  });

  it('rejects a directory', async () => {
    expectRejected(await screenCli(temp.dir), /cannot read the file \(is a directory, not a file\)$/);
  });

  it('prints usage without an argument or with more than one', async () => {
    expectRejected(await screenCli(), /^usage: npm run --silent screen -- CASE\.json$/);
    expectRejected(await screenCli('a.json', 'b.json'), /^usage: /);
  });
});

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLINICAL_DIR, REPO_ROOT, clearCase, readClinical } from '../helpers/screening';
import { expectRejected, run, runScript, writeInput } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

const screenCli = (...args: string[]) => runScript('scripts/screen.ts', ...args);

const temp = makeTempDir('ketadesk-screen-');
afterAll(temp.cleanup);

const caseFile = (name: string, content: unknown) => writeInput(temp.dir, name, content);

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

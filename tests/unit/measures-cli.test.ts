import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectRejected, run, runScript, writeInput } from '../helpers/cli';
import { INVALID_INPUTS, measureInput } from '../helpers/measures';
import { CLINICAL_DIR, REPO_ROOT, readClinical } from '../helpers/screening';
import { makeTempDir } from '../helpers/temp-dir';

const scoreCli = (...args: string[]) => runScript('scripts/score.ts', ...args);

const temp = makeTempDir('ketadesk-score-');
afterAll(temp.cleanup);

const inputFile = (name: string, content: unknown) => writeInput(temp.dir, name, content);

const CLI_SAMPLE = [
  'not an object', 'a wrong format', 'an unknown instrument', 'an unknown key with a newline', 'too few PHQ-9 answers',
  'an answer of 4', 'an ASQ answer of "maybe"', 'a GAD-7 baseline of 22', 'a baseline on an ASQ',
];

// Each run starts Node with tsx, which can take several seconds on a busy machine.
describe('score command', { timeout: 60_000 }, () => {
  const examplesDir = `${CLINICAL_DIR}measure-examples/`;
  const expected: Record<string, unknown> = JSON.parse(readClinical('measure-examples/expected.json'));
  const examples = readdirSync(examplesDir).filter((f) => f !== 'expected.json');

  it('has an expected result for every public example', () => {
    expect(examples.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(examples)('prints exactly the expected result for example %s', async (file) => {
    const result = await scoreCli(`${examplesDir}${file}`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    expect(JSON.parse(lines[0] ?? '')).toStrictEqual(expected[file]);
  });

  it('runs as `npm run --silent score -- FILE.json`, resolving the path where it was typed', async () => {
    inputFile('relative.json', measureInput('asq', ['no', 'no', 'refused', 'no', 'refused']));
    const result = await run('npm', ['--prefix', REPO_ROOT, 'run', '--silent', 'score', '--', 'relative.json'], temp.dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ result: 'positive-acute', flags: ['asq-acute', 'asq-positive'] });
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const result = await scoreCli(inputFile('bom.json', `\uFEFF${JSON.stringify(measureInput('phq9', [1, 1, 1, 1, 1, 1, 1, 1, 0]))}`));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ total: 8, band: 'mild' });
  });

  // Every message is checked in process (measures-schemas.test.ts); here, that the command
  // answers each kind of problem with exit 2, one line naming the field and an empty stdout.
  it.each([
    ['not JSON', '{"format": ', /^.*broken\.json: not valid JSON \(.+\)$/],
    ...INVALID_INPUTS.filter(([name]) => CLI_SAMPLE.includes(name)),
  ])('rejects %s: exit 2, one line naming the field, nothing on stdout', async (_, content, line) => {
    const name = typeof content === 'string' ? 'broken.json' : 'input.json';
    expectRejected(await scoreCli(inputFile(name, content)), line);
  });

  it('rejects a missing file and a directory', async () => {
    expectRejected(await scoreCli(join(temp.dir, 'nowhere.json')), /nowhere\.json: cannot read the file \(no such file\)$/);
    expectRejected(await scoreCli(temp.dir), /cannot read the file \(is a directory, not a file\)$/);
  });

  it('prints usage without an argument or with more than one', async () => {
    expectRejected(await scoreCli(), /^usage: npm run --silent score -- FILE\.json$/);
    expectRejected(await scoreCli('a.json', 'b.json'), /^usage: /);
  });
});

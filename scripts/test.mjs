#!/usr/bin/env node
// `npm test`: every check the project has, in the order a failure is cheapest
// to read: type check, build (the e2e suite drives the built renderer), then
// the unit, store and end-to-end suites. Ends with `N passed, N failed`,
// counting each check and each test once.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
const report = join(root, 'test-results', 'vitest.json');

let passed = 0;
let failed = 0;

function check(name, args) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status === 0) passed += 1;
  else {
    failed += 1;
    console.error(`✗ ${name} failed`);
  }
  return result.status === 0;
}

check('typecheck', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json']);
const built = check('build', [join(root, 'scripts', 'build.mjs')]);

mkdirSync(dirname(report), { recursive: true });
rmSync(report, { force: true });
const projects = built ? [] : ['--project', 'unit'];
if (!built) console.error('The build failed, so the end-to-end suite is skipped and counted as failed.');
console.log('\n▶ tests');
spawnSync(
  process.execPath,
  [bin('vitest', 'vitest.mjs'), 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  { cwd: root, stdio: 'inherit' },
);

try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A file that fails to load has no tests to count but is still a failure.
  failed += json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} catch {
  console.error('The test runner did not produce a report.');
  failed += 1;
}
if (!built) failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

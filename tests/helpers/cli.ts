import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT } from './screening';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], cwd = REPO_ROOT, env: NodeJS.ProcessEnv = {}): Promise<Run> {
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

/** An invalid run: exit 2, nothing on stdout, one line on stderr. */
export function expectRejected(result: Run, line: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr.trimEnd()).toMatch(line);
}

/**
 * A script as `npm run` starts it, through tsx; npm_lifecycle_event is cleared
 * so paths resolve against the working directory.
 */
export const runScript = (script: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', join(REPO_ROOT, script), ...args], REPO_ROOT, { npm_lifecycle_event: '' });

/** Writes `content` (JSON, or text as it is) to `name` in `dir`; returns its path. */
export function writeInput(dir: string, name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

// `npm run --silent screen -- CASE.json`: screens one case file and prints one
// JSON result line. Any problem with the file prints one line on stderr, nothing
// on stdout, and exits 2, so a script can trust stdout whenever the exit is 0.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeCaseError, screen, screeningCaseSchema } from '../shared/screening';

const USAGE = 'usage: npm run --silent screen -- CASE.json';

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
};

function fail(line: string): void {
  process.stderr.write(`${line.replace(/\s+/g, ' ').trim()}\n`);
  process.exitCode = 2;
}

function run(args: readonly string[]): void {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0) return fail(USAGE);

  // npm runs scripts from the project root; resolve the path where the user typed it.
  const base = process.env.npm_lifecycle_event === 'screen' ? (process.env.INIT_CWD ?? process.cwd()) : process.cwd();
  let text: string;
  try {
    text = readFileSync(resolve(base, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return fail(`${file}: cannot read the file (${FILE_PROBLEMS[code] ?? (code || String(error))})`);
  }

  let json: unknown;
  try {
    // A byte-order mark is allowed before JSON text; editors on Windows add one.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`${file}: not valid JSON (${(error as Error).message})`);
  }

  const parsed = screeningCaseSchema.safeParse(json);
  if (!parsed.success) return fail(describeCaseError(parsed.error));
  process.stdout.write(`${JSON.stringify(screen(parsed.data))}\n`);
}

run(process.argv.slice(2));

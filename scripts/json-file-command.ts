// The shape every file command shares (`screen`, `score`): one JSON file in,
// one JSON result line out. Any problem with the file prints one line on
// stderr, nothing on stdout, and exits 2, so a script can trust stdout
// whenever the exit is 0.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface JsonFileCommand {
  /** The npm script's name, e.g. `score`. */
  script: string;
  /** What the command is given, e.g. `FILE.json`. */
  argument: string;
  /** The result for the file's JSON, or the one line that says what is wrong with it. */
  answer(json: unknown): { result: unknown } | { problem: string };
}

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
};

function fail(line: string): void {
  process.stderr.write(`${line.replace(/\s+/g, ' ').trim()}\n`);
  process.exitCode = 2;
}

export function runJsonFileCommand(command: JsonFileCommand, args: readonly string[] = process.argv.slice(2)): void {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0) return fail(`usage: npm run --silent ${command.script} -- ${command.argument}`);

  // npm runs scripts from the project root; resolve the path where the user typed it.
  const base = process.env.npm_lifecycle_event === command.script ? (process.env.INIT_CWD ?? process.cwd()) : process.cwd();
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

  const answer = command.answer(json);
  if ('problem' in answer) return fail(answer.problem);
  process.stdout.write(`${JSON.stringify(answer.result)}\n`);
}

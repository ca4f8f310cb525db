import { z } from 'zod';
import type { ApiError } from './result';

/** Dotted path of a zod issue, e.g. "medications.1.class" → "medications[1].class". */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

/**
 * The field an issue is about. For an unknown key that is the key itself,
 * written by `showKey`, since the issue's path stops at the object holding it.
 */
export function issueField(issue: z.core.$ZodIssue, showKey: (key: string) => string = (key) => key): string {
  const field = issuePath(issue.path);
  if (issue.code !== 'unrecognized_keys') return field;
  const key = showKey(issue.keys[0] ?? '');
  return field ? `${field}.${key}` : key;
}

/** The first problem of a failed parse as a structured error naming its field. */
export function toInvalidInput(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  if (!issue) return { code: 'invalid-input', message: 'Invalid input' };
  const field = issueField(issue);
  if (issue.code === 'unrecognized_keys') {
    return { code: 'invalid-input', message: `${field}: is not a known field`, field };
  }
  return field
    ? { code: 'invalid-input', message: issue.message, field }
    : { code: 'invalid-input', message: issue.message };
}

/** Field → first message, for showing every problem of a form at once. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issuePath(issue.path);
    if (field && !(field in out)) out[field] = issue.message;
  }
  return out;
}

// Field messages for the interchange files (the `screen` and `score` commands):
// each is written to follow its field path, so the first issue reads
// "baselineVitals.systolic: must be at most 300".

/** A type error reads "is required" when the key is absent, else "must be …". */
export const expecting = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`),
});

export const oneOf = (values: readonly (string | number)[]) => `one of ${values.join(', ')}`;

/** An object that refuses unknown keys, with messages that follow the field path. */
export const strictFields = <Shape extends z.core.$ZodLooseShape>(shape: Shape, unknownKey = 'is not a known field') =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? unknownKey : issue.input === undefined ? 'is required' : 'must be an object',
  });

export const wholeNumberField = (min: number, max: number) =>
  z
    .number(expecting('a whole number'))
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * The first problem of a failed file parse as one line that starts with its
 * field (`whole` when the problem is the file's top level). An unknown key is
 * quoted so that one holding a newline or dot cannot break the one line.
 */
export function describeFirstIssue(error: z.ZodError, whole: string, fallback: string): string {
  const issue = error.issues[0];
  if (!issue) return `${whole}: ${fallback}`;
  const field = issueField(issue, (key) => (PLAIN_KEY.test(key) ? key : JSON.stringify(key)));
  return `${field || whole}: ${issue.message}`;
}

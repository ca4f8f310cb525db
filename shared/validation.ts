import type { z } from 'zod';
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

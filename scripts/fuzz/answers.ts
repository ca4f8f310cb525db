import type { Channel } from '../../shared/contract';

const ERROR_CODES = new Set([
  'invalid-input', 'not-found', 'conflict', 'signed-out', 'locked', 'setup-required', 'passphrase-change-required',
  'wrong-credential', 'too-many-tries', 'forbidden', 'internal',
]);

/** `{ ok: true, data }` or `{ ok: false, error: { code, message[, field] } }` with a known code, and nothing else. */
export function isStructuredAnswer(answer: unknown): boolean {
  if (typeof answer !== 'object' || answer === null) return false;
  const a = answer as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown; field?: unknown } };
  if (a.ok === true) return 'data' in a;
  if (a.ok !== false || typeof a.error !== 'object' || a.error === null) return false;
  const { code, message, field } = a.error;
  return typeof code === 'string' && ERROR_CODES.has(code) && typeof message === 'string' && message.length > 0
    && (field === undefined || typeof field === 'string');
}

/** Channels that only read (and so may never write, even when they succeed). */
export const isReadChannel = (c: Channel) =>
  /\.(get|list\w*|search|history|status|eligibility|record|export|verify|activity)$/.test(c) || c === 'print.document';

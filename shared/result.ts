// Every action answers with a value or a structured error; exceptions never
// cross the IPC or HTTP boundary, so the renderer can always show a message.

export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  /** Nobody is signed in (or the app was restarted): sign in, then try again. */
  | 'signed-out'
  /** The screen is locked: unlock (or sign in), then try again; what was typed is kept. */
  | 'locked'
  /** The first administrator must set up the clinic first. */
  | 'setup-required'
  /** After an administrator's reset: choose a new passphrase first. */
  | 'passphrase-change-required'
  /** A passphrase, PIN or recovery key that is not the right one. */
  | 'wrong-credential'
  /** Too many wrong tries: wait, or the account is locked for a while. */
  | 'too-many-tries'
  | 'forbidden'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Dotted path of the offending input field, when one field is to blame. */
  field?: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Thrown inside handlers and repositories; turned into an ApiError by dispatch. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

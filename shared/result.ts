// Every action answers with a value or a structured error; exceptions never
// cross the IPC or HTTP boundary, so the renderer can always show a message.

export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'no-clinician'
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

import type { SignInPolicy } from '../../db/vault/key-file';
import { DomainError } from '../../shared/result';
import { nextRetryDelaySeconds } from '../auth/policy';

// Opening a backup made under another database key takes a passphrase of one
// of its clinicians or its recovery key, so wrong tries are slowed down and
// then locked out like sign-in (the same growing delay and the clinic's
// sign-in policy), per backup file. The counters live in memory: the backup's
// own key file is never written to, and scrypt's cost stays the main brake.

interface Tries {
  failures: number;
  retryAt: number;
}

export class BackupUnlockAttempts {
  private readonly byFile = new Map<string, Tries>();

  constructor(private readonly now: () => Date, private readonly policy: () => SignInPolicy) {}

  /** Refuses a try that comes before the delay after the last wrong one is over. */
  check(file: string): void {
    const tries = this.byFile.get(file);
    const now = this.now().getTime();
    if (tries && tries.retryAt > now) throw this.tooSoon(tries, now);
  }

  /** Counts a wrong secret and returns the refusal to give. */
  failed(file: string, field: string): DomainError {
    const failures = (this.byFile.get(file)?.failures ?? 0) + 1;
    const { maxFailures, lockMinutes } = this.policy();
    const now = this.now().getTime();
    const lockedOut = failures >= maxFailures;
    const tries = { failures, retryAt: now + (lockedOut ? lockMinutes * 60 : nextRetryDelaySeconds(failures)) * 1000 };
    this.byFile.set(file, tries);
    if (lockedOut) return this.tooSoon(tries, now);
    return new DomainError(
      'wrong-credential',
      field === 'recoveryKey'
        ? 'That recovery key does not open this backup. Check it against the recovery key sheet of the clinic the backup was made in.'
        : 'That passphrase does not open this backup. It must be the passphrase this clinician had when the backup was made.',
      field,
    );
  }

  succeeded(file: string): void {
    this.byFile.delete(file);
  }

  private tooSoon(tries: Tries, now: number): DomainError {
    const seconds = Math.ceil((tries.retryAt - now) / 1000);
    if (tries.failures >= this.policy().maxFailures) {
      const minutes = Math.ceil(seconds / 60);
      return new DomainError(
        'too-many-tries',
        `Opening this backup is locked after ${tries.failures} wrong tries. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      );
    }
    return new DomainError('too-many-tries', `Wait ${seconds} second${seconds === 1 ? '' : 's'} before trying again.`);
  }
}

import { normaliseRecoveryKey, RECOVERY_OWNER } from './recovery-key';
import type { KeyFile } from './key-file';
import { unwrapKey } from './wrap';

// Opening a key file other than the data folder's own (the copy beside a
// backup made under another database key): a clinician of that key file with
// their passphrase, or that clinic's recovery key, unwraps its database key.

export type KeyFileSecret = { clinicianId: string; passphrase: string } | { recoveryKey: string };

/** The database key `keys` wraps, or null when the secret is not one of its own. */
export async function unwrapFromKeyFile(keys: KeyFile, secret: KeyFileSecret): Promise<Buffer | null> {
  if ('recoveryKey' in secret) return unwrapKey(keys.recovery, normaliseRecoveryKey(secret.recoveryKey), RECOVERY_OWNER);
  const holder = keys.holders[secret.clinicianId];
  return holder ? unwrapKey(holder.wrapped, secret.passphrase, secret.clinicianId) : null;
}

/** Whether two key files wrap the same database key: the recovery key's wrap is made once, at setup, and never again. */
export function sameDatabaseKey(a: KeyFile, b: KeyFile): boolean {
  return a.recovery.sealed === b.recovery.sealed && a.recovery.kdf.salt === b.recovery.kdf.salt;
}

import { randomBytes } from 'node:crypto';

// The recovery key: 160 random bits written as 32 characters of Crockford's
// base32 in eight groups, so it can be read off paper and typed back without
// confusing 0/O or 1/I/L. Typing is forgiving: case, spaces and dashes are ignored.

/** Whose wrap the recovery key opens: the owner its wrap is bound to. */
export const RECOVERY_OWNER = 'recovery';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** The key as it is wrapped: upper case, without separators, with look-alike letters read as digits. */
export function normaliseRecoveryKey(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

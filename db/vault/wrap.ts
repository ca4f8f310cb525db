import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

// A secret (a passphrase or the recovery key) wraps a copy of the database
// key: scrypt stretches the secret into a key-encryption key, and AES-256-GCM
// seals the database key with it. GCM's tag makes a wrong secret fail loudly
// instead of yielding a wrong key, and the additional data binds each wrap to
// its owner, so a wrap copied to another clinician's entry opens nothing.

/** scrypt cost: N=2^17, r=8, p=1 (about 0.6 s here), the current OWASP recommendation. */
export const PRODUCTION_KDF = { N: 2 ** 17, r: 8, p: 1 } as const;

export const kdfParams = z.object({
  N: z.number().int().min(2 ** 10).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().min(16),
});
export type KdfParams = z.output<typeof kdfParams>;

export const wrappedKey = z.object({
  kdf: kdfParams,
  iv: z.string(),
  tag: z.string(),
  sealed: z.string(),
});
export type WrappedKey = z.output<typeof wrappedKey>;

export type KdfCost = Pick<KdfParams, 'N' | 'r' | 'p'>;

function stretch(secret: string, params: KdfParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 32 * 1024 * 1024 };
  // Async: the main process (and the window it serves) stays responsive during the ~0.6 s.
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function wrapKey(key: Buffer, secret: string, owner: string, cost: KdfCost = PRODUCTION_KDF): Promise<WrappedKey> {
  const kdf = { ...cost, salt: randomBytes(16).toString('base64') };
  const kek = await stretch(secret, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(`ketadesk-key:${owner}`));
  const sealed = Buffer.concat([cipher.update(key), cipher.final()]);
  return { kdf, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), sealed: sealed.toString('base64') };
}

/** The database key, or null when the secret is not the one that wrapped it. */
export async function unwrapKey(wrapped: WrappedKey, secret: string, owner: string): Promise<Buffer | null> {
  const kek = await stretch(secret, wrapped.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(`ketadesk-key:${owner}`));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.sealed, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

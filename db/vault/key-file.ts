import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fsyncPath } from '../fsync';
import { z } from 'zod';
import { CLINICIAN_ROLES } from '../../shared/schemas/clinician';
import { wrappedKey } from './wrap';

// The key file sits beside the database and holds no clinical data: the
// database key wrapped once per clinician (with their name and role, so the
// sign-in list can be shown before the database is open) and once by the
// recovery key, the sign-in policy, failed-attempt counters, security events
// waiting to be written to the audit log, and the audit chain's head, kept
// outside the database so a deleted tail of the log is noticed.

export const KEY_FILE_NAME = 'ketadesk.keys';
const PREVIOUS_SUFFIX = '.prev';

export const keyHolder = z.object({
  name: z.string(),
  credentials: z.string(),
  role: z.enum(CLINICIAN_ROLES),
  isAdmin: z.boolean(),
  wrapped: wrappedKey,
  /** Set by an administrator's reset: the holder must choose a new passphrase at their next sign-in. */
  mustChange: z.boolean(),
  failures: z.number().int().min(0),
  /** No attempt is taken before this instant (the growing delay, or the lock after too many failures). */
  retryAt: z.string().nullable(),
});
export type KeyHolder = z.output<typeof keyHolder>;

export const securityEvent = z.object({
  at: z.string(),
  clinicianId: z.string().nullable(),
  action: z.string(),
  detail: z.string().nullable(),
});
export type SecurityEvent = z.output<typeof securityEvent>;

export const signInPolicy = z.object({
  maxFailures: z.number().int().min(1),
  lockMinutes: z.number().int().min(1),
  idleLockMinutes: z.number().int().min(1),
});
export type SignInPolicy = z.output<typeof signInPolicy>;

export const keyFile = z.object({
  format: z.literal('ketadesk-keys/1'),
  holders: z.record(z.string(), keyHolder),
  recovery: wrappedKey,
  policy: signInPolicy,
  /** The newest audit row when this file was last written: its sequence number and MAC. */
  auditHead: z.object({ seq: z.number().int(), mac: z.string() }).nullable(),
  pendingEvents: z.array(securityEvent),
});
export type KeyFile = z.output<typeof keyFile>;

export const keyFilePath = (dataDir: string) => join(dataDir, KEY_FILE_NAME);

export function keyFileExists(dataDir: string): boolean {
  return existsSync(keyFilePath(dataDir));
}

/** Reads the key file, falling back to the previous copy if the current one is damaged. */
export function readKeyFile(dataDir: string): KeyFile {
  const path = keyFilePath(dataDir);
  const parsed = readKeyFileAt(path);
  if (parsed) return parsed;
  const previous = readKeyFileAt(path + PREVIOUS_SUFFIX);
  if (previous) return previous;
  throw new Error(`The key file ${KEY_FILE_NAME} in the data folder is damaged. Restore it from a backup.`);
}

/** The key file at `path` (such as the copy beside a backup), or null when it is missing or does not read. */
export function readKeyFileAt(path: string): KeyFile | null {
  try {
    return keyFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return null;
  }
}

/**
 * Replaces the key file atomically: the new content is written and synced to
 * a temporary file, the current file becomes the previous copy, and the
 * temporary file takes its name. A crash leaves either file whole.
 */
export function writeKeyFile(dataDir: string, file: KeyFile, durable = true): void {
  const path = keyFilePath(dataDir);
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(file));
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (existsSync(path)) renameSync(path, path + PREVIOUS_SUFFIX);
  renameSync(temp, path);
  if (durable) fsyncPath(dataDir);
}

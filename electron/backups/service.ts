import { accessSync, constants, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { BACKUP_FAILED, BACKUP_WRITTEN, lastBackupEvent } from '../../db/backup-events';
import { BackupError, listBackups, pruneBackups, readManifest, verifyCopy, writeBackup, type BackupManifest } from '../../db/backup';
import {
  checkBackup, finishRestore, keysToInstall, prepareRestore, RestoreRefused, rollBackRestore, swapInRestored, verifyRestored,
} from '../../db/restore';
import { readKeyFileAt, type KeyFile } from '../../db/vault/key-file';
import { sameDatabaseKey, unwrapFromKeyFile } from '../../db/vault/unlock';
import type { Store } from '../../db/store';
import type { SignInChoice } from '../../shared/auth/status';
import type { BackupInspection, BackupStatus, BackupSummary, BackupUnlock } from '../../shared/backup/schemas';
import { DomainError } from '../../shared/result';
import type { HandlerContext } from '../handlers/context';
import { version as APP_VERSION } from '../../package.json';

// Backups and restores for both transports and the app's own schedule. The
// work is synchronous (VACUUM INTO, file copies), so no request can change the
// records halfway through one.

export type BackupTrigger = 'by hand' | 'daily' | 'on close';

/** Why backups cannot be written to `folder` now, in words for the clinic; null when they can. */
export function folderProblem(folder: string): string | null {
  if (!isAbsolute(folder)) return 'Give the full path of the folder, from the top of the disk.';
  try {
    if (!statSync(folder).isDirectory()) return 'This is a file, not a folder.';
  } catch {
    return 'The folder cannot be found: is the disk plugged in, or the network share connected?';
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    return 'KetaDesk may not write in this folder.';
  }
  return null;
}

export const summaryOf = (m: BackupManifest): BackupSummary => ({
  file: m.databaseFile, createdAt: m.createdAt, appVersion: m.appVersion, schemaVersion: m.schemaVersion,
  counts: m.counts, newestChangeAt: m.newestChangeAt,
});

const nowIso = (ctx: HandlerContext) => ctx.now().toISOString();

function openStoreOrRefuse(ctx: HandlerContext): NonNullable<ReturnType<HandlerContext['gate']['backupSource']>> {
  const source = ctx.gate.backupSource();
  if (!source) throw new DomainError('signed-out', 'Sign in to open the clinic’s records.');
  return source;
}

/** The chosen folder, usable now; a clear refusal otherwise. */
function requireFolder(store: Store): string {
  const folder = store.settings.read().backupFolder;
  if (!folder) throw new DomainError('conflict', 'No backup folder is chosen. An administrator chooses one in Settings → Backups.');
  const problem = folderProblem(folder);
  if (problem) throw new DomainError('conflict', `The backup folder ${folder} cannot be used: ${problem}`);
  return folder;
}

/**
 * Writes, verifies and records a backup, then prunes by the clinic's
 * retention. A failure is recorded as a security event (and shows in the
 * status) before it is reported.
 */
export function backupNow(ctx: HandlerContext, trigger: BackupTrigger, clinicianId: string | null): BackupSummary {
  const { store, key, keyFilePath } = openStoreOrRefuse(ctx);
  const at = nowIso(ctx);
  const event = (action: string, detail: string) => store.recordSecurityEvent({ at, clinicianId, action, detail });
  let folder: string;
  try {
    folder = requireFolder(store);
  } catch (err) {
    event(BACKUP_FAILED, `${trigger}: ${(err as Error).message}`);
    throw err;
  }
  let manifest: BackupManifest;
  try {
    manifest = writeBackup(store, { folder, at, appVersion: APP_VERSION, key, keyFilePath });
  } catch (err) {
    const why = err instanceof BackupError ? err.message : `The copy could not be written (${(err as NodeJS.ErrnoException).code ?? 'error'}).`;
    event(BACKUP_FAILED, `${trigger}: ${why}`);
    throw new DomainError('conflict', `The backup failed and nothing was kept: ${why}`);
  }
  event(BACKUP_WRITTEN, `${trigger}: ${manifest.databaseFile} in ${folder}`);
  const { backupKeepDaily, backupKeepMonthly } = store.settings.read();
  pruneBackups(folder, at, backupKeepDaily, backupKeepMonthly);
  return summaryOf(manifest);
}

const localDay = (iso: string) => new Date(iso).toLocaleDateString('en-CA');

/** The daily backup, if daily backups are on, a usable folder is chosen and it holds none from today yet. Never throws. */
export function backupIfDue(ctx: HandlerContext): BackupSummary | null {
  const source = ctx.gate.backupSource();
  if (!source) return null;
  const { backupDaily, backupFolder } = source.store.settings.read();
  if (!backupDaily || !backupFolder) return null;
  const today = localDay(nowIso(ctx));
  if (!folderProblem(backupFolder) && listBackups(backupFolder).some((m) => localDay(m.createdAt) === today)) return null;
  return backupQuietly(ctx, 'daily');
}

/** The backup when the app closes, if the clinic wants one and the records are open. Never throws. */
export function backupOnClose(ctx: HandlerContext): BackupSummary | null {
  const source = ctx.gate.backupSource();
  if (!source || !source.store.settings.read().backupOnClose || !source.store.settings.read().backupFolder) return null;
  return backupQuietly(ctx, 'on close');
}

/** Automatic backups report failures through the status and the audit log, not by throwing into a timer. */
function backupQuietly(ctx: HandlerContext, trigger: BackupTrigger): BackupSummary | null {
  try {
    return backupNow(ctx, trigger, null);
  } catch (err) {
    if (!(err instanceof DomainError)) console.error(`[ketadesk] ${trigger} backup failed:`, err);
    return null;
  }
}

export function backupStatus(store: Store, now: string): BackupStatus {
  const s = store.settings.read();
  return {
    folder: s.backupFolder,
    folderProblem: s.backupFolder ? folderProblem(s.backupFolder) : null,
    lastGood: lastBackupEvent(store, BACKUP_WRITTEN),
    lastFailure: lastBackupEvent(store, BACKUP_FAILED),
    daily: s.backupDaily,
    onClose: s.backupOnClose,
    keepDaily: s.backupKeepDaily,
    keepMonthly: s.backupKeepMonthly,
    now,
  };
}

export function listInFolder(store: Store): BackupSummary[] {
  return listBackups(requireFolder(store)).map(summaryOf);
}

/** The backup's own key file when it was made under another database key than the data folder's; null when under this one (or when none is beside it). */
function otherKeyFile(ctx: HandlerContext, folder: string, manifest: BackupManifest): KeyFile | null {
  const backupKeys = readKeyFileAt(join(folder, manifest.keyFile));
  const current = ctx.gate.keyFile();
  if (!backupKeys || (current && sameDatabaseKey(current, backupKeys))) return null;
  return backupKeys;
}

const holdersOf = (keys: KeyFile): SignInChoice[] =>
  Object.entries(keys.holders)
    .map(([id, h]) => ({ id, name: h.name, credentials: h.credentials, role: h.role }))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));

/** Who opened a backup made under another key: one of its clinicians by passphrase, or its recovery key. */
export interface OpenedBy {
  clinicianId: string | null;
  with: 'passphrase' | 'recovery key';
}

/** The backup's database key from its own key file; a wrong secret is refused, counted and logged like a wrong sign-in. */
async function unlockBackup(ctx: HandlerContext, file: string, keys: KeyFile, unlock: BackupUnlock): Promise<Buffer> {
  ctx.gate.backupUnlocks.check(file);
  const key = await unwrapFromKeyFile(keys, unlock);
  if (key) {
    ctx.gate.backupUnlocks.succeeded(file);
    return key;
  }
  const refusal = ctx.gate.backupUnlocks.failed(file, 'recoveryKey' in unlock ? 'recoveryKey' : 'passphrase');
  ctx.gate.backupSource()?.store.recordSecurityEvent({
    at: nowIso(ctx), clinicianId: null, action: 'backup-unlock-failed',
    detail: `${file}: ${'recoveryKey' in unlock ? 'a wrong recovery key' : 'a wrong passphrase'}`,
  });
  throw refusal;
}

const needsUnlock = (file: string) => new DomainError(
  'invalid-input',
  `${file} was made under another database key (another workstation, or before the key file was rebuilt). Enter the passphrase of one of its clinicians, or its recovery key.`,
  'unlock',
);

/**
 * What a backup in `folder` holds and whether it would restore here, before
 * anything changes. A backup under another key (or any backup, on a new
 * installation: `currentKey` null) says so and lists its clinicians; with
 * `unlock` it is opened with its own key and checked like any other.
 */
async function inspectIn(
  ctx: HandlerContext, folder: string, file: string, currentKey: Buffer | null, unlock?: BackupUnlock,
): Promise<BackupInspection> {
  const path = join(folder, file);
  const manifest = readManifest(path);
  if (!manifest) throw new DomainError('not-found', `${file} has no readable manifest beside it, so it is not a KetaDesk backup.`, 'file');
  const other = otherKeyFile(ctx, folder, manifest);
  if (!other) {
    if (currentKey) return { ...summaryOf(manifest), problem: verifyCopy(path, currentKey, manifest), otherKey: null };
    return { ...summaryOf(manifest), problem: `${file} has no readable key file (${manifest.keyFile}) beside it, so nothing can open it here.`, otherKey: null };
  }
  const holders = holdersOf(other);
  if (!unlock) return { ...summaryOf(manifest), problem: null, otherKey: { holders, unlocked: false } };
  const backupKey = await unlockBackup(ctx, file, other, unlock);
  return { ...summaryOf(manifest), problem: verifyCopy(path, backupKey, manifest), otherKey: { holders, unlocked: true } };
}

export function inspectBackup(ctx: HandlerContext, file: string, unlock?: BackupUnlock): Promise<BackupInspection> {
  const { store, key } = openStoreOrRefuse(ctx);
  return inspectIn(ctx, requireFolder(store), file, key, unlock);
}

type RestoreAudit = (store: Store, manifest: BackupManifest, keptAsideIn: string, openedBy: OpenedBy | null) => void;
type Restored = { manifest: BackupManifest; keptAsideIn: string; keyFileRestored: boolean };

/**
 * Restores a backup (see db/restore.ts for the steps and how a crash is
 * undone). A refused file changes nothing; a restored database that does not
 * verify is swapped back out before this returns. A backup made under another
 * database key is opened with `unlock` and restored with its own key and key
 * file; whoever was signed in is then signed out, since the clinicians are the backup's.
 */
export function restoreBackup(ctx: HandlerContext, file: string, unlock: BackupUnlock | undefined, audit: RestoreAudit): Promise<Restored> {
  const { store } = openStoreOrRefuse(ctx);
  return restoreFrom(ctx, requireFolder(store), file, unlock, audit, () => openStoreOrRefuse(ctx).key);
}

/** Why the setup screen may not restore now, or null on a new installation that nobody has set up. */
function refuseUnlessNew(ctx: HandlerContext): void {
  if (ctx.gate.phase() !== 'setup') throw new DomainError('conflict', 'This installation is already set up: an administrator restores from Settings → Backups.');
}

/** The backups in a folder typed on the setup screen of a new installation. */
export function listForSetup(ctx: HandlerContext, folder: string): BackupSummary[] {
  refuseUnlessNew(ctx);
  const problem = folderProblem(folder);
  if (problem) throw new DomainError('invalid-input', problem, 'folder');
  return listBackups(folder).map(summaryOf);
}

export function inspectForSetup(ctx: HandlerContext, folder: string, file: string, unlock?: BackupUnlock): Promise<BackupInspection> {
  refuseUnlessNew(ctx);
  const problem = folderProblem(folder);
  if (problem) throw new DomainError('invalid-input', problem, 'folder');
  return inspectIn(ctx, folder, file, null, unlock);
}

/** A new installation restores a backup instead of being set up: the backup's key file and clinicians come with it. */
export function restoreForSetup(ctx: HandlerContext, folder: string, file: string, unlock: BackupUnlock, audit: RestoreAudit): Promise<Restored> {
  refuseUnlessNew(ctx);
  const problem = folderProblem(folder);
  if (problem) throw new DomainError('invalid-input', problem, 'folder');
  return restoreFrom(ctx, folder, file, unlock, audit, () => {
    refuseUnlessNew(ctx);
    return null;
  });
}

/**
 * The restore itself. `current` gives the data folder's key at the moment the
 * synchronous work starts (null on a new installation, which has none).
 */
async function restoreFrom(
  ctx: HandlerContext, folder: string, file: string, unlock: BackupUnlock | undefined, audit: RestoreAudit,
  current: () => Buffer | null,
): Promise<Restored> {
  const path = join(folder, file);
  const listed = readManifest(path);
  const other = listed && otherKeyFile(ctx, folder, listed);
  if (!listed) throw new DomainError('invalid-input', `${file} has no readable manifest beside it, so it is not a KetaDesk backup that can be restored.`, 'file');
  if (!other && !ctx.gate.keyFile()) throw new DomainError('invalid-input', `${file} has no readable key file beside it, so nothing can open it here.`, 'file');
  if (other && !unlock) throw needsUnlock(file);
  const backupKey = other ? await unlockBackup(ctx, file, other, unlock!) : null;
  const openedBy: OpenedBy | null = other && unlock
    ? 'recoveryKey' in unlock ? { clinicianId: null, with: 'recovery key' } : { clinicianId: unlock.clinicianId, with: 'passphrase' }
    : null;
  // From here on all is synchronous: no other request runs until the restore is done or undone.
  const currentKey = current();
  const key = backupKey ?? currentKey!;
  const at = nowIso(ctx);
  let manifest: BackupManifest;
  let journal;
  try {
    manifest = checkBackup(path, key);
    journal = prepareRestore(ctx.dataDir, path, key, manifest, ctx.gate.auditHead(), at, Boolean(other));
  } catch (err) {
    if (err instanceof RestoreRefused) throw new DomainError('invalid-input', err.message, 'file');
    throw err;
  }
  try {
    const keys = other ? keysToInstall(other, manifest) : undefined;
    const restored = ctx.gate.reopenAfter(() => swapInRestored(ctx.dataDir, journal, keys), manifest.auditHead, key);
    const problem = verifyRestored(restored, manifest);
    if (problem) throw new RestoreRefused(problem);
    audit(restored, manifest, journal.asideDir, openedBy);
    finishRestore(ctx.dataDir);
  } catch (err) {
    // Put the records (and the key file) from before back, whatever failed after the swap.
    const undo = () => rollBackRestore(ctx.dataDir, at);
    if (currentKey) {
      const back = ctx.gate.reopenAfter(undo, journal.previousHead, currentKey);
      back.recordSecurityEvent({ at, clinicianId: null, action: 'restore-failed', detail: `${file}: ${(err as Error).message}` });
    } else {
      ctx.gate.closeAfter(undo);
    }
    if (err instanceof RestoreRefused) throw new DomainError('conflict', `The restore was undone and nothing changed: ${err.message}`, 'file');
    throw err;
  }
  if (other) ctx.gate.endSignInAfterRestore();
  return { manifest, keptAsideIn: journal.asideDir, keyFileRestored: Boolean(other) };
}

import { randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import type { AuditHead } from '../../db/audit';
import { databaseHasContent, prepareDataDir } from '../../db/connection';
import { Store } from '../../db/store';
import { rollBackRestore } from '../../db/restore';
import { isCommonPassphrase } from '../../db/vault/common-passwords';
import {
  keyFileExists, keyFilePath, readKeyFile, writeKeyFile, type KeyFile, type KeyHolder, type SecurityEvent, type SignInPolicy,
} from '../../db/vault/key-file';
import { newRecoveryKey, normaliseRecoveryKey, RECOVERY_OWNER } from '../../db/vault/recovery-key';
import { unwrapFromKeyFile } from '../../db/vault/unlock';
import { PRODUCTION_KDF, unwrapKey, wrapKey, type KdfCost } from '../../db/vault/wrap';
import { allows, ACCESS_REFUSALS, type Access } from '../../shared/auth/access';
import type { Credential } from '../../shared/auth/passphrase';
import type { AuthPhase, AuthStatus, SetupInput } from '../../shared/auth/status';
import { DomainError } from '../../shared/result';
import type { Clinician } from '../../shared/schemas/clinician';
import { SETTING_DEFAULTS, type ClinicSettings } from '../../shared/schemas/settings';
import { BackupUnlockAttempts } from '../backups/unlock-attempts';
import { nextRetryDelaySeconds, PIN_TRIES } from './policy';

// Who is working, and the key that opens the records. The database key lives
// only in this process's memory, from the first sign-in of a run; before that
// the database cannot be read at all. Each clinician's passphrase (and the
// recovery key) unwraps a copy of it from the key file. The screen lock, the
// PIN and the failed-attempt counters live here too, so every transport (IPC,
// browser mode) is refused the same way while nobody is signed in.

export interface GatekeeperOptions {
  dataDir: string;
  /** The clinical clock: audit times, lock-out times. */
  now: () => Date;
  /** Milliseconds on a clock that only moves forward, for the idle lock. */
  idleClock?: () => number;
  /** scrypt cost for new wraps; tests lower it, the product never does. */
  kdfCost?: KdfCost;
  /** A better-sqlite3 addon built for Electron, in the desktop app. */
  nativeBinding?: string;
}

interface Pin {
  salt: Buffer;
  hash: Buffer;
  wrongTries: number;
}

export interface Signer {
  clinician: Clinician;
  method: 'passphrase' | 'pin';
}

export class Gatekeeper {
  private store: Store | null = null;
  private databaseKey: Buffer | null = null;
  private keys: KeyFile | null;
  private signedIn: { clinicianId: string; mustChange: boolean } | null = null;
  private locked = false;
  private lastActivity: number;
  private readonly pins = new Map<string, Pin>();
  private readonly idleClock: () => number;
  private readonly kdfCost: KdfCost;
  /** Wrong passphrases or recovery keys for backups made under another key. */
  readonly backupUnlocks: BackupUnlockAttempts;

  constructor(private readonly options: GatekeeperOptions) {
    prepareDataDir(options.dataDir);
    // A restore the app died in the middle of is undone before anything reads the key file or the database.
    rollBackRestore(options.dataDir, options.now().toISOString());
    this.keys = keyFileExists(options.dataDir) ? readKeyFile(options.dataDir) : null;
    this.idleClock = options.idleClock ?? (() => performance.now());
    this.kdfCost = options.kdfCost ?? PRODUCTION_KDF;
    this.lastActivity = this.idleClock();
    this.backupUnlocks = new BackupUnlockAttempts(options.now, () => this.policy());
  }

  // ── Where we are ──────────────────────────────────────────────────────────

  phase(): AuthPhase {
    if (!this.keys) return databaseHasContent(this.options.dataDir) ? 'upgrade' : 'setup';
    if (!this.signedIn) return 'signed-out';
    this.lockIfIdle();
    return this.locked ? 'locked' : 'signed-in';
  }

  status(): AuthStatus {
    const phase = this.phase();
    const clinician = this.signedIn && this.store ? this.store.clinicians.get(this.signedIn.clinicianId) : null;
    const now = this.nowIso();
    return {
      phase,
      clinician,
      mustChangePassphrase: this.signedIn?.mustChange ?? false,
      pinSet: this.signedIn ? this.pins.has(this.signedIn.clinicianId) : false,
      signInChoices: Object.entries(this.keys?.holders ?? {})
        .map(([id, h]) => ({ id, name: h.name, credentials: h.credentials, role: h.role }))
        .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })),
      idleLockMinutes: this.policy().idleLockMinutes,
      sessionsInProgress: this.store ? this.store.session.inProgressHints(now) : [],
      dataDir: this.options.dataDir,
      now,
    };
  }

  /** The open store; only after a sign-in in this run. */
  requireStore(): Store {
    if (!this.store) throw new DomainError('signed-out', 'Sign in to open the clinic’s records.');
    return this.store;
  }

  /**
   * The signed-in clinician, if they may use a channel of this access level:
   * refused while signed out, locked (the idle time counts here too), before a
   * required passphrase change, and for a role the level does not allow.
   */
  requireAccess(access: Access): Clinician {
    const phase = this.phase();
    if (phase === 'setup' || phase === 'upgrade') throw new DomainError('setup-required', 'Set up the clinic first.');
    if (phase === 'signed-out') throw new DomainError('signed-out', 'Sign in to continue.');
    if (phase === 'locked') throw new DomainError('locked', 'The screen is locked. Unlock it to continue; nothing you typed is lost.');
    const clinician = this.currentClinician();
    if (access !== 'self' && this.signedIn!.mustChange) {
      throw new DomainError('passphrase-change-required', 'Choose a new passphrase before you continue.');
    }
    if (!allows(access, clinician)) {
      throw new DomainError('forbidden', ACCESS_REFUSALS[access as keyof typeof ACCESS_REFUSALS]);
    }
    return clinician;
  }

  currentClinician(): Clinician {
    const clinician = this.signedIn && this.store ? this.store.clinicians.get(this.signedIn.clinicianId) : null;
    if (!clinician || !clinician.active) throw new DomainError('signed-out', 'Sign in to continue.');
    return clinician;
  }

  /** Someone used the app: the idle lock counts from here. */
  touch(): void {
    this.lastActivity = this.idleClock();
  }

  // ── Setup, sign-in, lock ──────────────────────────────────────────────────

  /**
   * Creates the clinic's first administrator and the database key. The key
   * file is written (and synced) before the database is created or encrypted,
   * so a crash can never leave a database whose key is lost.
   */
  async setup(input: SetupInput): Promise<{ recoveryKey: string }> {
    const phase = this.phase();
    if (phase !== 'setup' && phase !== 'upgrade') {
      throw new DomainError('conflict', 'This clinic is already set up. Sign in instead.');
    }
    this.refuseCommon(input.passphrase, 'passphrase');
    const databaseKey = randomBytes(32);
    const recoveryKey = newRecoveryKey();
    const id = randomUUID();
    const [wrapped, recovery] = await Promise.all([
      wrapKey(databaseKey, input.passphrase, id, this.kdfCost),
      wrapKey(databaseKey, normaliseRecoveryKey(recoveryKey), RECOVERY_OWNER, this.kdfCost),
    ]);
    if (this.keys) throw new DomainError('conflict', 'This clinic was set up meanwhile. Sign in instead.');
    const holder: KeyHolder = {
      name: input.name, credentials: input.credentials, role: input.role, isAdmin: true,
      wrapped, mustChange: false, failures: 0, retryAt: null,
    };
    this.saveKeys({
      format: 'ketadesk-keys/1',
      holders: { [id]: holder },
      recovery,
      policy: pick(SETTING_DEFAULTS),
      auditHead: null,
      pendingEvents: [],
    });
    this.openStore(databaseKey);
    this.ensureClinicianRow(id, holder);
    this.event(id, phase === 'upgrade' ? 'clinic-setup-encrypted-existing-records' : 'clinic-setup', null);
    this.begin(id, false);
    return { recoveryKey };
  }

  async signIn(clinicianId: string, passphrase: string): Promise<void> {
    const holder = this.holderForSignIn(clinicianId);
    const key = await this.tryUnwrap(clinicianId, holder, passphrase);
    if (this.databaseKey && !key.equals(this.databaseKey)) throw new Error('a wrap holds another database key');
    if (!this.store) this.openStore(key);
    this.ensureClinicianRow(clinicianId, holder);
    const previous = this.signedIn?.clinicianId;
    if (previous && previous !== clinicianId) this.event(previous, 'sign-out', `replaced by another clinician's sign-in`);
    this.begin(clinicianId, holder.mustChange);
    this.event(clinicianId, 'sign-in', null);
  }

  /** Opens the records with the recovery key and sets a new passphrase for an administrator. */
  async recover(recoveryKey: string, clinicianId: string, next: string): Promise<void> {
    const keys = this.requireKeys();
    const holder = keys.holders[clinicianId];
    if (!holder?.isAdmin) throw new DomainError('invalid-input', 'Choose an administrator to recover.', 'clinicianId');
    this.refuseCommon(next, 'next');
    const key = await unwrapFromKeyFile(keys, { recoveryKey });
    if (!key) {
      this.event(null, 'recovery-failed', null);
      throw new DomainError('wrong-credential', 'That recovery key is not the one for this clinic. Check it against the sheet.', 'recoveryKey');
    }
    if (!this.store) this.openStore(key);
    this.ensureClinicianRow(clinicianId, holder);
    await this.rewrap(clinicianId, key, next, false);
    this.begin(clinicianId, false);
    this.event(clinicianId, 'recovered-with-recovery-key', null);
  }

  lock(): void {
    if (!this.signedIn || this.locked) return;
    this.locked = true;
    this.event(this.signedIn.clinicianId, 'lock', 'locked by hand');
  }

  signOut(): void {
    if (!this.signedIn) return;
    const id = this.signedIn.clinicianId;
    this.pins.delete(id);
    this.signedIn = null;
    this.locked = false;
    this.event(id, 'sign-out', null);
  }

  /** The same clinician unlocks with their passphrase, or with the PIN they set in this run. */
  async unlock(credential: Credential): Promise<void> {
    if (!this.signedIn) throw new DomainError('signed-out', 'Nobody is signed in here. Sign in instead.');
    await this.verifyCredential(this.signedIn.clinicianId, credential, 'credential');
    this.locked = false;
    this.touch();
    this.event(this.signedIn.clinicianId, 'unlock', 'pin' in credential ? 'with PIN' : 'with passphrase');
  }

  /** A 6-digit PIN to unlock within this run; confirmed with the passphrase. */
  async setPin(pin: string, passphrase: string): Promise<void> {
    const clinician = this.currentClinician();
    await this.verifyCredential(clinician.id, { passphrase }, 'passphrase');
    const salt = randomBytes(16);
    this.pins.set(clinician.id, { salt, hash: await pinHash(pin, salt), wrongTries: 0 });
    this.event(clinician.id, 'pin-set', null);
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const clinician = this.currentClinician();
    if (current === next) throw new DomainError('invalid-input', 'Choose a passphrase different from the current one.', 'next');
    this.refuseCommon(next, 'next');
    await this.verifyCredential(clinician.id, { passphrase: current }, 'current');
    await this.rewrap(clinician.id, this.databaseKey!, next, false);
    this.signedIn = { clinicianId: clinician.id, mustChange: false };
    this.event(clinician.id, 'passphrase-changed', null);
  }

  /** Checks an electronic signature: the signed-in clinician re-enters their passphrase or PIN now. */
  async verifySignature(credential: Credential): Promise<Signer> {
    const clinician = this.currentClinician();
    await this.verifyCredential(clinician.id, credential, 'signature');
    return { clinician, method: 'pin' in credential ? 'pin' : 'passphrase' };
  }

  // ── What administrators change in the key file ───────────────────────────

  /** A new clinician's copy of the key, under the temporary passphrase they must change at first sign-in. */
  async grantAccess(clinician: Clinician, temporaryPassphrase: string): Promise<void> {
    this.refuseCommon(temporaryPassphrase, 'temporaryPassphrase');
    await this.rewrap(clinician.id, this.databaseKey!, temporaryPassphrase, true, clinician);
    this.event(clinician.id, 'passphrase-reset', `by ${this.currentClinician().name}`);
  }

  /** A deactivated clinician's copy of the key is removed: their passphrase opens nothing any more. */
  revokeAccess(clinicianId: string): void {
    const keys = this.requireKeys();
    const { [clinicianId]: _removed, ...holders } = keys.holders;
    this.saveKeys({ ...keys, holders });
    this.pins.delete(clinicianId);
  }

  /** Keeps the sign-in list's name and role in step with the record. */
  describeHolder(clinician: Clinician): void {
    const keys = this.requireKeys();
    const holder = keys.holders[clinician.id];
    if (!holder) return;
    const info = { name: clinician.name, credentials: clinician.credentials, role: clinician.role, isAdmin: clinician.isAdmin };
    this.saveKeys({ ...keys, holders: { ...keys.holders, [clinician.id]: { ...holder, ...info } } });
  }

  canSignIn(clinicianId: string): boolean {
    return Boolean(this.keys?.holders[clinicianId]);
  }

  /** The sign-in policy is read before the database opens, so the key file keeps a copy of those settings. */
  syncPolicy(settings: ClinicSettings): void {
    const keys = this.requireKeys();
    const policy = pick(settings);
    if (JSON.stringify(policy) === JSON.stringify(keys.policy)) return;
    this.saveKeys({ ...keys, policy });
  }

  auditHead(): AuditHead | null {
    return this.keys?.auditHead ?? null;
  }

  /** The data folder's key file as it is now (wraps only), or null before setup. */
  keyFile(): KeyFile | null {
    return this.keys;
  }

  /** What a backup copies: the open store, the key to verify the copy with, and the key file (wraps only) to put beside it. */
  backupSource(): { store: Store; key: Buffer; keyFilePath: string } | null {
    if (!this.store || !this.databaseKey) return null;
    return { store: this.store, key: this.databaseKey, keyFilePath: keyFilePath(this.options.dataDir) };
  }

  /**
   * Closes the records, lets `swap` replace the database file (a restore) and
   * perhaps the key file, reads the key file again, records `head` as the
   * audit chain's head and reopens the records with `key`: the same key, or
   * the backup's own key when its key file was installed.
   */
  reopenAfter(swap: () => void, head: AuditHead | null, key = this.databaseKey): Store {
    if (!key) throw new DomainError('signed-out', 'Sign in to open the clinic’s records.');
    this.store?.close();
    this.store = null;
    swap();
    this.keys = readKeyFile(this.options.dataDir);
    this.saveKeys({ ...this.keys, auditHead: head });
    this.openStore(key);
    return this.store!;
  }

  /**
   * Closes the records, lets `undo` put the data folder back as it was (an
   * undone restore on a new installation) and forgets the key: the folder is
   * read again as at start-up.
   */
  closeAfter(undo: () => void): void {
    this.close();
    undo();
    this.keys = keyFileExists(this.options.dataDir) ? readKeyFile(this.options.dataDir) : null;
  }

  /**
   * After a restore under the backup's own key: the clinicians are the
   * backup's, so whoever was signed in is signed out (without a log entry:
   * they are not a clinician of the restored records) and one of them signs in.
   */
  endSignInAfterRestore(): void {
    this.pins.clear();
    this.signedIn = null;
    this.locked = false;
  }

  close(): void {
    this.store?.close();
    this.store = null;
    this.databaseKey = null;
    this.signedIn = null;
  }

  /** After a restore: the signed-in clinician may be newer than the backup, so their row comes back from their key entry. */
  keepSignedInClinician(): void {
    if (this.signedIn && this.store) this.ensureClinicianRow(this.signedIn.clinicianId, this.requireKeys().holders[this.signedIn.clinicianId]!);
  }

  // ── Inside ────────────────────────────────────────────────────────────────

  private begin(clinicianId: string, mustChange: boolean): void {
    this.signedIn = { clinicianId, mustChange };
    this.locked = false;
    this.touch();
  }

  private lockIfIdle(): void {
    if (this.locked || !this.signedIn) return;
    if (this.idleClock() - this.lastActivity >= this.policy().idleLockMinutes * 60_000) {
      this.locked = true;
      this.event(this.signedIn.clinicianId, 'lock', 'idle');
    }
  }

  private policy(): SignInPolicy {
    return this.keys?.policy ?? pick(SETTING_DEFAULTS);
  }

  private openStore(databaseKey: Buffer): void {
    this.store = Store.open(this.options.dataDir, {
      key: databaseKey,
      nativeBinding: this.options.nativeBinding,
      onAuditHead: (head) => this.saveAuditHead(head),
    });
    this.databaseKey = databaseKey;
    this.flushPendingEvents();
  }

  /** A clinician whose row is missing (a crash between key file and database at setup) gets it from their key entry. */
  private ensureClinicianRow(id: string, holder: KeyHolder): void {
    const store = this.store!;
    if (store.clinicians.get(id)) return;
    store.createClinician(
      { name: holder.name, credentials: holder.credentials, role: holder.role, isAdmin: holder.isAdmin }, this.nowIso(), null, id,
    );
  }

  private holderForSignIn(clinicianId: string): KeyHolder {
    const holder = this.requireKeys().holders[clinicianId];
    if (!holder) throw new DomainError('wrong-credential', 'This clinician cannot sign in here. Ask an administrator.', 'clinicianId');
    const now = this.options.now().getTime();
    if (holder.retryAt && Date.parse(holder.retryAt) > now) throw this.tooSoon(holder, now);
    return holder;
  }

  private tooSoon(holder: KeyHolder, now: number): DomainError {
    const seconds = Math.ceil((Date.parse(holder.retryAt!) - now) / 1000);
    if (holder.failures >= this.policy().maxFailures) {
      const minutes = Math.ceil(seconds / 60);
      return new DomainError(
        'too-many-tries',
        `Sign-in is locked after ${holder.failures} wrong passphrases. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask an administrator.`,
      );
    }
    return new DomainError('too-many-tries', `Wait ${seconds} second${seconds === 1 ? '' : 's'} before trying again.`);
  }

  /** Unwraps the key, counting a wrong passphrase with a growing delay and a lock after too many. */
  private async tryUnwrap(clinicianId: string, holder: KeyHolder, passphrase: string, field = 'passphrase'): Promise<Buffer> {
    const key = await unwrapKey(holder.wrapped, passphrase, clinicianId);
    const keys = this.requireKeys();
    const current = keys.holders[clinicianId];
    if (!current) throw new DomainError('wrong-credential', 'This clinician cannot sign in here. Ask an administrator.', 'clinicianId');
    if (key) {
      if (current.failures > 0 || current.retryAt) this.saveHolder(clinicianId, { ...current, failures: 0, retryAt: null });
      return key;
    }
    const failures = current.failures + 1;
    const { maxFailures, lockMinutes } = this.policy();
    const now = this.options.now().getTime();
    const lockedOut = failures >= maxFailures;
    const retryAt = new Date(now + (lockedOut ? lockMinutes * 60 : nextRetryDelaySeconds(failures)) * 1000).toISOString();
    this.saveHolder(clinicianId, { ...current, failures, retryAt });
    this.event(clinicianId, lockedOut ? 'sign-in-locked-out' : 'sign-in-failed', `${failures} wrong in a row`);
    if (lockedOut) throw this.tooSoon({ ...current, failures, retryAt }, now);
    const left = maxFailures - failures;
    throw new DomainError(
      'wrong-credential',
      `That passphrase is not right. ${left} more wrong ${left === 1 ? 'try' : 'tries'} and sign-in locks for ${lockMinutes} minutes.`,
      field,
    );
  }

  private async verifyCredential(clinicianId: string, credential: Credential, field: string): Promise<void> {
    if ('pin' in credential) return this.verifyPin(clinicianId, credential.pin, field);
    const holder = this.holderForSignIn(clinicianId);
    await this.tryUnwrap(clinicianId, holder, credential.passphrase, field);
  }

  private async verifyPin(clinicianId: string, entered: string, field: string): Promise<void> {
    const pin = this.pins.get(clinicianId);
    if (!pin) throw new DomainError('wrong-credential', 'No PIN is set in this run. Use your passphrase.', field);
    const hash = await pinHash(entered, pin.salt);
    if (timingSafeEqual(hash, pin.hash)) {
      pin.wrongTries = 0;
      return;
    }
    pin.wrongTries += 1;
    this.event(clinicianId, 'pin-failed', `${pin.wrongTries} wrong in a row`);
    if (pin.wrongTries >= PIN_TRIES) {
      this.pins.delete(clinicianId);
      throw new DomainError('wrong-credential', `That PIN was wrong ${PIN_TRIES} times, so it no longer works. Use your passphrase.`, field);
    }
    throw new DomainError('wrong-credential', 'That PIN is not right.', field);
  }

  private async rewrap(clinicianId: string, databaseKey: Buffer, secret: string, mustChange: boolean, describe?: Clinician): Promise<void> {
    const wrapped = await wrapKey(databaseKey, secret, clinicianId, this.kdfCost);
    const keys = this.requireKeys();
    const existing = keys.holders[clinicianId];
    const info = describe
      ? { name: describe.name, credentials: describe.credentials, role: describe.role, isAdmin: describe.isAdmin }
      : existing;
    if (!info) throw new DomainError('not-found', 'This clinician does not exist.', 'id');
    this.saveHolder(clinicianId, {
      name: info.name, credentials: info.credentials, role: info.role, isAdmin: info.isAdmin,
      wrapped, mustChange, failures: 0, retryAt: null,
    });
  }

  private saveHolder(clinicianId: string, holder: KeyHolder): void {
    const keys = this.requireKeys();
    this.saveKeys({ ...keys, holders: { ...keys.holders, [clinicianId]: holder } });
  }

  private requireKeys(): KeyFile {
    if (!this.keys) throw new DomainError('setup-required', 'Set up the clinic first.');
    return this.keys;
  }

  private saveKeys(keys: KeyFile, durable = true): void {
    writeKeyFile(this.options.dataDir, keys, durable);
    this.keys = keys;
  }

  /** After each commit: cheap, not synced; a crash may leave it a commit behind, which verification allows. */
  private saveAuditHead(head: AuditHead): void {
    if (this.keys) this.saveKeys({ ...this.keys, auditHead: head }, false);
  }

  /** A security event goes to the audit log, or waits in the key file until the database is next opened. */
  private event(clinicianId: string | null, action: string, detail: string | null): void {
    const event: SecurityEvent = { at: this.nowIso(), clinicianId, action, detail };
    if (this.store) this.store.recordSecurityEvent(event);
    else if (this.keys) this.saveKeys({ ...this.keys, pendingEvents: [...this.keys.pendingEvents, event] });
  }

  private flushPendingEvents(): void {
    const pending = this.keys?.pendingEvents ?? [];
    if (!this.store || pending.length === 0) return;
    const store = this.store;
    store.write(() => {
      for (const event of pending) store.recordSecurityEvent(event);
    });
    this.saveKeys({ ...this.keys!, pendingEvents: [] });
  }

  private refuseCommon(passphrase: string, field: string): void {
    if (isCommonPassphrase(passphrase)) {
      throw new DomainError(
        'invalid-input',
        'This passphrase is on the list of common passwords that attackers try first. Choose another, such as a short sentence only you would think of.',
        field,
      );
    }
  }

  private nowIso(): string {
    return this.options.now().toISOString();
  }
}

const pick = (s: Pick<ClinicSettings, 'idleLockMinutes' | 'signInMaxFailures' | 'signInLockMinutes'>): SignInPolicy => ({
  idleLockMinutes: s.idleLockMinutes,
  maxFailures: s.signInMaxFailures,
  lockMinutes: s.signInLockMinutes,
});

/** PINs live only in memory for one run; scrypt still keeps a memory dump from reading them at a glance. */
function pinHash(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(pin, salt, 32, { N: 2 ** 14 }, (err, key) => (err ? reject(err) : resolve(key))));
}

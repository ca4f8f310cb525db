import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../db/backup';
import { keysToInstall, prepareRestore, RESTORE_JOURNAL, swapInRestored } from '../../db/restore';
import { readKeyFileAt } from '../../db/vault/key-file';
import { unwrapFromKeyFile } from '../../db/vault/unlock';
import { ADMIN_PASSPHRASE, useGate, type GateHarness } from '../helpers/gate-fixture';
import { patientInput } from '../helpers/store-fixture';

// Restoring a backup made under another database key, as a clinic meets it:
// the workstation died and KetaDesk was set up afresh on a new one (a new,
// nearly empty database under a new key), and yesterday's backup comes from
// the USB disk. Clinic A makes the backup; clinic B is the new installation.

const gates = useGate();
const SETTINGS = { backupDaily: true, backupOnClose: true, backupKeepDaily: 14, backupKeepMonthly: 12 };
const NEW_PASSPHRASE = 'the new workstation has its own passphrase';
const NURSE_PASSPHRASE = 'sam picks a long passphrase';

/** Clinic A: two patients, an administrator and a nurse, and one verified backup on its USB disk. */
async function clinicA() {
  const a = await gates.setUp();
  await a.ok('patients.create', patientInput({ mrn: 'MRN-1', legalName: 'Maria Lopez' }));
  await a.ok('patients.create', patientInput({ mrn: 'MRN-2', legalName: 'Sam Okafor' }));
  const nurse = await a.ok('clinicians.create', {
    name: 'Sam Nurse', credentials: 'RN', role: 'nurse', isAdmin: false, temporaryPassphrase: 'a temporary passphrase for sam',
  });
  const usb = join(a.dir, 'usb');
  mkdirSync(usb);
  await a.ok('backups.configure', { backupFolder: usb, ...SETTINGS });
  const [backup] = await a.ok('backups.list', {});
  const store = a.gate.requireStore();
  const head = readManifest(join(usb, backup!.file))!.auditHead!;
  const rows = {
    patients: store.db.prepare('SELECT * FROM patients ORDER BY id').all(),
    audit: store.db.prepare('SELECT * FROM audit_log WHERE seq <= ? ORDER BY seq').all(head.seq),
  };
  return { ...a, usb, backup: backup!, nurseId: nurse.id, rows };
}

/** Clinic B: KetaDesk set up afresh on a new workstation, with A's backup files copied into its backup folder. */
async function newWorkstationWith(from: { usb: string; advance: (ms: number) => void }) {
  const b = gates.fresh();
  b.advance(86_400_000); // the next day
  await b.ok('auth.setup', { name: 'Dr Lee New', credentials: 'MD', role: 'prescriber', passphrase: NEW_PASSPHRASE });
  await b.ok('patients.create', patientInput({ mrn: 'MRN-NEW', legalName: 'Entered on the new machine' }));
  const usb = join(b.dir, 'usb');
  mkdirSync(usb);
  await b.ok('backups.configure', { backupFolder: usb, ...SETTINGS });
  for (const f of readdirSync(from.usb)) writeFileSync(join(usb, f), readFileSync(join(from.usb, f)));
  b.advance(60_000);
  return { ...b, usb, signature: { passphrase: NEW_PASSPHRASE } };
}

const mrns = async (h: GateHarness) => (await h.ok('patients.search', { query: '' })).patients.map((p) => p.mrn).sort();

/** What a refused restore must leave as it was. */
function snapshot(h: GateHarness) {
  const keys = readKeyFileAt(join(h.dir, 'ketadesk.keys'))!;
  return {
    files: readdirSync(h.dir).sort(),
    holders: Object.keys(keys.holders),
    recovery: keys.recovery,
    patients: h.gate.requireStore().db.prepare('SELECT count(*) FROM patients').pluck().get(),
  };
}

describe('restoring a backup made under another database key', () => {
  it('asks for a passphrase of the backup, restores it with its own key file, and its clinicians sign in with their passphrases', async () => {
    const a = await clinicA();
    a.gate.close();
    const b = await newWorkstationWith(a);
    const file = a.backup.file;

    const asked = await b.ok('backups.inspect', { file });
    expect(asked).toMatchObject({ problem: null, counts: { patients: 2 }, otherKey: { unlocked: false } });
    expect(asked.otherKey!.holders.map((c) => c.name)).toEqual(['Dr Ada Rivera', 'Sam Nurse']);
    const unasked = await b.call('backups.restore', { file, reason: 'New workstation', signature: b.signature });
    expect(unasked).toMatchObject({ ok: false, error: { field: 'unlock', message: expect.stringMatching(/another database key/) } });

    // A wrong passphrase is refused, and the next try must wait like a wrong sign-in.
    const wrong = await b.call('backups.inspect', { file, unlock: { clinicianId: a.adminId, passphrase: 'not the passphrase' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-credential', field: 'passphrase', message: expect.stringMatching(/does not open this backup/) } });
    const tooSoon = await b.call('backups.inspect', { file, unlock: { clinicianId: a.adminId, passphrase: ADMIN_PASSPHRASE } });
    expect(tooSoon).toMatchObject({ ok: false, error: { code: 'too-many-tries' } });
    b.advance(2_000);

    const unlock = { clinicianId: a.adminId, passphrase: ADMIN_PASSPHRASE };
    expect(await b.ok('backups.inspect', { file, unlock })).toMatchObject({ problem: null, otherKey: { unlocked: true } });
    const result = await b.ok('backups.restore', { file, reason: 'The old workstation died', unlock, signature: b.signature });
    expect(result).toMatchObject({ restoredFrom: file, keyFileRestored: true });
    for (const kept of ['ketadesk.sqlite', 'ketadesk.keys']) expect(existsSync(join(b.dir, result.keptAsideIn, kept))).toBe(true);
    expect(existsSync(join(b.dir, RESTORE_JOURNAL))).toBe(false);

    // The clinicians are now the backup's: the new machine's administrator is signed out.
    const status = await b.ok('auth.status', {});
    expect(status.phase).toBe('signed-out');
    expect(status.signInChoices.map((c) => c.name)).toEqual(['Dr Ada Rivera', 'Sam Nurse']);
    expect(await b.call('auth.signIn', { clinicianId: status.signInChoices[0]!.id, passphrase: NEW_PASSPHRASE })).toMatchObject({ ok: false });
    b.advance(2_000);
    await b.ok('auth.signIn', { clinicianId: a.adminId, passphrase: ADMIN_PASSPHRASE });

    // Every record of the backup, and its audit chain row for row, then the audited restore.
    const store = b.gate.requireStore();
    expect(store.db.prepare('SELECT * FROM patients ORDER BY id').all()).toEqual(a.rows.patients);
    expect(store.db.prepare('SELECT * FROM audit_log WHERE seq <= ? ORDER BY seq').all(a.rows.audit.length)).toEqual(a.rows.audit);
    expect(await b.ok('audit.verify', {})).toMatchObject({ ok: true });
    const [restore] = store.audit.history('backup', file);
    expect(restore).toMatchObject({ action: 'restore', clinicianId: a.adminId, reason: 'The old workstation died' });
    expect(restore!.after).toMatchObject({ keyFileRestored: true, openedWith: 'passphrase', requestedBy: expect.stringMatching(/^Dr Lee New, MD/) });

    // After a restart the restored key file opens the restored records for the backup's nurse too.
    const again = b.reopen();
    await again.ok('auth.signIn', { clinicianId: a.nurseId, passphrase: 'a temporary passphrase for sam' });
    await again.ok('auth.changePassphrase', { current: 'a temporary passphrase for sam', next: NURSE_PASSPHRASE });
    expect(await mrns(again)).toEqual(['MRN-1', 'MRN-2']);
    expect(again.gate.requireStore().audit.verify(again.gate.auditHead())).toMatchObject({ ok: true });
  });

  it('opens with the backup clinic’s recovery key, however it is typed', async () => {
    const a = await clinicA();
    a.gate.close();
    const b = await newWorkstationWith(a);
    const unlock = { recoveryKey: a.recoveryKey.toLowerCase().replace(/-/g, ' ') };
    const result = await b.ok('backups.restore', { file: a.backup.file, reason: 'Key file lost', unlock, signature: b.signature });
    expect(result.keyFileRestored).toBe(true);
    await b.ok('auth.signIn', { clinicianId: a.adminId, passphrase: ADMIN_PASSPHRASE });
    expect(await mrns(b)).toEqual(['MRN-1', 'MRN-2']);
    const [restore] = b.gate.requireStore().audit.history('backup', a.backup.file);
    expect(restore).toMatchObject({ clinicianId: null, after: { openedWith: 'recovery key' } });
    // The recovery key of the restored records is the backup's.
    const again = b.reopen();
    await again.ok('auth.recover', { recoveryKey: a.recoveryKey, clinicianId: a.adminId, next: 'a brand new passphrase for ada' });
    expect(await again.ok('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('refuses a wrong passphrase or recovery key and changes nothing: the new workstation still opens with its own passphrase', async () => {
    const a = await clinicA();
    a.gate.close();
    const b = await newWorkstationWith(a);
    const before = snapshot(b);
    const wrong = await b.call('backups.restore', {
      file: a.backup.file, reason: 'test', unlock: { clinicianId: a.adminId, passphrase: NEW_PASSPHRASE }, signature: b.signature,
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-credential', field: 'passphrase' } });
    b.advance(2_000);
    const wrongKey = await b.call('backups.restore', {
      file: a.backup.file, reason: 'test', unlock: { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' }, signature: b.signature,
    });
    expect(wrongKey).toMatchObject({ ok: false, error: { code: 'wrong-credential', field: 'recoveryKey' } });
    expect(snapshot(b)).toEqual(before);
    const failures = b.gate.requireStore().db.prepare("SELECT count(*) FROM audit_log WHERE action = 'backup-unlock-failed'").pluck().get();
    expect(failures).toBe(2);

    const again = b.reopen();
    await again.ok('auth.signIn', { clinicianId: before.holders[0]!, passphrase: NEW_PASSPHRASE });
    expect(await mrns(again)).toEqual(['MRN-NEW']);
    expect(await again.ok('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('undoes a restore under the backup’s key that the app was killed in: the database and key file from before are back', async () => {
    const a = await clinicA();
    a.gate.close();
    const b = await newWorkstationWith(a);
    const before = snapshot(b);
    const path = join(b.usb, a.backup.file);
    const manifest = readManifest(path)!;
    const backupKeys = readKeyFileAt(join(b.usb, manifest.keyFile))!;
    const key = (await unwrapFromKeyFile(backupKeys, { clinicianId: a.adminId, passphrase: ADMIN_PASSPHRASE }))!;
    // The restore's first steps, then the process dies: the key file is already the backup's.
    const journal = prepareRestore(b.dir, path, key, manifest, b.gate.auditHead(), '2026-11-26T09:05:00.000Z', true);
    b.gate.reopenAfter(() => swapInRestored(b.dir, journal, keysToInstall(backupKeys, manifest)), manifest.auditHead, key);
    expect(b.gate.status().signInChoices.map((c) => c.name)).toEqual(['Dr Ada Rivera', 'Sam Nurse']);

    const again = b.reopen();
    expect(existsSync(join(b.dir, RESTORE_JOURNAL))).toBe(false);
    expect(Object.keys(readKeyFileAt(join(b.dir, 'ketadesk.keys'))!.holders)).toEqual(before.holders);
    await again.ok('auth.signIn', { clinicianId: before.holders[0]!, passphrase: NEW_PASSPHRASE });
    expect(await mrns(again)).toEqual(['MRN-NEW']);
    expect(await again.ok('audit.verify', {})).toMatchObject({ ok: true });
    const undone = again.gate.requireStore().db.prepare("SELECT reason FROM audit_log WHERE action = 'restore-undone'").pluck().get();
    expect(undone).toMatch(new RegExp(`restore from ${a.backup.file} did not finish`));
  });

  it('restores on a new installation from the setup screen, before anyone is set up, and is refused once someone is', async () => {
    const a = await clinicA();
    a.gate.close();
    const fresh = gates.fresh();
    fresh.advance(86_400_000);
    const folder = a.usb;
    const file = a.backup.file;
    expect((await fresh.ok('auth.status', {})).phase).toBe('setup');
    expect(await fresh.call('backups.listForSetup', { folder: join(folder, 'nope') })).toMatchObject({ ok: false, error: { field: 'folder' } });
    expect((await fresh.ok('backups.listForSetup', { folder })).map((b) => b.file)).toEqual([file]);
    expect(await fresh.ok('backups.inspectForSetup', { folder, file })).toMatchObject({ otherKey: { unlocked: false }, counts: { patients: 2 } });
    const wrong = await fresh.call('backups.restoreForSetup', { folder, file, reason: 'New PC', unlock: { clinicianId: a.adminId, passphrase: 'wrong one' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-credential' } });
    expect((await fresh.ok('auth.status', {})).phase).toBe('setup');
    fresh.advance(2_000);

    const result = await fresh.ok('backups.restoreForSetup', { folder, file, reason: 'New PC', unlock: { clinicianId: a.adminId, passphrase: ADMIN_PASSPHRASE } });
    expect(result).toMatchObject({ keyFileRestored: true });
    const status = await fresh.ok('auth.status', {});
    expect(status.phase).toBe('signed-out');
    expect(await fresh.call('backups.listForSetup', { folder })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await fresh.ok('auth.signIn', { clinicianId: a.adminId, passphrase: ADMIN_PASSPHRASE });
    expect(await mrns(fresh)).toEqual(['MRN-1', 'MRN-2']);
    expect(await fresh.ok('audit.verify', {})).toMatchObject({ ok: true });
    const [restore] = fresh.gate.requireStore().audit.history('backup', file);
    expect(restore).toMatchObject({ clinicianId: a.adminId, reason: 'New PC', after: { requestedBy: 'the setup screen of a new installation' } });
  });
});

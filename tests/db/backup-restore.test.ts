import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../db/backup';
import { prepareRestore, RESTORE_JOURNAL, swapInRestored } from '../../db/restore';
import { backupWarning } from '../../shared/backup/warning';
import { ADMIN_PASSPHRASE, useGate, type GateHarness } from '../helpers/gate-fixture';
import { patientInput } from '../helpers/store-fixture';

// Backups and restore driven through the same dispatch as both transports, on
// real encrypted files: a signed-in clinic, a backup folder standing in for a
// USB disk, and what the clinic would see.

const gates = useGate();
const DAY = 86_400_000;
const SETTINGS = { backupDaily: true, backupOnClose: true, backupKeepDaily: 14, backupKeepMonthly: 12 };

async function clinicWithUsbDisk() {
  const h = await gates.setUp();
  await h.ok('patients.create', patientInput());
  const folder = join(h.dir, '..', `${h.dir.split('/').pop()}-usb`);
  mkdirSync(folder);
  const configure = () => h.ok('backups.configure', { backupFolder: folder, ...SETTINGS });
  const patients = () => h.gate.requireStore().db.prepare('SELECT count(*) FROM patients').pluck().get() as number;
  const signature = { passphrase: ADMIN_PASSPHRASE };
  /** Days pass on the clinical clock; the idle lock that comes with them is unlocked again. */
  const later = async (ms: number) => {
    h.advance(ms);
    await h.ok('auth.unlock', { credential: signature });
  };
  return { ...h, folder, configure, patients, signature, later, cleanupUsb: () => rmSync(folder, { recursive: true, force: true }) };
}

/** What must not change when a restore is refused. */
function snapshot(h: GateHarness) {
  const store = h.gate.requireStore();
  return {
    head: store.audit.head(),
    keyHead: h.gate.auditHead(),
    files: readdirSync(h.dir).sort(),
    patients: store.db.prepare('SELECT count(*) FROM patients').pluck().get(),
  };
}

describe('backups through the channels', () => {
  it('warns until a folder is chosen, refuses a folder that is not there, and backs up as soon as one is chosen', async () => {
    const h = await clinicWithUsbDisk();
    try {
      expect(backupWarning(await h.ok('backups.status', {}))).toEqual({ kind: 'no-folder' });
      const missing = await h.call('backups.configure', { backupFolder: join(h.folder, 'nope'), ...SETTINGS });
      expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'backupFolder', message: expect.stringMatching(/cannot be found/) } });
      const relative = await h.call('backups.configure', { backupFolder: 'usb', ...SETTINGS });
      expect(relative).toMatchObject({ ok: false, error: { field: 'backupFolder', message: expect.stringMatching(/full path/) } });

      const status = await h.ok('backups.configure', { backupFolder: h.folder, ...SETTINGS });
      expect(status).toMatchObject({ folder: h.folder, folderProblem: null, lastFailure: null, lastGood: { at: '2026-11-25T09:00:00.000Z' } });
      expect(backupWarning(status)).toBeNull();
      const [listed] = await h.ok('backups.list', {});
      expect(listed).toMatchObject({ file: 'ketadesk-20261125T090000Z.sqlite', counts: { patients: 1, clinicians: 1 } });
      const manifest = readManifest(join(h.folder, listed!.file))!;
      expect(manifest.auditHead).not.toBeNull();
      // The key file copy holds wraps, never the key itself: a passphrase or the recovery key unwraps it.
      const keys = JSON.parse(readFileSync(join(h.folder, manifest.keyFile), 'utf8')) as Record<string, unknown>;
      expect(Object.keys(keys).sort()).toEqual(['auditHead', 'format', 'holders', 'pendingEvents', 'policy', 'recovery']);
      // The daily check finds today's backup and makes no second one.
      await h.ok('backups.configure', { backupFolder: h.folder, ...SETTINGS });
      expect(await h.ok('backups.list', {})).toHaveLength(1);
    } finally {
      h.cleanupUsb();
    }
  });

  it('backs up by hand, prunes by the retention setting, and records each backup in the audit log', async () => {
    const h = await clinicWithUsbDisk();
    try {
      await h.ok('backups.configure', { backupFolder: h.folder, ...SETTINGS, backupKeepDaily: 2, backupKeepMonthly: 0 });
      for (let day = 1; day <= 3; day++) {
        await h.later(DAY);
        await h.ok('backups.runNow', {});
      }
      expect((await h.ok('backups.list', {})).map((b) => b.createdAt)).toEqual(['2026-11-28T09:00:00.000Z', '2026-11-27T09:00:00.000Z']);
      const written = h.gate.requireStore().db.prepare("SELECT count(*) FROM audit_log WHERE action = 'backup-written'").pluck().get();
      expect(written).toBe(4);
      expect(await h.ok('audit.verify', {})).toMatchObject({ ok: true });
    } finally {
      h.cleanupUsb();
    }
  });

  it('shows a failure and an unplugged disk, and warns when the last good backup is more than two days old', async () => {
    const h = await clinicWithUsbDisk();
    try {
      await h.configure();
      h.cleanupUsb();
      h.advance(60_000);
      const failed = await h.call('backups.runNow', {});
      expect(failed).toMatchObject({ ok: false, error: { message: expect.stringMatching(/cannot be found/) } });
      const status = await h.ok('backups.status', {});
      expect(status.lastFailure).toMatchObject({ at: '2026-11-25T09:01:00.000Z', detail: expect.stringMatching(/^by hand: /) });
      expect(backupWarning(status)).toMatchObject({ kind: 'unreachable', folder: h.folder });

      mkdirSync(h.folder);
      expect(backupWarning(await h.ok('backups.status', {}))).toMatchObject({ kind: 'failed', at: '2026-11-25T09:01:00.000Z' });
      await h.ok('backups.runNow', {});
      expect(backupWarning(await h.ok('backups.status', {}))).toBeNull();
      await h.later(2 * DAY + 60_000);
      expect(backupWarning(await h.ok('backups.status', {}))).toMatchObject({ kind: 'stale', lastGoodAt: '2026-11-25T09:01:00.000Z' });
    } finally {
      h.cleanupUsb();
    }
  });

  it('lets any role back up now, but only administrators choose the folder or restore', async () => {
    const h = await clinicWithUsbDisk();
    try {
      await h.configure();
      const nurse = await h.ok('clinicians.create', {
        name: 'Sam Nurse', credentials: 'RN', role: 'nurse', isAdmin: false, temporaryPassphrase: 'a temporary passphrase for sam',
      });
      await h.ok('auth.signIn', { clinicianId: nurse.id, passphrase: 'a temporary passphrase for sam' });
      await h.ok('auth.changePassphrase', { current: 'a temporary passphrase for sam', next: 'sam picks a long passphrase' });
      h.advance(60_000);
      expect(await h.ok('backups.runNow', {})).toMatchObject({ createdAt: '2026-11-25T09:01:00.000Z' });
      expect(await h.call('backups.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await h.call('backups.configure', { backupFolder: h.folder, ...SETTINGS })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      h.cleanupUsb();
    }
  });
});

describe('restore', () => {
  it('shows what a backup holds, then restores it: the records from before are kept aside and the restore is signed and audited', async () => {
    const h = await clinicWithUsbDisk();
    try {
      await h.configure();
      const [backup] = await h.ok('backups.list', {});
      h.advance(60_000);
      await h.ok('patients.create', patientInput({ mrn: 'MRN-2', legalName: 'Sam Okafor' }));
      expect(h.patients()).toBe(2);

      const preview = await h.ok('backups.inspect', { file: backup!.file });
      expect(preview).toMatchObject({ problem: null, counts: { patients: 1 }, createdAt: '2026-11-25T09:00:00.000Z' });
      expect(preview.newestChangeAt).toBe('2026-11-25T09:00:00.000Z');

      const unsigned = await h.call('backups.restore', { file: backup!.file, reason: 'Records entered in error' } as never);
      expect(unsigned).toMatchObject({ ok: false, error: { field: 'signature' } });
      const result = await h.ok('backups.restore', { file: backup!.file, reason: 'Records entered in error', signature: h.signature });
      expect(result).toMatchObject({ restoredFrom: backup!.file, keptAsideIn: 'before-restore-20261125T090100Z' });

      expect(h.patients()).toBe(1);
      expect(existsSync(join(h.dir, result.keptAsideIn, 'ketadesk.sqlite'))).toBe(true);
      expect(existsSync(join(h.dir, RESTORE_JOURNAL))).toBe(false);
      expect(await h.ok('audit.verify', {})).toMatchObject({ ok: true });
      const history = h.gate.requireStore().audit.history('backup', backup!.file);
      expect(history.map((e) => e.action)).toEqual(['restore', 'signature']);
      expect(history[0]!.reason).toBe('Records entered in error');
      // Still signed in, and the records keep working after the swap.
      await h.ok('patients.create', patientInput({ mrn: 'MRN-3' }));
      // A restart opens the restored records, with the key file's head in step.
      const again = h.reopen();
      await again.ok('auth.signIn', { clinicianId: h.adminId, passphrase: ADMIN_PASSPHRASE });
      expect(await again.ok('audit.verify', {})).toMatchObject({ ok: true });
      expect((await again.ok('patients.search', { query: '' })).patients.map((p) => p.mrn).sort()).toEqual(['MRN-1001', 'MRN-3']);
    } finally {
      h.cleanupUsb();
    }
  });

  it('refuses a damaged backup with a clear message and changes nothing', async () => {
    const h = await clinicWithUsbDisk();
    try {
      await h.configure();
      const [backup] = await h.ok('backups.list', {});
      const file = join(h.folder, backup!.file);
      const bytes = readFileSync(file);
      bytes.fill(0, 4096, 8192);
      writeFileSync(file, bytes);
      await h.ok('patients.create', patientInput({ mrn: 'MRN-2' }));
      expect((await h.ok('backups.inspect', { file: backup!.file })).problem).not.toBeNull();
      const before = snapshot(h);
      const refused = await h.call('backups.restore', { file: backup!.file, reason: 'test', signature: h.signature });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'file', message: expect.stringMatching(/cannot be restored/) } });
      expect(snapshot(h)).toEqual(before);
    } finally {
      h.cleanupUsb();
    }
  });

  it('asks for a passphrase of another clinic’s backup (another database key) and changes nothing without one', async () => {
    const h = await clinicWithUsbDisk();
    const other = await gates.setUp();
    const otherFolder = join(other.dir, 'usb');
    mkdirSync(otherFolder);
    try {
      await h.configure();
      await other.ok('backups.configure', { backupFolder: otherFolder, ...SETTINGS });
      h.advance(60_000); // a later name than the clinic's own backup, so the two do not collide
      const [foreign] = await other.ok('backups.list', {});
      for (const f of readdirSync(otherFolder)) writeFileSync(join(h.folder, f), readFileSync(join(otherFolder, f)));
      expect((await h.ok('backups.inspect', { file: foreign!.file })).otherKey).toMatchObject({ unlocked: false });
      const before = snapshot(h);
      const refused = await h.call('backups.restore', { file: foreign!.file, reason: 'test', signature: h.signature });
      expect(refused).toMatchObject({ ok: false, error: { field: 'unlock', message: expect.stringMatching(/made under another database key/) } });
      expect(snapshot(h)).toEqual(before);
      // Without its key file beside it, it is a file this clinic's key does not open.
      rmSync(join(h.folder, readManifest(join(h.folder, foreign!.file))!.keyFile));
      expect((await h.ok('backups.inspect', { file: foreign!.file })).problem).toMatch(/not a KetaDesk backup of this clinic/);
    } finally {
      h.cleanupUsb();
    }
  });

  it('undoes a restore the app was killed in the middle of: the records from before are back at the next start', async () => {
    const h = await clinicWithUsbDisk();
    try {
      await h.configure();
      const [backup] = await h.ok('backups.list', {});
      await h.ok('patients.create', patientInput({ mrn: 'MRN-2' }));
      const headBefore = h.gate.auditHead();
      // The restore's first steps, then the process dies: no verification, no audit row, the journal still there.
      const path = join(h.folder, backup!.file);
      const manifest = readManifest(path)!;
      const journal = prepareRestore(h.dir, path, h.gate.backupSource()!.key, manifest, headBefore, '2026-11-25T09:05:00.000Z');
      h.gate.reopenAfter(() => swapInRestored(h.dir, journal), manifest.auditHead);
      expect(h.patients()).toBe(1);

      const again = h.reopen();
      expect(existsSync(join(h.dir, RESTORE_JOURNAL))).toBe(false);
      expect(existsSync(join(h.dir, journal.asideDir))).toBe(false);
      await again.ok('auth.signIn', { clinicianId: h.adminId, passphrase: ADMIN_PASSPHRASE });
      expect((await again.ok('patients.search', { query: '' })).patients).toHaveLength(2);
      expect(await again.ok('audit.verify', {})).toMatchObject({ ok: true });
      const undone = again.gate.requireStore().db.prepare("SELECT reason FROM audit_log WHERE action = 'restore-undone'").pluck().get();
      expect(undone).toMatch(new RegExp(`restore from ${backup!.file} did not finish`));
    } finally {
      h.cleanupUsb();
    }
  });
});

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsToKeep, listBackups, pruneBackups, verifyCopy, writeBackup, type BackupManifest } from '../../db/backup';
import { MIGRATIONS } from '../../db/migrations';
import { patientInput, T0, TEST_DATABASE_KEY, useTempStore } from '../helpers/store-fixture';

const open = useTempStore();

function clinicWithBackupFolder() {
  const ctx = open();
  ctx.store.createPatient(patientInput(), ctx.clinician.id, T0);
  ctx.store.createPatient(patientInput({ mrn: 'MRN-2', legalName: 'Sam Okafor' }), ctx.clinician.id, T0);
  const folder = join(ctx.dir, 'usb-disk');
  mkdirSync(folder);
  const keyFilePath = join(ctx.dir, 'ketadesk.keys');
  writeFileSync(keyFilePath, '{"stand-in":"key file"}');
  const backup = (at: string) => writeBackup(ctx.store, { folder, at, appVersion: '0.1.0', key: TEST_DATABASE_KEY, keyFilePath });
  return { ...ctx, folder, backup };
}

describe('backups', () => {
  it('writes a verified, encrypted copy with a manifest and the key file, while the store stays open', () => {
    const { store, folder, backup } = clinicWithBackupFolder();
    const manifest = backup('2026-11-25T18:00:00.000Z');
    expect(manifest).toMatchObject({
      format: 'ketadesk-backup/1', schemaVersion: MIGRATIONS.length, counts: { patients: 2, clinicians: 1 },
      databaseFile: 'ketadesk-20261125T180000Z.sqlite', keyFile: 'ketadesk-20261125T180000Z.keys', auditHead: store.audit.head(),
    });
    expect(readdirSync(folder).sort()).toEqual(['ketadesk-20261125T180000Z.json', 'ketadesk-20261125T180000Z.keys', 'ketadesk-20261125T180000Z.sqlite']);
    const bytes = readFileSync(join(folder, manifest.databaseFile));
    expect(bytes.includes('Maria Lopez')).toBe(false);
    expect(bytes.includes('SQLite format 3')).toBe(false);
    expect(verifyCopy(join(folder, manifest.databaseFile), TEST_DATABASE_KEY, manifest)).toBeNull();
    expect(listBackups(folder)).toEqual([manifest]);
    // The live store still works.
    store.createPatient(patientInput({ mrn: 'MRN-3' }), store.clinicians.list()[0]!.id, T0);
  });

  it('finds a damaged copy, a copy of another clinic and a copy that does not hold what its manifest says', () => {
    const { folder, backup } = clinicWithBackupFolder();
    const manifest = backup('2026-11-25T18:00:00.000Z');
    const file = join(folder, manifest.databaseFile);
    expect(verifyCopy(file, Buffer.alloc(32, 9), manifest)).toMatch(/not a KetaDesk backup of this clinic/);
    expect(verifyCopy(file, TEST_DATABASE_KEY, { ...manifest, counts: { ...manifest.counts, patients: 3 } })).toMatch(/2 rows of patients, not 3/);
    const damaged = readFileSync(file);
    damaged.fill(0, 4096, 8192);
    writeFileSync(file, damaged);
    expect(verifyCopy(file, TEST_DATABASE_KEY, manifest)).not.toBeNull();
  });

  it('keeps the newest backup of each of the last 14 days and of each of the last 12 months', () => {
    const day = (d: string, time = '18:00:00') => ({ createdAt: `${d}T${time}.000Z`, databaseFile: `${d}T${time}` }) as BackupManifest;
    const daily = Array.from({ length: 40 }, (_, i) => day(new Date(Date.UTC(2026, 10, 25) - i * 86_400_000).toISOString().slice(0, 10)));
    const keep = backupsToKeep([...daily, day('2026-11-25', '08:00:00'), day('2025-06-30'), day('2025-12-15')], '2026-11-25T20:00:00.000Z', 14, 12);
    expect([...keep].filter((f) => f >= '2026-11-12')).toHaveLength(14);
    expect(keep.has('2026-11-25T08:00:00')).toBe(false); // an earlier one of the same day
    expect(keep.has('2026-10-31T18:00:00')).toBe(true); // newest of October
    expect(keep.has('2026-10-30T18:00:00')).toBe(false);
    expect(keep.has('2025-12-15T18:00:00')).toBe(true); // 12th month back
    expect(keep.has('2025-06-30T18:00:00')).toBe(false); // more than a year old
  });

  it('prunes by that rule, removing each pruned backup whole', () => {
    const { folder, backup } = clinicWithBackupFolder();
    backup('2026-11-24T18:00:00.000Z');
    backup('2026-11-25T08:00:00.000Z');
    backup('2026-11-25T18:00:00.000Z');
    expect(pruneBackups(folder, '2026-11-25T20:00:00.000Z', 14, 12)).toEqual(['ketadesk-20261125T080000Z.sqlite']);
    expect(readdirSync(folder).filter((f) => f.includes('20261125T080000Z'))).toEqual([]);
    expect(listBackups(folder).map((m) => m.createdAt)).toEqual(['2026-11-25T18:00:00.000Z', '2026-11-24T18:00:00.000Z']);
  });
});

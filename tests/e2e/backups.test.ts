import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CREDENTIAL_CHECK, expectNoAxeViolations, patientInput, PASSPHRASE, screenshot, signInOnPage, signWithPassphrase, startApp, startSignedInApp,
  type E2EApp,
} from './harness';

// Backups as a clinic meets them in browser mode: the warning before a folder
// is chosen, typing the folder's path (a wrong one is refused), the first
// backup made at once, "Back up now", and restoring a backup after seeing
// what it holds, with a reason and an electronic signature.

/** A server, a browser and two production-cost signatures: room on a busy 2-core machine. */
const SLOW = 240_000;

let app: E2EApp | undefined;
let usb: string | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  if (usb) rmSync(usb, { recursive: true, force: true });
  usb = undefined;
});

describe('backups', () => {
  it('chooses a folder by path, backs up, and restores a backup after a preview', { timeout: SLOW }, async () => {
    app = await startSignedInApp();
    usb = mkdtempSync(join(tmpdir(), 'ketadesk-usb-'));
    const { page } = app;
    await app.api('patients.create', patientInput({ mrn: 'MRN-1', legalName: 'Maria Lopez' }));

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Backups' });
    await expect.poll(() => section.getByTestId('backup-warning').textContent()).toContain('No backup folder chosen');

    const folder = section.getByRole('textbox', { name: 'Backup folder' });
    await folder.fill(join(usb, 'not-there'));
    await section.getByRole('button', { name: 'Save backup settings' }).click();
    await section.getByText('The folder cannot be found').waitFor();

    await folder.fill(usb);
    await section.getByRole('button', { name: 'Save backup settings' }).click();
    await section.getByRole('table', { name: 'Backups in the folder' }).waitFor();
    await expect.poll(() => section.getByTestId('backup-warning').count()).toBe(0);
    await expect.poll(() => section.getByTestId('last-good-backup').textContent()).not.toContain('none yet');

    await app.api('patients.create', patientInput({ mrn: 'MRN-2', legalName: 'Sam Okafor' }));
    await section.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText('Backup made and verified').waitFor();
    await expectNoAxeViolations(page);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'backups-settings');

    // The day's newest backup replaces its earlier one (the newest of each day is kept): it holds two patients.
    const rows = section.getByRole('table', { name: 'Backups in the folder' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(2);
    // A third patient comes after it, and the restore takes the records back to two.
    await app.api('patients.create', patientInput({ mrn: 'MRN-3', legalName: 'Lee Chen' }));
    await rows.last().getByRole('button', { name: /^Restore the backup of/ }).click();

    const modal = page.getByRole('dialog', { name: /^Restore the backup of/ });
    const preview = modal.getByRole('table', { name: 'What the backup holds' });
    await preview.waitFor();
    await expect.poll(() => preview.getByRole('row', { name: /^Patients/ }).textContent()).toBe('Patients2');
    await expectNoAxeViolations(page);
    await screenshot(page, 'backups-restore-preview', { viewport: true });

    await modal.getByRole('button', { name: 'Restore this backup' }).click();
    await modal.getByText('Give a reason for the restore').waitFor();
    await modal.getByLabel('Reason for the restore').fill('Test data entered on the wrong workstation');
    await modal.getByRole('button', { name: 'Restore this backup' }).click();
    await signWithPassphrase(page);
    await modal.getByTestId('restore-done').waitFor();
    await screenshot(page, 'backups-restored', { viewport: true });

    const found = await app.api('patients.search', { query: '' });
    expect(found.patients.map((p) => p.mrn).sort()).toEqual(['MRN-1', 'MRN-2']);
    expect(await app.api('audit.verify', {})).toMatchObject({ ok: true });
    await modal.getByRole('button', { name: 'Continue with the restored records' }).click();
    // The app reloads, so no screen keeps records from before the restore; still signed in.
    await modal.waitFor({ state: 'detached' });
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await screenshot(page, 'backups-after-reload', { viewport: true });
  });

  it('restores on a new workstation a backup made under another key, opened with a passphrase of the backup', { timeout: SLOW }, async () => {
    usb = mkdtempSync(join(tmpdir(), 'ketadesk-usb-'));
    const old = await startSignedInApp({ clinician: { name: 'Dr Ada Rivera', credentials: 'MD', role: 'prescriber' } });
    app = old;
    await old.api('patients.create', patientInput({ mrn: 'MRN-1', legalName: 'Maria Lopez' }));
    await old.api('patients.create', patientInput({ mrn: 'MRN-2', legalName: 'Sam Okafor' }));
    await old.api('backups.configure', { backupFolder: usb, backupDaily: true, backupOnClose: false, backupKeepDaily: 14, backupKeepMonthly: 12 });
    await old.close();

    // The old workstation is gone: KetaDesk is set up afresh on a second data folder, with its own backup folder.
    app = await startSignedInApp();
    const { page } = app;
    const newUsb = join(usb, 'new-workstation');
    mkdirSync(newUsb);
    await app.api('patients.create', patientInput({ mrn: 'MRN-NEW', legalName: 'Entered on the new machine' }));
    await app.api('backups.configure', { backupFolder: newUsb, backupDaily: true, backupOnClose: false, backupKeepDaily: 14, backupKeepMonthly: 12 });
    for (const f of readdirSync(usb).filter((f) => f.startsWith('ketadesk-'))) copyFileSync(join(usb, f), join(newUsb, f));

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Backups' });
    const rows = section.getByRole('table', { name: 'Backups in the folder' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    await rows.last().getByRole('button', { name: /^Restore the backup of/ }).click(); // the oldest: the old workstation's

    const modal = page.getByRole('dialog', { name: /^Restore the backup of/ });
    const unlockForm = modal.getByRole('form', { name: 'Open the backup' });
    await unlockForm.waitFor();
    await expect.poll(() => modal.locator('#backup-unlock-clinician').inputValue()).toMatch(/^Dr Ada Rivera/);
    await modal.getByLabel('Their passphrase when the backup was made').fill('not the passphrase of the backup');
    await modal.getByRole('button', { name: 'Open the backup' }).click();
    await modal.getByText('That passphrase does not open this backup', { exact: false }).waitFor(CREDENTIAL_CHECK);
    await expectNoAxeViolations(page);
    await screenshot(page, 'backups-restore-other-key', { viewport: true });
    await expect.poll(() => modal.getByRole('button', { name: 'Open the backup' }).isEnabled(), CREDENTIAL_CHECK).toBe(true);
    await modal.getByLabel('Their passphrase when the backup was made').fill(PASSPHRASE);
    await modal.getByRole('button', { name: 'Open the backup' }).click();

    await modal.getByRole('button', { name: 'Restore this backup' }).waitFor(CREDENTIAL_CHECK);
    const preview = modal.getByRole('table', { name: 'What the backup holds' });
    await expect.poll(() => preview.getByRole('row', { name: /^Patients/ }).textContent()).toBe('Patients2');
    await modal.getByText('It keeps its own database key', { exact: false }).waitFor();
    await modal.getByLabel('Reason for the restore').fill('The old workstation died; restoring yesterday’s backup');
    await modal.getByRole('button', { name: 'Restore this backup' }).click();
    await signWithPassphrase(page);
    await modal.getByTestId('restore-done').waitFor(CREDENTIAL_CHECK);
    await modal.getByText('sign in with the passphrase you had when it was made', { exact: false }).waitFor();
    await screenshot(page, 'backups-restored-other-key', { viewport: true });

    // The restored clinic's own clinician signs in with their passphrase from the backup.
    await modal.getByRole('button', { name: 'Continue to sign in' }).click();
    await signInOnPage(page, 'Dr Ada Rivera');
    const found = await app.api('patients.search', { query: '' });
    expect(found.patients.map((p) => p.mrn).sort()).toEqual(['MRN-1', 'MRN-2']);
    expect(await app.api('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('restores a backup on a new installation from the setup screen, before anyone is set up', { timeout: SLOW }, async () => {
    usb = mkdtempSync(join(tmpdir(), 'ketadesk-usb-'));
    const old = await startSignedInApp({ clinician: { name: 'Dr Ada Rivera', credentials: 'MD', role: 'prescriber' } });
    app = old;
    await old.api('patients.create', patientInput({ mrn: 'MRN-1', legalName: 'Maria Lopez' }));
    await old.api('backups.configure', { backupFolder: usb, backupDaily: true, backupOnClose: false, backupKeepDaily: 14, backupKeepMonthly: 12 });
    await old.close();

    app = await startApp();
    const { page } = app;
    await page.getByRole('heading', { name: 'Set up your clinic' }).waitFor();
    await page.getByRole('button', { name: 'Restore from a backup' }).click();
    await page.getByRole('heading', { name: 'Restore from a backup' }).waitFor();
    await page.getByLabel('Backup folder').fill(usb);
    await page.getByRole('button', { name: 'Show the backups' }).click();
    await page.getByRole('button', { name: /^Choose the backup of/ }).click();
    await page.getByRole('form', { name: 'Open the backup' }).waitFor();
    await page.getByLabel('Their passphrase when the backup was made').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Open the backup' }).click();
    await page.getByLabel('Reason for the restore').fill('New workstation after the old one died');
    await expectNoAxeViolations(page);
    await screenshot(page, 'setup-restore-from-backup', { viewport: true });
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.getByTestId('restore-done').waitFor(CREDENTIAL_CHECK);
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    await signInOnPage(page, 'Dr Ada Rivera');
    const found = await app.api('patients.search', { query: '' });
    expect(found.patients.map((p) => p.mrn)).toEqual(['MRN-1']);
    expect(await app.api('audit.verify', {})).toMatchObject({ ok: true });
  });
});

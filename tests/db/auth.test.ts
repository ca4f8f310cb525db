import { copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSPHRASE, useGate } from '../helpers/gate-fixture';

const gates = useGate();
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const patient = { legalName: 'Maria Lopez', dateOfBirth: '1980-03-14', sex: 'female', mrn: 'MRN-7731' } as const;
const NURSE_TEMP = 'temporary nurse passphrase';

describe('clinic setup', () => {
  it('starts in setup, and nothing but setup and status works until it is done', async () => {
    const h = gates.fresh();
    expect((await h.ok('auth.status', {})).phase).toBe('setup');
    expect(await h.call('patients.search', { query: '' })).toMatchObject({ ok: false, error: { code: 'setup-required' } });
  });

  it('refuses a passphrase shorter than 12 characters or on the common-password list', async () => {
    const h = gates.fresh();
    const setup = (passphrase: string) => h.call('auth.setup', { name: 'Dr A', credentials: '', role: 'prescriber', passphrase });
    expect(await setup('short-one')).toMatchObject({ ok: false, error: { field: 'passphrase', message: expect.stringMatching(/at least 12/) } });
    expect(await setup('password1234')).toMatchObject({ ok: false, error: { field: 'passphrase', message: expect.stringMatching(/common passwords/) } });
    expect(await setup('iloveyou123456')).toMatchObject({ ok: false, error: { field: 'passphrase' } });
  });

  it('creates the first administrator, signs them in and shows a recovery key', async () => {
    const h = await gates.setUp();
    const status = await h.ok('auth.status', {});
    expect(status).toMatchObject({ phase: 'signed-in', clinician: { name: 'Dr Ada Rivera', isAdmin: true, role: 'prescriber' } });
    expect(h.recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  });
});

describe('encryption at rest', () => {
  it('keeps the folder 0700 and every file 0600, with no patient data or SQLite header in any file', async () => {
    const h = await gates.setUp();
    await h.ok('patients.create', { ...patient, notes: 'Lives with sister Josefina' });
    for (let i = 0; i < 20; i++) await h.ok('patients.create', { ...patient, mrn: `MRN-${i}`, legalName: `Patient Number${i}` });
    expect(statSync(h.dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(h.dir);
    expect(files).toEqual(expect.arrayContaining(['ketadesk.sqlite', 'ketadesk.keys']));
    for (const file of files) {
      const path = join(h.dir, file);
      expect(statSync(path).mode & 0o777, file).toBe(0o600);
      const bytes = readFileSync(path);
      for (const secret of ['Maria Lopez', 'MRN-7731', 'Josefina', 'SQLite format 3', ADMIN_PASSPHRASE]) {
        expect(bytes.includes(secret), `${file} holds ${secret}`).toBe(false);
      }
    }
  });

  it('opens nothing with a wrong passphrase and everything with the recovery key', async () => {
    const h = await gates.setUp();
    await h.ok('patients.create', patient);
    const again = h.reopen();
    expect((await again.ok('auth.status', {})).phase).toBe('signed-out');
    expect(await again.call('auth.signIn', { clinicianId: h.adminId, passphrase: 'not the passphrase at all' }))
      .toMatchObject({ ok: false, error: { code: 'wrong-credential', field: 'passphrase' } });
    expect(await again.call('patients.search', { query: 'Lopez' })).toMatchObject({ ok: false, error: { code: 'signed-out' } });
    await again.ok('auth.recover', { recoveryKey: h.recoveryKey.toLowerCase(), clinicianId: h.adminId, next: 'a brand new admin passphrase' });
    expect((await again.ok('patients.search', { query: 'Lopez' })).patients).toHaveLength(1);
    const third = again.reopen();
    await third.ok('auth.signIn', { clinicianId: h.adminId, passphrase: 'a brand new admin passphrase' });
    expect(await third.call('auth.signIn', { clinicianId: h.adminId, passphrase: ADMIN_PASSPHRASE })).toMatchObject({ ok: false });
  });
});

describe('sign-in', () => {
  it('answers a wrong passphrase clearly, with a growing delay, and locks after the clinic’s limit', async () => {
    const h = await gates.setUp();
    const again = h.reopen();
    const wrong = () => again.call('auth.signIn', { clinicianId: h.adminId, passphrase: 'wrong passphrase here' });
    expect(await wrong()).toMatchObject({ ok: false, error: { code: 'wrong-credential', message: expect.stringMatching(/9 more wrong tries/) } });
    expect(await wrong()).toMatchObject({ ok: false, error: { code: 'too-many-tries', message: 'Wait 1 second before trying again.' } });
    for (let i = 2; i <= 9; i++) {
      again.advance(60_000);
      expect(await wrong()).toMatchObject({ ok: false, error: { code: 'wrong-credential' } });
    }
    again.advance(60_000);
    expect(await wrong()).toMatchObject({ ok: false, error: { code: 'too-many-tries', message: expect.stringMatching(/locked after 10 wrong passphrases.*15 minutes/) } });
    again.advance(14 * 60_000);
    expect(await again.call('auth.signIn', { clinicianId: h.adminId, passphrase: ADMIN_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'too-many-tries' } });
    again.advance(60_000);
    await again.ok('auth.signIn', { clinicianId: h.adminId, passphrase: ADMIN_PASSPHRASE });
    const actions = (await again.ok('patients.history', { id: 'x' }).catch(() => null), again.gate.requireStore().audit.history('security', h.adminId).map((e) => e.action));
    expect(actions).toEqual(expect.arrayContaining(['sign-in-failed', 'sign-in-locked-out', 'sign-in']));
  });
});

describe('roles, checked against the signed-in clinician', () => {
  it('lets only an administrator add clinicians; a new clinician must change the temporary passphrase first', async () => {
    const h = await gates.setUp();
    const nurse = await h.ok('clinicians.create', { name: 'Sam Nurse', credentials: 'RN', role: 'nurse', temporaryPassphrase: NURSE_TEMP });
    await h.ok('auth.signIn', { clinicianId: nurse.id, passphrase: NURSE_TEMP });
    expect(await h.ok('auth.status', {})).toMatchObject({ phase: 'signed-in', mustChangePassphrase: true });
    expect(await h.call('patients.search', { query: '' })).toMatchObject({ ok: false, error: { code: 'passphrase-change-required' } });
    await h.ok('auth.changePassphrase', { current: NURSE_TEMP, next: 'the nurse picked this one' });
    await h.ok('patients.search', { query: '' });
    expect(await h.call('clinicians.create', { name: 'Dr X', credentials: '', role: 'prescriber', isAdmin: true, temporaryPassphrase: 'some temp passphrase' }))
      .toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only an administrator may do this.' } });
    expect(await h.call('settings.update', { settings: { screeningValidityDays: 90 } }))
      .toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lets a clinician back in after an administrator’s reset, with a new passphrase of their own', async () => {
    const h = await gates.setUp();
    const nurse = await h.ok('clinicians.create', { name: 'Sam Nurse', credentials: 'RN', role: 'nurse', temporaryPassphrase: NURSE_TEMP });
    await h.ok('clinicians.resetPassphrase', { id: nurse.id, temporaryPassphrase: 'reset by the admin today', reason: 'Forgot it' });
    const again = h.reopen();
    expect(await again.call('auth.signIn', { clinicianId: nurse.id, passphrase: NURSE_TEMP })).toMatchObject({ ok: false, error: { code: 'wrong-credential' } });
    again.advance(2_000);
    await again.ok('auth.signIn', { clinicianId: nurse.id, passphrase: 'reset by the admin today' });
    expect((await again.ok('auth.status', {})).mustChangePassphrase).toBe(true);
    await again.ok('auth.changePassphrase', { current: 'reset by the admin today', next: 'my own new nurse phrase' });
    expect(await again.call('patients.search', { query: '' })).toMatchObject({ ok: true });
    expect(await again.call('audit.verify', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('removes a deactivated clinician’s key, and keeps the last administrator', async () => {
    const h = await gates.setUp();
    const nurse = await h.ok('clinicians.create', { name: 'Sam Nurse', credentials: 'RN', role: 'nurse', temporaryPassphrase: NURSE_TEMP });
    await h.ok('clinicians.deactivate', { id: nurse.id, reason: 'Left the clinic' });
    expect((await h.ok('auth.status', {})).signInChoices.map((c) => c.name)).toEqual(['Dr Ada Rivera']);
    expect(await h.call('auth.signIn', { clinicianId: nurse.id, passphrase: NURSE_TEMP })).toMatchObject({ ok: false, error: { code: 'wrong-credential' } });
    expect(await h.call('clinicians.update', { id: h.adminId, name: 'Dr Ada Rivera', credentials: 'MD', role: 'prescriber', isAdmin: false, reason: 'test' }))
      .toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await h.ok('clinicians.list', {})).find((c) => c.id === nurse.id)).toMatchObject({ active: false });
  });
});

describe('idle lock and PIN', () => {
  it('locks after the idle time, refuses every channel but sign-in and unlock, and unlocks with a PIN', async () => {
    const h = await gates.setUp();
    await h.ok('auth.setPin', { pin: '482913', passphrase: ADMIN_PASSPHRASE });
    h.advance(5 * 60_000);
    expect(await h.call('patients.search', { query: '' })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect((await h.ok('auth.status', {})).phase).toBe('locked');
    expect(await h.call('auth.unlock', { credential: { pin: '000000' } })).toMatchObject({ ok: false, error: { code: 'wrong-credential' } });
    await h.ok('auth.unlock', { credential: { pin: '482913' } });
    await h.ok('patients.search', { query: '' });
  });

  it('needs the passphrase after 5 wrong PINs', async () => {
    const h = await gates.setUp();
    await h.ok('auth.setPin', { pin: '482913', passphrase: ADMIN_PASSPHRASE });
    await h.ok('auth.lock', {});
    for (let i = 0; i < 5; i++) await h.call('auth.unlock', { credential: { pin: '111111' } });
    expect(await h.call('auth.unlock', { credential: { pin: '482913' } })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/No PIN/) } });
    await h.ok('auth.unlock', { credential: { passphrase: ADMIN_PASSPHRASE } });
  });
});

describe('electronic signatures', () => {
  it('asks for the passphrase again and stores who, when and the meaning in words', async () => {
    const h = await gates.setUp();
    const created = await h.ok('patients.create', patient);
    const fields = { ...created, notes: 'Prefers mornings' };
    const amend = { id: created.id, expectedVersion: 1, reason: 'Patient asked', fields: {
      legalName: fields.legalName, preferredName: null, dateOfBirth: fields.dateOfBirth, sex: fields.sex, mrn: fields.mrn,
      weightKg: null, heightCm: null, allergies: null, emergencyContactName: null, emergencyContactPhone: null, notes: 'Prefers mornings',
    } };
    expect(await h.call('patients.amend', amend as never)).toMatchObject({ ok: false, error: { field: 'signature' } });
    expect(await h.call('patients.amend', { ...amend, signature: { passphrase: 'not my passphrase' } } as never))
      .toMatchObject({ ok: false, error: { code: 'wrong-credential', field: 'signature' } });
    h.advance(2_000);
    await h.ok('patients.amend', { ...amend, signature: { passphrase: ADMIN_PASSPHRASE } } as never);
    const signatures = h.gate.requireStore().signatures.forEntity('patient', created.id);
    expect(signatures).toEqual([expect.objectContaining({ clinicianName: 'Dr Ada Rivera', meaning: 'amended the patient record: Patient asked', method: 'passphrase' })]);
  });
});

describe('the audit chain', () => {
  it('verifies, and is MAC-chained so only a key holder extends it', async () => {
    const h = await gates.setUp();
    await h.ok('patients.create', patient);
    expect(await h.ok('audit.verify', {})).toMatchObject({ ok: true, problem: null });
  });
});

describe('upgrading a clinic from before sign-in', () => {
  it('encrypts a version-5 database during the administrator’s setup, with nothing lost', async () => {
    const h = gates.fresh();
    copyFileSync(join(FIXTURES, 'clinic-v5.sqlite'), join(h.dir, 'ketadesk.sqlite'));
    const fresh = h.reopen();
    expect((await fresh.ok('auth.status', {})).phase).toBe('upgrade');
    await fresh.ok('auth.setup', { name: 'Dr Ada Rivera (admin)', credentials: 'MD', role: 'prescriber', passphrase: ADMIN_PASSPHRASE });

    const found = await fresh.ok('patients.search', { query: '' });
    expect(found.patients.map((p) => p.legalName).sort()).toEqual(['Maria Lopez', 'Sam Okafor']);
    const maria = found.patients.find((p) => p.legalName === 'Maria Lopez')!;
    expect((await fresh.ok('screenings.listForPatient', { patientId: maria.id })).map((s) => s.status)).toEqual(['signed']);
    expect(await fresh.ok('consents.listForPatient', { patientId: maria.id })).toHaveLength(1);
    const [session] = await fresh.ok('sessions.listForPatient', { patientId: maria.id });
    expect(session).toMatchObject({ status: 'discharged', alertCount: 1, openAlertCount: 0 });
    expect((await fresh.ok('sessions.record', { id: session!.id })).postDoseVitals).toHaveLength(2);
    const clinicians = await fresh.ok('clinicians.list', {});
    expect(clinicians.find((c) => c.name === 'Pat Front')).toMatchObject({ role: 'front-desk', isAdmin: false, active: true });
    expect(await fresh.ok('audit.verify', {})).toMatchObject({ ok: true, problem: null });

    for (const file of readdirSync(h.dir)) {
      const bytes = readFileSync(join(h.dir, file));
      for (const secret of ['Maria Lopez', 'MRN-5001', 'SQLite format 3']) expect(bytes.includes(secret), `${file} holds ${secret}`).toBe(false);
    }
  });
});

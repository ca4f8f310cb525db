// The demo clinic, built at the production scrypt cost through the same
// Gatekeeper and dispatch as the app, checked from the outside: a fresh
// Gatekeeper on its folder, as the app would open it.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gatekeeper } from '../../electron/auth/gatekeeper';
import { dispatch } from '../../electron/dispatch';
import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import { buildDemoClinic, type DemoClinic } from '../../scripts/demo/build';
import { makeTempDir } from '../helpers/temp-dir';

// Six patients hold one of each screening outcome; about 40 production-cost
// scrypt runs (~0.6 s each when the machine is idle, several times that when
// it is busy), so the build gets a generous timeout.
const PATIENTS = 6;
const BUILD_TIMEOUT_MS = 15 * 60_000;

let temp: ReturnType<typeof makeTempDir>;
let clinic: DemoClinic;
let gate: Gatekeeper;

async function ok<C extends Channel>(channel: C, input: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await dispatch(channel, input, { gate, dataDir: clinic.dataDir, now: () => new Date() });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.data as ResponseOf<C>;
}

const staff = (key: string) => clinic.staff.find((s) => s.key === key)!;
const signIn = (key: string) => ok('auth.signIn', { clinicianId: staff(key).id, passphrase: staff(key).passphrase });

beforeAll(async () => {
  temp = makeTempDir('ketadesk-demo-');
  clinic = await buildDemoClinic({ dataDir: join(temp.dir, 'clinic'), patients: PATIENTS });
  gate = new Gatekeeper({ dataDir: clinic.dataDir, now: () => new Date() });
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  gate?.close();
  temp?.cleanup();
});

describe('the demo clinic', () => {
  it('lets each demo clinician sign in with their demo passphrase, none asked to change it', async () => {
    expect(clinic.staff.map((s) => s.role).sort()).toEqual(['front-desk', 'front-desk', 'nurse', 'nurse', 'prescriber', 'prescriber']);
    for (const s of clinic.staff) {
      const status = await signIn(s.key);
      expect(status, s.name).toMatchObject({ phase: 'signed-in', mustChangePassphrase: false, clinician: { name: s.name, isAdmin: s.isAdmin } });
    }
  }, 120_000);

  it('holds the patients, every screening verdict, signed overrides, consents and finished sessions with alerts', async () => {
    await signIn('prescriberA');
    const { patients } = await ok('patients.search', { query: '', limit: 200 });
    expect(patients).toHaveLength(PATIENTS);
    const screenings = (await Promise.all(patients.map((p) => ok('screenings.listForPatient', { patientId: p.id })))).flat();
    expect(new Set(screenings.map((s) => s.result.verdict))).toEqual(new Set(['clear', 'caution', 'contraindicated', 'incomplete']));
    const overridden = screenings.filter((s) => s.result.verdict === 'contraindicated' && s.status === 'signed');
    expect(overridden.length).toBeGreaterThan(0);
    for (const s of overridden) expect(s.signature).toMatchObject({ overrideReason: expect.any(String), signedByName: expect.stringMatching(/^Dr /) });
    expect(screenings.filter((s) => s.status === 'draft').length).toBeGreaterThanOrEqual(2);

    const consents = (await Promise.all(patients.map((p) => ok('consents.listForPatient', { patientId: p.id })))).flat();
    expect(consents.length).toBe(PATIENTS - 1); // all but the patient registered today

    const sessions = (await Promise.all(patients.map((p) => ok('sessions.listForPatient', { patientId: p.id })))).flat();
    const finished = sessions.filter((s) => s.status === 'discharged');
    expect(finished).toHaveLength(clinic.finishedSessions);
    expect(finished.length).toBeGreaterThan(0);
    expect(finished.every((s) => s.dischargedAt! < new Date().toISOString().slice(0, 10))).toBe(true);
    expect(finished.reduce((n, s) => n + s.alertCount, 0)).toBeGreaterThan(0);
    expect(finished.every((s) => s.openAlertCount === 0)).toBe(true);
  }, 120_000);

  it('has one session in progress today, with an alert still open', async () => {
    const status = await signIn('nurseA');
    expect(status.sessionsInProgress).toHaveLength(1);
    const { patients } = await ok('patients.search', { query: '', limit: 200 });
    const sessions = (await Promise.all(patients.map((p) => ok('sessions.listForPatient', { patientId: p.id })))).flat();
    const open = sessions.filter((s) => s.status === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]!.openAlertCount).toBeGreaterThan(0);
  }, 120_000);

  it('keeps an audit chain that verifies', async () => {
    await signIn('admin');
    expect(await ok('audit.verify', {})).toMatchObject({ ok: true, problem: null });
  }, 120_000);

  it('refuses to build into a folder that is not empty', async () => {
    const dir = join(temp.dir, 'not-empty');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'a clinic’s file');
    await expect(buildDemoClinic({ dataDir: dir, patients: PATIENTS })).rejects.toThrow(/not empty/);
  });
});

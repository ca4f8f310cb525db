import { describe, expect, it, vi } from 'vitest';
import { contract, CHANNELS } from '../../shared/contract';
import { dispatch } from '../../electron/dispatch';
import { handlers } from '../../electron/handlers';
import { ADMIN_PASSPHRASE, useGate } from '../helpers/gate-fixture';

const gates = useGate();

const newPatient = { legalName: 'Maria Lopez', dateOfBirth: '1980-03-14', sex: 'female', mrn: 'M-1' };

describe('dispatch', () => {
  it('has a handler for every channel of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses an unknown channel without throwing', async () => {
    const { ctx } = await gates.setUp();
    expect(await dispatch('patients.drop', {}, ctx)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch({ toString: null }, {}, ctx)).toMatchObject({ ok: false });
  });

  it('names the offending field of an invalid request', async () => {
    const { ctx } = await gates.setUp();
    const result = await dispatch('patients.create', { ...newPatient, dateOfBirth: '1980-02-30' }, ctx);
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'dateOfBirth', message: 'Date of birth must be a real date (YYYY-MM-DD)' },
    });
    expect(await dispatch('patients.create', { ...newPatient, isAdmin: true }, ctx)).toMatchObject({
      ok: false, error: { field: 'isAdmin' },
    });
    // A signature is taken only where the contract says so.
    expect(await dispatch('patients.create', { ...newPatient, signature: { passphrase: ADMIN_PASSPHRASE } }, ctx)).toMatchObject({
      ok: false, error: { field: 'signature' },
    });
  });

  it('saves nothing before someone has signed in', async () => {
    const h = await gates.setUp();
    const signedOut = h.reopen();
    expect(await dispatch('patients.create', newPatient, signedOut.ctx)).toMatchObject({ ok: false, error: { code: 'signed-out' } });
    await signedOut.ok('auth.signIn', { clinicianId: h.adminId, passphrase: ADMIN_PASSPHRASE });
    expect(signedOut.gate.requireStore().patients.search('', 5).patients).toEqual([]);
  });

  it('runs a whole create → amend → history flow, with responses that match the contract', async () => {
    const { ctx, adminId } = await gates.setUp();
    const created = await dispatch('patients.create', newPatient, ctx);
    expect(created.ok).toBe(true);
    const patient = contract['patients.create'].response.parse((created as { data: unknown }).data);
    expect(patient.createdBy).toBe(adminId);

    const amend = { id: patient.id, expectedVersion: 1, fields: { ...newPatient, weightKg: 61 }, reason: 'Weighed' };
    const amended = await dispatch('patients.amend', { ...amend, signature: { passphrase: ADMIN_PASSPHRASE } }, ctx);
    expect(amended).toMatchObject({ ok: true, data: { version: 2, weightKg: 61 } });

    const history = await dispatch('patients.history', { id: patient.id }, ctx);
    const entries = contract['patients.history'].response.parse((history as { data: unknown }).data);
    expect(entries.map((e) => [e.action, e.reason])).toEqual([['create', null], ['amend', 'Weighed'], ['signature', null]]);

    const found = await dispatch('patients.search', { query: 'lopez' }, ctx);
    expect(contract['patients.search'].response.parse((found as { data: unknown }).data).patients).toHaveLength(1);
    expect(await dispatch('audit.verify', {}, ctx)).toMatchObject({ ok: true, data: { ok: true, firstBadSeq: null } });
  });

  it('requires a reason for every amendment', async () => {
    const { ctx } = await gates.setUp();
    const result = await dispatch('patients.amend', {
      id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, fields: newPatient, reason: '   ', signature: { passphrase: ADMIN_PASSPHRASE },
    }, ctx);
    expect(result).toMatchObject({ ok: false, error: { field: 'reason' } });
  });

  it('answers an unexpected failure with a calm message and no internals', async () => {
    const { ctx, gate } = await gates.setUp();
    gate.requireStore().db.close();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await dispatch('clinicians.list', {}, ctx);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong and nothing was saved. Please try again.' },
    });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { contract, CHANNELS } from '../../shared/contract';
import { dispatch } from '../../electron/dispatch';
import { handlers } from '../../electron/handlers';
import type { HandlerContext } from '../../electron/handlers/context';
import { useTempStore } from '../helpers/store-fixture';

const open = useTempStore();

function context(): HandlerContext {
  const { store, dir } = open();
  return { store, dataDir: dir, workspace: { clinicianId: null }, now: () => new Date('2026-11-25T09:00:00Z') };
}

const newPatient = { legalName: 'Maria Lopez', dateOfBirth: '1980-03-14', sex: 'female', mrn: 'M-1' };

describe('dispatch', () => {
  it('has a handler for every channel of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses an unknown channel without throwing', () => {
    expect(dispatch('patients.drop', {}, context())).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(dispatch({ toString: null }, {}, context())).toMatchObject({ ok: false });
  });

  it('names the offending field of an invalid request', () => {
    const ctx = context();
    const result = dispatch('patients.create', { ...newPatient, dateOfBirth: '1980-02-30' }, ctx);
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'dateOfBirth', message: 'Date of birth must be a real date (YYYY-MM-DD)' },
    });
    expect(dispatch('patients.create', { ...newPatient, isAdmin: true }, ctx)).toMatchObject({
      ok: false, error: { field: 'isAdmin' },
    });
  });

  it('asks who is working before any change is saved', () => {
    const ctx = context();
    expect(dispatch('patients.create', newPatient, ctx)).toMatchObject({ ok: false, error: { code: 'no-clinician' } });
    expect(ctx.store.patients.search('', 5).patients).toEqual([]);
  });

  it('runs a whole create → amend → history flow, with responses that match the contract', () => {
    const ctx = context();
    const clinicians = dispatch('clinicians.list', {}, ctx);
    const first = (clinicians as { data: Array<{ id: string }> }).data[0]!;
    expect(dispatch('workspace.selectClinician', { clinicianId: first.id }, ctx)).toMatchObject({ ok: true });

    const created = dispatch('patients.create', newPatient, ctx);
    expect(created.ok).toBe(true);
    const patient = contract['patients.create'].response.parse((created as { data: unknown }).data);
    expect(patient.createdBy).toBe(first.id);

    const amended = dispatch('patients.amend', { id: patient.id, expectedVersion: 1, fields: { ...newPatient, weightKg: 61 }, reason: 'Weighed' }, ctx);
    expect(amended).toMatchObject({ ok: true, data: { version: 2, weightKg: 61 } });

    const history = dispatch('patients.history', { id: patient.id }, ctx);
    const entries = contract['patients.history'].response.parse((history as { data: unknown }).data);
    expect(entries.map((e) => [e.action, e.reason])).toEqual([['create', null], ['amend', 'Weighed']]);

    const found = dispatch('patients.search', { query: 'lopez' }, ctx);
    expect(contract['patients.search'].response.parse((found as { data: unknown }).data).patients).toHaveLength(1);
    expect(dispatch('audit.verify', {}, ctx)).toEqual({ ok: true, data: { ok: true, rows: 3, firstBadSeq: null } });
  });

  it('requires a reason for every amendment', () => {
    const ctx = context();
    const result = dispatch('patients.amend', {
      id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, fields: newPatient, reason: '   ',
    }, ctx);
    expect(result).toMatchObject({ ok: false, error: { field: 'reason' } });
  });

  it('answers an unexpected failure with a calm message and no internals', () => {
    const ctx = context();
    ctx.store.close();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = dispatch('clinicians.list', {}, ctx);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong and nothing was saved. Please try again.' },
    });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});

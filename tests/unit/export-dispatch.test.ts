import { describe, expect, it } from 'vitest';
import { patientInput } from '../helpers/store-fixture';
import { useGate } from '../helpers/gate-fixture';

const gate = useGate();

describe('export channels', () => {
  it('audit each export: who, which file, when; the file comes back to save', async () => {
    const h = await gate.setUp();
    const patient = await h.ok('patients.create', patientInput());
    const file = await h.ok('export.fhirPatient', { patientId: patient.id });
    expect(file).toMatchObject({ fileName: 'ketadesk-fhir-MRN-1001-2026-11-25.json', mediaType: 'application/fhir+json' });
    expect(JSON.parse(file.content)).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const csv = await h.ok('export.csv', { table: 'questionnaires' });
    expect(csv.fileName).toBe('ketadesk-questionnaires-2026-11-25.csv');

    const store = h.gate.requireStore();
    expect(store.audit.history('export', patient.id)).toEqual([expect.objectContaining({
      clinicianId: h.adminId, action: 'fhir-patient', at: '2026-11-25T09:00:00.000Z',
      after: { fileName: file.fileName, mediaType: 'application/fhir+json', characters: file.content.length },
    })]);
    expect(store.audit.history('export', 'questionnaires')).toHaveLength(1);
    expect((await h.ok('audit.verify', {})).ok).toBe(true);
  });

  it('names the field when the patient does not exist, and logs nothing', async () => {
    const h = await gate.setUp();
    const missing = '00000000-0000-4000-8000-0000000000ff';
    const result = await h.call('export.fhirPatient', { patientId: missing });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found', field: 'patientId' } });
    expect(h.gate.requireStore().audit.history('export', missing)).toEqual([]);
  });
});

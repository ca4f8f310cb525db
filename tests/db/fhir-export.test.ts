import { beforeAll, describe, expect, it } from 'vitest';
import { ExportReader } from '../../db/export-reader';
import { clinicBundleText, patientBundleText, type ExportPatient } from '../../shared/fhir';
import { fhirErrors, fhirValidator } from '../helpers/fhir-schema';
import { seedExportClinic } from '../helpers/export-clinic';
import { useTempStore } from '../helpers/store-fixture';
import { at } from '../helpers/session-fixture';

interface Entry { fullUrl: string; resource: { resourceType: string; id: string; [k: string]: any } }
interface Bundle { resourceType: 'Bundle'; type: string; entry: Entry[] }

const open = useTempStore();
const HEADER = { id: '6f1d2a4e-8c1b-4f7a-9d3e-5b2c7a9e1f04', timestamp: '2026-11-26T10:00:00.000Z' };

function seeded() {
  const ctx = open();
  const seed = seedExportClinic(ctx.store, ctx.clinician);
  const reader = new ExportReader(ctx.store.db);
  const patientBundle = (p: ExportPatient) => JSON.parse(patientBundleText(HEADER, p, reader.clinicians())) as Bundle;
  const clinicBundle = (chunk?: number) =>
    JSON.parse([...clinicBundleText(HEADER, reader.clinicians(), reader.chunks(chunk))].join('')) as Bundle;
  return { ...ctx, seed, reader, patientBundle, clinicBundle };
}

const ofType = (b: Bundle, type: string) => b.entry.map((e) => e.resource).filter((r) => r.resourceType === type);
const codes = (r: Entry['resource']): string[] => r.code.coding.map((c: { code: string }) => c.code);

/** Every `reference` anywhere in the Bundle, except contained ones (#id). */
function references(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => references(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'reference' && typeof v === 'string' && !v.startsWith('#')) out.push(v);
      else references(v, out);
    }
  }
  return out;
}

beforeAll(() => {
  fhirValidator();
}, 60_000);

describe('FHIR R4 export', () => {
  it('writes one patient’s records as a collection Bundle that the official R4 schema accepts', () => {
    const { reader, seed, patientBundle } = seeded();
    const bundle = patientBundle(reader.patient(seed.maria.id)!);
    expect(fhirErrors(bundle).slice(0, 10)).toEqual([]);
    expect(bundle.type).toBe('collection');
    const types = new Set(bundle.entry.map((e) => e.resource.resourceType));
    for (const t of ['Patient', 'AllergyIntolerance', 'MedicationStatement', 'Practitioner', 'Encounter', 'MedicationAdministration',
      'Observation', 'QuestionnaireResponse', 'Consent', 'Provenance']) expect(types).toContain(t);
    // Only Maria's: Omar's records stay out of her Bundle.
    expect(ofType(bundle, 'Patient').map((p) => p.id)).toEqual([seed.maria.id]);
  });

  it('keeps every reference inside the Bundle, with unique urn:uuid fullUrls', () => {
    const { clinicBundle } = seeded();
    const bundle = clinicBundle();
    const urls = bundle.entry.map((e) => e.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    for (const e of bundle.entry) expect(e.fullUrl).toBe(`urn:uuid:${e.resource.id}`);
    expect(references(bundle).filter((r) => !urls.includes(r))).toEqual([]);
  });

  it('gives each blood pressure one Observation 85354-9 with systolic 8480-6 and diastolic 8462-4 in mm[Hg] (REFERENCE §8)', () => {
    const { reader, seed, patientBundle } = seeded();
    const bundle = patientBundle(reader.patient(seed.maria.id)!);
    const bps = ofType(bundle, 'Observation').filter((o) => codes(o).includes('85354-9'));
    // Pre-dose, the corrected reading (not the wrong one), and the discharge reading.
    expect(bps.map((o) => o.component.map((c: any) => c.valueQuantity.value))).toEqual([[120, 80], [150, 92], [126, 82]]);
    for (const o of bps) {
      expect(o).toMatchObject({ status: 'final', category: [{ coding: [{ code: 'vital-signs' }] }], subject: { reference: `urn:uuid:${seed.maria.id}` } });
      expect(o.component.map((c: any) => [c.code.coding[0].code, c.valueQuantity.system, c.valueQuantity.code]))
        .toEqual([['8480-6', 'http://unitsofmeasure.org', 'mm[Hg]'], ['8462-4', 'http://unitsofmeasure.org', 'mm[Hg]']]);
      expect(o.valueQuantity).toBeUndefined();
    }
  });

  it('codes heart rate, SpO2 and respiratory rate with REFERENCE §8’s LOINC codes and UCUM units', () => {
    const { reader, seed, patientBundle } = seeded();
    const obs = ofType(patientBundle(reader.patient(seed.maria.id)!), 'Observation');
    const unitOf = (code: string) => [...new Set(obs.filter((o) => codes(o).includes(code)).map((o) => o.valueQuantity.code))];
    expect(unitOf('8867-4')).toEqual(['/min']);
    expect(unitOf('59408-5')).toEqual(['%']);
    expect(obs.filter((o) => codes(o).includes('59408-5')).every((o) => codes(o).includes('2708-6'))).toBe(true);
    expect(unitOf('9279-1')).toEqual(['/min']);
    expect(obs.find((o) => codes(o).includes('9279-1'))!.valueQuantity.value).toBe(14);
  });

  it('writes the dose as a MedicationAdministration in the session’s Encounter: drug, mg, route', () => {
    const { reader, seed, patientBundle } = seeded();
    const bundle = patientBundle(reader.patient(seed.maria.id)!);
    const [encounter] = ofType(bundle, 'Encounter');
    expect(encounter).toMatchObject({ id: seed.spray.id, status: 'finished', period: { start: seed.spray.startedAt } });
    const [dose] = ofType(bundle, 'MedicationAdministration');
    // The devices' lots come from the session's REMS answers, as the contained Medication's batch.
    expect(dose).toMatchObject({
      status: 'completed', medicationReference: { reference: '#drug' }, context: { reference: `urn:uuid:${seed.spray.id}` },
      contained: [{ resourceType: 'Medication', code: { text: 'Esketamine' }, batch: { lotNumber: 'LOT-24A17, LOT-24A18' } }],
      dosage: { dose: { value: 56, code: 'mg', system: 'http://unitsofmeasure.org' }, route: { text: 'Nasal' } },
    });
  });

  it('carries a lot number as the contained Medication’s batch when the session has one', () => {
    const { reader, seed, patientBundle } = seeded();
    const records = reader.patient(seed.maria.id)!;
    const withLot = { ...records, sessions: records.sessions.map((s) => ({ ...s, lotNumber: 'LOT-42A' })) };
    const bundle = patientBundle(withLot);
    expect(fhirErrors(bundle).slice(0, 10)).toEqual([]);
    expect(ofType(bundle, 'MedicationAdministration')[0]).toMatchObject({
      contained: [{ resourceType: 'Medication', id: 'drug', batch: { lotNumber: 'LOT-42A' } }],
      medicationReference: { reference: '#drug' },
    });
  });

  it('writes every questionnaire as a QuestionnaireResponse and PHQ-9/GAD-7 totals as Observations 44261-6 / 70274-6', () => {
    const { reader, seed, patientBundle } = seeded();
    const bundle = patientBundle(reader.patient(seed.maria.id)!);
    const responses = ofType(bundle, 'QuestionnaireResponse');
    // Three of the completed are the day's clear ASQ, PHQ-9 and GAD-7 the session's start gate asked for.
    expect(responses.map((r) => r.status).sort()).toEqual(['amended', 'completed', 'completed', 'completed', 'completed', 'completed', 'entered-in-error']);
    const first = responses.find((r) => r.status === 'completed' && r.item.length === 10 && r.authored === at(-30))!;
    expect(first.item[0]).toMatchObject({ linkId: 'phq9-1', answer: [{ valueCoding: { system: 'http://loinc.org', code: 'LA6571-9' } }] });
    expect(first.source).toEqual({ reference: `urn:uuid:${seed.maria.id}` });
    const totals = ofType(bundle, 'Observation').filter((o) => o.category[0].coding[0].code === 'survey');
    expect(totals.map((o) => [codes(o)[0], o.valueInteger, o.status])).toEqual([
      ['44261-6', 3, 'final'], ['70274-6', 2, 'final'], ['44261-6', 18, 'final'], ['70274-6', 12, 'final'], ['44261-6', 10, 'amended'],
    ]);
    // The corrected entry has no total: it no longer counts.
    expect(totals.map((o) => o.derivedFrom[0].reference)).not.toContain(`urn:uuid:${seed.correctedPhq9.id}`);
  });

  it('writes the ASQ answers with their free-text follow-up', () => {
    const { reader, seed, patientBundle } = seeded();
    // The ASQ with a yes on question 4 (the other is the day's clear one).
    const asq = ofType(patientBundle(reader.patient(seed.omar.id)!), 'QuestionnaireResponse').find((r) => r.item[3]?.item);
    expect(asq!.item[3]).toMatchObject({
      linkId: 'asq-4', answer: [{ valueString: 'Yes' }], item: [{ linkId: 'asq-4-details', answer: [{ valueString: 'Overdose, "2019", at home' }] }],
    });
  });

  it('writes who signed what as Provenance: the clinician as agent, the signed resource as target', () => {
    const { reader, seed, patientBundle } = seeded();
    const bundle = patientBundle(reader.patient(seed.maria.id)!);
    const provenance = ofType(bundle, 'Provenance');
    const byActivity = Object.fromEntries(provenance.map((p) => [p.activity.text, p]));
    expect(byActivity['Discharged the patient']).toMatchObject({
      target: [{ reference: `urn:uuid:${seed.spray.id}` }], recorded: expect.any(String),
      agent: [{ who: { reference: `urn:uuid:${seed.nurse.id}`, display: 'Nurse Kim, RN' } }],
    });
    expect(byActivity['Recorded the patient’s consent']!.target).toEqual([{ reference: `urn:uuid:${seed.consent.id}` }]);
    expect(byActivity['Corrected a questionnaire']!.target).toEqual([{ reference: `urn:uuid:${seed.phq9Correction.id}` }]);
    // Screenings are not exported as resources: the signature names the screening record.
    expect(byActivity['Signed the pre-treatment screening']!.target).toEqual([
      { identifier: { value: seed.screening.id }, display: 'KetaDesk screening record' },
    ]);
    expect(ofType(bundle, 'Practitioner').map((p) => p.name[0].text).sort()).toEqual(['Dr Ada Rivera', 'Nurse Kim']);
  });

  it('writes the patient, allergies and consent', () => {
    const { reader, seed, patientBundle } = seeded();
    const maria = patientBundle(reader.patient(seed.maria.id)!);
    expect(ofType(maria, 'Patient')[0]).toMatchObject({
      identifier: [{ value: 'MRN-1001' }], gender: 'female', birthDate: '1980-03-14',
      name: [{ use: 'official', text: 'Maria Lopez' }, { use: 'usual', text: 'Mari' }],
    });
    expect(ofType(maria, 'AllergyIntolerance')[0]!.code).toEqual({ text: 'Penicillin (rash)' });
    expect(ofType(maria, 'Consent')[0]).toMatchObject({ status: 'active', provision: { code: [{ text: 'Esketamine nasal spray' }] } });
    const omar = patientBundle(reader.patient(seed.omar.id)!);
    expect(ofType(omar, 'AllergyIntolerance')[0]!.code).toEqual({ text: 'No known allergies' });
    expect(ofType(omar, 'Patient')[0]!.gender).toBe('other');
  });

  it('exports the whole clinic as one valid Bundle, the same whatever the chunk size, with stable ids', () => {
    const { clinicBundle } = seeded();
    const whole = clinicBundle();
    expect(fhirErrors(whole).slice(0, 10)).toEqual([]);
    expect(ofType(whole, 'Patient')).toHaveLength(2);
    expect(clinicBundle(1)).toEqual(whole);
  });

  it('refuses what R4 forbids, so the checks above can fail', () => {
    const { reader, seed, patientBundle } = seeded();
    const bundle = patientBundle(reader.patient(seed.maria.id)!);
    const broken = structuredClone(bundle);
    broken.entry.find((e) => e.resource.resourceType === 'Observation')!.resource.status = 'done';
    expect(fhirErrors(broken).length).toBeGreaterThan(0);
    const unknown = structuredClone(bundle);
    unknown.entry[0]!.resource.colour = 'blue';
    expect(fhirErrors(unknown).length).toBeGreaterThan(0);
  });
});

describe('reading for the export', () => {
  it('reads a chunk of patients with one query per table, never one per patient', () => {
    const { store, reader } = seeded();
    const prepare = store.db.prepare.bind(store.db);
    let prepared = 0;
    store.db.prepare = ((sql: string) => { prepared += 1; return prepare(sql); }) as typeof store.db.prepare;
    const chunks = [...reader.chunks(1)];
    expect(chunks.map((c) => c.length)).toEqual([1, 1]);
    expect(prepared).toBe(0);
  });

  it('answers null for a patient that does not exist', () => {
    const { reader } = seeded();
    expect(reader.patient('00000000-0000-4000-8000-0000000000ff')).toBeNull();
  });
});

// Terminology used by the FHIR R4 export, transcribed — never invented.
// LOINC codes and UCUM units of the vitals: shared/clinical/REFERENCE.md §8
// ("LOINC codes for export (FHIR R4)" and its vital-signs paragraph, source S28).
// Questionnaire codes: shared/clinical/measures.md, read through
// shared/measures/instruments.ts (items, answers, totals; sources M1–M3).
// Where no source gives a code, the export carries text only.

export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

const loinc = (code: string, display: string): Coding => ({ system: LOINC, code, display });
const ucum = (code: string, unit: string) => ({ system: UCUM, code, unit });

/** REFERENCE §8: one blood-pressure Observation coded 85354-9 with two components. */
export const BLOOD_PRESSURE = {
  panel: loinc('85354-9', 'Blood pressure panel'),
  systolic: loinc('8480-6', 'Systolic blood pressure'),
  diastolic: loinc('8462-4', 'Diastolic blood pressure'),
  unit: ucum('mm[Hg]', 'mmHg'),
} as const;

/** REFERENCE §8: the single-value vital signs and their UCUM units. */
export const VITAL_SIGNS = {
  heartRate: { codings: [loinc('8867-4', 'Heart rate')], unit: ucum('/min', '/min') },
  // "59408-5 (with 2708-6 as the vital-signs profile code)".
  spo2: {
    codings: [loinc('59408-5', 'Oxygen saturation by pulse oximetry'), loinc('2708-6', 'Oxygen saturation')],
    unit: ucum('%', '%'),
  },
  respiratoryRate: { codings: [loinc('9279-1', 'Respiratory rate')], unit: ucum('/min', '/min') },
} as const;

/** FHIR's own category codes for vital signs and questionnaire scores. */
export const CATEGORY = {
  vitalSigns: { system: OBSERVATION_CATEGORY, code: 'vital-signs', display: 'Vital Signs' },
  survey: { system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' },
} as const;

export const UCUM_MG = ucum('mg', 'mg');

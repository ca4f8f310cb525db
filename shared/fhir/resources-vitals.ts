// Vital signs as FHIR R4 vital-signs Observations [REFERENCE §8, S28]: status
// final, category vital-signs, the patient as subject, the time as
// effectiveDateTime, UCUM units; blood pressure is one Observation (85354-9)
// with systolic and diastolic components.

import { BLOOD_PRESSURE, CATEGORY, VITAL_SIGNS } from './codes';
import { referenceTo, type Resource } from './resource';
import { resourceId } from './uuid';

export interface VitalsTaken {
  /** The record the reading belongs to and its place in it, for a stable id. */
  recordId: string;
  part: string;
  at: string;
  patientId: string;
  encounterId: string;
  performerId: string;
  systolic?: number | undefined;
  diastolic?: number | undefined;
  heartRate?: number | undefined;
  spo2?: number | undefined;
  respiratoryRate?: number | undefined;
}

const quantity = (value: number, unit: { system: string; code: string; unit: string }) => ({ value, ...unit });

function observation(v: VitalsTaken, part: string, body: Record<string, unknown>): Resource {
  return {
    resourceType: 'Observation',
    id: resourceId(v.recordId, `${v.part}/${part}`),
    status: 'final',
    category: [{ coding: [CATEGORY.vitalSigns] }],
    ...body,
    subject: referenceTo(v.patientId),
    encounter: referenceTo(v.encounterId),
    effectiveDateTime: v.at,
    performer: [referenceTo(v.performerId)],
  };
}

/** One reading (pre-dose or a timeline entry) as one Observation per measurement taken. */
export function vitalsObservations(v: VitalsTaken): Resource[] {
  const out: Resource[] = [];
  if (v.systolic !== undefined && v.diastolic !== undefined) {
    const bp = BLOOD_PRESSURE;
    out.push(observation(v, 'bp', {
      code: { coding: [bp.panel], text: 'Blood pressure' },
      component: [
        { code: { coding: [bp.systolic] }, valueQuantity: quantity(v.systolic, bp.unit) },
        { code: { coding: [bp.diastolic] }, valueQuantity: quantity(v.diastolic, bp.unit) },
      ],
    }));
  }
  for (const key of ['heartRate', 'spo2', 'respiratoryRate'] as const) {
    const value = v[key];
    if (value === undefined) continue;
    const sign = VITAL_SIGNS[key];
    out.push(observation(v, key, {
      code: { coding: [...sign.codings], text: sign.codings[0].display },
      valueQuantity: quantity(value, sign.unit),
    }));
  }
  return out;
}

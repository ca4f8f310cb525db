// Patient, allergies, current medicines and clinicians as FHIR R4 resources.

import type { Patient } from '../schemas/patient';
import type { ExportClinician } from './records';
import { compact, referenceTo, type Resource } from './resource';
import { resourceId } from './uuid';

// FHIR's AdministrativeGender has no "intersex"; "other" is its value for it.
const GENDER: Record<Patient['sex'], string> = { female: 'female', male: 'male', intersex: 'other', unknown: 'unknown' };

export function patientResource(p: Patient): Resource {
  return compact({
    resourceType: 'Patient',
    id: resourceId(p.id),
    identifier: [{
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR', display: 'Medical record number' }] },
      value: p.mrn,
    }],
    name: [
      { use: 'official', text: p.legalName },
      ...(p.preferredName ? [{ use: 'usual', text: p.preferredName }] : []),
    ],
    gender: GENDER[p.sex],
    birthDate: p.dateOfBirth,
    contact: p.emergencyContactName || p.emergencyContactPhone
      ? [compact({
          relationship: [{ text: 'Emergency contact' }],
          name: p.emergencyContactName ? { text: p.emergencyContactName } : null,
          telecom: p.emergencyContactPhone ? [{ system: 'phone', value: p.emergencyContactPhone }] : null,
        })]
      : null,
  });
}

const CLINICAL_STATUS = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';

/**
 * The chart's allergy answer. "Not asked" writes nothing (no statement was
 * made); "no known allergies" is a statement of its own, written as text since
 * no source in the clinical contract gives a code for it.
 */
export function allergyResources(p: Patient): Resource[] {
  if (p.allergyStatus === 'not-asked') return [];
  const text = p.allergyStatus === 'recorded' ? p.allergies ?? '' : 'No known allergies';
  return [{
    resourceType: 'AllergyIntolerance',
    id: resourceId(p.id, 'allergies'),
    clinicalStatus: { coding: [{ system: CLINICAL_STATUS, code: 'active' }] },
    code: { text },
    patient: referenceTo(p.id),
    recordedDate: p.updatedAt,
  }];
}

/** The patient's current medicines as the chart lists them (name and daily dose as typed). */
export function medicineResources(p: Patient): Resource[] {
  return p.medicines.map((m, i) => compact({
    resourceType: 'MedicationStatement',
    id: resourceId(p.id, `medicine/${i}`),
    status: 'active',
    medicationCodeableConcept: { text: m.name },
    subject: referenceTo(p.id),
    dateAsserted: p.updatedAt,
    dosage: m.dailyDoseMg === undefined ? null : [{ text: `${m.dailyDoseMg} mg a day` }],
  }));
}

export function practitionerResource(c: ExportClinician): Resource {
  return compact({
    resourceType: 'Practitioner',
    id: resourceId(c.id),
    active: c.active,
    name: [{ text: c.name }],
    qualification: c.credentials ? [{ code: { text: c.credentials } }] : null,
  });
}

// A consent entry as a FHIR R4 Consent: the patient was given this version of
// the clinic's consent form for this treatment, recorded by this clinician.

import type { Consent } from '../schemas/consent';
import { ROUTE_LABELS } from '../session/reference';
import { referenceTo, type Resource } from './resource';
import { resourceId } from './uuid';

const SCOPE = { system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment', display: 'Treatment' };

export function consentResource(c: Consent): Resource {
  return {
    resourceType: 'Consent',
    id: resourceId(c.id),
    // A superseded form version stays on the chart; it no longer stands as the patient's consent.
    status: c.current ? 'active' : 'inactive',
    scope: { coding: [SCOPE] },
    category: [{ text: 'Treatment consent' }],
    patient: referenceTo(c.patientId),
    dateTime: c.recordedAt,
    performer: [referenceTo(c.patientId)],
    policyRule: { text: `Clinic consent form version ${c.formVersion}, dated ${c.formDate}` },
    provision: { type: 'permit', code: [{ text: ROUTE_LABELS[c.plannedTreatment] }] },
  };
}

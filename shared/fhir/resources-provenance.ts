// Who signed what: each electronic signature as a Provenance — the clinician
// (a Practitioner) as agent, the signed record as target, the signing time as
// recorded, and the signature's meaning as the activity.

import type { Signature } from '../auth/status';
import { referenceTo, type Reference, type Resource } from './resource';
import { resourceId } from './uuid';

const PARTICIPANT_TYPE = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';

/**
 * The exported resource a signature is about. Screenings are not exported as
 * resources, so their signatures point at the screening by its record id.
 */
function targetOf(s: Signature): Reference | { identifier: { value: string }; display: string } {
  switch (s.entity) {
    case 'patient': case 'session': case 'consent': case 'questionnaire':
      return referenceTo(resourceId(s.entityId));
    default:
      return { identifier: { value: s.entityId }, display: `KetaDesk ${s.entity} record` };
  }
}

export function provenanceResource(s: Signature): Resource {
  return {
    resourceType: 'Provenance',
    id: resourceId(s.id),
    target: [targetOf(s)],
    recorded: s.at,
    activity: { text: s.meaning },
    agent: [{
      type: { coding: [{ system: PARTICIPANT_TYPE, code: 'author', display: 'Author' }] },
      who: referenceTo(s.clinicianId, [s.clinicianName, s.clinicianCredentials].filter(Boolean).join(', ')),
    }],
    reason: [{ text: `Electronic signature (${s.method === 'pin' ? 'PIN' : 'passphrase'} re-entered)` }],
  };
}

import { CONSENT_FORM } from '../printouts/consent';
import type { PlannedTreatment } from '../printouts/input';
import type { Consent } from '../schemas/consent';
import { ROUTE_LABELS } from '../session/reference';

// Where a patient stands on consent for one treatment. The latest answer for
// that treatment decides: a signed consent on the form in force that has not
// been withdrawn lets a session start; a later decline, a withdrawal or a newer
// form version means the patient must sign again. Shared so the chart shows
// exactly what the store's session gate decides.

export type ConsentStanding =
  | { state: 'consented'; consent: Consent }
  | { state: 'none' }
  | { state: 'declined'; consent: Consent }
  | { state: 'withdrawn'; consent: Consent }
  | { state: 'older-form'; consent: Consent };

/** `entries` newest answer first, as the store lists them. */
export function consentStanding(entries: readonly Consent[], treatment: PlannedTreatment): ConsentStanding {
  const latest = entries.find((c) => c.plannedTreatment === treatment);
  if (!latest) return { state: 'none' };
  if (latest.status === 'declined') return { state: 'declined', consent: latest };
  if (latest.status === 'withdrawn') return { state: 'withdrawn', consent: latest };
  if (latest.formVersion !== CONSENT_FORM.version) return { state: 'older-form', consent: latest };
  return { state: 'consented', consent: latest };
}

/**
 * Why a session for this treatment cannot start, in words that say how to fix
 * it, or null when the patient has consented. Dates are given as the record
 * stores them (YYYY-MM-DD, UTC), like the screening's expiry.
 */
export function consentProblem(standing: ConsentStanding, treatment: PlannedTreatment): string | null {
  const when = (iso: string) => iso.slice(0, 10);
  const fix = `Print the consent form (version ${CONSENT_FORM.version}) from the chart's Printouts tab and record the patient's signature first.`;
  const label = ROUTE_LABELS[treatment];
  switch (standing.state) {
    case 'consented':
      return null;
    case 'none':
      return `This patient has no signed consent for ${label}. ${fix}`;
    case 'declined':
      return `This patient declined consent for ${label} on ${when(standing.consent.answeredAt)}. A session can start only after they sign a new consent. ${fix}`;
    case 'withdrawn':
      return `This patient withdrew consent for ${label} on ${when(standing.consent.withdrawal!.withdrawnAt)} (${standing.consent.withdrawal!.reason}). A session can start only after they sign a new consent. ${fix}`;
    case 'older-form':
      return `This patient's consent for ${label} is on an older consent form (version ${standing.consent.formVersion}). ${fix}`;
  }
}

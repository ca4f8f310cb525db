// Who may start a session, decided in one place so the chart's "Start session"
// button and the store's refusal always agree.

import { consentProblem } from '../shared/consent/standing';
import { CONSENT_FORM } from '../shared/printouts/consent';
import type { Screening } from '../shared/schemas/screening';
import { ROUTE_LABELS, type Route } from '../shared/session/reference';
import type { EligibilityReason, SessionEligibility } from '../shared/session/schemas';
import { toMs } from '../shared/session/time';
import type { ConsentStore } from './consent-store';
import type { RemsStore } from './rems-store';
import { requireCourse, type CourseGateDeps } from './course-gate';
import type { ScreeningStore } from './screening-store';
import type { SuicideRiskStore } from './suicide-risk-store';
import type { StoreCore } from './store-core';

/** What the session feature needs of the store: the core, plus the screening and consent it checks. */
export interface SessionStoreDeps extends StoreCore, CourseGateDeps {
  readonly screening: Pick<ScreeningStore, 'get'>;
  readonly consent: Pick<ConsentStore, 'standing'>;
  readonly suicideRisk: Pick<SuicideRiskStore, 'gate' | 'freezeForSession' | 'forSession'>;
  readonly rems: Pick<RemsStore, 'enrollmentReason' | 'dischargeItem'>;
}

const reason = (code: EligibilityReason['code'], message: string): EligibilityReason => ({ code, message });

/**
 * The screening rule: the latest signed screening, not expired at `at`, not
 * amended, for this treatment when one is named, and not contraindicated
 * unless a prescriber overrode it with a written reason.
 */
function screeningReasons(s: Screening | null, at: string, route: Route | null): EligibilityReason[] {
  if (!s?.signature) return [reason('no-signed-screening', 'This patient has no signed screening. Screen the patient first.')];
  const out: EligibilityReason[] = [];
  if (s.amendedById) out.push(reason('screening-amended', 'The latest screening has been amended; use the amended one.'));
  if (toMs(at) < toMs(s.signature.signedAt)) {
    out.push(reason('no-signed-screening', 'Dosing cannot start before the screening was signed.'));
  }
  if (toMs(at) >= toMs(s.signature.expiresAt)) {
    out.push(reason('screening-expired', `The screening expired on ${s.signature.expiresAt.slice(0, 10)}. Screen the patient again.`));
  }
  if (s.result.verdict === 'incomplete') {
    out.push(reason('no-signed-screening', 'The latest screening is incomplete. Screen the patient again.'));
  }
  if (s.result.verdict === 'contraindicated' && !s.signature.overrideReason) {
    out.push(reason('screening-contraindicated', 'The screening found a contraindication that no prescriber has overridden.'));
  }
  if (route && s.case.plannedTreatment !== route) {
    out.push(reason('screening-other-treatment',
      `The screening was for ${ROUTE_LABELS[s.case.plannedTreatment]}, not ${ROUTE_LABELS[route]}. Screen the patient for this treatment.`));
  }
  return out;
}

/**
 * Consent: the one place a session start asks whether the patient has
 * consented. The latest answer for this treatment decides (shared/consent/standing.ts):
 * it must be a signed consent on the form version in force, not withdrawn.
 */
export function requireConsent(store: SessionStoreDeps, patientId: string, route: Route | null): EligibilityReason | null {
  const standing = store.consent.standing(patientId, route);
  if (standing.state === 'consented') return null;
  // With no treatment named, "no consent for any treatment" is the one thing to say.
  const message = route ? consentProblem(standing, route) : `This patient has no signed consent for any treatment. Print the consent form (version ${CONSENT_FORM.version}) from the chart's Printouts tab and record the patient's signature first.`;
  return reason('consent-required', message!);
}

export function sessionEligibility(store: SessionStoreDeps, patientId: string, at: string, route: Route | null): SessionEligibility {
  const screeningId = store.sessions.latestSignedScreeningId(patientId);
  const screening = screeningId ? store.screening.get(screeningId) : null;
  const reasons = screeningReasons(screening, at, route);
  const openSessionId = store.sessions.openSessionId(patientId);
  if (openSessionId) reasons.push(reason('session-open', 'This patient has a session that has not been discharged. Discharge it first.'));
  const consent = requireConsent(store, patientId, route);
  if (consent) reasons.push(consent);
  const suicideRisk = store.suicideRisk.gate(patientId, at);
  reasons.push(...suicideRisk.reasons);
  // Esketamine: the patient must be enrolled in the REMS before the dose [REFERENCE §4, S8].
  const rems = route === 'esketamine-nasal' ? store.rems.enrollmentReason(patientId, at) : null;
  if (rems) reasons.push(rems);
  const course = requireCourse(store, patientId, route, at);
  if (course) reasons.push(course);
  return {
    eligible: reasons.length === 0,
    screening,
    overrideReason: screening?.signature?.overrideReason ?? null,
    openSessionId,
    reasons,
    suicideRisk: suicideRisk.status,
  };
}

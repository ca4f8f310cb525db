import type { Screening } from '../schemas/screening';
import type { Consent } from '../schemas/consent';
import type { SessionView } from '../session/schemas';

// What an electronic signature means, in words, as it is stored with the
// signature and printed on the record (21 CFR Part 11: a signature is bound to
// its meaning). One function per signed action, so the words are the same
// wherever they are shown.

const PLANNED_TREATMENT_WORDS: Record<Consent['plannedTreatment'], string> = {
  'iv-ketamine': 'IV ketamine',
  'im-ketamine': 'IM ketamine',
  'esketamine-nasal': 'esketamine nasal spray',
};

export function screeningSignedMeanings(s: Screening): string[] {
  const meanings = [`signed screening (verdict: ${s.result.verdict})`];
  const reason = s.signature?.overrideReason;
  if (reason) {
    for (const f of s.result.findings.filter((x) => x.severity === 'contraindicated')) {
      meanings.push(`overrode ${f.ruleId}: ${reason}`);
    }
  }
  if (s.signature?.amendmentReason) meanings.push(`amended an earlier screening: ${s.signature.amendmentReason}`);
  return meanings;
}

export const patientAmendedMeaning = (reason: string) => `amended the patient record: ${reason}`;

export const consentRecordedMeaning = (c: Consent) =>
  `recorded consent (form version ${c.formVersion}, ${PLANNED_TREATMENT_WORDS[c.plannedTreatment]})`;

export const proceedDespiteConcernsMeaning = (reason: string) => `decided to proceed despite pre-dose concerns: ${reason}`;

export const entryCorrectedMeaning = (reason: string) => `corrected a timeline entry: ${reason}`;

export function dischargedMeaning(view: SessionView): string {
  const reason = view.session.discharge?.overrideReason;
  return reason ? `discharged against the checklist: ${reason}` : 'discharged (readiness checklist met)';
}

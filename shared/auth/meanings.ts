import type { Screening } from '../schemas/screening';
import type { ScreeningResult } from '../screening';
import type { Consent } from '../schemas/consent';
import type { SessionView } from '../session/schemas';
import type { ClinicianRole } from '../schemas/clinician';
import type { Signature } from './status';
import { KIND_WORDS, OUTCOME_LABELS, type AssessmentKind, type AssessmentOutcome } from '../suicide-risk/schemas';
import { doseOrderWords, indicationWords, type Course, type Phase } from '../course';

// What an electronic signature means, in words, as it is stored with the
// signature and printed on the record (21 CFR Part 11: a signature is bound to
// its meaning). One function per signed action, so the words are the same
// wherever they are shown.

const PLANNED_TREATMENT_WORDS: Record<Consent['plannedTreatment'], string> = {
  'iv-ketamine': 'IV ketamine',
  'im-ketamine': 'IM ketamine',
  'esketamine-nasal': 'esketamine nasal spray',
};

/** Reasons as typed when signing, or as stored with a signed screening. */
interface ScreeningReasons {
  overrideReason?: string | null | undefined;
  amendmentReason?: string | null | undefined;
}

/** What signing a screening with this verdict and these reasons means; also the preview before signing. */
export function screeningMeanings(
  result: { verdict: ScreeningResult['verdict']; findings: ReadonlyArray<{ ruleId: string; severity: string }> },
  reasons: ScreeningReasons,
): string[] {
  const meanings = [`signed screening (verdict: ${result.verdict})`];
  const reason = reasons.overrideReason?.trim();
  if (reason) {
    for (const f of result.findings.filter((x) => x.severity === 'contraindicated')) {
      meanings.push(`overrode ${f.ruleId}: ${reason}`);
    }
  }
  const amendment = reasons.amendmentReason?.trim();
  if (amendment) meanings.push(`amended an earlier screening: ${amendment}`);
  return meanings;
}

export const screeningSignedMeanings = (s: Screening): string[] => screeningMeanings(s.result, s.signature ?? {});

export const patientAmendedMeaning = (reason: string) => `amended the patient record: ${reason}`;

type ConsentWords = Pick<Consent, 'formVersion' | 'plannedTreatment'>;
const consentWords = (c: ConsentWords) => `form version ${c.formVersion}, ${PLANNED_TREATMENT_WORDS[c.plannedTreatment]}`;

export const consentSignedMeaning = (c: ConsentWords & { witnessName: string }) =>
  `recorded that the patient signed the consent form (${consentWords(c)}), witnessed by ${c.witnessName.trim()}`;

export const consentDeclinedMeaning = (c: ConsentWords) => `recorded that the patient declined consent (${consentWords(c)})`;

export const consentWithdrawnMeaning = (c: ConsentWords, reason: string) =>
  `recorded that the patient withdrew consent (${consentWords(c)}): ${reason.trim()}`;

export const doseChangedMeaning = (reason: string) => `gave a dose other than the course's order: ${reason}`;

/** Ordering a treatment course: its treatment, indication and dose, in words. */
export const courseOrderedMeaning = (c: Pick<Course, 'route' | 'indication' | 'indicationOther' | 'dose'>): string =>
  `ordered a treatment course (${PLANNED_TREATMENT_WORDS[c.route]}; ${indicationWords(c)}; dose ${c.dose ? doseOrderWords(c.dose) : 'not ordered'})`;

export const courseOrderChangedMeaning = (c: Pick<Course, 'route' | 'indication' | 'indicationOther' | 'dose'>, reason: string): string =>
  `changed the course order (${indicationWords(c)}; dose ${c.dose ? doseOrderWords(c.dose) : 'not ordered'}): ${reason}`;

export const coursePhaseMeaning = (phase: Phase, reason: string | null): string =>
  `moved the treatment course to ${phase}${reason ? `: ${reason}` : ''}`;

export const proceedDespiteConcernsMeaning = (reason: string) => `decided to proceed despite pre-dose concerns: ${reason}`;

export const questionnaireCorrectedMeaning = (reason: string) => `corrected a questionnaire: ${reason}`;

export const backupRestoredMeaning = (file: string, reason: string) => `restored the clinic’s records from backup ${file}: ${reason}`;
/** A prescriber's assessment of a positive ASQ: its kind and outcome, as the session record prints it. */
export const safetyAssessmentMeaning = (a: { kind: AssessmentKind; outcome: AssessmentOutcome }) =>
  `documented a ${KIND_WORDS[a.kind]} of a positive ASQ (outcome: ${OUTCOME_LABELS[a.outcome]})`;

export const entryCorrectedMeaning = (reason: string) => `corrected a timeline entry: ${reason}`;

/** What discharging means: with the checklist met, or against it for a written reason. */
export const dischargeMeaning = (overrideReason: string | null | undefined): string =>
  overrideReason ? `discharged against the checklist: ${overrideReason}` : 'discharged (readiness checklist met)';

export const dischargedMeaning = (view: SessionView): string => dischargeMeaning(view.session.discharge?.overrideReason);

const ROLE_WORDS: Record<ClinicianRole, string> = { prescriber: 'prescriber', nurse: 'nurse', 'front-desk': 'front desk' };

/** Who signs, as the dialog and the record name them: "Dr A Rivera, MD (prescriber)". */
export const signerWords = (s: { name: string; credentials: string; role: ClinicianRole }): string =>
  `${s.name}${s.credentials ? `, ${s.credentials}` : ''} (${ROLE_WORDS[s.role]})`;

/**
 * A stored signature as the record and its printout show it: "Signed
 * electronically by Dr A Rivera, MD (prescriber), 25 Nov 2026 09:12 — signed
 * screening (verdict: caution)". `when` formats the instant as local date and time.
 */
export const signatureLine = (s: Signature, when: (iso: string) => string): string =>
  `Signed electronically by ${signerWords({ name: s.clinicianName, credentials: s.clinicianCredentials, role: s.role })}, ${when(s.at)} — ${s.meaning}`;

import type { ScreeningResult } from './screening/engine';
import { ITEMS } from './screening/items';
import type { ClinicianRole } from './schemas/clinician';

// What must be true before a clinician may sign a screening. Pure, so the
// checklist screen shows exactly the reasons the store will give.

export interface SigningInput {
  acknowledgedRuleIds: readonly string[];
  overrideReason?: string | undefined;
  amendmentReason?: string | undefined;
  /** True when this screening corrects an earlier signed one. */
  isAmendment: boolean;
  signerRole: ClinicianRole;
}

export interface SigningProblem {
  field: 'answers' | 'acknowledgedRuleIds' | 'overrideReason' | 'amendmentReason' | 'signer';
  message: string;
}

const questionOf = (id: string) => (id === 'baselineVitals' ? 'baseline blood pressure' : ITEMS.find((i) => i.id === id)?.question ?? id);

/** Cautions to acknowledge, once per rule (two benzodiazepines are one acknowledgement). */
export function cautionRuleIds(result: ScreeningResult): string[] {
  return [...new Set(result.findings.filter((f) => f.severity === 'caution').map((f) => f.ruleId))];
}

export function signingProblems(result: ScreeningResult, input: SigningInput): SigningProblem[] {
  const problems: SigningProblem[] = [];
  if (result.verdict === 'incomplete' || result.missing.length > 0) {
    const n = result.missing.length;
    problems.push({
      field: 'answers',
      message: `${n} required ${n === 1 ? 'answer is' : 'answers are'} missing: ${result.missing.map(questionOf).join('; ')}`,
    });
  }
  const unacknowledged = cautionRuleIds(result).filter((id) => !input.acknowledgedRuleIds.includes(id));
  if (unacknowledged.length > 0) {
    problems.push({ field: 'acknowledgedRuleIds', message: `Acknowledge each caution before signing: ${unacknowledged.join(', ')}` });
  }
  if (result.verdict === 'contraindicated') {
    if (!input.overrideReason?.trim()) {
      problems.push({ field: 'overrideReason', message: 'A contraindication can only be overridden with a written reason' });
    }
    if (input.signerRole !== 'prescriber') {
      problems.push({ field: 'signer', message: 'Only a prescriber can override a contraindication' });
    }
  }
  if (input.isAmendment && !input.amendmentReason?.trim()) {
    problems.push({ field: 'amendmentReason', message: 'Say why this screening corrects the earlier one' });
  }
  return problems;
}

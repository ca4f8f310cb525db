// The screening engine: a pure function from a schema-valid case to the result
// the checklist screen, the session sheet and the `screen` command show.

import type { ScreeningCase } from './case-schema';
import { ITEMS, isItemRequired, type ItemId } from './items';
import { RULES, RULE_SET_VERSION, type Rule, type RuleCondition, type RuleId, type Severity } from './rules';

export const RESULT_FORMAT = 'ketamine-screening-result/v1';

export type Verdict = 'contraindicated' | 'incomplete' | 'caution' | 'clear';

/** A required item left unanswered, or the baseline blood pressure. */
export type MissingEntry = ItemId | 'baselineVitals';

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  source: string;
}

export interface ScreeningResult {
  format: typeof RESULT_FORMAT;
  ruleSetVersion: typeof RULE_SET_VERSION;
  verdict: Verdict;
  findings: Finding[];
  missing: MissingEntry[];
}

// Only a literal boolean counts as an answer and only a finite number as a
// measurement, so a malformed value can make a screening incomplete but never clear.
const isMeasured = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function holds(condition: Exclude<RuleCondition, { kind: 'medication-class' }>, c: ScreeningCase): boolean {
  switch (condition.kind) {
    case 'item':
      return c.answers[condition.itemId] === true;
    case 'blood-pressure-above': {
      // Whichever of the two values is present decides on its own.
      const { systolic, diastolic } = c.baselineVitals ?? {};
      return (
        (isMeasured(systolic) && systolic > condition.systolic) ||
        (isMeasured(diastolic) && diastolic > condition.diastolic)
      );
    }
    case 'age-below':
      return c.patient.ageYears < condition.years;
    case 'age-at-least':
      return c.patient.ageYears >= condition.years;
  }
}

function findingsOf(rule: Rule, c: ScreeningCase): Finding[] {
  const finding = (message: string): Finding => ({
    ruleId: rule.id as RuleId,
    severity: rule.severity,
    message,
    source: rule.source,
  });
  const { condition } = rule;
  if (condition.kind === 'medication-class') {
    // One finding per entry, named, so two benzodiazepines show as two lines.
    return (c.medications ?? [])
      .filter((m) => m.class === condition.medicationClass)
      .map((m) => finding(rule.message.replace('{medication}', () => m.name)));
  }
  return holds(condition, c) ? [finding(rule.message)] : [];
}

function missingOf(c: ScreeningCase): MissingEntry[] {
  const missing: MissingEntry[] = ITEMS.filter(
    (item) => isItemRequired(item, c.patient.sex) && typeof c.answers[item.id] !== 'boolean',
  ).map((item) => item.id);
  const { systolic, diastolic } = c.baselineVitals ?? {};
  if (!isMeasured(systolic) || !isMeasured(diastolic)) missing.push('baselineVitals');
  return missing;
}

function verdictOf(findings: readonly Finding[], missing: readonly MissingEntry[]): Verdict {
  if (findings.some((f) => f.severity === 'contraindicated')) return 'contraindicated';
  if (missing.length > 0) return 'incomplete';
  if (findings.some((f) => f.severity === 'caution')) return 'caution';
  return 'clear';
}

/** Screens one case against the default rule set. Never throws on a schema-valid case. */
export function screen(c: ScreeningCase): ScreeningResult {
  const fired = RULES.map((rule) => ({ rule, findings: findingsOf(rule, c) }));
  const firedIds = new Set(fired.filter((f) => f.findings.length > 0).map((f) => f.rule.id as string));
  const findings = fired
    .filter(({ rule }) => !('supersededBy' in rule && firedIds.has(rule.supersededBy)))
    .flatMap((f) => f.findings);
  const missing = missingOf(c);
  return {
    format: RESULT_FORMAT,
    ruleSetVersion: RULE_SET_VERSION,
    verdict: verdictOf(findings, missing),
    findings,
    missing,
  };
}

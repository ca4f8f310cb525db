import { describe, expect, it } from 'vitest';
import { missingWhy, progressText, questionText } from '../../renderer/src/screening/model';
import { ITEMS, screen, type ScreeningCase } from '../../shared/screening';
import type { Patient } from '../../shared/schemas/patient';

const patient = (sex: Patient['sex']) => ({ sex }) as Patient;
const blank = (sex: Patient['sex']): ScreeningCase => ({
  format: 'ketamine-screening/v1', patient: { ageYears: 38, sex }, plannedTreatment: 'esketamine-nasal', answers: {},
}) as ScreeningCase;

describe('checklist progress and the missing count agree', () => {
  it('counts the baseline blood pressure on its own, so header and panel add up and say why', () => {
    const { missing } = screen(blank('female'));
    expect(missing).toHaveLength(ITEMS.length + 1);
    expect(missingWhy(missing)).toBe(`${ITEMS.length} questions and the baseline blood pressure`);
    expect(progressText(patient('female'), missing)).toBe(
      `0 of ${ITEMS.length} required questions answered · baseline blood pressure still needed`,
    );
  });

  it('counts only the questions required for this patient', () => {
    const { missing } = screen(blank('male'));
    const required = missing.length - 1;
    expect(progressText(patient('male'), missing)).toBe(`0 of ${required} required questions answered · baseline blood pressure still needed`);
    expect(missingWhy(['baselineVitals'])).toBe('the baseline blood pressure');
    expect(missingWhy(['pregnant'])).toBe('1 question');
  });
});

describe('questions as a nurse asks them', () => {
  it('asks the escort question without a double negative, keeping "Yes" as the caution', () => {
    const item = ITEMS.find((i) => i.id === 'no-escort-home')!;
    expect(item.question).toMatch(/^No one/); // the rule set's wording, kept for the record
    expect(questionText(item)).not.toMatch(/\bno one\b|\bnot\b.*\bno\b/i);
    expect(questionText(item)).toMatch(/without an adult to take them/);
  });
});

import { describe, expect, it } from 'vitest';
import { ASQ, GAD7, PHQ9, PHQ_FOOTER, questionnaireAnswersSchema } from '../../shared/measures';
import { allTextOf, buildPrintout, documentFileName, DOCUMENT_IDS } from '../../shared/printouts';
import { answersOf, askedQuestions, draftOf, emptyDraft, scoreLine, scoreOfDraft, type Draft } from '../../renderer/src/measures/model';
import { printInput } from '../helpers/printouts';
import { readClinical } from '../helpers/screening';

// The questionnaire screens' model (what is asked, what is stored, the live
// score line) and the blank forms: the instruments' wording from the contract,
// unchanged, on paper with the patient's name.

const contract = readClinical('measures.md');

describe('questionnaire entry model', () => {
  it('asks ASQ question 5 only after a yes or refused to 1–4, and drops its answer and text otherwise', () => {
    const draft: Draft = { instrument: 'asq', answers: { 'asq-1': 'no', 'asq-2': 'no', 'asq-3': 'no', 'asq-4': 'no', 'asq-5': 'yes' }, details: { 'asq-5': 'x' } };
    expect(askedQuestions(draft).map((q) => q.number)).toEqual(['1', '2', '3', '4']);
    expect(answersOf(draft)).toEqual({
      instrument: 'asq',
      items: { 'asq-1': 'no', 'asq-2': 'no', 'asq-3': 'no', 'asq-4': 'no', 'asq-5': null },
      details: { 'asq-4': null, 'asq-5': null },
    });
    expect(scoreLine(scoreOfDraft(draft))).toBe('ASQ negative');

    const refused: Draft = { ...draft, answers: { ...draft.answers, 'asq-2': 'refused', 'asq-5': 'no' } };
    expect(askedQuestions(refused).map((q) => q.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(scoreLine(scoreOfDraft(refused))).toBe('ASQ positive non acute');
    const { 'asq-5': _, ...withoutFive } = refused.answers;
    const unanswered: Draft = { ...refused, answers: withoutFive };
    expect(scoreLine(scoreOfDraft(unanswered))).toBe('Incomplete (not answered: 5)');
  });

  it('keeps an ASQ follow-up only with a yes, trimmed', () => {
    const draft: Draft = { instrument: 'asq', answers: { 'asq-4': 'yes', 'asq-5': 'no' }, details: { 'asq-4': '  pills, 2019 ', 'asq-5': 'ignored' } };
    expect(answersOf(draft)).toMatchObject({ details: { 'asq-4': 'pills, 2019', 'asq-5': null } });
  });

  it('stores every PHQ-9 item, unanswered as null, and gives no total then (no prorating)', () => {
    const draft: Draft = { instrument: 'phq9', answers: { 'phq9-1': 3, difficulty: 2 }, details: {} };
    const stored = answersOf(draft);
    expect(questionnaireAnswersSchema.parse(stored)).toEqual(stored);
    expect(stored).toMatchObject({ difficulty: 2, items: { 'phq9-1': 3, 'phq9-9': null } });
    expect(scoreLine(scoreOfDraft(draft))).toBe('No total (not answered: 2, 3, 4, 5, 6, 7, 8, 9; totals are not prorated)');
    expect(draftOf(stored)).toEqual(draft);
    const full: Draft = { instrument: 'gad7', answers: Object.fromEntries(GAD7.items.map((i) => [i.id, 3])), details: {} };
    expect(scoreLine(scoreOfDraft(full))).toBe('21 of 21, severe');
    expect(answersOf(emptyDraft('gad7'))).toMatchObject({ difficulty: null });
  });
});

describe('blank questionnaire forms', () => {
  const forms = ['phq9-form', 'gad7-form', 'asq-form'] as const;

  it('are printouts of their own, held out of the reading-level test as the instruments’ own wording', () => {
    for (const id of forms) {
      expect(DOCUMENT_IDS).toContain(id);
      expect(buildPrintout(id, printInput()).audience).toBe('instrument');
    }
    expect(documentFileName('phq9-form', 'KD-1001', '2026-11-25')).toBe('phq-9-questionnaire-KD-1001-2026-11-25.pdf');
  });

  it('print the patient, lines for when it was filled in, and every item word for word as the contract has it', () => {
    for (const [id, items] of [['phq9-form', PHQ9.items], ['gad7-form', GAD7.items], ['asq-form', ASQ.items]] as const) {
      const form = buildPrintout(id, printInput());
      const all = allTextOf(form);
      expect(form.facts.map((f) => f.value)).toEqual(['Zoë Ångström', '2 July 1985', 'KD-1001', '25 November 2026']);
      expect(form.sections[0]!.blocks).toEqual([{ kind: 'fields', fields: [{ label: 'Date', value: null }, { label: 'Time', value: null }] }]);
      for (const item of items) {
        expect(all).toContain(`${item.number}. ${item.text}`);
        expect(contract).toContain(item.text);
      }
    }
    for (const id of ['phq9-form', 'gad7-form'] as const) {
      const all = allTextOf(buildPrintout(id, printInput()));
      expect(all).toContain(PHQ_FOOTER);
      expect(all).not.toContain('Not at all sure');
    }
    expect(allTextOf(buildPrintout('asq-form', printInput()))).toContain('If yes: how, and when');
  });
});

import { describe, expect, it } from 'vitest';
import {
  ASQ,
  ASQ_OPTIONS,
  ASQ_RESULT_ACTIONS,
  DIFFICULTY_OPTIONS,
  FREQUENCY_OPTIONS,
  GAD7,
  PHQ9,
  type FrequencyInstrument,
} from '../../shared/measures';
import { markdownTable, readClinical } from '../helpers/screening';

// The instruments' data against the contract's own text: the wording must be
// reproduced unchanged, and every code and band transcribed as written.

const contract = readClinical('measures.md');
/** One `## ` section of the contract, its lines unwrapped into single spaces. */
function section(title: string): string {
  const start = contract.indexOf(`\n## ${title}`);
  const end = contract.indexOf('\n## ', start + 1);
  if (start < 0) throw new Error(`no section ${title}`);
  return contract.slice(start, end < 0 ? undefined : end);
}
const unwrap = (text: string) => text.replace(/\s*\n\s*/g, ' ');
const quotedAfter = (text: string, lead: string) => {
  const flat = unwrap(text);
  const at = flat.indexOf(lead);
  if (at < 0) throw new Error(`no "${lead}"`);
  return flat.slice(at + lead.length).match(/^[^"]*"([^"]+)"/)?.[1];
};

describe.each([
  ['PHQ-9', PHQ9 as FrequencyInstrument],
  ['GAD-7', GAD7 as FrequencyInstrument],
])('%s as the contract writes it', (title, instrument) => {
  const text = section(title);

  it('has each item word for word, in order, with its LOINC code', () => {
    const rows = markdownTable(text, '# | item | LOINC');
    expect(instrument.items.map((i) => [String(i.number), i.text, i.loinc])).toEqual(rows);
  });

  it('has the stem word for word', () => {
    expect(instrument.stem).toBe(quotedAfter(text, 'Stem'));
  });

  it('has the total range, the total and panel codes, and the bands', () => {
    const flat = unwrap(text);
    const total = flat.match(/Total (\d+)–(\d+) \(LOINC ([\d-]+); panel ([\d-]+)(, to verify)?\)/);
    expect(total?.slice(1, 5)).toEqual(['0', String(instrument.total.max), instrument.total.loinc, instrument.panel.loinc]);
    expect(instrument.panel.verified).toBe(total?.[5] === undefined);
    const bands = [...(flat.match(/Bands: ([^.]+)\./)?.[1] ?? '').matchAll(/(\d+)–(\d+) `([a-z-]+)`/g)].map((m) => ({
      name: m[3],
      min: Number(m[1]),
      max: Number(m[2]),
    }));
    expect(instrument.bands).toEqual(bands);
  });
});

describe('shared PHQ-9 and GAD-7 parts', () => {
  const phq = section('PHQ-9');

  it('answers 0–3 with their labels and LOINC answer codes; never "Not at all sure"', () => {
    const answers = [...unwrap(phq).matchAll(/([A-Z][a-z ]+?) = (\d) \((LA[\d-]+)\)/g)].map((m) => ({
      value: Number(m[2]),
      label: m[1],
      loinc: m[3],
    }));
    expect(FREQUENCY_OPTIONS).toEqual(answers);
    expect(FREQUENCY_OPTIONS.map((o) => o.label)).not.toContain('Not at all sure');
  });

  it('has the functional item, its code, and its answers stored 0–3', () => {
    const lead = 'Functional item, not part of the total (LOINC ';
    expect(unwrap(phq)).toContain(`${lead}${PHQ9.difficulty.loinc}):`);
    expect(PHQ9.difficulty.text).toBe(quotedAfter(phq, lead));
    expect(GAD7.difficulty).toEqual({ ...PHQ9.difficulty, id: 'gad7-difficulty' });
    expect(DIFFICULTY_OPTIONS.map((o) => o.label).join(' / ')).toBe(unwrap(phq).match(/— (Not difficult at all[^(]+?) \(stored 0–3\)/)?.[1]);
    expect(DIFFICULTY_OPTIONS.map((o) => o.value)).toEqual([0, 1, 2, 3]);
  });

  it('shows the owners\' footer on both', () => {
    expect(PHQ9.footer).toBe(quotedAfter(phq, 'Footer on every printed or shown copy:'));
    expect(GAD7.footer).toBe(PHQ9.footer);
  });

  it('marks the GAD-7 response and remission as by analogy', () => {
    expect(PHQ9.changeDefinitions).toBe('published');
    expect(GAD7.changeDefinitions).toBe('by-analogy');
    expect(unwrap(section('Change from baseline'))).toContain('the GAD-7 ones are used by analogy');
  });
});

describe('ASQ as the contract writes it', () => {
  it('has each question word for word, with its free-text follow-up and the three answers', () => {
    const rows = markdownTable(section('ASQ'), '# | question | answers');
    const written = ASQ.items.map((i) => [
      String(i.number),
      i.followUp ? `${i.text} (${i.followUp.replace(/^I/, 'i')} — free text)` : i.text,
      ASQ_OPTIONS.map((o) => o.value).join(' / '),
    ]);
    expect(written).toEqual(rows);
  });

  it('says what each result asks of the clinic in the contract\'s words', () => {
    const text = unwrap(section('ASQ'));
    for (const action of Object.values(ASQ_RESULT_ACTIONS)) if (action) expect(text).toContain(action);
    expect(ASQ_RESULT_ACTIONS.incomplete).toBeNull();
  });

  it('asks question 5 only after a positive answer to 1–4', () => {
    expect(unwrap(section('ASQ'))).toContain(`Question ${ASQ.conditionalItem} is asked only when any of 1–4 is yes or refused.`);
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ITEM_IDS, screen, type ItemId, type ScreeningCase, type Verdict } from '../../shared/screening';

/** The clinical contract lives beside the repository, in shared/clinical. */
export const CLINICAL_DIR = fileURLToPath(new URL('../../../shared/clinical/', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const readClinical = (name: string) => readFileSync(`${CLINICAL_DIR}${name}`, 'utf8');

/** Rows of the markdown table whose header row starts with `| header`, cells trimmed. */
export function markdownTable(markdown: string, header: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${header}`));
  if (start < 0) throw new Error(`no table starting with "${header}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, -1).split(' | ').map((cell) => cell.trim()));
  }
  return rows;
}

/** `code` → code */
export const unquote = (cell: string) => cell.replace(/`/g, '');

export const allAnswers = (value: boolean | null) =>
  Object.fromEntries(ITEM_IDS.map((id) => [id, value])) as Record<ItemId, boolean | null>;

/** A complete, unremarkable case: every item false, BP 122/78, adult, no medicines. */
export function clearCase(overrides: Partial<ScreeningCase> = {}): ScreeningCase {
  return {
    format: 'ketamine-screening/v1',
    patient: { ageYears: 41, sex: 'female', weightKg: 68 },
    plannedTreatment: 'iv-ketamine',
    baselineVitals: { systolic: 122, diastolic: 78, heartRate: 70, spo2: 98 },
    answers: allAnswers(false),
    medications: [],
    ...overrides,
  };
}

export const withAnswer = (c: ScreeningCase, id: ItemId, value: boolean | null | undefined): ScreeningCase => {
  const answers = { ...c.answers };
  if (value === undefined) delete answers[id];
  else answers[id] = value;
  return { ...c, answers };
};

export const withBp = (systolic?: number, diastolic?: number) =>
  clearCase({ baselineVitals: { systolic, diastolic } });

export const ruleIdsOf = (c: ScreeningCase) => screen(c).findings.map((f) => f.ruleId).sort();

/** Severity order of verdicts: answering a question may settle "incomplete" but must never reach "clear". */
export const VERDICT_RANK: Record<Verdict, number> = { clear: 0, caution: 1, incomplete: 2, contraindicated: 3 };

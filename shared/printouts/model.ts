import type { Trend } from '../measures/trend';
import type { BenefitStudy, Per100, SideEffect } from './evidence';
import type { Cite, SourceId } from './sources';

// A printout as data: sections of typed blocks. The renderer draws them, the
// readability test reads their prose, and neither knows which sheet it is.

/** The chart's printouts (its Printouts panel lists them; the blank questionnaires also print from the Questionnaires tab). */
export const DOCUMENT_IDS = ['risk-benefit', 'consent', 'aftercare', 'monitoring-record', 'progress', 'phq9-form', 'gad7-form', 'asq-form'] as const;
export type ChartDocumentId = (typeof DOCUMENT_IDS)[number];
/** Everything KetaDesk prints: the chart's printouts and the esketamine REMS form, printed from a finished session. */
export const PRINTABLE_DOCUMENT_IDS = [...DOCUMENT_IDS, 'rems-form'] as const;
export type DocumentId = (typeof PRINTABLE_DOCUMENT_IDS)[number];

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  cites?: Cite[];
  /** Set in bold: the one thing not to miss in a section. */
  strong?: boolean;
}

export interface List {
  kind: 'list';
  /** `state` marks a tick box as recorded: met (ticked) or not met (crossed); absent, it is left to tick by hand. */
  items: Array<{ text: string; cites?: Cite[]; state?: 'met' | 'not-met' }>;
  /** Tick boxes for the reader to mark, instead of bullets. */
  tickBoxes?: boolean;
  /** Short items set in two columns, to keep a sheet to its pages. */
  twoColumns?: boolean;
}

/** One outcome of one study, both arms side by side as icon arrays. */
export interface Comparison {
  kind: 'comparison';
  study: BenefitStudy['id'];
  /** What the arrays count, e.g. "felt much better". */
  outcome: string;
  arms: Array<{ label: string; value: Per100; sentence: string }>;
  cites: Cite[];
}

/** Side effects as a table: each row an array of 100 with the comparison group's count inside it. */
export interface Effects {
  kind: 'effects';
  treatedLabel: string;
  comparatorLabel: string;
  /** Column headings for the three numbers of each row. */
  columns: { had: string; didNot: string; comparator: string };
  rows: Array<{
    effect: SideEffect;
    name: string;
    /** Both framings and the comparison in one sentence, e.g. for the array's text alternative. */
    sentence: string;
    had: string;
    didNot: string;
    comparator: string;
  }>;
  cites: Cite[];
}

export interface Contact {
  label: string;
  /** Null prints a line to write on: the clinic has not set it yet. */
  value: string | null;
  strong?: boolean;
}

export interface Contacts {
  kind: 'contacts';
  contacts: Contact[];
}

/** Labelled values; a null value is a line to fill in by hand. */
export interface Fields {
  kind: 'fields';
  fields: Array<{ label: string; value: string | null; wide?: boolean }>;
}

export interface Signatures {
  kind: 'signatures';
  signers: Array<{ role: string; name: string | null }>;
}

/** A grid to record in, with printed rows first and empty rows to write on. */
export interface RecordTable {
  kind: 'table';
  caption: string;
  columns: Array<{ label: string; width?: number }>;
  rows: string[][];
  blankRows: number;
}

export interface Sources {
  kind: 'sources';
  sources: Array<{ id: SourceId; text: string }>;
}

/** PHQ-9 and GAD-7 totals over time as a chart, with its story in sentences under it. */
export interface TrendBlock {
  kind: 'trend';
  trend: Trend;
  /** What the chart shows, in words: read by the patient and by a screen reader. */
  sentences: string[];
  /** The questionnaires' owners' line, printed small under the chart. */
  note: string;
}

export type Block = Paragraph | List | Comparison | Effects | Contacts | Fields | Signatures | RecordTable | Sources | TrendBlock;

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
  /** Keep the whole section on one page (short sections, signature blocks). */
  keepTogether?: boolean;
}

export interface Printout {
  document: DocumentId;
  /**
   * Sheets for patients are held to the reading-level limit; the monitoring
   * record is for staff. A questionnaire (PHQ-9, GAD-7, ASQ) is for the patient
   * but in its owners' wording, which may only be printed unchanged
   * (measures.md), so it is not rewritten to a reading level.
   */
  audience: 'patient' | 'staff' | 'instrument';
  title: string;
  /** The lines under the title: who, when, what. */
  facts: Array<{ label: string; value: string }>;
  sections: Section[];
  /** Repeated on every printed page. */
  running: {
    clinicName: string;
    patientName: string;
    date: string;
    /** Bottom left of each page: the document, and for a form its version and date. */
    footer: string;
  };
}

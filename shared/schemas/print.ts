import { z } from 'zod';
import { PRINTABLE_DOCUMENT_IDS } from '../printouts/model';
import { PAPER_SIZES } from './settings';
import { id, isoDate } from './common';

// Printing from the desktop app: the renderer lays the sheet out, the main
// process prints it or saves it as a PDF. In browser mode the browser's own
// print dialog does both, and this channel only names the file.

export const PRINT_ACTIONS = ['print', 'save-pdf'] as const;

export const printRequest = z.strictObject({
  document: z.enum(PRINTABLE_DOCUMENT_IDS, { error: `Document must be one of ${PRINTABLE_DOCUMENT_IDS.join(', ')}` }),
  patientId: id,
  /** The day printed on the sheet. */
  onDay: isoDate('Date'),
  action: z.enum(PRINT_ACTIONS, { error: 'Action must be print or save-pdf' }),
});

export const printResult = z.object({
  fileName: z.string(),
  paperSize: z.enum(PAPER_SIZES),
  /** "ready": planned only (browser mode prints itself); the desktop app reports what happened. */
  outcome: z.enum(['ready', 'printed', 'saved', 'cancelled']),
});

export type PrintRequest = z.output<typeof printRequest>;
export type PrintResult = z.output<typeof printResult>;

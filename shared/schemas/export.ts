import { z } from 'zod';
import { CSV_TABLES } from '../export/tables';
import { id } from './common';

// Exports: a FHIR R4 Bundle of one patient or of the whole clinic, and the
// spreadsheet tables. The answer is a file the screen saves (a download in
// the browser, the save dialog in the desktop app).

export const exportFile = z.object({
  fileName: z.string(),
  mediaType: z.enum(['application/fhir+json', 'text/csv']),
  content: z.string(),
});
export type ExportFile = z.output<typeof exportFile>;

export const fhirPatientExport = z.strictObject({ patientId: id });

export const csvExport = z.strictObject({
  table: z.enum(CSV_TABLES, { error: `Table must be one of ${CSV_TABLES.join(', ')}` }),
});

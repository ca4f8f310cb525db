import type { PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import { documentFileName } from '../../shared/printouts/file-name';
import type { DocumentId } from '../../shared/printouts/model';
import { PAPER } from '../../shared/printouts/page-css';
import type { PrintRequest, PrintResult } from '../../shared/schemas/print';
import type { PaperSize } from '../../shared/schemas/settings';

// The pure half of printing in the desktop app: what the file is called and
// which options Electron gets. The sheet's own @page rule sets its margins,
// running header and footer, so Electron is told to prefer it.

export function printPlan(request: Pick<PrintRequest, 'document' | 'onDay'>, mrn: string, paperSize: PaperSize): PrintResult {
  return { fileName: documentFileName(request.document as DocumentId, mrn, request.onDay), paperSize, outcome: 'ready' };
}

export function pdfOptions(paperSize: PaperSize): PrintToPDFOptions {
  return {
    pageSize: PAPER[paperSize].pdfFormat,
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: false,
    generateDocumentOutline: false,
  };
}

/** The system print dialog, preset to the clinic's paper; no browser header or footer (the sheet has its own). */
export function printOptions(paperSize: PaperSize): WebContentsPrintOptions {
  return { silent: false, printBackground: true, pageSize: PAPER[paperSize].pdfFormat };
}

/** The save dialog's suggestion: the planned file name, PDFs only. */
export function saveDialogOptions(fileName: string) {
  return {
    title: 'Save as PDF',
    defaultPath: fileName,
    filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
  };
}

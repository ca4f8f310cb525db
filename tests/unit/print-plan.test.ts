import { describe, expect, it } from 'vitest';
import { pdfOptions, printOptions, printPlan, saveDialogOptions } from '../../electron/print/plan';

// The pure half of desktop printing; the Electron half (electron/print/run.ts)
// only hands these to webContents and the save dialog.

describe('desktop print plan', () => {
  it('names the file after the document, MRN and day, on the clinic’s paper', () => {
    expect(printPlan({ document: 'consent', onDay: '2026-11-25' }, 'KD-1001', 'letter')).toEqual({
      fileName: 'consent-form-KD-1001-2026-11-25.pdf', paperSize: 'letter', outcome: 'ready',
    });
  });

  it('lets the sheet’s own @page rule set size, margins, header and footer', () => {
    expect(pdfOptions('a4')).toEqual({
      pageSize: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false, generateDocumentOutline: false,
    });
    expect(pdfOptions('letter').pageSize).toBe('Letter');
    expect(printOptions('letter')).toEqual({ silent: false, printBackground: true, pageSize: 'Letter' });
  });

  it('suggests the planned file name and only PDFs in the save dialog', () => {
    expect(saveDialogOptions('aftercare-KD-1-2026-11-25.pdf')).toMatchObject({
      defaultPath: 'aftercare-KD-1-2026-11-25.pdf',
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
  });
});

import type { PaperSize } from '../schemas/settings';
import type { Printout } from './model';

// The printed page: paper size and the running header and footer, as one CSS
// @page rule. Chromium draws @page margin boxes both for window.print() and
// for printToPDF, so every page carries the patient, the date and its number
// whichever way the sheet is printed.

export const PAPER: Record<PaperSize, { label: string; css: string; pdfFormat: 'A4' | 'Letter'; widthMm: number; heightMm: number }> = {
  a4: { label: 'A4', css: 'A4', pdfFormat: 'A4', widthMm: 210, heightMm: 297 },
  letter: { label: 'US Letter', css: 'letter', pdfFormat: 'Letter', widthMm: 215.9, heightMm: 279.4 },
};

/** Page margins in mm: room above and below for the running header and footer. */
export const PAGE_MARGINS_MM = { top: 14, right: 15, bottom: 12, left: 15 } as const;

/**
 * Text as a CSS string literal. Quotes and backslashes are escaped, line
 * breaks become spaces, and "<" is escaped so the text can never close the
 * <style> element it is written into.
 */
export function cssString(text: string): string {
  const escaped = text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\\"<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return `"${escaped}"`;
}

/** "Maria Lopez · 25 November 2026" at the top right, the document at the bottom left, "Page 1 of 2" at the bottom right. */
export function pageCss(paperSize: PaperSize, running: Printout['running']): string {
  const m = PAGE_MARGINS_MM;
  const box = 'font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 8.5pt; color: #4a5259;';
  return `@page {
  size: ${PAPER[paperSize].css};
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @top-left { content: ${cssString(running.clinicName)}; ${box} vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: ${cssString(`${running.patientName} · ${running.date}`)}; ${box} vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-left { content: ${cssString(running.footer)}; ${box} vertical-align: top; padding-top: 3mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} vertical-align: top; padding-top: 3mm; }
}`;
}

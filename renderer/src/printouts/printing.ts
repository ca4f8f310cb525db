import { documentFileName } from '../../../shared/printouts/file-name';
import type { DocumentId } from '../../../shared/printouts/model';
import type { Result } from '../../../shared/result';
import type { PrintResult } from '../../../shared/schemas/print';
import { call } from '../api/client';

export type PrintAction = 'print' | 'save-pdf';

/** The desktop app has the preload's bridge; browser mode has not. */
export const isDesktop = () => window.ketadesk !== undefined;

/** Waits until the sheet is laid out and its images (the logo) are decoded, so nothing prints half-drawn. */
async function settled(root: HTMLElement | null): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await document.fonts?.ready;
  const images = root ? [...root.querySelectorAll('img')] : [];
  await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
}

/**
 * Prints the sheet on screen, or saves it as a PDF. The desktop app does both
 * in its main process; in browser mode the browser's print dialog does both
 * (its "Save as PDF" printer), and the page title becomes the file name it
 * suggests.
 */
export async function printSheet(
  req: { document: DocumentId; patientId: string; mrn: string; onDay: string; action: PrintAction },
  root: HTMLElement | null,
): Promise<Result<PrintResult | null>> {
  await settled(root);
  if (isDesktop()) {
    return call('print.document', { document: req.document, patientId: req.patientId, onDay: req.onDay, action: req.action });
  }
  const previous = document.title;
  document.title = documentFileName(req.document, req.mrn, req.onDay).replace(/\.pdf$/, '');
  try {
    window.print();
  } finally {
    document.title = previous;
  }
  return { ok: true, data: null };
}

import { DOCUMENTS } from './documents';
import type { DocumentId } from './model';

/** "consent-form-KD-1001-2026-11-25.pdf": the document, the patient's MRN (made file-safe) and the day. */
export function documentFileName(document: DocumentId, mrn: string, onDay: string): string {
  const safeMrn = mrn.replace(/[^A-Za-z0-9-]+/g, '_').replace(/^_+|_+$/g, '') || 'patient';
  return `${DOCUMENTS[document].fileStem}-${safeMrn}-${onDay}.pdf`;
}

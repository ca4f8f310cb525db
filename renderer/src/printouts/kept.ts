import type { ChartDocumentId as DocumentId } from '../../../shared/printouts/model';

// What the chart's printouts keep per patient while another tab is shown: the
// next visit as typed (shared by the Printouts tab and the session screen's
// aftercare button), the session chosen for the monitoring record, and a
// sheet another tab asked to open.

export const keptNextVisit = new Map<string, string>();
export const keptSessionChoice = new Map<string, string>();
const pendingOpen = new Map<string, DocumentId>();

/** Asks the Printouts tab to open a sheet when it is next shown; for the monitoring record, of that session. */
export function openInPrintouts(patientId: string, document: DocumentId, sessionId?: string): void {
  if (sessionId) keptSessionChoice.set(patientId, sessionId);
  pendingOpen.set(patientId, document);
}

/** The sheet asked for, once: taking it clears the request. */
export function takePendingOpen(patientId: string): DocumentId | undefined {
  const document = pendingOpen.get(patientId);
  pendingOpen.delete(patientId);
  return document;
}

import { aftercareSheet } from './aftercare';
import { consentForm } from './consent';
import type { PrintInput } from './input';
import type { ChartDocumentId, Printout } from './model';
import { monitoringRecord, type SessionRecordData } from './monitoring-record';
import { riskBenefitSheet } from './risk-benefit';

/** What some documents need beyond the common input. */
export interface PrintExtras {
  /** Aftercare: the next visit as typed; blank prints a line to write on. */
  nextVisit?: string | null;
  /** Monitoring record: the session, once the session feature provides one. */
  session?: SessionRecordData | null;
}

export function buildPrintout(document: ChartDocumentId, input: PrintInput, extras: PrintExtras = {}): Printout {
  switch (document) {
    case 'risk-benefit':
      return riskBenefitSheet(input);
    case 'consent':
      return consentForm(input);
    case 'aftercare':
      return aftercareSheet({ ...input, nextVisit: extras.nextVisit ?? null });
    case 'monitoring-record':
      return monitoringRecord(input, extras.session ?? null);
  }
}

import { aftercareSheet } from './aftercare';
import { consentForm } from './consent';
import type { ConsentIndication } from './consent-indication';
import type { PrintInput } from './input';
import type { ChartDocumentId, Printout } from './model';
import { monitoringRecord, type SessionRecordData } from './monitoring-record';
import { progressSheet } from './progress';
import type { RemsRecordStatus } from './rems-status';
import { questionnaireForm } from './questionnaire-form';
import { riskBenefitSheet } from './risk-benefit';
import type { Trend } from '../measures/trend';

/** What some documents need beyond the common input. */
export interface PrintExtras {
  /** Aftercare: the next visit as typed; blank prints a line to write on. */
  nextVisit?: string | null;
  /** Consent form: the indication of the patient's active course for the treatment; none reads "low mood or anxiety". */
  indication?: ConsentIndication | null;
  /** Monitoring record: the session, once the session feature provides one. */
  session?: SessionRecordData | null;
  /** Monitoring record of an esketamine session: its REMS form's status, from what was recorded. */
  rems?: RemsRecordStatus | null;
  /** Progress sheet: the patient's PHQ-9 and GAD-7 trend; none prints the sheet without scores. */
  trend?: Trend | null;
}

export function buildPrintout(document: ChartDocumentId, input: PrintInput, extras: PrintExtras = {}): Printout {
  switch (document) {
    case 'risk-benefit':
      return riskBenefitSheet(input);
    case 'consent':
      return consentForm(input, extras.indication ?? null);
    case 'aftercare':
      return aftercareSheet({ ...input, nextVisit: extras.nextVisit ?? null });
    case 'monitoring-record':
      return monitoringRecord(input, extras.session ?? null, extras.rems ?? null);
    case 'progress':
      return progressSheet(input, extras.trend ?? null);
    case 'phq9-form':
      return questionnaireForm('phq9', input);
    case 'gad7-form':
      return questionnaireForm('gad7', input);
    case 'asq-form':
      return questionnaireForm('asq', input);
  }
}

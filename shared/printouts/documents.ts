import type { DocumentId } from './model';

// The four printouts, as the chart's Printouts panel lists them.

export interface DocumentInfo {
  id: DocumentId;
  title: string;
  /** One line for the panel: what it is for. */
  purpose: string;
  /** Used in the saved PDF's file name. */
  fileStem: string;
}

export const DOCUMENTS: Record<DocumentId, DocumentInfo> = {
  'risk-benefit': {
    id: 'risk-benefit',
    title: 'Benefits and risks',
    purpose: 'For the patient before they decide: how likely it is to help, side effects as X in 100, who should not have it.',
    fileStem: 'benefits-and-risks',
  },
  consent: {
    id: 'consent',
    title: 'Consent form',
    purpose: 'To sign before the first session. Printing it records a consent of this form version on the chart.',
    fileStem: 'consent-form',
  },
  aftercare: {
    id: 'aftercare',
    title: 'Aftercare',
    purpose: 'To take home after each session: the rest of the day, warning signs, who to call, the next visit.',
    fileStem: 'aftercare',
  },
  'monitoring-record': {
    id: 'monitoring-record',
    title: 'Session monitoring record',
    purpose: 'For staff: checks before dosing, vital signs during the session and discharge.',
    fileStem: 'session-monitoring-record',
  },
  'rems-form': {
    id: 'rems-form',
    title: 'REMS Patient Monitoring Form',
    purpose: 'For the esketamine REMS: one finished session’s answers in the form’s order, to transcribe or fax within 7 days.',
    fileStem: 'rems-patient-monitoring-form',
  },
};

export const documentTitle = (id: DocumentId) => DOCUMENTS[id].title;

import type { DocumentId } from './model';

// The printouts, as the chart's Printouts panel lists them; the blank
// questionnaires are also printed from the Questionnaires tab.

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
    purpose: 'To sign before the first session. Printing records nothing: record the patient’s answer below once they sign or decline.',
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
  progress: {
    id: 'progress',
    title: 'Your progress',
    purpose: 'For the patient: their PHQ-9 and GAD-7 scores over time, what they mean, and who to call.',
    fileStem: 'progress',
  },
  'phq9-form': {
    id: 'phq9-form',
    title: 'PHQ-9 questionnaire',
    purpose: 'Blank, for the patient to fill in on paper; the answers are typed in on the Questionnaires tab.',
    fileStem: 'phq-9-questionnaire',
  },
  'gad7-form': {
    id: 'gad7-form',
    title: 'GAD-7 questionnaire',
    purpose: 'Blank, for the patient to fill in on paper; the answers are typed in on the Questionnaires tab.',
    fileStem: 'gad-7-questionnaire',
  },
  'asq-form': {
    id: 'asq-form',
    title: 'ASQ questionnaire',
    purpose: 'Blank suicide-risk screening questions on paper; the answers are typed in on the Questionnaires tab.',
    fileStem: 'asq-questionnaire',
  },
  'rems-form': {
    id: 'rems-form',
    title: 'REMS Patient Monitoring Form',
    purpose: 'For the esketamine REMS: one finished session’s answers in the form’s order, to transcribe or fax within 7 days.',
    fileStem: 'rems-patient-monitoring-form',
  },
};

/** The blank form of each questionnaire. */
export const QUESTIONNAIRE_FORMS = { phq9: 'phq9-form', gad7: 'gad7-form', asq: 'asq-form' } as const satisfies Record<string, DocumentId>;

export const documentTitle = (id: DocumentId) => DOCUMENTS[id].title;

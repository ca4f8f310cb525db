// What the export reads: one patient's records as the store keeps them. The
// database side (db/export-reader.ts) fills these; everything in shared/fhir
// and shared/export maps them without touching storage.

import type { Signature } from '../auth/status';
import type { Clinician } from '../schemas/clinician';
import type { Consent } from '../schemas/consent';
import type { Patient } from '../schemas/patient';
import type { Questionnaire } from '../schemas/questionnaire';
import type { Session, SessionEntry } from '../session/schemas';

export type ExportClinician = Pick<Clinician, 'id' | 'name' | 'credentials' | 'role' | 'active'>;

export interface ExportSession {
  session: Session;
  /** Every stored row, corrections included; the export uses the ones that count. */
  entries: readonly SessionEntry[];
  /** Alerts fired during the session (corrected entries' alerts included, as the chart counts them). */
  alertCount: number;
  /**
   * The lot number of the dose, once sessions record one; null until then.
   * The one place a lot reaches the export: see medicationOf in resources-session.ts.
   */
  lotNumber: string | null;
}

export interface ExportPatient {
  patient: Patient;
  /** Oldest first. */
  sessions: readonly ExportSession[];
  /** Every entry, corrected ones included, in the order taken. */
  questionnaires: readonly Questionnaire[];
  consents: readonly Consent[];
  /** Electronic signatures on the patient's records (the chart, screenings, sessions, consents, questionnaires). */
  signatures: readonly Signature[];
}

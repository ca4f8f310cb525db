import { randomUUID } from 'node:crypto';
import { CONSENT_FORM } from '../shared/printouts/consent';
import type { PlannedTreatment } from '../shared/printouts/input';
import { DomainError } from '../shared/result';
import type { Consent, ConsentRecordInput } from '../shared/schemas/consent';
import type { ConsentRow } from './repositories/consents';
import type { StoreCore } from './store-core';

/**
 * Consents: printing the consent form records which version a patient was
 * given, for which treatment, by whom and when. A session may start only when
 * the patient has a consent of the form version in force.
 */
export class ConsentStore {
  constructor(private readonly store: StoreCore) {}

  record(input: ConsentRecordInput, by: string, at: string): Consent {
    if (input.formVersion !== CONSENT_FORM.version) {
      throw new DomainError(
        'invalid-input',
        `Consent form version ${input.formVersion} is not the current form (version ${CONSENT_FORM.version}). Print the current form.`,
        'formVersion',
      );
    }
    return this.store.write(() => {
      this.store.requirePatient(input.patientId);
      const id = randomUUID();
      this.store.consents.insert({
        id, patientId: input.patientId, formVersion: CONSENT_FORM.version, formDate: CONSENT_FORM.date,
        plannedTreatment: input.plannedTreatment, at, by,
      });
      const created = consentView(this.store.consents.get(id)!);
      this.store.audit.append({ at, clinicianId: by, entity: 'consent', entityId: id, action: 'record', before: null, after: created });
      return created;
    });
  }

  listForPatient(patientId: string): Consent[] {
    this.store.requirePatient(patientId);
    return this.store.consents.listForPatient(patientId).map(consentView);
  }

  /** True when the patient has a consent of the form version in force (for this treatment, when given). */
  hasCurrentConsent(patientId: string, treatment?: PlannedTreatment): boolean {
    return this.store.consents.has(patientId, CONSENT_FORM.version, treatment ?? null);
  }
}

export function consentView(row: ConsentRow): Consent {
  return {
    id: row.id,
    patientId: row.patient_id,
    formVersion: row.form_version,
    formDate: row.form_date,
    plannedTreatment: row.planned_treatment,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    recordedByName: row.recorded_by_name,
    current: row.form_version === CONSENT_FORM.version,
  };
}

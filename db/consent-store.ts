import { randomUUID } from 'node:crypto';
import { consentStanding, type ConsentStanding } from '../shared/consent/standing';
import { CONSENT_FORM } from '../shared/printouts/consent';
import type { PlannedTreatment } from '../shared/printouts/input';
import { DomainError } from '../shared/result';
import { PLANNED_TREATMENTS } from '../shared/screening/case-schema';
import type { Consent, ConsentDeclinedInput, ConsentSignedInput, ConsentWithdrawInput } from '../shared/schemas/consent';
import { FUTURE_TOLERANCE_MS, toMs } from '../shared/session/time';
import type { ConsentRow } from './repositories/consents';
import type { StoreCore } from './store-core';

/**
 * Consents: the patient's answer to a printed consent form (signed before a
 * witness, or declined), and the withdrawal of a signed one. Printing records
 * nothing. Entries and withdrawals are appended, never edited; each is audited.
 * A session may start only when the latest answer for its treatment is a
 * signed, not withdrawn consent on the form version in force.
 */
export class ConsentStore {
  constructor(private readonly store: StoreCore) {}

  recordSigned(input: ConsentSignedInput, by: string, at: string): Consent {
    return this.answer({ ...input, answer: 'signed', answeredAt: input.signedAt, witnessName: input.witnessName }, 'signedAt', by, at);
  }

  recordDeclined(input: ConsentDeclinedInput, by: string, at: string): Consent {
    return this.answer({ ...input, answer: 'declined', answeredAt: input.declinedAt, witnessName: input.witnessName }, 'declinedAt', by, at);
  }

  withdraw(input: ConsentWithdrawInput, by: string, at: string): Consent {
    return this.store.write(() => {
      const row = this.store.consents.get(input.consentId);
      if (!row) throw new DomainError('not-found', 'This consent does not exist.', 'consentId');
      const before = consentView(row);
      if (before.status !== 'signed') {
        throw new DomainError('conflict', before.status === 'withdrawn' ? 'This consent has already been withdrawn.' : 'Only a signed consent can be withdrawn.', 'consentId');
      }
      notInFuture(input.withdrawnAt, at, 'withdrawnAt');
      if (toMs(input.withdrawnAt) < toMs(before.answeredAt)) {
        throw new DomainError('invalid-input', 'The time withdrawn cannot be before the consent was signed', 'withdrawnAt');
      }
      this.store.consents.insertWithdrawal({ consentId: row.id, withdrawnAt: input.withdrawnAt, reason: input.reason, at, by });
      const after = consentView(this.store.consents.get(row.id)!);
      this.store.audit.append({ at, clinicianId: by, entity: 'consent', entityId: row.id, action: 'withdraw', before, after, reason: input.reason });
      return after;
    });
  }

  listForPatient(patientId: string): Consent[] {
    this.store.requirePatient(patientId);
    return this.store.consents.listForPatient(patientId).map(consentView);
  }

  /** Where the patient stands for this treatment; with no treatment named, the best standing of any. */
  standing(patientId: string, treatment: PlannedTreatment | null): ConsentStanding {
    const entries = this.store.consents.listForPatient(patientId).map(consentView);
    if (treatment) return consentStanding(entries, treatment);
    const all = PLANNED_TREATMENTS.map((t) => consentStanding(entries, t));
    return all.find((s) => s.state === 'consented') ?? { state: 'none' };
  }

  private answer(
    a: Pick<ConsentSignedInput, 'patientId' | 'formVersion' | 'plannedTreatment'> & { answer: Consent['answer']; answeredAt: string; witnessName: string | null },
    timeField: string,
    by: string,
    at: string,
  ): Consent {
    if (a.formVersion !== CONSENT_FORM.version) {
      throw new DomainError(
        'invalid-input',
        `Consent form version ${a.formVersion} is not the current form (version ${CONSENT_FORM.version}). Print the current form for the patient.`,
        'formVersion',
      );
    }
    notInFuture(a.answeredAt, at, timeField);
    return this.store.write(() => {
      this.store.requirePatient(a.patientId);
      const id = randomUUID();
      this.store.consents.insert({
        id, patientId: a.patientId, formVersion: CONSENT_FORM.version, formDate: CONSENT_FORM.date, plannedTreatment: a.plannedTreatment,
        answer: a.answer, answeredAt: a.answeredAt, witnessName: a.witnessName, at, by,
      });
      const created = consentView(this.store.consents.get(id)!);
      this.store.audit.append({ at, clinicianId: by, entity: 'consent', entityId: id, action: a.answer === 'signed' ? 'record-signed' : 'record-declined', before: null, after: created });
      return created;
    });
  }
}

function notInFuture(iso: string, now: string, field: string): void {
  if (toMs(iso) > toMs(now) + FUTURE_TOLERANCE_MS) throw new DomainError('invalid-input', 'The time cannot be in the future', field);
}

export function consentView(row: ConsentRow): Consent {
  const withdrawal = row.withdrawn_at
    ? {
        withdrawnAt: row.withdrawn_at,
        reason: row.withdrawal_reason!,
        recordedAt: row.withdrawal_recorded_at!,
        recordedBy: row.withdrawal_recorded_by!,
        recordedByName: row.withdrawal_recorded_by_name!,
      }
    : null;
  return {
    id: row.id,
    patientId: row.patient_id,
    formVersion: row.form_version,
    formDate: row.form_date,
    plannedTreatment: row.planned_treatment,
    answer: row.answer,
    answeredAt: row.answered_at,
    witnessName: row.witness_name,
    recordedOnPrinting: row.recorded_how === 'on-printing',
    withdrawal,
    status: withdrawal ? 'withdrawn' : row.answer,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    recordedByName: row.recorded_by_name,
    current: row.form_version === CONSENT_FORM.version,
  };
}

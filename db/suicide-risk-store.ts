import { randomUUID } from 'node:crypto';
import { DomainError } from '../shared/result';
import type { Clinician } from '../shared/schemas/clinician';
import type { Questionnaire } from '../shared/schemas/questionnaire';
import { suicideRiskGate, type SuicideRiskGate } from '../shared/suicide-risk/gate';
import {
  allowsDosing, KIND_FOR_RESULT, type SafetyAssessment, type SafetyAssessmentRecordInput, type SessionSafetyChecks,
  type SuicideRiskStatus,
} from '../shared/suicide-risk/schemas';
import type { QuestionnaireStore } from './questionnaire-store';
import type { AssessmentRow, SuicideRiskRepository } from './repositories/suicide-risk';
import type { StoreCore } from './store-core';

/** The entity name of an assessment in the audit log and the signatures table. */
export const ASSESSMENT_ENTITY = 'suicide-risk-assessment';

export interface SuicideRiskDeps extends StoreCore {
  readonly questionnaire: Pick<QuestionnaireStore, 'listForPatient' | 'get'>;
}

/**
 * Suicide-risk safety before dosing: a prescriber's assessment of a positive
 * ASQ (signed by the handler in the same transaction), the gate the session
 * start runs, and the checks each session started on, frozen with it.
 */
export class SuicideRiskStore {
  constructor(
    private readonly store: SuicideRiskDeps,
    private readonly rows: SuicideRiskRepository,
  ) {}

  /** Documents a STAT safety evaluation or brief suicide safety assessment; the ASQ's result decides which. */
  record(input: SafetyAssessmentRecordInput, by: Clinician, at: string): SafetyAssessment {
    if (by.role !== 'prescriber') {
      throw new DomainError('forbidden', 'Only a prescriber may document a suicide safety assessment.', 'signature');
    }
    return this.store.write(() => {
      const asq = this.questionnaire(input.questionnaireId);
      const result = asq.score.result;
      if (result !== 'positive-acute' && result !== 'positive-non-acute') {
        throw new DomainError('invalid-input', 'This ASQ is not positive, so it needs no suicide safety assessment.', 'questionnaireId');
      }
      if (asq.amendedById) {
        throw new DomainError('conflict', 'This ASQ has been corrected. Assess its corrected version.', 'questionnaireId');
      }
      // measures.md: after a non-acute positive screen "the patient gets the resource list".
      if (result === 'positive-non-acute' && !input.resourcesGiven) {
        throw new DomainError('invalid-input', 'Give the patient the resource list (the crisis lines) and tick that it was given.', 'resourcesGiven');
      }
      const id = randomUUID();
      this.rows.insert({
        id, patientId: asq.patientId, questionnaireId: asq.id, kind: KIND_FOR_RESULT[result], outcome: input.outcome,
        note: input.note, resourcesGiven: input.resourcesGiven, at, by: by.id,
      });
      const created = this.get(id);
      this.store.audit.append({ at, clinicianId: by.id, entity: ASSESSMENT_ENTITY, entityId: id, action: 'record', before: null, after: created });
      return created;
    });
  }

  get(id: string): SafetyAssessment {
    const row = this.rows.get(id);
    if (!row) throw new DomainError('not-found', 'This assessment does not exist.', 'id');
    return this.view(row);
  }

  listForPatient(patientId: string): SafetyAssessment[] {
    this.store.requirePatient(patientId);
    return this.rows.listForPatient(patientId).map((r) => this.view(r));
  }

  /** The gate at `at`: today's questionnaires and their assessments against the clinic's settings. */
  gate(patientId: string, at: string): SuicideRiskGate {
    return suicideRiskGate({
      questionnaires: this.store.questionnaire.listForPatient(patientId),
      assessments: this.listForPatient(patientId),
      settings: this.store.settings.read(),
      at,
    });
  }

  /** Freezes what the gate saw when a session started; runs inside the start's transaction. */
  freezeForSession(sessionId: string, status: SuicideRiskStatus): void {
    const allowing = status.assessments.find((a) => allowsDosing(a.outcome)) ?? null;
    this.rows.insertChecks({
      sessionId, asqId: status.asq?.id ?? null, asqResult: status.asq?.result ?? null, assessmentId: allowing?.id ?? null,
      phq9Id: status.phq9Id, gad7Id: status.gad7Id, requireAsq: status.requireAsq, requirePhqGad: status.requirePhqGad,
    });
  }

  /** The checks a session started on, for its record. */
  forSession(sessionId: string): SessionSafetyChecks | null {
    const row = this.rows.checksFor(sessionId);
    if (!row) return null;
    const measure = (qid: string | null) => (qid ? this.store.questionnaire.get(qid) : null);
    const asq = measure(row.asq_id);
    const phq9 = measure(row.phq9_id);
    const gad7 = measure(row.gad7_id);
    return {
      requireAsq: row.require_asq === 1,
      requirePhqGad: row.require_phq_gad === 1,
      asq: asq ? { id: asq.id, takenAt: asq.takenAt, result: row.asq_result ?? 'incomplete' } : null,
      assessment: row.assessment_id ? this.get(row.assessment_id) : null,
      phq9: phq9 ? { ...scored(phq9), item9Positive: phq9.score.flags.includes('phq9-item9-positive') } : null,
      gad7: gad7 ? scored(gad7) : null,
    };
  }

  private questionnaire(id: string): Questionnaire {
    let q: Questionnaire;
    try {
      q = this.store.questionnaire.get(id);
    } catch {
      throw new DomainError('not-found', 'This questionnaire does not exist.', 'questionnaireId');
    }
    if (q.instrument !== 'asq') throw new DomainError('invalid-input', 'A suicide safety assessment answers an ASQ.', 'questionnaireId');
    return q;
  }

  private view(row: AssessmentRow): SafetyAssessment {
    return {
      id: row.id, patientId: row.patient_id, questionnaireId: row.questionnaire_id, kind: row.kind, outcome: row.outcome,
      note: row.note, resourcesGiven: row.resources_given === 1, recordedAt: row.recorded_at, recordedBy: row.recorded_by,
      recordedByName: row.recorded_by_name, signatures: this.store.signatures.forEntity(ASSESSMENT_ENTITY, row.id),
    };
  }
}

const scored = (q: Questionnaire) => ({ id: q.id, takenAt: q.takenAt, total: q.score.total, band: q.score.band });

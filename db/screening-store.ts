import { randomUUID } from 'node:crypto';
import { localIsoDate } from '../shared/dates';
import { DomainError } from '../shared/result';
import type { Clinician } from '../shared/schemas/clinician';
import {
  blankAnswers, caseFor, draftSigning, screeningAnswers, type DraftSigning, type Screening, type ScreeningAnswers, type ScreeningSign,
} from '../shared/schemas/screening';
import { describeCaseError, screeningCaseSchema, type ScreeningCase } from '../shared/screening/case-schema';
import { screen } from '../shared/screening/engine';
import { signingProblems } from '../shared/screening-signing';
import type { ScreeningRow } from './repositories/screenings';
import type { StoreCore } from './store-core';

const DAY_MS = 86_400_000;

/**
 * Screenings: drafts saved as the clinician answers, signed ones frozen with
 * the verdict they were judged by. Every verdict is computed here, from the
 * chart's patient data, never taken from the screen that asked for it.
 */
export class ScreeningStore {
  constructor(private readonly store: StoreCore) {}

  create(
    input: { patientId: string; plannedTreatment: ScreeningAnswers['plannedTreatment']; amendsId?: string | undefined },
    by: string,
    at: string,
  ): Screening {
    return this.store.write(() => {
      const patient = this.store.requirePatient(input.patientId);
      this.assertNoOpenDraft(input.patientId);
      // A new screening starts from the medicines on the patient's record, to be checked with the patient.
      let answers: ScreeningAnswers = { ...blankAnswers(input.plannedTreatment), medications: patient.medicines };
      if (input.amendsId) {
        const amended = this.signedAndCurrent(input.amendsId, input.patientId);
        answers = { ...answersOf(amended), plannedTreatment: input.plannedTreatment };
      }
      return this.insertDraft(input.patientId, input.amendsId ?? null, answers, by, at, 'create');
    });
  }

  /**
   * A draft is the working copy: each save replaces it, and only signing makes
   * it a record. The signing inputs on screen are kept with it when sent.
   */
  save(
    input: { id: string; expectedVersion: number; answers: ScreeningAnswers; signing?: DraftSigning | undefined },
    at: string,
  ): Screening {
    return this.store.write(() => {
      const row = this.draft(input.id, input.expectedVersion);
      if (!this.store.screenings.saveDraft(row.id, input.expectedVersion, input.answers, input.signing, at)) throw staleDraft();
      return this.get(row.id, at);
    });
  }

  sign(input: ScreeningSign, signer: Clinician, at: string, validityDays: number): Screening {
    return this.store.write(() => {
      const row = this.draft(input.id, input.expectedVersion);
      const patient = this.store.requirePatient(row.patient_id);
      if (row.amends_id) this.signedAndCurrent(row.amends_id, row.patient_id);
      const screeningCase = caseFor(answersOf(row), patient, localIsoDate(new Date(at)));
      const result = screen(screeningCase);
      const problems = signingProblems(result, {
        acknowledgedRuleIds: input.acknowledgedRuleIds,
        overrideReason: input.overrideReason,
        amendmentReason: input.amendmentReason,
        isAmendment: row.amends_id !== null,
        signerRole: signer.role,
      });
      if (problems.length > 0) {
        throw new DomainError('invalid-input', problems.map((p) => p.message).join('. '), problems[0]!.field);
      }
      const overrideReason = result.verdict === 'contraindicated' ? input.overrideReason!.trim() : null;
      const amendmentReason = row.amends_id ? input.amendmentReason!.trim() : null;
      const signed = this.store.screenings.sign(row.id, input.expectedVersion, {
        case: screeningCase,
        result,
        signedAt: at,
        signedBy: signer.id,
        acknowledgedRuleIds: [...new Set(input.acknowledgedRuleIds)],
        overrideReason,
        amendmentReason,
        expiresAt: new Date(Date.parse(at) + validityDays * DAY_MS).toISOString(),
      });
      if (!signed) throw staleDraft();
      const after = this.get(row.id, at);
      const reason = [overrideReason && `Override: ${overrideReason}`, amendmentReason && `Amendment: ${amendmentReason}`]
        .filter(Boolean)
        .join(' · ') || null;
      this.audit(signer.id, at, row.id, 'sign', null, after, reason);
      if (row.amends_id) {
        this.audit(signer.id, at, row.amends_id, 'amended', null, { amendedById: row.id }, amendmentReason);
      }
      return after;
    });
  }

  discard(input: { id: string; expectedVersion: number }, by: string, at: string): Screening {
    return this.store.write(() => {
      const row = this.draft(input.id, input.expectedVersion);
      if (!this.store.screenings.discard(row.id, input.expectedVersion, at)) throw staleDraft();
      const after = this.get(row.id, at);
      this.audit(by, at, row.id, 'discard', this.view(row, at), null, null);
      return after;
    });
  }

  /** A screening file becomes a new draft for this patient, validated exactly as the `screen` command does. */
  importCase(input: { patientId: string; json: string }, by: string, at: string): Screening {
    let data: unknown;
    try {
      data = JSON.parse(input.json);
    } catch (err) {
      throw new DomainError('invalid-input', `The file is not valid JSON: ${(err as Error).message}`, 'json');
    }
    const parsed = screeningCaseSchema.safeParse(data);
    if (!parsed.success) throw new DomainError('invalid-input', describeCaseError(parsed.error), 'json');
    const imported = parsed.data;
    return this.store.write(() => {
      const patient = this.store.requirePatient(input.patientId);
      if (imported.patient.sex !== patient.sex) {
        throw new DomainError(
          'invalid-input',
          `This file is for a patient recorded as ${imported.patient.sex}, but this chart says ${patient.sex}. Check it is the right patient.`,
          'json',
        );
      }
      this.assertNoOpenDraft(patient.id);
      return this.insertDraft(patient.id, null, answersOf(imported), by, at, 'import');
    });
  }

  /** The interchange case: frozen for a signed screening, as of `at` for a draft. */
  exportCase(id: string, at: string): { fileName: string; json: string } {
    const row = this.row(id);
    const patient = this.store.requirePatient(row.patient_id);
    const screeningCase = row.signed_at
      ? (JSON.parse(row.case_json!) as ScreeningCase)
      : caseFor(answersOf(row), patient, localIsoDate(new Date(at)));
    const day = (row.signed_at ?? at).slice(0, 10);
    const mrn = patient.mrn.replace(/[^A-Za-z0-9-]+/g, '_');
    return { fileName: `screening-${mrn}-${day}.json`, json: `${JSON.stringify(screeningCase, null, 2)}\n` };
  }

  /** `at` is the moment a draft is judged as of (its patient's age); a signed screening is frozen. */
  get(id: string, at = new Date().toISOString()): Screening {
    return this.view(this.row(id), at);
  }

  listForPatient(patientId: string, at = new Date().toISOString()): Screening[] {
    this.store.requirePatient(patientId);
    return this.store.screenings.listForPatient(patientId).map((r) => this.view(r, at));
  }

  private view(row: ScreeningRow, at: string): Screening {
    const signature = row.signed_at
      ? {
          signedAt: row.signed_at,
          signedBy: row.signed_by!,
          signedByName: row.signed_by_name ?? '',
          acknowledgedRuleIds: JSON.parse(row.acknowledged_json ?? '[]') as string[],
          overrideReason: row.override_reason,
          amendmentReason: row.amendment_reason,
          expiresAt: row.expires_at!,
        }
      : null;
    let screeningCase: ScreeningCase;
    if (row.case_json) screeningCase = JSON.parse(row.case_json) as ScreeningCase;
    else screeningCase = caseFor(answersOf(row), this.store.requirePatient(row.patient_id), localIsoDate(new Date(at)));
    return {
      id: row.id,
      patientId: row.patient_id,
      version: row.version,
      status: row.status,
      amendsId: row.amends_id,
      amendedById: row.amended_by_id,
      case: screeningCase,
      result: row.result_json ? JSON.parse(row.result_json) : screen(screeningCase),
      createdAt: row.created_at,
      createdBy: row.created_by,
      createdByName: row.created_by_name,
      updatedAt: row.updated_at,
      signature,
      draftSigning: row.status === 'draft' && row.signing_json ? draftSigning.parse(JSON.parse(row.signing_json)) : null,
      signatures: this.store.signatures.forEntity('screening', row.id),
    };
  }

  private insertDraft(
    patientId: string, amendsId: string | null, answers: ScreeningAnswers, by: string, at: string, action: string,
  ): Screening {
    const id = randomUUID();
    this.store.screenings.insert({ id, patientId, amendsId, answers, at, by });
    const created = this.get(id, at);
    this.audit(by, at, id, action, null, created, null);
    return created;
  }

  private audit(by: string, at: string, id: string, action: string, before: unknown, after: unknown, reason: string | null) {
    this.store.audit.append({ at, clinicianId: by, entity: 'screening', entityId: id, action, before, after, reason });
  }

  private row(id: string): ScreeningRow {
    const row = this.store.screenings.get(id);
    if (!row) throw new DomainError('not-found', 'This screening does not exist.', 'id');
    return row;
  }

  private draft(id: string, expectedVersion: number): ScreeningRow {
    const row = this.row(id);
    if (row.status !== 'draft') {
      throw new DomainError('conflict', `This screening is ${row.status} and can no longer be changed; amend it instead.`, 'id');
    }
    if (row.version !== expectedVersion) throw staleDraft();
    return row;
  }

  private signedAndCurrent(id: string, patientId: string): ScreeningRow {
    const row = this.store.screenings.get(id);
    if (!row || row.patient_id !== patientId || row.status !== 'signed') {
      throw new DomainError('invalid-input', 'Only a signed screening of this patient can be amended.', 'amendsId');
    }
    if (row.amended_by_id) {
      throw new DomainError('conflict', 'This screening has already been amended; amend the newer one.', 'amendsId');
    }
    return row;
  }

  private assertNoOpenDraft(patientId: string): void {
    if (this.store.screenings.openDraftId(patientId)) {
      throw new DomainError(
        'conflict',
        'This patient already has a screening in progress. Finish or discard it first.',
        'patientId',
      );
    }
  }
}

const staleDraft = () =>
  new DomainError('conflict', 'This screening was changed elsewhere. Reload it to see the latest answers.', 'expectedVersion');

/** The editable part of a stored draft or case. */
function answersOf(source: ScreeningRow | ScreeningCase): ScreeningAnswers {
  if ('answers_json' in source) return screeningAnswers.parse(JSON.parse(source.answers_json));
  const { plannedTreatment, baselineVitals, answers, medications } = source;
  return { plannedTreatment, baselineVitals, answers, medications: medications ?? [] };
}

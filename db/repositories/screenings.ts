import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { DraftSigning, ScreeningAnswers, ScreeningStatus } from '../../shared/schemas/screening';
import type { ScreeningCase } from '../../shared/screening/case-schema';
import type { ScreeningResult } from '../../shared/screening/engine';

export interface ScreeningRow {
  id: string;
  patient_id: string;
  version: number;
  status: ScreeningStatus;
  amends_id: string | null;
  amended_by_id: string | null;
  answers_json: string;
  created_at: string;
  created_by: string;
  created_by_name: string;
  updated_at: string;
  case_json: string | null;
  result_json: string | null;
  signed_at: string | null;
  signed_by: string | null;
  signed_by_name: string | null;
  acknowledged_json: string | null;
  override_reason: string | null;
  amendment_reason: string | null;
  expires_at: string | null;
  signing_json: string | null;
}

export interface SignedFields {
  case: ScreeningCase;
  result: ScreeningResult;
  signedAt: string;
  signedBy: string;
  acknowledgedRuleIds: string[];
  overrideReason: string | null;
  amendmentReason: string | null;
  expiresAt: string;
}

const SELECT = `SELECT s.*, c.name AS created_by_name, sc.name AS signed_by_name,
    (SELECT a.id FROM screenings a WHERE a.amends_id = s.id AND a.status = 'signed') AS amended_by_id
  FROM screenings s JOIN clinicians c ON c.id = s.created_by LEFT JOIN clinicians sc ON sc.id = s.signed_by`;

/** Rows of the screenings table; the store turns them into screenings with live or frozen results. */
export class ScreeningRepository {
  private readonly s;

  constructor(db: Database) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO screenings (id, patient_id, version, status, amends_id, answers_json, created_at, created_by, updated_at)
         VALUES (@id, @patientId, 1, 'draft', @amendsId, @answers, @at, @by, @at)`,
      ),
      saveDraft: db.prepare(
        `UPDATE screenings SET version = version + 1, answers_json = @answers, signing_json = coalesce(@signing, signing_json),
           updated_at = @at
         WHERE id = @id AND version = @expectedVersion AND status = 'draft'`,
      ),
      sign: db.prepare(
        `UPDATE screenings SET version = version + 1, status = 'signed', updated_at = @signedAt, case_json = @caseJson,
           result_json = @resultJson, signed_at = @signedAt, signed_by = @signedBy, acknowledged_json = @acknowledged,
           override_reason = @overrideReason, amendment_reason = @amendmentReason, expires_at = @expiresAt,
           signing_json = NULL
         WHERE id = @id AND version = @expectedVersion AND status = 'draft'`,
      ),
      discard: db.prepare(
        `UPDATE screenings SET version = version + 1, status = 'discarded', updated_at = @at
         WHERE id = @id AND version = @expectedVersion AND status = 'draft'`,
      ),
      byId: db.prepare<[string], ScreeningRow>(`${SELECT} WHERE s.id = ?`),
      forPatient: db.prepare<[string], ScreeningRow>(
        `${SELECT} WHERE s.patient_id = ? AND s.status <> 'discarded' ORDER BY s.created_at DESC, s.rowid DESC`,
      ),
      openDraft: db.prepare<[string], { id: string }>(
        "SELECT id FROM screenings WHERE patient_id = ? AND status = 'draft' LIMIT 1",
      ),
    };
  }

  insert(r: { id: string; patientId: string; amendsId: string | null; answers: ScreeningAnswers; at: string; by: string }): void {
    this.s.insert.run({ ...r, answers: JSON.stringify(r.answers) });
  }

  /**
   * False when the draft is not at `expectedVersion` or is no longer a draft.
   * Signing inputs left out (undefined) keep what was saved before.
   */
  saveDraft(id: string, expectedVersion: number, answers: ScreeningAnswers, signing: DraftSigning | undefined, at: string): boolean {
    return this.s.saveDraft.run({
      id, expectedVersion, answers: JSON.stringify(answers), signing: signing ? JSON.stringify(signing) : null, at,
    }).changes === 1;
  }

  sign(id: string, expectedVersion: number, f: SignedFields): boolean {
    return (
      this.s.sign.run({
        id,
        expectedVersion,
        caseJson: JSON.stringify(f.case),
        resultJson: JSON.stringify(f.result),
        signedAt: f.signedAt,
        signedBy: f.signedBy,
        acknowledged: JSON.stringify(f.acknowledgedRuleIds),
        overrideReason: f.overrideReason,
        amendmentReason: f.amendmentReason,
        expiresAt: f.expiresAt,
      }).changes === 1
    );
  }

  discard(id: string, expectedVersion: number, at: string): boolean {
    return this.s.discard.run({ id, expectedVersion, at }).changes === 1;
  }

  get(id: string): ScreeningRow | null {
    return this.s.byId.get(id) ?? null;
  }

  /** Newest first; discarded drafts stay in the audit log but leave the list. */
  listForPatient(patientId: string): ScreeningRow[] {
    return this.s.forPatient.all(patientId);
  }

  openDraftId(patientId: string): string | null {
    return this.s.openDraft.get(patientId)?.id ?? null;
  }
}

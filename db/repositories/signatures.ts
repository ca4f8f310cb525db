import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Signature } from '../../shared/auth/status';

export interface SignatureRow {
  id: string;
  at: string;
  clinician_id: string;
  clinician_name: string;
  clinician_credentials: string;
  role: Signature['role'];
  meaning: string;
  entity: string;
  entity_id: string;
  method: Signature['method'];
}

export const toSignature = (r: SignatureRow): Signature => ({
  id: r.id,
  at: r.at,
  clinicianId: r.clinician_id,
  clinicianName: r.clinician_name,
  clinicianCredentials: r.clinician_credentials,
  role: r.role,
  meaning: r.meaning,
  entity: r.entity,
  entityId: r.entity_id,
  method: r.method,
});

/** Electronic signatures: who, when and what it meant, frozen with the name and role the signer had then. */
export class SignatureRepository {
  private readonly insertStmt;
  private readonly byEntity;

  constructor(db: Database) {
    this.insertStmt = db.prepare(
      `INSERT INTO signatures (id, at, clinician_id, clinician_name, clinician_credentials, role, meaning, entity, entity_id, method)
       VALUES (@id, @at, @clinicianId, @clinicianName, @clinicianCredentials, @role, @meaning, @entity, @entityId, @method)`,
    );
    this.byEntity = db.prepare<[string, string], SignatureRow>(
      'SELECT * FROM signatures WHERE entity = ? AND entity_id = ? ORDER BY at, rowid',
    );
  }

  insert(s: Signature): void {
    this.insertStmt.run(s);
  }

  forEntity(entity: string, entityId: string): Signature[] {
    return this.byEntity.all(entity, entityId).map(toSignature);
  }
}

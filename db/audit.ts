import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditEntry, AuditVerification } from '../shared/schemas/audit';

export interface AuditRecord {
  at: string;
  clinicianId: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  reason?: string | null;
}

const GENESIS = '0'.repeat(64);

interface AuditRow {
  seq: number;
  at: string;
  clinician_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

/** The hash covers every stored column and the previous row's hash. */
function rowHash(prevHash: string, r: Omit<AuditRow, 'seq' | 'prev_hash' | 'hash'>): string {
  const payload = JSON.stringify([
    prevHash, r.at, r.clinician_id, r.entity, r.entity_id, r.action, r.before_json, r.after_json, r.reason,
  ]);
  return createHash('sha256').update(payload).digest('hex');
}

const toJson = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** Append-only, hash-chained log of every change. Callers run it inside their write transaction. */
export class AuditLog {
  private readonly lastHash;
  private readonly insert;
  private readonly byEntity;
  private readonly all;

  constructor(private readonly db: Database) {
    this.lastHash = db.prepare<[], { hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.insert = db.prepare(
      `INSERT INTO audit_log (at, clinician_id, entity, entity_id, action, before_json, after_json, reason, prev_hash, hash)
       VALUES (@at, @clinician_id, @entity, @entity_id, @action, @before_json, @after_json, @reason, @prev_hash, @hash)`,
    );
    this.byEntity = db.prepare<[string, string], AuditRow & { clinician_name: string | null }>(
      `SELECT a.*, c.name AS clinician_name FROM audit_log a LEFT JOIN clinicians c ON c.id = a.clinician_id
       WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.seq`,
    );
    this.all = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq');
  }

  append(record: AuditRecord): void {
    if (!this.db.inTransaction) throw new Error('audit rows must be written inside the change’s transaction');
    const row = {
      at: record.at,
      clinician_id: record.clinicianId,
      entity: record.entity,
      entity_id: record.entityId,
      action: record.action,
      before_json: toJson(record.before),
      after_json: toJson(record.after),
      reason: record.reason ?? null,
    };
    const prev_hash = this.lastHash.get()?.hash ?? GENESIS;
    this.insert.run({ ...row, prev_hash, hash: rowHash(prev_hash, row) });
  }

  history(entity: string, entityId: string): AuditEntry[] {
    return this.byEntity.all(entity, entityId).map((r) => ({
      seq: r.seq,
      at: r.at,
      clinicianId: r.clinician_id,
      clinicianName: r.clinician_name,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
      reason: r.reason,
    }));
  }

  /** Recomputes the chain; an edited, inserted or deleted row breaks it. */
  verify(): AuditVerification {
    let prev = GENESIS;
    let rows = 0;
    for (const r of this.all.iterate()) {
      rows++;
      if (r.prev_hash !== prev || r.hash !== rowHash(prev, r)) {
        return { ok: false, rows, firstBadSeq: r.seq };
      }
      prev = r.hash;
    }
    return { ok: true, rows, firstBadSeq: null };
  }
}

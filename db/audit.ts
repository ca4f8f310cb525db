import { createHash, createHmac, hkdfSync } from 'node:crypto';
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

/** The newest row of the chain: kept outside the database too, so a deleted tail is noticed. */
export interface AuditHead {
  seq: number;
  mac: string;
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
  alg: 'sha256' | 'hmac-sha256';
}

type RowContent = Omit<AuditRow, 'seq' | 'prev_hash' | 'hash' | 'alg'>;

const payloadOf = (prevHash: string, r: RowContent) =>
  JSON.stringify([prevHash, r.at, r.clinician_id, r.entity, r.entity_id, r.action, r.before_json, r.after_json, r.reason]);

/** Rows written before encryption at rest: plain SHA-256 links. */
const sha256Link = (prevHash: string, r: RowContent) => createHash('sha256').update(payloadOf(prevHash, r)).digest('hex');

/** The key that chains the log: derived from the database key, so only someone who can open the database can extend it. */
export function auditMacKey(databaseKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), 'ketadesk audit chain v1', 32));
}

const toJson = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** Append-only, MAC-chained log of every change. Callers run it inside their write transaction. */
export class AuditLog {
  private readonly lastRow;
  private readonly insert;
  private readonly byEntity;
  private readonly all;
  private readonly recordsSince;
  /** The newest row this connection appended, for the head kept outside the database. */
  private appended: AuditHead | null = null;

  constructor(
    private readonly db: Database,
    private readonly macKey: Buffer,
  ) {
    this.lastRow = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.insert = db.prepare(
      `INSERT INTO audit_log (at, clinician_id, entity, entity_id, action, before_json, after_json, reason, prev_hash, hash, alg)
       VALUES (@at, @clinician_id, @entity, @entity_id, @action, @before_json, @after_json, @reason, @prev_hash, @hash, 'hmac-sha256')`,
    );
    this.byEntity = db.prepare<[string, string], AuditRow & { clinician_name: string | null }>(
      `SELECT a.*, c.name AS clinician_name FROM audit_log a LEFT JOIN clinicians c ON c.id = a.clinician_id
       WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.seq`,
    );
    this.all = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq');
    this.recordsSince = db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM audit_log WHERE seq > ? AND entity <> 'security'");
  }

  private macLink(prevHash: string, r: RowContent): string {
    return createHmac('sha256', this.macKey).update(payloadOf(prevHash, r)).digest('hex');
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
    const prev_hash = this.lastRow.get()?.hash ?? GENESIS;
    const hash = this.macLink(prev_hash, row);
    const { lastInsertRowid } = this.insert.run({ ...row, prev_hash, hash });
    this.appended = { seq: Number(lastInsertRowid), mac: hash };
  }

  /** The newest row appended through this log since the last call, if any. */
  takeAppended(): AuditHead | null {
    const head = this.appended;
    this.appended = null;
    return head;
  }

  /** Forgets an append whose transaction rolled back. */
  discardAppended(): void {
    this.appended = null;
  }

  /** The chain's newest row as stored. */
  head(): AuditHead | null {
    const last = this.lastRow.get();
    return last ? { seq: last.seq, mac: last.hash } : null;
  }

  /** How many rows after `seq` record a change to the clinic's records (security events, such as a failed sign-in, not counted). */
  recordChangesSince(seq: number): number {
    return this.recordsSince.get(seq)!.n;
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

  /**
   * Recomputes the chain: an edited, inserted or deleted row breaks a link; a
   * SHA-256 row after the first MAC row (a chain recomputed without the key)
   * is refused; and the head kept outside the database must still be in the
   * log with the same MAC, so deleting the newest rows is noticed too.
   */
  verify(expectedHead: AuditHead | null): AuditVerification {
    let prev = GENESIS;
    let rows = 0;
    let macSeen = false;
    let headFound = false;
    const bad = (seq: number, problem: string): AuditVerification => ({ ok: false, rows, firstBadSeq: seq, problem });
    for (const r of this.all.iterate()) {
      rows++;
      if (r.prev_hash !== prev) return bad(r.seq, `Row ${r.seq} does not follow the row before it: a row was changed, added or removed.`);
      if (r.alg === 'sha256') {
        if (macSeen) return bad(r.seq, `Row ${r.seq} was chained without the database key.`);
        if (r.hash !== sha256Link(prev, r)) return bad(r.seq, `Row ${r.seq} does not match its content.`);
      } else {
        macSeen = true;
        if (r.hash !== this.macLink(prev, r)) return bad(r.seq, `Row ${r.seq} does not match its content or was not written with the database key.`);
      }
      if (expectedHead && r.seq === expectedHead.seq) {
        if (r.hash !== expectedHead.mac) return bad(r.seq, `Row ${r.seq} differs from the one recorded beside the database.`);
        headFound = true;
      }
      prev = r.hash;
    }
    if (expectedHead && !headFound) {
      return bad(expectedHead.seq, `The log ends before row ${expectedHead.seq}, which was recorded beside the database: its newest rows were removed.`);
    }
    return { ok: true, rows, firstBadSeq: null, problem: null };
  }
}

import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Clinician, ClinicianRole } from '../../shared/schemas/clinician';

interface ClinicianRow {
  id: string;
  name: string;
  credentials: string;
  role: ClinicianRole;
  is_admin: number;
  active: number;
  created_at: string;
}

const toClinician = (r: ClinicianRow): Clinician => ({
  id: r.id,
  name: r.name,
  credentials: r.credentials,
  role: r.role,
  isAdmin: r.is_admin === 1,
  active: r.active === 1,
  createdAt: r.created_at,
});

export type ClinicianChanges = Pick<Clinician, 'name' | 'credentials' | 'role' | 'isAdmin' | 'active'>;

export class ClinicianRepository {
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly byId;
  private readonly allStmt;

  constructor(db: Database) {
    this.insertStmt = db.prepare(
      `INSERT INTO clinicians (id, name, credentials, role, is_admin, active, created_at)
       VALUES (@id, @name, @credentials, @role, @isAdmin, @active, @createdAt)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE clinicians SET name = @name, credentials = @credentials, role = @role, is_admin = @isAdmin, active = @active
       WHERE id = @id`,
    );
    this.byId = db.prepare<[string], ClinicianRow>('SELECT * FROM clinicians WHERE id = ?');
    this.allStmt = db.prepare<[], ClinicianRow>('SELECT * FROM clinicians ORDER BY name COLLATE NOCASE');
  }

  insert(c: Clinician): void {
    this.insertStmt.run({ ...c, isAdmin: c.isAdmin ? 1 : 0, active: c.active ? 1 : 0 });
  }

  update(id: string, c: ClinicianChanges): void {
    this.updateStmt.run({ id, ...c, isAdmin: c.isAdmin ? 1 : 0, active: c.active ? 1 : 0 });
  }

  get(id: string): Clinician | null {
    const row = this.byId.get(id);
    return row ? toClinician(row) : null;
  }

  list(): Clinician[] {
    return this.allStmt.all().map(toClinician);
  }
}

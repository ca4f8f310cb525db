import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Clinician } from '../../shared/schemas/clinician';

interface ClinicianRow {
  id: string;
  name: string;
  credentials: string;
  role: Clinician['role'];
  created_at: string;
}

const toClinician = (r: ClinicianRow): Clinician => ({
  id: r.id,
  name: r.name,
  credentials: r.credentials,
  role: r.role,
  createdAt: r.created_at,
});

export class ClinicianRepository {
  private readonly insertStmt;
  private readonly byId;
  private readonly allStmt;

  constructor(db: Database) {
    this.insertStmt = db.prepare(
      'INSERT INTO clinicians (id, name, credentials, role, created_at) VALUES (@id, @name, @credentials, @role, @createdAt)',
    );
    this.byId = db.prepare<[string], ClinicianRow>('SELECT * FROM clinicians WHERE id = ?');
    this.allStmt = db.prepare<[], ClinicianRow>('SELECT * FROM clinicians ORDER BY name COLLATE NOCASE');
  }

  insert(c: Clinician): void {
    this.insertStmt.run(c);
  }

  get(id: string): Clinician | null {
    const row = this.byId.get(id);
    return row ? toClinician(row) : null;
  }

  list(): Clinician[] {
    return this.allStmt.all().map(toClinician);
  }
}

import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../shared/result';
import type { Clinician, ClinicianInput } from '../shared/schemas/clinician';
import type { Patient, PatientAmendment, PatientFields } from '../shared/schemas/patient';
import type { ClinicSettings } from '../shared/schemas/settings';
import { AuditLog } from './audit';
import { openDatabase, type OpenOptions } from './connection';
import { ConsentStore } from './consent-store';
import { ClinicianRepository } from './repositories/clinicians';
import { ConsentRepository } from './repositories/consents';
import { PatientRepository } from './repositories/patients';
import { ScreeningRepository } from './repositories/screenings';
import { SessionRepository } from './repositories/sessions';
import { SettingsRepository } from './repositories/settings';
import { ScreeningStore } from './screening-store';
import { SessionStore } from './session-store';
import type { StoreCore } from './store-core';

/**
 * The clinical store: every write runs in one transaction with its audit row,
 * so a record and the log of who made it are committed together or not at all.
 */
export class Store implements StoreCore {
  readonly audit: AuditLog;
  readonly clinicians: ClinicianRepository;
  readonly patients: PatientRepository;
  readonly screenings: ScreeningRepository;
  readonly settings: SettingsRepository;
  /** Screening operations: drafts, signing, amendments, import and export. */
  readonly screening: ScreeningStore;
  readonly consents: ConsentRepository;
  /** Consent entries, and the check a session makes before it starts. */
  readonly consent: ConsentStore;
  readonly sessions: SessionRepository;
  /** Treatment sessions: start gate, timeline entries and corrections, alerts, discharge, record. */
  readonly session: SessionStore;

  constructor(readonly db: Database) {
    this.audit = new AuditLog(db);
    this.clinicians = new ClinicianRepository(db);
    this.patients = new PatientRepository(db);
    this.screenings = new ScreeningRepository(db);
    this.settings = new SettingsRepository(db);
    this.screening = new ScreeningStore(this);
    this.consents = new ConsentRepository(db);
    this.consent = new ConsentStore(this);
    this.sessions = new SessionRepository(db);
    this.session = new SessionStore(this);
  }

  static open(dataDir: string, options?: OpenOptions): Store {
    return new Store(openDatabase(dataDir, options));
  }

  close(): void {
    this.db.close();
  }

  /** The patient a feature operation is about; not-found (on `patientId`) when there is none. */
  requirePatient(id: string): Patient {
    const patient = this.patients.get(id);
    if (!patient) throw new DomainError('not-found', 'This patient does not exist.', 'patientId');
    return patient;
  }

  /** Runs `fn` in an IMMEDIATE transaction, so concurrent writers queue instead of failing mid-way. */
  write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  createClinician(input: Required<ClinicianInput>, at: string, createdBy: string | null): Clinician {
    const clinician: Clinician = { id: randomUUID(), ...input, createdAt: at };
    return this.write(() => {
      this.clinicians.insert(clinician);
      this.audit.append({
        at, clinicianId: createdBy ?? clinician.id, entity: 'clinician', entityId: clinician.id,
        action: 'create', before: null, after: clinician,
      });
      return clinician;
    });
  }

  createPatient(fields: PatientFields, by: string, at: string): Patient {
    return this.write(() => {
      this.assertMrnFree(fields.mrn, null);
      const id = randomUUID();
      this.patients.insert(id, fields, by, at);
      const created = this.patients.get(id)!;
      this.audit.append({ at, clinicianId: by, entity: 'patient', entityId: id, action: 'create', before: null, after: created });
      return created;
    });
  }

  /** An edit never overwrites silently: it needs a reason, and the before and after go to the audit log. */
  amendPatient(a: PatientAmendment, by: string, at: string): Patient {
    return this.write(() => {
      const before = this.patients.get(a.id);
      if (!before) throw new DomainError('not-found', 'This patient does not exist.', 'id');
      if (before.version !== a.expectedVersion) {
        throw new DomainError(
          'conflict',
          'Someone else changed this patient while you were editing. Reload to see their change, then amend again.',
          'expectedVersion',
        );
      }
      if (!hasChanges(before, a.fields)) {
        throw new DomainError('invalid-input', 'Nothing was changed, so there is nothing to amend.');
      }
      this.assertMrnFree(a.fields.mrn, a.id);
      this.patients.update(a.id, a.expectedVersion, a.fields, by, at);
      const after = this.patients.get(a.id)!;
      this.audit.append({
        at, clinicianId: by, entity: 'patient', entityId: a.id, action: 'amend', before, after, reason: a.reason,
      });
      return after;
    });
  }

  /** Settings are clinic-wide choices, so each change is audited like a record. */
  updateSettings(changes: Partial<ClinicSettings>, reason: string | null, by: string, at: string): ClinicSettings {
    return this.write(() => {
      const before = this.settings.read();
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) this.settings.write(key as keyof ClinicSettings, value, at, by);
      }
      const after = this.settings.read();
      this.audit.append({ at, clinicianId: by, entity: 'settings', entityId: 'clinic', action: 'update', before, after, reason });
      return after;
    });
  }

  private assertMrnFree(mrn: string, ownId: string | null): void {
    const holder = this.patients.idForMrn(mrn);
    if (holder && holder !== ownId) {
      throw new DomainError('conflict', `Medical record number ${mrn} already belongs to another patient.`, 'mrn');
    }
  }
}

function hasChanges(before: Patient, fields: PatientFields): boolean {
  return (Object.keys(fields) as (keyof PatientFields)[]).some((k) => before[k] !== fields[k]);
}

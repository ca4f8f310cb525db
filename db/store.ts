import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../shared/result';
import type { Clinician } from '../shared/schemas/clinician';
import type { Signature } from '../shared/auth/status';
import { storedPatientFields, type Patient, type PatientAmendment, type PatientFields, type StoredPatientFields } from '../shared/schemas/patient';
import type { ClinicSettings } from '../shared/schemas/settings';
import { SESSION_SETTING_DEFAULTS } from '../shared/session/settings';
import { SUICIDE_RISK_GATE_KEYS } from '../shared/suicide-risk/settings';
import { IM_SETTING_DEFAULTS } from '../shared/session/im-settings';
import { COURSE_SETTING_DEFAULTS } from '../shared/course/settings';
import { AuditLog, auditMacKey, type AuditHead } from './audit';
import { openDatabase, type OpenOptions } from './connection';
import { BoardStore } from './board-store';
import { ConsentStore } from './consent-store';
import { CourseStore } from './course-store';
import { CourseRepository } from './repositories/courses';
import { ClinicianRepository, type ClinicianChanges } from './repositories/clinicians';
import { QuestionnaireStore } from './questionnaire-store';
import { ConsentRepository } from './repositories/consents';
import { PatientRepository } from './repositories/patients';
import { QuestionnaireRepository } from './repositories/questionnaires';
import { RemsRepository } from './repositories/rems';
import { ScreeningRepository } from './repositories/screenings';
import { SessionRepository } from './repositories/sessions';
import { SettingsRepository } from './repositories/settings';
import { SignatureRepository } from './repositories/signatures';
import { RemsStore } from './rems-store';
import { ScreeningStore } from './screening-store';
import { SessionStore } from './session-store';
import { SuicideRiskRepository } from './repositories/suicide-risk';
import { SuicideRiskStore } from './suicide-risk-store';
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
  readonly signatures: SignatureRepository;
  readonly questionnaires: QuestionnaireRepository;
  /** PHQ-9, GAD-7 and ASQ entries and their corrections, scored with the change from baseline. */
  readonly questionnaire: QuestionnaireStore;
  /** Suicide-risk safety before dosing: prescribers' assessments of positive ASQs and the start gate's check. */
  readonly suicideRisk: SuicideRiskStore;
  readonly remsRecords: RemsRepository;
  /** Esketamine REMS: enrolment, each session's form answers, forms due and their submission. */
  readonly rems: RemsStore;
  readonly courses: CourseRepository;
  /** Treatment courses: the prescriber's order, phase and plan status; every session belongs to one. */
  readonly course: CourseStore;
  /** Today's board: the day's sessions, plans, forms, screenings and consents, read from the stores above. */
  readonly board: BoardStore;

  /**
   * `onAuditHead` hears the chain's newest row after each commit that added
   * audit rows, so the sign-in layer can keep it beside the database.
   */
  constructor(
    readonly db: Database,
    databaseKey: Buffer,
    private readonly onAuditHead: (head: AuditHead) => void = () => {},
  ) {
    this.audit = new AuditLog(db, auditMacKey(databaseKey));
    this.signatures = new SignatureRepository(db);
    this.clinicians = new ClinicianRepository(db);
    this.patients = new PatientRepository(db);
    this.screenings = new ScreeningRepository(db);
    this.settings = new SettingsRepository(db);
    this.screening = new ScreeningStore(this);
    this.consents = new ConsentRepository(db);
    this.consent = new ConsentStore(this);
    this.sessions = new SessionRepository(db);
    this.courses = new CourseRepository(db);
    this.course = new CourseStore(this);
    this.session = new SessionStore(this);
    this.questionnaires = new QuestionnaireRepository(db);
    this.questionnaire = new QuestionnaireStore(this);
    this.suicideRisk = new SuicideRiskStore(this, new SuicideRiskRepository(db));
    this.remsRecords = new RemsRepository(db);
    this.rems = new RemsStore(this);
    this.board = new BoardStore(this);
  }

  static open(dataDir: string, options: OpenOptions & { onAuditHead?: (head: AuditHead) => void }): Store {
    return new Store(openDatabase(dataDir, options), options.key, options.onAuditHead);
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
    const outermost = !this.db.inTransaction;
    let result: T;
    try {
      result = this.db.transaction(fn).immediate();
    } catch (err) {
      if (outermost) this.audit.discardAppended();
      throw err;
    }
    if (outermost) {
      const head = this.audit.takeAppended();
      if (head) this.onAuditHead(head);
    }
    return result;
  }

  createClinician(
    input: Pick<Clinician, 'name' | 'credentials' | 'role' | 'isAdmin'>,
    at: string,
    createdBy: string | null,
    id: string = randomUUID(),
  ): Clinician {
    const clinician: Clinician = { id, ...input, active: true, createdAt: at };
    return this.write(() => {
      this.clinicians.insert(clinician);
      this.audit.append({
        at, clinicianId: createdBy ?? clinician.id, entity: 'clinician', entityId: clinician.id,
        action: 'create', before: null, after: clinician,
      });
      return clinician;
    });
  }

  /** Role, name or administrator changes, and deactivation: audited with the reason; a clinician is never deleted. */
  updateClinician(id: string, changes: ClinicianChanges, reason: string, by: string, at: string): Clinician {
    return this.write(() => {
      const before = this.clinicians.get(id);
      if (!before) throw new DomainError('not-found', 'This clinician does not exist.', 'id');
      this.clinicians.update(id, changes);
      const after = this.clinicians.get(id)!;
      this.audit.append({ at, clinicianId: by, entity: 'clinician', entityId: id, action: 'amend', before, after, reason });
      return after;
    });
  }

  /** Stores an electronic signature and its audit row; called inside the signed change's transaction. */
  recordSignature(signature: Signature): void {
    this.signatures.insert(signature);
    this.audit.append({
      at: signature.at, clinicianId: signature.clinicianId, entity: signature.entity, entityId: signature.entityId,
      action: 'signature', before: null, after: signature,
    });
  }

  /** A security event (sign-in, failure, lock-out, sign-out…) in the audit log. */
  recordSecurityEvent(event: { at: string; clinicianId: string | null; action: string; detail: string | null }): void {
    this.write(() =>
      this.audit.append({
        at: event.at, clinicianId: event.clinicianId, entity: 'security', entityId: event.clinicianId ?? 'workstation',
        action: event.action, before: null, after: null, reason: event.detail,
      }),
    );
  }

  createPatient(input: PatientFields, by: string, at: string): Patient {
    return this.write(() => {
      const fields = stored(input);
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
      const fields = stored(a.fields);
      if (!hasChanges(before, fields)) {
        throw new DomainError('invalid-input', 'Nothing was changed, so there is nothing to amend.');
      }
      this.assertMrnFree(fields.mrn, a.id);
      this.patients.update(a.id, a.expectedVersion, fields, by, at);
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
      const changed = Object.entries(changes).filter(
        ([key, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(before[key as keyof ClinicSettings]),
      );
      if (changed.length === 0) throw new DomainError('invalid-input', 'Nothing was changed, so there is nothing to save.');
      // A session threshold, timing or action line decides what alerts and what blocks
      // discharge, so changing one needs a reason in the audit log.
      const clinical = changed.some(
        ([key]) => key in SESSION_SETTING_DEFAULTS || key in IM_SETTING_DEFAULTS || key in COURSE_SETTING_DEFAULTS
          || SUICIDE_RISK_GATE_KEYS.includes(key),
      );
      if (clinical && !reason?.trim()) {
        throw new DomainError('invalid-input', 'Give a reason for changing a session threshold, timing or alert action', 'reason');
      }
      for (const [key, value] of changed) this.settings.write(key as keyof ClinicSettings, value, at, by);
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

function hasChanges(before: Patient, fields: StoredPatientFields): boolean {
  return (Object.keys(fields) as (keyof StoredPatientFields)[]).some((k) => JSON.stringify(before[k]) !== JSON.stringify(fields[k]));
}

/** The fields as stored, or the field-named error when the allergy status and text disagree. */
function stored(fields: PatientFields): StoredPatientFields {
  const result = storedPatientFields(fields);
  if ('problem' in result) throw new DomainError('invalid-input', result.problem, 'allergies');
  return result;
}

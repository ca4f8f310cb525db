import type { Patient } from '../shared/schemas/patient';
import type { AuditLog } from './audit';
import type { ConsentRepository } from './repositories/consents';
import type { CourseRepository } from './repositories/courses';
import type { QuestionnaireRepository } from './repositories/questionnaires';
import type { ScreeningRepository } from './repositories/screenings';
import type { SessionRepository } from './repositories/sessions';
import type { SettingsRepository } from './repositories/settings';
import type { SignatureRepository } from './repositories/signatures';

/**
 * What a feature store (screening, consent, session, questionnaire) needs of the clinical
 * store: the repositories (signatures included, to show them on the record), the audit log, the one-transaction write and the
 * patient lookup. Store implements it; the feature stores depend on this
 * narrow interface, not on Store, so Store can own them without an import cycle.
 */
export interface StoreCore {
  readonly audit: AuditLog;
  readonly screenings: ScreeningRepository;
  readonly consents: ConsentRepository;
  readonly sessions: SessionRepository;
  readonly settings: SettingsRepository;
  readonly questionnaires: QuestionnaireRepository;
  readonly signatures: SignatureRepository;
  readonly courses: CourseRepository;
  requirePatient(id: string): Patient;
  write<T>(fn: () => T): T;
}

import { z } from 'zod';
import {
  clinician, clinicianCreate, clinicianDeactivate, clinicianUpdate, passphraseReset,
} from './schemas/clinician';
import type { Access, SignatureNeed } from './auth/access';
import type { Credential } from './auth/passphrase';
import {
  authStatus, changePassphraseInput, recoverInput, setPinInput, setupInput, setupResult, signInInput, unlockInput,
} from './auth/status';
import { patient, patientAmendment, patientFields, patientSearch } from './schemas/patient';
import { auditEntry, auditVerification } from './schemas/audit';
import { id } from './schemas/common';
import {
  screening, screeningCreate, screeningExport, screeningImport, screeningSave, screeningSign,
} from './schemas/screening';
import { clinicSettings, clinicSettingsUpdate } from './schemas/settings';
import { consent, consentDeclined, consentSigned, consentWithdraw } from './schemas/consent';
import { printRequest, printResult } from './schemas/print';
import {
  alertAcknowledge, checklistSave, eligibilityQuery, entryAdd, entryAmend, entryWritten, sessionDischarge, sessionEligibility, sessionQuery,
  sessionStart, sessionSummary, sessionView,
} from './session/schemas';
import { sessionRecord } from './session/record';
import { questionnaire, questionnaireAmend, questionnaireRecord } from './schemas/questionnaire';
import { csvExport, exportFile, fhirPatientExport } from './schemas/export';
import {
  backupConfigure, backupInspect, backupInspection, backupRestore, backupStatus, backupSummary, restoreResult,
  setupBackupInspect, setupBackupList, setupBackupRestore,
} from './backup/schemas';
import { safetyAssessment, safetyAssessmentRecord } from './suicide-risk/schemas';
import {
  remsEnrollment, remsEnrollmentRecord, remsFormDue, remsSessionSave, remsSessionView, remsSubmission, remsSubmissionRecord,
} from './rems/schemas';
import { remsFormData } from './rems/form-data';
import { board } from './board/schemas';
import { course, courseCreate, courseDueItem, courseQuery, orderChange, phaseChange } from './course/schemas';

interface ChannelSpec {
  /** Who may call it (see shared/auth/access.ts); checked before the request is read. */
  access: Access;
  /** An electronic signature travels beside the request as `signature`, checked before the handler runs. */
  signature?: SignatureNeed;
  request: z.ZodType;
  response: z.ZodType;
}

const empty = z.strictObject({});

/**
 * Every action the renderer can ask of the main process, declared once.
 * Electron IPC, the browser-mode HTTP routes, the handler table and the
 * renderer's typed client are all derived from this table.
 */
export const contract = {
  'auth.status': { access: 'public', request: empty, response: authStatus },
  'auth.setup': { access: 'public', request: setupInput, response: setupResult },
  'auth.signIn': { access: 'public', request: signInInput, response: authStatus },
  'auth.unlock': { access: 'public', request: unlockInput, response: authStatus },
  'auth.recover': { access: 'public', request: recoverInput, response: authStatus },
  'auth.lock': { access: 'self', request: empty, response: authStatus },
  'auth.signOut': { access: 'self', request: empty, response: authStatus },
  'auth.activity': { access: 'self', request: empty, response: z.object({ ok: z.literal(true) }) },
  'auth.setPin': { access: 'self', request: setPinInput, response: authStatus },
  'auth.changePassphrase': { access: 'self', request: changePassphraseInput, response: authStatus },
  'clinicians.list': { access: 'any-role', request: empty, response: z.array(clinician) },
  'clinicians.create': { access: 'admin', request: clinicianCreate, response: clinician },
  'clinicians.update': { access: 'admin', request: clinicianUpdate, response: clinician },
  'clinicians.deactivate': { access: 'admin', request: clinicianDeactivate, response: clinician },
  'clinicians.resetPassphrase': { access: 'admin', request: passphraseReset, response: clinician },
  'patients.create': { access: 'any-role', request: patientFields, response: patient },
  'patients.amend': { access: 'any-role', signature: 'required', request: patientAmendment, response: patient },
  'patients.get': { access: 'any-role', request: z.strictObject({ id }), response: patient },
  'patients.search': {
    access: 'any-role',
    request: patientSearch,
    response: z.object({ patients: z.array(patient), hasMore: z.boolean() }),
  },
  'patients.history': { access: 'any-role', request: z.strictObject({ id }), response: z.array(auditEntry) },
  'screenings.create': { access: 'clinical', request: screeningCreate, response: screening },
  'screenings.save': { access: 'clinical', request: screeningSave, response: screening },
  'screenings.sign': { access: 'clinical', signature: 'required', request: screeningSign, response: screening },
  'screenings.discard': {
    access: 'clinical',
    request: z.strictObject({ id, expectedVersion: z.number().int().positive() }),
    response: screening,
  },
  'screenings.get': { access: 'any-role', request: z.strictObject({ id }), response: screening },
  'screenings.listForPatient': { access: 'any-role', request: z.strictObject({ patientId: id }), response: z.array(screening) },
  'screenings.history': { access: 'any-role', request: z.strictObject({ id }), response: z.array(auditEntry) },
  'screenings.import': { access: 'clinical', request: screeningImport, response: screening },
  'screenings.export': { access: 'clinical', request: z.strictObject({ id }), response: screeningExport },
  'settings.get': { access: 'any-role', request: empty, response: clinicSettings },
  'settings.update': { access: 'admin', request: clinicSettingsUpdate, response: clinicSettings },
  'consents.recordSigned': { access: 'any-role', signature: 'required', request: consentSigned, response: consent },
  'consents.recordDeclined': { access: 'any-role', signature: 'required', request: consentDeclined, response: consent },
  'consents.withdraw': { access: 'any-role', signature: 'required', request: consentWithdraw, response: consent },
  'consents.listForPatient': { access: 'any-role', request: z.strictObject({ patientId: id }), response: z.array(consent) },
  'print.document': { access: 'any-role', request: printRequest, response: printResult },
  'sessions.eligibility': { access: 'any-role', request: eligibilityQuery, response: sessionEligibility },
  'sessions.start': { access: 'clinical', signature: 'when-needed', request: sessionStart, response: sessionView },
  'sessions.get': { access: 'any-role', request: sessionQuery, response: sessionView },
  'sessions.addEntry': { access: 'clinical', request: entryAdd, response: entryWritten },
  'sessions.amendEntry': { access: 'clinical', signature: 'required', request: entryAmend, response: entryWritten },
  'sessions.acknowledgeAlert': { access: 'clinical', request: alertAcknowledge, response: sessionView },
  'sessions.saveChecklist': { access: 'clinical', request: checklistSave, response: sessionView },
  'sessions.discharge': { access: 'clinical', signature: 'required', request: sessionDischarge, response: sessionView },
  'sessions.listForPatient': { access: 'any-role', request: z.strictObject({ patientId: id }), response: z.array(sessionSummary) },
  'sessions.record': { access: 'any-role', request: z.strictObject({ id }), response: sessionRecord },
  'sessions.history': { access: 'any-role', request: z.strictObject({ id }), response: z.array(auditEntry) },
  'questionnaires.record': { access: 'clinical', request: questionnaireRecord, response: questionnaire },
  'questionnaires.amend': { access: 'clinical', signature: 'required', request: questionnaireAmend, response: questionnaire },
  'questionnaires.get': { access: 'any-role', request: z.strictObject({ id }), response: questionnaire },
  'questionnaires.listForPatient': { access: 'any-role', request: z.strictObject({ patientId: id }), response: z.array(questionnaire) },
  'safetyAssessments.record': { access: 'prescriber', signature: 'required', request: safetyAssessmentRecord, response: safetyAssessment },
  'safetyAssessments.listForPatient': { access: 'any-role', request: z.strictObject({ patientId: id }), response: z.array(safetyAssessment) },
  // Esketamine REMS. Enrolment and submission are paperwork the front desk often does, so any role may record them;
  // the session's form answers are chair-side clinical records.
  'rems.enrollment': { access: 'any-role', request: z.strictObject({ patientId: id }), response: remsEnrollment.nullable() },
  'rems.recordEnrollment': { access: 'any-role', request: remsEnrollmentRecord, response: remsEnrollment },
  'rems.session': { access: 'any-role', request: z.strictObject({ sessionId: id }), response: remsSessionView },
  'rems.saveSession': { access: 'clinical', request: remsSessionSave, response: remsSessionView },
  'rems.formsDue': { access: 'any-role', request: empty, response: z.array(remsFormDue) },
  'rems.markSubmitted': { access: 'any-role', request: remsSubmissionRecord, response: remsSubmission },
  'rems.form': { access: 'any-role', request: z.strictObject({ sessionId: id }), response: remsFormData },
  'courses.create': { access: 'prescriber', signature: 'required', request: courseCreate, response: course },
  'courses.changePhase': { access: 'prescriber', signature: 'required', request: phaseChange, response: course },
  'courses.changeOrder': { access: 'prescriber', signature: 'required', request: orderChange, response: course },
  'courses.get': { access: 'any-role', request: courseQuery, response: course },
  'courses.listForPatient': { access: 'any-role', request: z.strictObject({ patientId: id }), response: z.array(course) },
  'courses.dueToday': { access: 'any-role', request: empty, response: z.array(courseDueItem) },
  'courses.history': { access: 'any-role', request: z.strictObject({ id }), response: z.array(auditEntry) },
  // Today's board (issue #12 point 6): what the whole clinic sees first, so anyone signed in may read it.
  'board.today': { access: 'any-role', request: empty, response: board },
  'audit.verify': { access: 'admin', request: empty, response: auditVerification },
  // One patient's record goes to those who treat (minimum necessary: not the front desk); bulk exports are an administrator's.
  'export.fhirPatient': { access: 'clinical', request: fhirPatientExport, response: exportFile },
  'export.fhirClinic': { access: 'admin', request: empty, response: exportFile },
  'export.csv': { access: 'admin', request: csvExport, response: exportFile },
  // Backups (issue #14): anyone may see the status and back up now (a nurse closing up should not need an administrator);
  // the folder, the list of backups and restoring them are for administrators.
  'backups.status': { access: 'any-role', request: empty, response: backupStatus },
  'backups.runNow': { access: 'any-role', request: empty, response: backupSummary },
  'backups.configure': { access: 'admin', request: backupConfigure, response: backupStatus },
  'backups.pickFolder': { access: 'admin', request: empty, response: z.object({ path: z.string().nullable(), native: z.boolean() }) },
  'backups.list': { access: 'admin', request: empty, response: z.array(backupSummary) },
  'backups.inspect': { access: 'admin', request: backupInspect, response: backupInspection },
  'backups.restore': { access: 'admin', signature: 'required', request: backupRestore, response: restoreResult },
  // A new installation restores a backup instead of being set up (refused once anyone is set up).
  'backups.listForSetup': { access: 'public', request: setupBackupList, response: z.array(backupSummary) },
  'backups.inspectForSetup': { access: 'public', request: setupBackupInspect, response: backupInspection },
  'backups.restoreForSetup': { access: 'public', request: setupBackupRestore, response: restoreResult },
} as const satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
type SignatureOf<C extends Channel> = Contract[C] extends { signature: 'required' }
  ? { signature: Credential }
  : Contract[C] extends { signature: 'when-needed' }
    ? { signature?: Credential }
    : unknown;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']> & SignatureOf<C>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

import { z } from 'zod';
import { clinician, clinicianInput } from './schemas/clinician';
import { patient, patientAmendment, patientFields, patientSearch } from './schemas/patient';
import { auditEntry, auditVerification } from './schemas/audit';
import { id } from './schemas/common';
import {
  screening, screeningCreate, screeningExport, screeningImport, screeningSave, screeningSign,
} from './schemas/screening';
import { clinicSettings, clinicSettingsUpdate } from './schemas/settings';
import { consent, consentRecord } from './schemas/consent';
import { printRequest, printResult } from './schemas/print';
import {
  alertAcknowledge, checklistSave, eligibilityQuery, entryAdd, entryAmend, entryWritten, sessionDischarge, sessionEligibility, sessionQuery,
  sessionStart, sessionSummary, sessionView,
} from './session/schemas';
import { sessionRecord } from './session/record';

/**
 * Every action the renderer can ask of the main process, declared once.
 * Electron IPC, the browser-mode HTTP routes, the handler table and the
 * renderer's typed client are all derived from this table.
 */
export const contract = {
  'clinicians.list': { request: z.strictObject({}), response: z.array(clinician) },
  'clinicians.create': { request: clinicianInput, response: clinician },
  'workspace.current': {
    request: z.strictObject({}),
    response: z.object({ clinician: clinician.nullable(), dataDir: z.string() }),
  },
  'workspace.selectClinician': { request: z.strictObject({ clinicianId: id }), response: clinician },
  'patients.create': { request: patientFields, response: patient },
  'patients.amend': { request: patientAmendment, response: patient },
  'patients.get': { request: z.strictObject({ id }), response: patient },
  'patients.search': {
    request: patientSearch,
    response: z.object({ patients: z.array(patient), hasMore: z.boolean() }),
  },
  'patients.history': { request: z.strictObject({ id }), response: z.array(auditEntry) },
  'screenings.create': { request: screeningCreate, response: screening },
  'screenings.save': { request: screeningSave, response: screening },
  'screenings.sign': { request: screeningSign, response: screening },
  'screenings.discard': {
    request: z.strictObject({ id, expectedVersion: z.number().int().positive() }),
    response: screening,
  },
  'screenings.get': { request: z.strictObject({ id }), response: screening },
  'screenings.listForPatient': { request: z.strictObject({ patientId: id }), response: z.array(screening) },
  'screenings.history': { request: z.strictObject({ id }), response: z.array(auditEntry) },
  'screenings.import': { request: screeningImport, response: screening },
  'screenings.export': { request: z.strictObject({ id }), response: screeningExport },
  'settings.get': { request: z.strictObject({}), response: clinicSettings },
  'settings.update': { request: clinicSettingsUpdate, response: clinicSettings },
  'consents.record': { request: consentRecord, response: consent },
  'consents.listForPatient': { request: z.strictObject({ patientId: id }), response: z.array(consent) },
  'print.document': { request: printRequest, response: printResult },
  'sessions.eligibility': { request: eligibilityQuery, response: sessionEligibility },
  'sessions.start': { request: sessionStart, response: sessionView },
  'sessions.get': { request: sessionQuery, response: sessionView },
  'sessions.addEntry': { request: entryAdd, response: entryWritten },
  'sessions.amendEntry': { request: entryAmend, response: entryWritten },
  'sessions.acknowledgeAlert': { request: alertAcknowledge, response: sessionView },
  'sessions.saveChecklist': { request: checklistSave, response: sessionView },
  'sessions.discharge': { request: sessionDischarge, response: sessionView },
  'sessions.listForPatient': { request: z.strictObject({ patientId: id }), response: z.array(sessionSummary) },
  'sessions.record': { request: z.strictObject({ id }), response: sessionRecord },
  'sessions.history': { request: z.strictObject({ id }), response: z.array(auditEntry) },
  'audit.verify': { request: z.strictObject({}), response: auditVerification },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

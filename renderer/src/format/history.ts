import type { Signature } from '../../../shared/auth/status';
import type { AuditEntry } from '../../../shared/schemas/audit';
import { ALLERGY_STATUS_LABELS, type AllergyStatus, type PatientFields } from '../../../shared/schemas/patient';
import type { Medication } from '../../../shared/screening/case-schema';
import { capitalize } from '../../../shared/text';
import { formatDate } from './dates';
import { PATIENT_FIELD_LABELS, formatMeasure, sexLabel } from './patient';

export interface FieldChange {
  field: keyof PatientFields;
  label: string;
  before: string | null;
  after: string | null;
}

const ACTION_LABELS: Record<string, string> = { create: 'Created', amend: 'Amended' };
export const actionLabel = (action: string) =>
  ACTION_LABELS[action] ?? capitalize(action);

/** A stored field value as a clinician reads it; null means the field was empty. */
export function displayFieldValue(field: keyof PatientFields, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (field) {
    case 'dateOfBirth':
      return typeof value === 'string' ? formatDate(value) : String(value);
    case 'sex':
      return sexLabel(value as PatientFields['sex']) ?? String(value);
    case 'weightKg':
      return formatMeasure(Number(value), 'kg');
    case 'heightCm':
      return formatMeasure(Number(value), 'cm');
    case 'allergyStatus':
      return ALLERGY_STATUS_LABELS[value as AllergyStatus] ?? String(value);
    case 'medicines':
      return Array.isArray(value) ? (value as Medication[]).map((m) => m.name).join(', ') || 'none' : String(value);
    default:
      return String(value);
  }
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/** The patient fields that differ between an audit entry's before and after, in form order. */
export function patientChanges(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const changes: FieldChange[] = [];
  for (const field of Object.keys(PATIENT_FIELD_LABELS) as (keyof PatientFields)[]) {
    const was = b[field] ?? null;
    const now = a[field] ?? null;
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changes.push({
      field,
      label: PATIENT_FIELD_LABELS[field],
      before: displayFieldValue(field, was),
      after: displayFieldValue(field, now),
    });
  }
  return changes;
}

/**
 * The history as a clinician reads it: each change with the electronic
 * signatures that signed it. A signature's audit row follows its change in
 * the same transaction, so it belongs to the change just before it.
 */
export function signedHistory(entries: readonly AuditEntry[]): Array<{ entry: AuditEntry; signatures: Signature[] }> {
  const out: Array<{ entry: AuditEntry; signatures: Signature[] }> = [];
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    const signed = out.at(-1);
    if (entry.action === 'signature' && signed) signed.signatures.push(entry.after as Signature);
    else if (entry.action !== 'signature') out.push({ entry, signatures: [] });
  }
  return out;
}

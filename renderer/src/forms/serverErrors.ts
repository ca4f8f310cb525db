import type { ApiError } from '../../../shared/result';

/**
 * The form field a server error belongs to, or null when it is about the whole
 * form. Amendments nest the patient's fields under "fields.", so that prefix
 * is dropped.
 */
export function formFieldOf(error: ApiError, fields: readonly string[]): string | null {
  if (!error.field) return null;
  const field = error.field.replace(/^fields\./, '');
  return fields.includes(field) ? field : null;
}

/** Moves keyboard focus to a form field by its input id, so the clinician lands on the problem. */
export function focusField(idPrefix: string, field: string): void {
  const el =
    document.getElementById(`${idPrefix}-${field}`) ??
    document.querySelector<HTMLElement>(`[data-field="${idPrefix}-${field}"] input`);
  el?.focus();
}

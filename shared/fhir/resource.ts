// The small part of FHIR R4 the export writes, and the helpers that keep
// references inside one Bundle (every resource has a urn:uuid fullUrl; a
// reference is that fullUrl, so a reader resolves it without a server).

export interface Resource {
  resourceType: string;
  id: string;
  [element: string]: unknown;
}

export interface Reference {
  reference: string;
  display?: string;
}

export const fullUrl = (id: string) => `urn:uuid:${id}`;

export const referenceTo = (id: string, display?: string): Reference =>
  display === undefined ? { reference: fullUrl(id) } : { reference: fullUrl(id), display };

/** Drops null, undefined and empty arrays so every written element has a value (FHIR forbids empty ones). */
export function compact<T extends Record<string, unknown>>(element: T): T {
  return Object.fromEntries(
    Object.entries(element).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as T;
}

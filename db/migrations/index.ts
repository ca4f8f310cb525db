import m001 from './001-clinicians-patients-audit';

/**
 * Numbered schema migrations. Migration i (1-based) takes the database from
 * user_version i-1 to i. Never edit a released migration: add a new one.
 */
export const MIGRATIONS: readonly string[] = [m001];

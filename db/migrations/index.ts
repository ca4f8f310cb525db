import m001 from './001-clinicians-patients-audit';
import m002 from './002-screenings-settings';
import m003 from './003-sessions';
import m004 from './004-consents';
import m005 from './005-draft-signing-checklist';
import m006 from './006-sign-in-signatures';
import m007 from './007-questionnaires';
import m008 from './008-patient-medicines-allergies';
import m009 from './009-consent-answers';
import m010 from './010-rems';
import m011 from './011-courses';
import m012 from './012-suicide-risk-assessments';
import m013 from './013-session-location';

/**
 * Numbered schema migrations. Migration i (1-based) takes the database from
 * user_version i-1 to i. Never edit a released migration: add a new one.
 */
export const MIGRATIONS: readonly string[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013];

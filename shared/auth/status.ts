import { z } from 'zod';
import { clinician, CLINICIAN_ROLES } from '../schemas/clinician';
import { id, isoInstant, requiredText } from '../schemas/common';
import { credential, enteredPassphrase, passphrase, pin } from './passphrase';

/**
 * Where the workstation is:
 * - `setup`: a new data folder; the first administrator must be created;
 * - `upgrade`: a database from before sign-in existed; the first administrator's setup encrypts it;
 * - `signed-out`: nobody is signed in;
 * - `locked`: the screen is locked (idle or by hand); the same clinician unlocks, or anyone signs in;
 * - `signed-in`: a clinician is working.
 */
export const AUTH_PHASES = ['setup', 'upgrade', 'signed-out', 'locked', 'signed-in'] as const;
export type AuthPhase = (typeof AUTH_PHASES)[number];

/** Who may sign in here: only names and roles, nothing clinical, so it is known before the database opens. */
export const signInChoice = z.object({
  id,
  name: z.string(),
  credentials: z.string(),
  role: z.enum(CLINICIAN_ROLES),
});

/** A session in progress as the lock screen may show it: no patient, only when its next check is due. */
export const lockedSessionHint = z.object({
  startedAt: isoInstant,
  nextCheckLabel: z.string().nullable(),
  nextCheckDueAt: isoInstant.nullable(),
  overdue: z.boolean(),
});

export const authStatus = z.object({
  phase: z.enum(AUTH_PHASES),
  /** The signed-in clinician, or the one whose screen is locked. */
  clinician: clinician.nullable(),
  /** After an administrator's reset: nothing but choosing a new passphrase until it is done. */
  mustChangePassphrase: z.boolean(),
  pinSet: z.boolean(),
  signInChoices: z.array(signInChoice),
  idleLockMinutes: z.number().int().positive(),
  sessionsInProgress: z.array(lockedSessionHint),
  dataDir: z.string(),
  now: isoInstant,
});

export const setupInput = z.strictObject({
  name: requiredText('Name', 120),
  credentials: z.string().trim().max(60, { error: 'Credentials must be at most 60 characters' }).default(''),
  role: z.enum(CLINICIAN_ROLES, { error: 'Role must be prescriber, nurse or front desk' }),
  passphrase: passphrase(),
});

export const setupResult = z.object({
  status: authStatus,
  /** Shown once, to print and keep in the clinic's safe. */
  recoveryKey: z.string(),
});

export const signInInput = z.strictObject({ clinicianId: id, passphrase: enteredPassphrase });
export const unlockInput = z.strictObject({ credential });
export const setPinInput = z.strictObject({ pin, passphrase: enteredPassphrase });
export const changePassphraseInput = z.strictObject({ current: enteredPassphrase, next: passphrase('New passphrase') });
export const recoverInput = z.strictObject({
  recoveryKey: z.string().trim().min(1, { error: 'Recovery key is required' }).max(200),
  clinicianId: id,
  next: passphrase('New passphrase'),
});

/** An electronic signature as stored and shown: who, when, and what it meant in words. */
export const signature = z.object({
  id,
  at: isoInstant,
  clinicianId: id,
  clinicianName: z.string(),
  clinicianCredentials: z.string(),
  role: z.enum(CLINICIAN_ROLES),
  meaning: z.string(),
  entity: z.string(),
  entityId: z.string(),
  method: z.enum(['passphrase', 'pin']),
});

export type AuthStatus = z.output<typeof authStatus>;
export type SignInChoice = z.output<typeof signInChoice>;
export type LockedSessionHint = z.output<typeof lockedSessionHint>;
export type SetupInput = z.output<typeof setupInput>;
export type Signature = z.output<typeof signature>;

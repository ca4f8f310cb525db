import { z } from 'zod';

export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  clinicianId: z.string().nullable(),
  clinicianName: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().nullable(),
});

export const auditVerification = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  /** The first row whose hash does not match its content or its predecessor. */
  firstBadSeq: z.number().int().nullable(),
  /** What is wrong, in words; null when the chain is whole. */
  problem: z.string().nullable(),
});

export type AuditEntry = z.output<typeof auditEntry>;
export type AuditVerification = z.output<typeof auditVerification>;

import { z } from 'zod';
import { isIsoDate } from '../dates';

/** A name or short label: trimmed, not blank, bounded. */
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .max(max, { error: `${label} must be at most ${max} characters` });

/** Optional free text: blank becomes null so forms and storage agree. */
export const optionalText = (label: string, max = 2000) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters` })
    .nullish()
    .transform((v) => (v ? v : null));

export const isoDate = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .refine(isIsoDate, { error: `${label} must be a real date (YYYY-MM-DD)` });

export const id = z.string().uuid({ error: 'must be a record id' });

export const isoInstant = z.string();

/** Who changed what and why: required on every amendment. */
export const amendmentReason = requiredText('Reason for the change', 500);

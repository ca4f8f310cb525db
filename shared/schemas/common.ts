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

/** A whole number within bounds; every message names the field and its unit. */
export const wholeMeasure = (label: string, unit: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .int({ error: `${label} must be a whole number` })
    .min(min, { error: `${label} must be at least ${min} ${unit}` })
    .max(max, { error: `${label} must be at most ${max} ${unit}` });

/** A number above 0, up to a bound; every message names the field and its unit. */
export const positiveMeasure = (label: string, unit: string, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .positive({ error: `${label} must be more than 0 ${unit}` })
    .max(max, { error: `${label} must be at most ${max} ${unit}` });

/** A positiveMeasure that may be left out: absent becomes null. */
export const optionalPositiveMeasure = (label: string, unit: string, max: number) =>
  positiveMeasure(label, unit, max)
    .nullish()
    .transform((v) => v ?? null);

export const id = z.string().uuid({ error: 'must be a record id' });

export const isoInstant = z.string();

/** Who changed what and why: required on every amendment. */
export const amendmentReason = requiredText('Reason for the change', 500);

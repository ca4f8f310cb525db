import { z } from 'zod';
import { CASE_FORMAT, screeningCaseSchema, type ScreeningCase } from '../screening/case-schema';
import { id, isoInstant } from './common';
import type { Patient } from './patient';
import { ageInYears } from '../dates';
import { signature as electronicSignature } from '../auth/status';

// A screening as the app keeps it: the clinician's answers (the interchange
// case without its patient block, which always comes from the chart), and once
// signed, the verdict it was judged by, frozen with its rule-set version.

const caseShape = screeningCaseSchema.shape;

/** What the checklist screen edits. */
export const screeningAnswers = z.strictObject({
  plannedTreatment: caseShape.plannedTreatment,
  baselineVitals: caseShape.baselineVitals,
  answers: caseShape.answers,
  medications: caseShape.medications,
});
export type ScreeningAnswers = z.output<typeof screeningAnswers>;

export const SCREENING_STATUSES = ['draft', 'signed', 'discarded'] as const;
export type ScreeningStatus = (typeof SCREENING_STATUSES)[number];

export const screeningResultSchema = z.object({
  format: z.string(),
  ruleSetVersion: z.string(),
  verdict: z.enum(['contraindicated', 'incomplete', 'caution', 'clear']),
  findings: z.array(
    z.object({
      ruleId: z.string(),
      severity: z.enum(['contraindicated', 'caution', 'note']),
      message: z.string(),
      source: z.string(),
    }),
  ),
  missing: z.array(z.string()),
});

const signature = z.object({
  signedAt: isoInstant,
  signedBy: id,
  signedByName: z.string(),
  acknowledgedRuleIds: z.array(z.string()),
  overrideReason: z.string().nullable(),
  amendmentReason: z.string().nullable(),
  expiresAt: isoInstant,
});

/** The cautions the clinician has acknowledged, by rule id. */
const acknowledgedRuleIds = z.array(z.string().max(60)).max(200).default([]);

/**
 * What the signing panel holds while the screening is a draft, saved with it
 * so it survives a tab switch or a restart. Kept as typed: signing still takes
 * its inputs from the sign request and checks them there.
 */
export const draftSigning = z.strictObject({
  acknowledgedRuleIds,
  overrideReason: z.string().max(1000, { error: 'Override reason must be at most 1000 characters' }).default(''),
  amendmentReason: z.string().max(500, { error: 'Amendment reason must be at most 500 characters' }).default(''),
});
export type DraftSigning = z.output<typeof draftSigning>;
export const EMPTY_DRAFT_SIGNING: DraftSigning = { acknowledgedRuleIds: [], overrideReason: '', amendmentReason: '' };

export const screening = z.object({
  id,
  patientId: id,
  version: z.number().int().positive(),
  status: z.enum(SCREENING_STATUSES),
  /** The signed screening this one corrects, if any. */
  amendsId: id.nullable(),
  /** The signed screening that corrected this one, if any: this one is then no longer current. */
  amendedById: id.nullable(),
  case: screeningCaseSchema,
  /** Live for a draft; frozen at signing for a signed screening. */
  result: screeningResultSchema,
  createdAt: isoInstant,
  createdBy: id,
  createdByName: z.string(),
  updatedAt: isoInstant,
  signature: signature.nullable(),
  /** A draft's signing inputs as last saved; null once signed or discarded, or when none were saved. */
  draftSigning: draftSigning.nullable(),
  /** The electronic signatures stored with it (who, when, what each meant); empty for a draft. */
  signatures: z.array(electronicSignature),
});
export type Screening = z.output<typeof screening>;

export const screeningCreate = z.strictObject({
  patientId: id,
  plannedTreatment: caseShape.plannedTreatment,
  /** Start from a signed screening, to correct it. */
  amendsId: id.optional(),
});

export const screeningSave = z.strictObject({
  id,
  expectedVersion: z.number().int().positive(),
  answers: screeningAnswers,
  /** Left out: the signing inputs saved before are kept as they are. */
  signing: draftSigning.optional(),
});

export const screeningSign = z.strictObject({
  id,
  expectedVersion: z.number().int().positive(),
  acknowledgedRuleIds,
  overrideReason: z.string().trim().max(1000).optional(),
  amendmentReason: z.string().trim().max(500).optional(),
});
export type ScreeningSign = z.output<typeof screeningSign>;

export const screeningImport = z.strictObject({
  patientId: id,
  /** The interchange file's text, as chosen by the clinician. */
  json: z.string().max(500_000, { error: 'The file is too large to be a screening (over 500 kB)' }),
});

export const screeningExport = z.object({ fileName: z.string(), json: z.string() });

/** Empty answers for a new screening: every item "not asked". */
export function blankAnswers(plannedTreatment: ScreeningAnswers['plannedTreatment']): ScreeningAnswers {
  return { plannedTreatment, answers: {}, medications: [] };
}

/** The interchange case for a patient on a day: the patient block always comes from the chart. */
export function caseFor(answers: ScreeningAnswers, patient: Patient, onDay: string): ScreeningCase {
  return {
    format: CASE_FORMAT,
    patient: {
      ageYears: Math.max(0, Math.min(120, ageInYears(patient.dateOfBirth, onDay))),
      sex: patient.sex,
      ...(patient.weightKg !== null ? { weightKg: patient.weightKg } : {}),
    },
    plannedTreatment: answers.plannedTreatment,
    ...(answers.baselineVitals ? { baselineVitals: answers.baselineVitals } : {}),
    answers: answers.answers,
    ...(answers.medications?.length ? { medications: answers.medications } : {}),
  };
}

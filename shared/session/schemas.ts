// Session monitoring, as zod schemas: what the screens send (inputs) and what
// the store answers (records). Every message names its field, so a form can
// show it beside the box that is wrong.

import { z } from 'zod';
import { amendmentReason, id, optionalPositiveMeasure, optionalText, requiredText, wholeMeasure } from '../schemas/common';
import { screening } from '../schemas/screening';
import { DISSOCIATION_LEVELS, ESKETAMINE_DEVICE_COUNTS, ROUTES, SEDATION_LEVELS } from './reference';
import { sessionSettingsShape } from './settings';
import { SUICIDE_RISK_REASON_CODES, suicideRiskStatus } from '../suicide-risk/schemas';
import { isIsoInstant } from './time';

/** A date and time with a zone; stored in one canonical UTC form so it sorts as text. */
export const instant = (label: string) =>
  z
    .string({ error: `${label} must be a date and time` })
    .refine(isIsoInstant, { error: `${label} must be a date and time such as 2026-11-25T09:00:00Z` })
    .transform((s) => new Date(s).toISOString());

const optionalInstant = (label: string) =>
  instant(label)
    .nullish()
    .transform((v) => v ?? null);

// Wide bounds on purpose: a monitor must be able to record a dangerous value,
// so only readings no living patient could have are refused.
const MEASURES = {
  systolic: wholeMeasure('Systolic', 'mmHg', 20, 300),
  diastolic: wholeMeasure('Diastolic', 'mmHg', 10, 250),
  heartRate: wholeMeasure('Heart rate', '/min', 0, 300),
  spo2: wholeMeasure('SpO2', '%', 0, 100),
  respiratoryRate: wholeMeasure('Respiratory rate', '/min', 0, 80),
};
const optional = <T extends z.ZodType<number>>(s: T) => s.nullish().transform((v) => v ?? undefined);

type BpLike = { systolic?: number | undefined; diastolic?: number | undefined };
const bothOrNeither = {
  check: (v: BpLike) => (v.systolic === undefined) === (v.diastolic === undefined),
  params: { error: 'Enter both systolic and diastolic', path: ['diastolic'] },
};
const diastolicBelowSystolic = {
  check: (v: BpLike) => v.systolic === undefined || v.diastolic === undefined || v.diastolic < v.systolic,
  params: { error: 'Diastolic must be lower than systolic', path: ['diastolic'] },
};

// ── Timeline entries ──────────────────────────────────────────────────────

const note = optionalText('Note', 1000);

export const vitalsEntry = z
  .strictObject({
    kind: z.literal('vitals'),
    systolic: optional(MEASURES.systolic),
    diastolic: optional(MEASURES.diastolic),
    heartRate: optional(MEASURES.heartRate),
    spo2: optional(MEASURES.spo2),
    respiratoryRate: optional(MEASURES.respiratoryRate),
    note,
  })
  .refine((v) => [v.systolic, v.heartRate, v.spo2, v.respiratoryRate].some((m) => m !== undefined), {
    error: 'Enter at least one measurement',
    path: ['systolic'],
  })
  .refine(bothOrNeither.check, bothOrNeither.params)
  .refine(diastolicBelowSystolic.check, diastolicBelowSystolic.params);

export const sedationEntry = z.strictObject({
  kind: z.literal('sedation'),
  /** KetaDesk's 0–4 levels (reference.ts). */
  level: z.union(SEDATION_LEVELS.map((l) => z.literal(l)), { error: 'Sedation level must be 0, 1, 2, 3 or 4' }),
  note,
});

export const dissociationEntry = z.strictObject({
  kind: z.literal('dissociation'),
  level: z.enum(DISSOCIATION_LEVELS, { error: 'Dissociation must be none, mild, moderate or severe' }),
  /** "Any distress the patient cannot be talked down from" alerts whatever the level [REFERENCE §4]. */
  distressNotSettling: z.boolean({ error: 'Distress must be yes or no' }).default(false),
  note,
});

export const nauseaEntry = z.strictObject({
  kind: z.literal('nausea-vomiting'),
  nausea: z.boolean({ error: 'Nausea must be yes or no' }),
  vomiting: z.boolean({ error: 'Vomiting must be yes or no' }),
  note,
});

export const adverseEventEntry = z.strictObject({
  kind: z.literal('adverse-event'),
  description: requiredText('Adverse event', 1000),
  /** The REMS form asks about respiratory depression by name [REFERENCE §4, S8]. */
  respiratoryDepression: z.boolean({ error: 'Respiratory depression must be yes or no' }).default(false),
});

export const interventionEntry = z.strictObject({
  kind: z.literal('intervention'),
  description: requiredText('Intervention', 1000),
});

/** Esketamine: the last device used. IV: the infusion ended. Observation is counted from here. */
export const doseCompleteEntry = z.strictObject({
  kind: z.literal('dose-complete'),
  note,
});

export const ENTRY_KINDS = [
  'vitals', 'sedation', 'dissociation', 'nausea-vomiting', 'adverse-event', 'intervention', 'dose-complete',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const entryData = z.discriminatedUnion(
  'kind',
  [vitalsEntry, sedationEntry, dissociationEntry, nauseaEntry, adverseEventEntry, interventionEntry, doseCompleteEntry],
  { error: `Entry kind must be one of ${ENTRY_KINDS.join(', ')}` },
);
export type EntryData = z.output<typeof entryData>;
export type EntryDataInput = z.input<typeof entryData>;
export type EntryOf<K extends EntryKind> = Extract<EntryData, { kind: K }>;
export type VitalsData = EntryOf<'vitals'>;

// ── Starting a session: dose plan and pre-dose checks (REFERENCE §3) ──────

const esketaminePlan = z.strictObject({
  route: z.literal('esketamine-nasal'),
  deviceCount: z.union(ESKETAMINE_DEVICE_COUNTS.map((n) => z.literal(n)), {
    error: 'Device count must be 1, 2 or 3 (28, 56 or 84 mg)',
  }),
});

/** REFERENCE §4: "ideal or actual body weight". */
export const WEIGHT_BASES = ['actual', 'ideal'] as const;

const ketamineFields = {
  mgPerKg: z
    .number({ error: 'Dose must be a number of mg/kg' })
    .positive({ error: 'Dose must be more than 0 mg/kg' })
    // A typing guard (10 × the highest protocol dose REFERENCE §4 mentions); the clinical ceiling is a setting.
    .max(10, { error: 'Dose must be at most 10 mg/kg' }),
  /** Weight used for the dose; the chart's weight when left out. */
  weightKg: optionalPositiveMeasure('Weight', 'kg', 400),
  weightBasis: z.enum(WEIGHT_BASES, { error: 'Weight basis must be actual or ideal' }).default('actual'),
  /** The vial's strength; the clinic setting when left out. */
  concentrationMgPerMl: optionalPositiveMeasure('Concentration', 'mg/mL', 500),
};

const ivPlan = z.strictObject({
  route: z.literal('iv-ketamine'),
  ...ketamineFields,
  /** Planned infusion length; the clinic setting when left out. */
  infusionMinutes: z
    .number({ error: 'Infusion length must be a number of minutes' })
    .int({ error: 'Infusion length must be whole minutes' })
    .min(1, { error: 'Infusion length must be at least 1 minute' })
    .max(240, { error: 'Infusion length must be at most 240 minutes' })
    .nullish()
    .transform((v) => v ?? null),
});

const imPlan = z.strictObject({ route: z.literal('im-ketamine'), ...ketamineFields });

export const dosePlan = z.discriminatedUnion(
  'route',
  [esketaminePlan, ivPlan, imPlan],
  { error: `Route must be one of ${ROUTES.join(', ')}` },
);
export type DosePlan = z.output<typeof dosePlan>;

export const vitalsReading = z
  .strictObject({
    takenAt: instant('Time of the reading'),
    systolic: MEASURES.systolic,
    diastolic: MEASURES.diastolic,
    heartRate: MEASURES.heartRate,
    spo2: MEASURES.spo2,
    respiratoryRate: optional(MEASURES.respiratoryRate),
  })
  .refine(diastolicBelowSystolic.check, diastolicBelowSystolic.params);
export type VitalsReading = z.output<typeof vitalsReading>;

export const PREGNANCY_STATUSES = ['not-applicable', 'test-negative', 'test-positive', 'not-tested'] as const;

export const preDoseChecks = z
  .strictObject({
    /** BP, heart rate and SpO2 before dosing [REFERENCE §3]. */
    vitals: vitalsReading,
    /** "Repeat if high" [REFERENCE §3]: when given, it is the reading the session goes by. */
    repeatVitals: vitalsReading.nullish().transform((v) => v ?? null),
    /** Last food and last drink; null when not known (which does not meet a fasting rule). */
    lastFoodAt: optionalInstant('Last food'),
    lastDrinkAt: optionalInstant('Last drink'),
    /** Esketamine: a nasal corticosteroid or decongestant today, if any [S1 §2]. */
    nasalMedicationAt: optionalInstant('Nasal medication time'),
    /** The clinic decides whether to test: record the result, or why not tested [REFERENCE §3]. */
    pregnancy: z.enum(PREGNANCY_STATUSES, {
      error: 'Pregnancy must be not-applicable, test-negative, test-positive or not-tested',
    }),
    pregnancyNotTestedReason: optionalText('Reason not tested', 500),
    escortArranged: z.boolean({ error: 'Escort must be yes or no' }),
    escortName: optionalText('Escort name', 200),
    /** Since the screening [REFERENCE §3]. */
    newMedicines: z.boolean({ error: 'New medicines must be yes or no' }),
    newIllness: z.boolean({ error: 'New illness must be yes or no' }),
    substanceUse: z.boolean({ error: 'Substance use must be yes or no' }),
    changesDetails: optionalText('Details of the changes', 2000),
  })
  .refine((c) => c.pregnancy !== 'not-tested' || c.pregnancyNotTestedReason !== null, {
    error: 'Say why no pregnancy test was done',
    path: ['pregnancyNotTestedReason'],
  })
  .refine((c) => !(c.newMedicines || c.newIllness || c.substanceUse) || c.changesDetails !== null, {
    error: 'Describe what changed since the screening',
    path: ['changesDetails'],
  });
export type PreDoseChecks = z.output<typeof preDoseChecks>;
export type PreDoseChecksInput = z.input<typeof preDoseChecks>;

export const sessionStart = z.strictObject({
  patientId: id,
  /** When dosing starts; now when left out. */
  startedAt: instant('Start time').optional(),
  plan: dosePlan,
  preDose: preDoseChecks,
  /** The documented decision to proceed despite the pre-dose concerns. */
  decisionReason: optionalText('Reason to proceed', 1000),
  /** A prescriber's reason for a dose other than the course's order (signed). */
  doseChangeReason: optionalText('Reason for a different dose', 1000),
  /** The chair or room, for today's board; optional. */
  location: optionalText('Chair or room', 40).optional(),
});
export type SessionStart = z.output<typeof sessionStart>;

// ── Adding, correcting and acknowledging ──────────────────────────────────

export const entryAdd = z.strictObject({
  sessionId: id,
  /** When it was observed; now when left out. */
  at: instant('Time').optional(),
  entry: entryData,
});

export const entryAmend = z.strictObject({
  sessionId: id,
  /** The newest version of the entry being corrected. */
  entryId: id,
  /** The corrected time; the corrected entry's time when left out. */
  at: instant('Time').optional(),
  /** The corrected entry, or null to strike it out as entered in error. */
  entry: entryData.nullable(),
  reason: amendmentReason,
});

export const alertAcknowledge = z.strictObject({
  alertId: id,
  actionNote: requiredText('Action taken', 1000),
});

export const dischargeChecklist = z.strictObject({
  /** Oriented, with sedation level 0–1 on the timeline [REFERENCE §4]. */
  oriented: z.boolean({ error: 'Oriented must be yes or no' }).default(false),
  walksSteadily: z.boolean({ error: 'Walks steadily must be yes or no' }).default(false),
  nauseaControlled: z.boolean({ error: 'Nausea controlled must be yes or no' }).default(false),
  escortPresent: z.boolean({ error: 'Escort present must be yes or no' }).default(false),
  aftercareExplained: z.boolean({ error: 'Aftercare explained must be yes or no' }).default(false),
});
export type DischargeChecklist = z.output<typeof dischargeChecklist>;
export const EMPTY_CHECKLIST: DischargeChecklist = {
  oriented: false, walksSteadily: false, nauseaControlled: false, escortPresent: false, aftercareExplained: false,
};

export const sessionDischarge = z.strictObject({
  sessionId: id,
  /** When the patient left; now when left out. */
  at: instant('Discharge time').optional(),
  checklist: dischargeChecklist,
  /** Needed when a readiness item is not met; the clinician's reason to discharge anyway. */
  overrideReason: optionalText('Reason to discharge before every item is met', 1000),
});

// ── What the store answers ────────────────────────────────────────────────

const at = z.string();

export const SESSION_STATUSES = ['open', 'discharged'] as const;

export const preDoseConcern = z.object({
  code: z.string(),
  message: z.string(),
  source: z.string(),
  /** "prescriber-reason": only a prescriber may proceed, with a written reason. */
  needs: z.enum(['reason', 'prescriber-reason']),
});
export type PreDoseConcern = z.output<typeof preDoseConcern>;

export const doseRecord = z.discriminatedUnion('route', [
  z.object({
    route: z.literal('esketamine-nasal'),
    deviceCount: z.number().int(),
    totalMg: z.number(),
  }),
  z.object({
    route: z.enum(['iv-ketamine', 'im-ketamine']),
    mgPerKg: z.number(),
    weightKg: z.number(),
    weightBasis: z.enum(WEIGHT_BASES),
    /** Where the weight came from: typed for this session or the chart's. */
    weightFrom: z.enum(['entered', 'chart']),
    totalMg: z.number(),
    concentrationMgPerMl: z.number(),
    volumeMl: z.number(),
    /** IV only: planned infusion length. */
    infusionMinutes: z.number().int().nullable(),
  }),
]);
export type DoseRecord = z.output<typeof doseRecord>;

const sessionSettingsSnapshot = z.object(sessionSettingsShape);

export const dischargeRecord = z.object({
  at,
  by: id,
  byName: z.string(),
  recordedAt: at,
  checklist: dischargeChecklist,
  /** Readiness as it stood at discharge. */
  ready: z.boolean(),
  unmet: z.array(z.string()),
  overrideReason: z.string().nullable(),
});

export const session = z.object({
  id,
  patientId: id,
  screeningId: id,
  route: z.enum(ROUTES),
  status: z.enum(SESSION_STATUSES),
  startedAt: at,
  startedBy: id,
  startedByName: z.string(),
  recordedAt: at,
  dose: doseRecord,
  preDose: preDoseChecks,
  /** The pre-dose reading the session goes by (the repeat when there is one). */
  baseline: vitalsReading,
  concerns: z.array(preDoseConcern),
  decisionReason: z.string().nullable(),
  /** The chair or room typed at the start, or null. */
  location: z.string().nullable(),
  /** The clinic's thresholds and timings when dosing started: the session is judged by these throughout. */
  settings: sessionSettingsSnapshot,
  discharge: dischargeRecord.nullable(),
});
export type Session = z.output<typeof session>;

export const sessionEntry = z.object({
  id,
  sessionId: id,
  at,
  recordedAt: at,
  recordedBy: id,
  recordedByName: z.string(),
  /** Null when this row strikes out the entry it amends. */
  entry: entryData.nullable(),
  amendsId: id.nullable(),
  amendReason: z.string().nullable(),
  /** The amendment that replaced this row, if any: the row then no longer counts. */
  supersededById: id.nullable(),
});
export type SessionEntry = z.output<typeof sessionEntry>;

export const alertFinding = z.object({
  code: z.string(),
  message: z.string(),
  value: z.union([z.number(), z.string(), z.boolean()]),
  threshold: z.union([z.number(), z.string(), z.boolean()]),
  /** The clinic setting that holds the threshold. */
  settingKey: z.string(),
  source: z.string(),
});
export type AlertFinding = z.output<typeof alertFinding>;

export const sessionAlert = alertFinding.extend({
  id,
  sessionId: id,
  entryId: id,
  /** When the observation that fired it was made. */
  at,
  recordedAt: at,
  /** True once the entry that fired it was corrected or struck out. */
  entrySuperseded: z.boolean(),
  acknowledgement: z
    .object({ at, by: id, byName: z.string(), actionNote: z.string() })
    .nullable(),
});
export type SessionAlert = z.output<typeof sessionAlert>;

export const scheduleItem = z.object({
  id: z.string(),
  kind: z.enum(['vitals', 'record-dose-end', 'discharge-assessment', 'observation-end']),
  label: z.string(),
  dueAt: at,
  status: z.enum(['done', 'upcoming', 'due', 'overdue']),
  overdue: z.boolean(),
  /** dueAt minus now, in milliseconds: negative once the time has passed. */
  countdownMs: z.number(),
  doneAt: at.nullable(),
  /** True when the time is reckoned from the planned end of dosing because its actual end is not recorded. */
  estimated: z.boolean(),
  source: z.string(),
});
export type ScheduleItem = z.output<typeof scheduleItem>;

export const readinessItem = z.object({
  id: z.string(),
  label: z.string(),
  met: z.boolean(),
  /** Why it is met or not, in words for the clinician. */
  reason: z.string(),
  /** False for what no override may skip (an unacknowledged alert). */
  overridable: z.boolean(),
  source: z.string(),
});
export type ReadinessItem = z.output<typeof readinessItem>;

export const readiness = z.object({
  ready: z.boolean(),
  /** True when every item an override cannot skip is met. */
  canOverride: z.boolean(),
  /** When the minimum observation ends; null until dosing's end is known. */
  observationEndsAt: at.nullable(),
  items: z.array(readinessItem),
});
export type Readiness = z.output<typeof readiness>;

export const sessionView = z.object({
  session,
  /** The discharge checklist as last saved while the session was open (null until a tick is saved). */
  savedChecklist: dischargeChecklist.nullable(),
  /** Every row, corrections included, in clinical-time order. */
  entries: z.array(sessionEntry),
  alerts: z.array(sessionAlert),
  schedule: z.array(scheduleItem),
  readiness,
  /** The server's clock when this was computed; countdowns are from it. */
  now: at,
});
export type SessionView = z.output<typeof sessionView>;

export const entryWritten = z.object({
  entry: sessionEntry,
  /** The alerts this entry fired, stored with it. */
  alerts: z.array(sessionAlert),
  view: sessionView,
});

export const sessionSummary = z.object({
  id,
  route: z.enum(ROUTES),
  status: z.enum(SESSION_STATUSES),
  startedAt: at,
  startedByName: z.string(),
  totalMg: z.number(),
  deviceCount: z.number().int().nullable(),
  mgPerKg: z.number().nullable(),
  dischargedAt: at.nullable(),
  dischargedByName: z.string().nullable(),
  dischargeOverridden: z.boolean(),
  alertCount: z.number().int(),
  /** Alerts not yet acknowledged whose entry still counts. */
  openAlertCount: z.number().int(),
});
export type SessionSummary = z.output<typeof sessionSummary>;

export const eligibilityReason = z.object({
  code: z.enum([
    'no-signed-screening', 'screening-expired', 'screening-amended', 'screening-contraindicated',
    'screening-other-treatment', 'session-open', 'consent-required', 'rems-enrollment-required', 'no-active-course',
    ...SUICIDE_RISK_REASON_CODES,
  ]),
  message: z.string(),
});
export type EligibilityReason = z.output<typeof eligibilityReason>;

export const sessionEligibility = z.object({
  eligible: z.boolean(),
  /** The screening a session would start from: the patient's latest signed one, if any. */
  screening: screening.nullable(),
  /** The prescriber's written reason when that screening was contraindicated and overridden: show it. */
  overrideReason: z.string().nullable(),
  /** A session still open for this patient; it must be discharged first. */
  openSessionId: id.nullable(),
  reasons: z.array(eligibilityReason),
  /** Today's ASQ, PHQ-9 and GAD-7 as the gate saw them, any assessment, and the crisis resource text. */
  suicideRisk: suicideRiskStatus,
});
export type SessionEligibility = z.output<typeof sessionEligibility>;

/** The discharge checklist as ticked so far, saved at each tick while the session is open. */
export const checklistSave = z.strictObject({
  sessionId: id,
  checklist: dischargeChecklist,
});

// ── Requests that only name a record ──────────────────────────────────────

export const eligibilityQuery = z.strictObject({
  patientId: id,
  /** The treatment planned today: a screening for another treatment does not count. */
  route: z.enum(ROUTES, { error: `Route must be one of ${ROUTES.join(', ')}` }).optional(),
});

export const sessionQuery = z.strictObject({
  id,
  /** The discharge checklist as ticked so far, to see readiness before discharging. */
  checklist: dischargeChecklist.optional(),
});

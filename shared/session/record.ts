// The read-only record of one session, for printing. It answers the questions
// REFERENCE §4 lists for the esketamine REMS Patient Monitoring Form [S8]
// (patient, date, dose, BP before and after, sedation, dissociation,
// respiratory depression, BP increase, observation times, stable at discharge)
// and carries everything else the timeline holds, so IV/IM sessions print too.

import { z } from 'zod';
import { localIsoDate } from '../dates';
import { BP_ALERT_CODES, RESPIRATORY_ALERT_CODES } from './alerts';
import { DISSOCIATION_LEVELS, ROUTE_LABELS, ROUTES, SEDATION_LEVEL_LABELS, dissociationRank, type DissociationLevel } from './reference';
import {
  PREGNANCY_STATUSES, SESSION_STATUSES, dischargeChecklist, doseRecord, preDoseConcern, vitalsReading,
  type Session, type SessionAlert, type SessionEntry,
} from './schemas';
import { dischargeReadiness } from './discharge';
import { ENTRY_KIND_LABELS, entryText } from './entry-words';
import { OBSERVATION_ANCHOR, dosingEndedAt, effectiveEntries, observationStart, ofKind } from './timeline';
import { addMinutes, clockMinutesBetween, toMs } from './time';
import { signature } from '../auth/status';
import { sessionSafetyChecks } from '../suicide-risk/schemas';

export const RECORD_FORMAT = 'ketadesk-session-record/v1';

const at = z.string();
const byName = z.string();

export const sessionRecord = z.object({
  format: z.literal(RECORD_FORMAT),
  generatedAt: at,
  /** REFERENCE §4 could only partly establish the REMS form's fields. */
  formNote: z.string(),
  patient: z.object({
    id: z.string(), legalName: z.string(), preferredName: z.string().nullable(), mrn: z.string(),
    dateOfBirth: z.string(), sex: z.string(),
  }),
  session: z.object({
    id: z.string(), route: z.enum(ROUTES), routeLabel: z.string(), date: z.string(),
    startedAt: at, startedByName: byName, status: z.enum(SESSION_STATUSES),
    /** When the pre-dose checks and the start were recorded, by startedByName. */
    recordedAt: at,
  }),
  screening: z.object({ id: z.string(), signedAt: at.nullable(), verdict: z.string(), overrideReason: z.string().nullable() }),
  dose: doseRecord,
  dosingEndedAt: at.nullable(),
  preDose: z.object({
    vitals: vitalsReading,
    repeatVitals: vitalsReading.nullable(),
    concerns: z.array(preDoseConcern),
    decisionReason: z.string().nullable(),
    /** The treatment-day checks as answered [REFERENCE §3], so the record prints them with their values. */
    checks: z.object({
      lastFoodAt: at.nullable(), lastDrinkAt: at.nullable(), nasalMedicationAt: at.nullable(),
      pregnancy: z.enum(PREGNANCY_STATUSES), pregnancyNotTestedReason: z.string().nullable(),
      escortArranged: z.boolean(), escortName: z.string().nullable(),
      newMedicines: z.boolean(), newIllness: z.boolean(), substanceUse: z.boolean(), changesDetails: z.string().nullable(),
    }),
  }),
  postDoseVitals: z.array(z.object({
    at, systolic: z.number().nullable(), diastolic: z.number().nullable(), heartRate: z.number().nullable(),
    spo2: z.number().nullable(), respiratoryRate: z.number().nullable(), recordedByName: byName,
  })),
  sedation: z.object({
    occurred: z.boolean(),
    worstLevel: z.number().int().nullable(),
    assessments: z.array(z.object({ at, level: z.number().int(), label: z.string(), recordedByName: byName })),
  }),
  dissociation: z.object({
    occurred: z.boolean(),
    worst: z.enum(DISSOCIATION_LEVELS).nullable(),
    assessments: z.array(z.object({ at, level: z.enum(DISSOCIATION_LEVELS), distressNotSettling: z.boolean(), recordedByName: byName })),
  }),
  respiratoryDepression: z.object({ occurred: z.boolean(), evidence: z.array(z.string()) }),
  bpIncrease: z.object({ occurred: z.boolean(), evidence: z.array(z.string()) }),
  nauseaVomiting: z.array(z.object({ at, nausea: z.boolean(), vomiting: z.boolean(), recordedByName: byName })),
  adverseEvents: z.array(z.object({ at, description: z.string(), respiratoryDepression: z.boolean(), recordedByName: byName })),
  interventions: z.array(z.object({ at, description: z.string(), recordedByName: byName })),
  alerts: z.array(z.object({
    at, message: z.string(), entrySuperseded: z.boolean(),
    acknowledgedAt: at.nullable(), acknowledgedByName: z.string().nullable(), actionNote: z.string().nullable(),
  })),
  /**
   * From the rule's anchor (`countsFrom`: the first device for esketamine, as
   * the REMS form counts its total minutes [S8]) to discharge, in whole clock
   * minutes so the figure agrees with the two clock times printed beside it.
   */
  observation: z.object({ from: at.nullable(), until: at.nullable(), minutes: z.number().int().nullable(), countsFrom: z.string() }),
  discharge: z.object({
    at, byName, stableAtDischarge: z.boolean(), unmet: z.array(z.string()), overrideReason: z.string().nullable(),
    checklist: dischargeChecklist,
    /** Each readiness item as it stood at discharge, met or not, with its reason. */
    items: z.array(z.object({ label: z.string(), met: z.boolean(), reason: z.string() })),
    /** Readings from here on count as the discharge assessment (the check window before the end of observation). */
    assessedFrom: at.nullable(),
  }).nullable(),
  /** Every correction, so the printout shows that the record was amended, when, by whom and why. */
  corrections: z.array(z.object({
    entryId: z.string(), recordedAt: at, byName, reason: z.string(), struckOut: z.boolean(),
    /** What was corrected: its kind and observed time, the value it had, and the value now (null when struck out). */
    kind: z.string(), entryAt: at, was: z.string(), now: z.string().nullable(),
  })),
  /** The session's electronic signatures: the decision to proceed, corrections, discharge. */
  signatures: z.array(signature),
  /** Today's ASQ, PHQ-9 and GAD-7 and any prescriber's suicide safety assessment, as the start gate saw them. */
  safetyChecks: sessionSafetyChecks.nullable(),
});
export type SessionRecord = z.output<typeof sessionRecord>;

export interface RecordSources {
  session: Session;
  entries: readonly SessionEntry[];
  alerts: readonly SessionAlert[];
  patient: SessionRecord['patient'];
  screening: SessionRecord['screening'];
  signatures: SessionRecord['signatures'];
  safetyChecks: SessionRecord['safetyChecks'];
  generatedAt: string;
}

// The reference could not confirm every field of the current REMS form, so the
// note asks for a check against the form itself, in words a nurse acts on.
const FORM_NOTE =
  'These answers follow the esketamine REMS Patient Monitoring Form (SPRAVATO REMS materials). ' +
  'Compare them with the current form when you fill it in.';

/**
 * The readiness items as they stood at discharge. The stored verdict is the
 * record: the items stored as unmet ("label: reason") were the unmet ones, so
 * every other item was met; its reason is worked out again from the timeline
 * as it stood. A stored unmet item whose wording matches no current item is
 * printed as it was stored.
 */
function dischargeAsRecorded(
  s: Session, d: NonNullable<Session['discharge']>, entries: readonly SessionEntry[], alerts: readonly SessionAlert[],
): NonNullable<SessionRecord['discharge']> {
  const judged = dischargeReadiness(s, entries, d.checklist, d.at, s.settings, alerts);
  const storedFor = (label: string) => d.unmet.find((u) => u === label || u.startsWith(`${label}: `));
  const items = judged.items.map((i) => {
    const stored = storedFor(i.label);
    return { label: i.label, met: stored === undefined, reason: stored ? stored.slice(i.label.length + 2) || 'Not met' : i.reason };
  });
  const unmatched = d.unmet.filter((u) => !judged.items.some((i) => storedFor(i.label) === u));
  return {
    at: d.at, byName: d.byName, stableAtDischarge: d.ready, unmet: d.unmet, overrideReason: d.overrideReason, checklist: d.checklist,
    items: [...items, ...unmatched.map((stored) => ({ label: stored, met: false, reason: '' }))],
    assessedFrom: judged.observationEndsAt ? addMinutes(judged.observationEndsAt, -s.settings.checkWindowMinutes) : null,
  };
}

export function buildSessionRecord(src: RecordSources): SessionRecord {
  const { session: s, entries, alerts } = src;
  const timeline = effectiveEntries(entries);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const who = (id: string) => byId.get(id)?.recordedByName ?? '';
  const live = alerts.filter((a) => !a.entrySuperseded);
  const evidence = (codes: readonly string[]) => live.filter((a) => codes.includes(a.code)).map((a) => a.message);

  const sedation = ofKind(timeline, 'sedation');
  const dissociation = ofKind(timeline, 'dissociation');
  const adverse = ofKind(timeline, 'adverse-event');
  const respiratory = [
    ...evidence(RESPIRATORY_ALERT_CODES),
    ...adverse.filter((a) => a.entry.respiratoryDepression).map((a) => a.entry.description),
  ];
  const bpUp = evidence(BP_ALERT_CODES);
  const worstDissociation = dissociation.reduce<DissociationLevel | null>(
    (w, d) => (w === null || dissociationRank(d.entry.level) > dissociationRank(w) ? d.entry.level : w), null,
  );
  const ended = dosingEndedAt(s, timeline);
  const from = observationStart(s, timeline);
  const until = s.discharge?.at ?? null;

  return {
    format: RECORD_FORMAT,
    generatedAt: src.generatedAt,
    formNote: FORM_NOTE,
    patient: src.patient,
    session: {
      id: s.id, route: s.route, routeLabel: ROUTE_LABELS[s.route], date: localIsoDate(new Date(s.startedAt)),
      startedAt: s.startedAt, startedByName: s.startedByName, status: s.status, recordedAt: s.recordedAt,
    },
    screening: src.screening,
    dose: s.dose,
    dosingEndedAt: ended,
    preDose: {
      vitals: s.preDose.vitals, repeatVitals: s.preDose.repeatVitals, concerns: s.concerns, decisionReason: s.decisionReason,
      checks: {
        lastFoodAt: s.preDose.lastFoodAt, lastDrinkAt: s.preDose.lastDrinkAt, nasalMedicationAt: s.preDose.nasalMedicationAt,
        pregnancy: s.preDose.pregnancy, pregnancyNotTestedReason: s.preDose.pregnancyNotTestedReason,
        escortArranged: s.preDose.escortArranged, escortName: s.preDose.escortName,
        newMedicines: s.preDose.newMedicines, newIllness: s.preDose.newIllness, substanceUse: s.preDose.substanceUse,
        changesDetails: s.preDose.changesDetails,
      },
    },
    postDoseVitals: ofKind(timeline, 'vitals').map((v) => ({
      at: v.at, systolic: v.entry.systolic ?? null, diastolic: v.entry.diastolic ?? null, heartRate: v.entry.heartRate ?? null,
      spo2: v.entry.spo2 ?? null, respiratoryRate: v.entry.respiratoryRate ?? null, recordedByName: who(v.id),
    })),
    sedation: {
      occurred: sedation.some((x) => x.entry.level > 0),
      worstLevel: sedation.length ? Math.max(...sedation.map((x) => x.entry.level)) : null,
      assessments: sedation.map((x) => ({ at: x.at, level: x.entry.level, label: SEDATION_LEVEL_LABELS[x.entry.level], recordedByName: who(x.id) })),
    },
    dissociation: {
      occurred: dissociation.some((x) => x.entry.level !== 'none' || x.entry.distressNotSettling),
      worst: worstDissociation,
      assessments: dissociation.map((x) => ({
        at: x.at, level: x.entry.level, distressNotSettling: x.entry.distressNotSettling, recordedByName: who(x.id),
      })),
    },
    respiratoryDepression: { occurred: respiratory.length > 0, evidence: respiratory },
    bpIncrease: { occurred: bpUp.length > 0, evidence: bpUp },
    nauseaVomiting: ofKind(timeline, 'nausea-vomiting').map((x) => ({
      at: x.at, nausea: x.entry.nausea, vomiting: x.entry.vomiting, recordedByName: who(x.id),
    })),
    adverseEvents: adverse.map((x) => ({
      at: x.at, description: x.entry.description, respiratoryDepression: x.entry.respiratoryDepression, recordedByName: who(x.id),
    })),
    interventions: ofKind(timeline, 'intervention').map((x) => ({ at: x.at, description: x.entry.description, recordedByName: who(x.id) })),
    alerts: alerts.map((a) => ({
      at: a.at, message: a.message, entrySuperseded: a.entrySuperseded,
      acknowledgedAt: a.acknowledgement?.at ?? null, acknowledgedByName: a.acknowledgement?.byName ?? null,
      actionNote: a.acknowledgement?.actionNote ?? null,
    })),
    observation: {
      from,
      until,
      minutes: from && until ? clockMinutesBetween(from, until) : null,
      countsFrom: OBSERVATION_ANCHOR[s.route],
    },
    discharge: s.discharge ? dischargeAsRecorded(s, s.discharge, entries, alerts) : null,
    corrections: entries
      .filter((e) => e.amendsId !== null)
      .sort((a, b) => toMs(a.recordedAt) - toMs(b.recordedAt))
      .map((e) => {
        const old = byId.get(e.amendsId!);
        const shown = old?.entry ?? null;
        return {
          entryId: e.amendsId!, recordedAt: e.recordedAt, byName: e.recordedByName, reason: e.amendReason ?? '', struckOut: e.entry === null,
          kind: shown ? ENTRY_KIND_LABELS[shown.kind] : 'Entry',
          entryAt: old?.at ?? e.at,
          was: shown ? entryText(shown, s.route) : 'struck out',
          now: e.entry ? entryText(e.entry, s.route) : null,
        };
      }),
    signatures: src.signatures,
    safetyChecks: src.safetyChecks,
  };
}

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
  SESSION_STATUSES, dischargeChecklist, doseRecord, preDoseConcern, vitalsReading,
  type Session, type SessionAlert, type SessionEntry,
} from './schemas';
import { dosingEndedAt, effectiveEntries, ofKind } from './timeline';
import { minutesBetween, toMs } from './time';
import { signature } from '../auth/status';

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
  }),
  screening: z.object({ id: z.string(), signedAt: at.nullable(), verdict: z.string(), overrideReason: z.string().nullable() }),
  dose: doseRecord,
  dosingEndedAt: at.nullable(),
  preDose: z.object({
    vitals: vitalsReading,
    repeatVitals: vitalsReading.nullable(),
    concerns: z.array(preDoseConcern),
    decisionReason: z.string().nullable(),
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
  observation: z.object({ from: at.nullable(), until: at.nullable(), minutes: z.number().int().nullable() }),
  discharge: z.object({
    at, byName, stableAtDischarge: z.boolean(), unmet: z.array(z.string()), overrideReason: z.string().nullable(),
    checklist: dischargeChecklist,
  }).nullable(),
  /** Every correction, so the printout shows that the record was amended, when, by whom and why. */
  corrections: z.array(z.object({
    entryId: z.string(), recordedAt: at, byName, reason: z.string(), struckOut: z.boolean(),
  })),
  /** The session's electronic signatures: the decision to proceed, corrections, discharge. */
  signatures: z.array(signature),
});
export type SessionRecord = z.output<typeof sessionRecord>;

export interface RecordSources {
  session: Session;
  entries: readonly SessionEntry[];
  alerts: readonly SessionAlert[];
  patient: SessionRecord['patient'];
  screening: SessionRecord['screening'];
  signatures: SessionRecord['signatures'];
  generatedAt: string;
}

const FORM_NOTE =
  'Fields follow the esketamine REMS Patient Monitoring Form as far as KetaDesk\'s reference could establish them ' +
  '(field list partly unverified); check against the current form before submitting [S8].';

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
  const until = s.discharge?.at ?? null;

  return {
    format: RECORD_FORMAT,
    generatedAt: src.generatedAt,
    formNote: FORM_NOTE,
    patient: src.patient,
    session: {
      id: s.id, route: s.route, routeLabel: ROUTE_LABELS[s.route], date: localIsoDate(new Date(s.startedAt)),
      startedAt: s.startedAt, startedByName: s.startedByName, status: s.status,
    },
    screening: src.screening,
    dose: s.dose,
    dosingEndedAt: ended,
    preDose: { vitals: s.preDose.vitals, repeatVitals: s.preDose.repeatVitals, concerns: s.concerns, decisionReason: s.decisionReason },
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
      from: ended,
      until,
      minutes: ended && until ? Math.floor(minutesBetween(ended, until)) : null,
    },
    discharge: s.discharge
      ? {
          at: s.discharge.at, byName: s.discharge.byName, stableAtDischarge: s.discharge.ready, unmet: s.discharge.unmet,
          overrideReason: s.discharge.overrideReason, checklist: s.discharge.checklist,
        }
      : null,
    corrections: entries
      .filter((e) => e.amendsId !== null)
      .sort((a, b) => toMs(a.recordedAt) - toMs(b.recordedAt))
      .map((e) => ({ entryId: e.amendsId!, recordedAt: e.recordedAt, byName: e.recordedByName, reason: e.amendReason ?? '', struckOut: e.entry === null })),
    signatures: src.signatures,
  };
}

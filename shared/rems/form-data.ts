// What the esketamine REMS Patient Monitoring Form asks, in the form's order
// [REFERENCE §4, S8], filled from the session record, the session's REMS
// answers and the clinic settings, so nothing is typed twice.

import { z } from 'zod';
import type { ClinicSettings } from '../schemas/settings';
import type { SessionRecord } from '../session/record';
import { toMs } from '../session/time';
import { concomitantAnswers, deviceLot, remsSubmission, type RemsSessionAnswers, type RemsSubmission } from './schemas';

const bpAt = z.object({ at: z.string(), systolic: z.number(), diastolic: z.number() }).nullable();

export const remsFormData = z.object({
  sessionId: z.string(),
  patient: z.object({ firstName: z.string(), lastName: z.string(), dateOfBirth: z.string(), sex: z.string() }),
  concomitant: concomitantAnswers,
  clinician: z.object({ name: z.string(), phone: z.string(), email: z.string() }),
  setting: z.object({ name: z.string(), address: z.string() }),
  treatmentDate: z.string(),
  /** 56 or 84 mg as the form's boxes; anything else is "other". */
  dose: z.object({ totalMg: z.number(), box: z.enum(['56', '84', 'other']) }),
  lots: z.array(deviceLot),
  firstDeviceAt: z.string(),
  endOfMonitoringAt: z.string().nullable(),
  /** From the first device to the end of monitoring (discharge); null while the session is open. */
  totalMinutes: z.number().int().nullable(),
  readyToLeaveMinutes: z.number().int().nullable(),
  vitalsAcceptableBeforeDose: z.boolean().nullable(),
  vitalsAcceptableBeforeEnd: z.boolean().nullable(),
  bp: z.object({ beforeDose: bpAt, about40Minutes: bpAt, beforeEnd: bpAt }),
  sedation: z.boolean(),
  dissociation: z.boolean(),
  respiratoryDepression: z.boolean(),
  adverseEvents: z.array(z.string()),
  submission: remsSubmission.nullable(),
  /** The reference could not retrieve every item's exact wording: check against the current form. */
  formNote: z.string(),
});
export type RemsFormData = z.output<typeof remsFormData>;

/** The 40-minute BP check counts from the first device [REFERENCE §4, S1 §5.5]; a reading 20–60 minutes after is "about 40". */
const ABOUT_40 = { target: 40, from: 20, to: 60 } as const;

/** "Zoë Ångström" → first "Zoë", last "Ångström": the chart keeps one legal name, the form asks for two. */
export function splitName(legalName: string): { firstName: string; lastName: string } {
  const words = legalName.trim().split(/\s+/);
  return words.length < 2 ? { firstName: legalName.trim(), lastName: '' } : { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1)! };
}

export function buildRemsFormData(
  record: SessionRecord,
  answers: RemsSessionAnswers,
  settings: Pick<ClinicSettings, 'clinicName' | 'clinicAddress' | 'remsClinicianPhone' | 'remsClinicianEmail'>,
  submission: RemsSubmission | null,
): RemsFormData {
  const start = toMs(record.session.startedAt);
  const minutesAfter = (at: string) => (toMs(at) - start) / 60_000;
  const readings = record.postDoseVitals
    .filter((v) => v.systolic !== null && v.diastolic !== null)
    .map((v) => ({ at: v.at, systolic: v.systolic!, diastolic: v.diastolic! }));
  const near40 = readings
    .filter((r) => minutesAfter(r.at) >= ABOUT_40.from && minutesAfter(r.at) <= ABOUT_40.to)
    .sort((a, b) => Math.abs(minutesAfter(a.at) - ABOUT_40.target) - Math.abs(minutesAfter(b.at) - ABOUT_40.target))[0] ?? null;
  const last = readings.at(-1) ?? null;
  const pre = record.preDose.repeatVitals ?? record.preDose.vitals;
  const totalMg = record.dose.totalMg;
  return {
    sessionId: record.session.id,
    patient: { ...splitName(record.patient.legalName), dateOfBirth: record.patient.dateOfBirth, sex: record.patient.sex },
    concomitant: answers.concomitant,
    clinician: { name: record.discharge?.byName ?? record.session.startedByName, phone: settings.remsClinicianPhone, email: settings.remsClinicianEmail },
    setting: { name: settings.clinicName, address: settings.clinicAddress },
    treatmentDate: record.session.date,
    dose: { totalMg, box: totalMg === 56 ? '56' : totalMg === 84 ? '84' : 'other' },
    lots: answers.lots,
    firstDeviceAt: record.session.startedAt,
    endOfMonitoringAt: record.observation.until,
    totalMinutes: record.observation.minutes,
    readyToLeaveMinutes: answers.readyToLeaveMinutes,
    vitalsAcceptableBeforeDose: answers.vitalsAcceptableBeforeDose,
    vitalsAcceptableBeforeEnd: answers.vitalsAcceptableBeforeEnd,
    bp: {
      beforeDose: { at: pre.takenAt, systolic: pre.systolic, diastolic: pre.diastolic },
      about40Minutes: near40,
      beforeEnd: last && last !== near40 ? last : null,
    },
    sedation: record.sedation.occurred,
    dissociation: record.dissociation.occurred,
    respiratoryDepression: record.respiratoryDepression.occurred,
    adverseEvents: record.adverseEvents.map((a) => a.description),
    submission,
    formNote: record.formNote,
  };
}

// A treatment session as an Encounter, its dose as a MedicationAdministration,
// and its vitals (pre-dose and on the timeline) as vital-signs Observations.

import { ROUTE_LABELS } from '../session/reference';
import { dosingEndedAt, effectiveEntries, ofKind } from '../session/timeline';
import { UCUM_MG } from './codes';
import type { ExportSession } from './records';
import { compact, referenceTo, type Resource } from './resource';
import { vitalsObservations } from './resources-vitals';
import { resourceId } from './uuid';

const ENCOUNTER_CLASS = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' };

/** The drug given on each route, as text: the clinical contract gives no drug codes. */
const DRUG_TEXT = { 'esketamine-nasal': 'Esketamine', 'iv-ketamine': 'Ketamine', 'im-ketamine': 'Ketamine' } as const;
const ROUTE_TEXT = { 'esketamine-nasal': 'Nasal', 'iv-ketamine': 'Intravenous', 'im-ketamine': 'Intramuscular' } as const;

const encounterIdOf = (sessionId: string) => resourceId(sessionId);

/**
 * The drug of a dose. With a lot number it is a contained Medication whose
 * batch carries the lot (R4 has no lot on MedicationAdministration itself);
 * without one, a plain code text. The only place a lot enters the export.
 */
export function medicationOf(route: ExportSession['session']['route'], lotNumber: string | null): Record<string, unknown> {
  const code = { text: DRUG_TEXT[route] };
  if (lotNumber === null) return { medicationCodeableConcept: code };
  return {
    contained: [{ resourceType: 'Medication', id: 'drug', code, batch: { lotNumber } }],
    medicationReference: { reference: '#drug', display: DRUG_TEXT[route] },
  };
}

function doseText(s: ExportSession['session']): string {
  const d = s.dose;
  return d.route === 'esketamine-nasal'
    ? `${d.totalMg} mg (${d.deviceCount} device${d.deviceCount === 1 ? '' : 's'})`
    : `${d.mgPerKg} mg/kg × ${d.weightKg} kg (${d.weightBasis} weight) = ${d.totalMg} mg, ${d.volumeMl} mL of ${d.concentrationMgPerMl} mg/mL`;
}

export function sessionResources(x: ExportSession): Resource[] {
  const s = x.session;
  const encounterId = encounterIdOf(s.id);
  const timeline = effectiveEntries(x.entries);
  const ended = dosingEndedAt(s, timeline);
  const discharged = s.discharge !== null;

  const encounter: Resource = compact({
    resourceType: 'Encounter',
    id: encounterId,
    status: discharged ? 'finished' : 'in-progress',
    class: ENCOUNTER_CLASS,
    type: [{ text: `${ROUTE_LABELS[s.route]} treatment session` }],
    subject: referenceTo(s.patientId),
    participant: [
      { individual: referenceTo(s.startedBy, s.startedByName) },
      ...(s.discharge && s.discharge.by !== s.startedBy ? [{ individual: referenceTo(s.discharge.by, s.discharge.byName) }] : []),
    ],
    period: compact({ start: s.startedAt, end: s.discharge?.at }),
  });

  const administration: Resource = {
    resourceType: 'MedicationAdministration',
    id: resourceId(s.id, 'dose'),
    ...medicationOf(s.route, x.lotNumber),
    status: discharged || ended !== null ? 'completed' : 'in-progress',
    subject: referenceTo(s.patientId),
    context: referenceTo(encounterId),
    effectivePeriod: compact({ start: s.startedAt, end: ended }),
    performer: [{ actor: referenceTo(s.startedBy, s.startedByName) }],
    dosage: {
      text: doseText(s),
      route: { text: ROUTE_TEXT[s.route] },
      dose: { value: s.dose.totalMg, ...UCUM_MG },
    },
  };

  const common = { patientId: s.patientId, encounterId, recordId: s.id };
  const preDose = [
    { ...common, ...s.preDose.vitals, part: 'pre-dose', at: s.preDose.vitals.takenAt, performerId: s.startedBy },
    ...(s.preDose.repeatVitals
      ? [{ ...common, ...s.preDose.repeatVitals, part: 'pre-dose-repeat', at: s.preDose.repeatVitals.takenAt, performerId: s.startedBy }]
      : []),
  ];
  const recordedBy = new Map(x.entries.map((e) => [e.id, e.recordedBy]));
  const onTimeline = ofKind(timeline, 'vitals').map((v) => ({
    ...common, ...v.entry, recordId: v.id, part: 'vitals', at: v.at, performerId: recordedBy.get(v.id)!,
  }));

  return [encounter, administration, ...[...preDose, ...onTimeline].flatMap(vitalsObservations)];
}

export { encounterIdOf };

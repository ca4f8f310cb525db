// Assembling the export Bundle. Type "collection": the export is a set of
// resources handed to another system, not one attested clinical document
// (a "document" Bundle needs a Composition first and is signed as a whole,
// and "transaction" would tell a server to write). References between the
// resources are their urn:uuid fullUrls, so the Bundle is self-contained.
//
// The clinic export is written as text one patient at a time, so memory holds
// the text and one chunk of patients, never every resource object at once.

import type { ExportClinician, ExportPatient } from './records';
import { fullUrl, type Resource } from './resource';
import { consentResource } from './resources-consent';
import { allergyResources, medicineResources, patientResource, practitionerResource } from './resources-people';
import { provenanceResource } from './resources-provenance';
import { questionnaireResources } from './resources-questionnaires';
import { sessionResources } from './resources-session';

/** Every resource made from one patient's records, the Patient first. */
export function patientResources(p: ExportPatient): Resource[] {
  return [
    patientResource(p.patient),
    ...allergyResources(p.patient),
    ...medicineResources(p.patient),
    ...p.consents.map(consentResource),
    ...p.sessions.flatMap(sessionResources),
    ...p.questionnaires.flatMap(questionnaireResources),
    ...p.signatures.map(provenanceResource),
  ];
}

/** The clinicians a patient's resources refer to (signers included), so a one-patient Bundle carries only those. */
export function cliniciansOf(p: ExportPatient, all: readonly ExportClinician[]): ExportClinician[] {
  const ids = new Set<string>([p.patient.createdBy, p.patient.updatedBy]);
  for (const x of p.sessions) {
    ids.add(x.session.startedBy);
    if (x.session.discharge) ids.add(x.session.discharge.by);
    for (const e of x.entries) ids.add(e.recordedBy);
  }
  for (const q of p.questionnaires) ids.add(q.enteredBy);
  for (const c of p.consents) ids.add(c.recordedBy);
  for (const s of p.signatures) ids.add(s.clinicianId);
  return all.filter((c) => ids.has(c.id));
}

export interface BundleHeader {
  /** A fresh id for this export. */
  id: string;
  /** When the export was made. */
  timestamp: string;
}

const entryText = (r: Resource) => JSON.stringify({ fullUrl: fullUrl(r.id), resource: r });

/**
 * The Bundle as JSON text, piece by piece: the opening, then the entries of
 * each group as it comes (a group is read only when the previous one is
 * written), then the closing. Joined, the pieces are one JSON document.
 */
export function* bundleText(header: BundleHeader, groups: Iterable<readonly Resource[]>): Generator<string> {
  yield `{"resourceType":"Bundle","id":${JSON.stringify(header.id)},"type":"collection","timestamp":${JSON.stringify(header.timestamp)}`;
  let first = true;
  for (const group of groups) {
    for (const resource of group) {
      yield `${first ? ',"entry":[' : ','}${entryText(resource)}`;
      first = false;
    }
  }
  yield first ? '}\n' : ']}\n';
}

/** One patient's Bundle: the patient's resources and the clinicians they name. */
export function patientBundleText(header: BundleHeader, p: ExportPatient, clinicians: readonly ExportClinician[]): string {
  return [...bundleText(header, [cliniciansOf(p, clinicians).map(practitionerResource), patientResources(p)])].join('');
}

/** The whole clinic: every clinician, then each patient's resources as the chunks arrive. */
export function* clinicBundleText(
  header: BundleHeader, clinicians: readonly ExportClinician[], chunks: Iterable<readonly ExportPatient[]>,
): Generator<string> {
  function* groups(): Generator<readonly Resource[]> {
    yield clinicians.map(practitionerResource);
    for (const chunk of chunks) for (const p of chunk) yield patientResources(p);
  }
  yield* bundleText(header, groups());
}

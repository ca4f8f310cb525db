// A small clinic with every kind of record the exports carry: two patients,
// a discharged esketamine session with a corrected vitals entry, an open IV
// session, PHQ-9 (with a baseline and a correction), GAD-7 and ASQ entries,
// consents, and electronic signatures on the chart, screening, session,
// consent and questionnaire.

import { randomUUID } from 'node:crypto';
import type { Store } from '../../db/store';
import { ASQ, GAD7, PHQ9, type FrequencyAnswer, type QuestionnaireAnswers } from '../../shared/measures';
import type { Clinician } from '../../shared/schemas/clinician';
import { questionnaireAmend, questionnaireRecord } from '../../shared/schemas/questionnaire';
import { entryData, sessionStart, type EntryDataInput, type Route } from '../../shared/session';
import { PLANS, answerRems, at, preDoseInput, signScreening } from './session-fixture';
import { T0, patientInput } from './store-fixture';

const ALL_MET = { oriented: true, walksSteadily: true, nauseaControlled: true, escortPresent: true, aftercareExplained: true };

export function frequencyAnswers(instrument: 'phq9' | 'gad7', answers: FrequencyAnswer[], difficulty: FrequencyAnswer | null = 1): QuestionnaireAnswers {
  const items = (instrument === 'phq9' ? PHQ9 : GAD7).items;
  return { instrument, items: Object.fromEntries(items.map((item, i) => [item.id, answers[i] ?? null])), difficulty };
}

function sign(store: Store, by: Clinician, entity: string, entityId: string, meaning: string, when: string) {
  store.write(() => store.recordSignature({
    id: randomUUID(), at: when, clinicianId: by.id, clinicianName: by.name, clinicianCredentials: by.credentials,
    role: by.role, meaning, entity, entityId, method: 'passphrase',
  }));
}

function startSession(store: Store, patientId: string, by: Clinician, route: Route) {
  const input = sessionStart.parse({ patientId, startedAt: at(0), plan: PLANS[route], preDose: preDoseInput() });
  return store.session.start(input, by, at(0));
}

const add = (store: Store, sessionId: string, by: Clinician, minutes: number, entry: EntryDataInput) =>
  store.session.addEntry({ sessionId, at: at(minutes), entry: entryData.parse(entry) }, by, at(minutes));

export function seedExportClinic(store: Store, prescriber: Clinician) {
  const nurse = store.createClinician({ name: 'Nurse Kim', credentials: 'RN', role: 'nurse', isAdmin: false }, T0, prescriber.id);

  const maria = store.createPatient(patientInput({
    weightKg: 70, allergyStatus: 'recorded', allergies: 'Penicillin (rash)',
    medicines: [{ name: 'Sertraline', class: 'ssri', dailyDoseMg: 100 }],
    emergencyContactName: 'Luis Lopez', emergencyContactPhone: '555-0100', preferredName: 'Mari',
  }), prescriber.id, T0);
  sign(store, prescriber, 'patient', maria.id, 'Amended the chart', T0);
  const screening = signScreening(store, maria, prescriber, 'esketamine-nasal');
  sign(store, prescriber, 'screening', screening.id, 'Signed the pre-treatment screening', T0);
  const consent = store.consent.listForPatient(maria.id)[0]!;
  sign(store, nurse, 'consent', consent.id, 'Recorded the patient’s consent', T0);

  const spray = startSession(store, maria.id, prescriber, 'esketamine-nasal');
  add(store, spray.id, nurse, 5, { kind: 'dose-complete' });
  const wrong = add(store, spray.id, nurse, 40, { kind: 'vitals', systolic: 190, diastolic: 100, heartRate: 90, spo2: 97 });
  store.session.amendEntry(
    { sessionId: spray.id, entryId: wrong.entry.id, entry: entryData.parse({ kind: 'vitals', systolic: 150, diastolic: 92, heartRate: 88, spo2: 97, respiratoryRate: 14 }), reason: 'Typed into the wrong box' },
    nurse, at(41),
  );
  add(store, spray.id, nurse, 116, { kind: 'vitals', systolic: 126, diastolic: 82, heartRate: 70, spo2: 98 });
  add(store, spray.id, nurse, 116, { kind: 'sedation', level: 0 });
  add(store, spray.id, nurse, 116, { kind: 'dissociation', level: 'none' });
  answerRems(store, spray.id, nurse, at(116));
  store.session.discharge({ sessionId: spray.id, at: at(120), checklist: ALL_MET, overrideReason: null }, nurse, at(120));
  sign(store, nurse, 'session', spray.id, 'Discharged the patient', at(120));

  const record = (patientId: string, answers: QuestionnaireAnswers, takenAt: string, mode = 'read-aloud') =>
    store.questionnaire.record(questionnaireRecord.parse({ patientId, answers, mode, takenAt }), nurse.id, takenAt);
  record(maria.id, frequencyAnswers('phq9', [3, 3, 2, 2, 2, 2, 2, 2, 0]), at(-30), 'patient-mode');
  const later = record(maria.id, frequencyAnswers('phq9', [1, 1, 1, 1, 1, 1, 1, 1, 1]), at(130));
  const fixed = store.questionnaire.amend(questionnaireAmend.parse({
    amendsId: later.id, answers: frequencyAnswers('phq9', [2, 1, 1, 1, 1, 1, 1, 1, 1]), mode: 'read-aloud', takenAt: at(130), reason: 'Item 1 misheard',
  }), nurse.id, at(135));
  sign(store, nurse, 'questionnaire', fixed.id, 'Corrected a questionnaire', at(135));
  record(maria.id, frequencyAnswers('gad7', [2, 2, 2, 2, 1, 1, 2]), at(-30), 'paper');

  const omar = store.createPatient(patientInput({ legalName: 'Omar Haddad', mrn: 'MRN-2002', sex: 'intersex', weightKg: 80, allergyStatus: 'none-known' }), prescriber.id, T0);
  signScreening(store, omar, prescriber, 'iv-ketamine');
  const drip = startSession(store, omar.id, prescriber, 'iv-ketamine');
  add(store, drip.id, nurse, 10, { kind: 'vitals', systolic: 138, diastolic: 86 });
  record(omar.id, {
    instrument: 'asq',
    items: Object.fromEntries(ASQ.items.map((item, i) => [item.id, (['no', 'no', 'no', 'yes', 'no'] as const)[i] ?? null])),
    details: { 'asq-4': 'Overdose, "2019", at home', 'asq-5': null },
  }, at(-20));

  return { nurse, maria, omar, spray, drip, consent, screening, correctedPhq9: later, phq9Correction: fixed };
}

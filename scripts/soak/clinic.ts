// The clinic a soak run writes into: an encrypted store with one prescriber
// and one patient in an open esketamine session (with its course, REMS
// enrolment and the day's questionnaires), so the writer can add
// patients and timeline entries the way the app does.

import { CONSENT_FORM } from '../../shared/printouts/consent';
import { ITEM_IDS } from '../../shared/screening/items';
import { sessionStart } from '../../shared/session';
import { patientFields } from '../../shared/schemas/patient';
import { Store } from '../../db/store';
import { ESKETAMINE_ORDER, prepareCourse, recordDayMeasures } from '../session-needs';

export interface SoakClinic {
  sessionId: string;
  clinicianId: string;
}

export function prepareClinic(dataDir: string, key: Buffer): SoakClinic {
  const store = Store.open(dataDir, { key });
  try {
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    const started = minutesAgo(1);
    const signedAt = minutesAgo(2);
    const by = store.createClinician({ name: 'Soak Prescriber', credentials: 'MD', role: 'prescriber', isAdmin: true }, signedAt, null);
    const patient = store.createPatient(
      patientFields.parse({ legalName: 'Soak Patient', dateOfBirth: '1980-03-14', sex: 'female', mrn: 'SOAK-0', weightKg: 70 }),
      by.id, signedAt,
    );
    const route = 'esketamine-nasal';
    store.consent.recordSigned({ patientId: patient.id, formVersion: CONSENT_FORM.version, plannedTreatment: route, witnessName: 'Soak Witness', signedAt }, by.id, signedAt);
    const draft = store.screening.create({ patientId: patient.id, plannedTreatment: route }, by.id, signedAt);
    const answers = Object.fromEntries(ITEM_IDS.map((item) => [item, false]));
    const saved = store.screening.save(
      { id: draft.id, expectedVersion: draft.version, answers: { plannedTreatment: route, baselineVitals: { systolic: 120, diastolic: 80 }, answers, medications: [] } },
      signedAt,
    );
    store.screening.sign({ id: saved.id, expectedVersion: saved.version, acknowledgedRuleIds: [] }, by, signedAt, 30);
    prepareCourse(store, patient.id, by, ESKETAMINE_ORDER, signedAt);
    recordDayMeasures(store, patient.id, by, signedAt);
    const session = store.session.start(
      sessionStart.parse({
        patientId: patient.id, startedAt: started, plan: { route, deviceCount: 2 },
        preDose: {
          vitals: { takenAt: started, systolic: 120, diastolic: 80, heartRate: 72, spo2: 98 },
          lastFoodAt: minutesAgo(600), lastDrinkAt: minutesAgo(600), pregnancy: 'test-negative', escortArranged: true,
          newMedicines: false, newIllness: false, substanceUse: false,
        },
      }),
      by, started,
    );
    return { sessionId: session.id, clinicianId: by.id };
  } finally {
    store.close();
  }
}

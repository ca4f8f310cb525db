// The soak test's writer: saves realistic records (patients, PHQ-9 answers,
// timeline entries) as fast as the store takes
// them, each in its own durable transaction, and reports each one only after
// its commit returned: "c <kind> <id> <auditSeq> <auditMac>". The parent
// SIGKILLs it at random moments.

import { Store } from '../../db/store';
import { patientFields } from '../../shared/schemas/patient';
import { storedFrequencyAnswers } from '../../shared/measures/stored-answers';
import type { FrequencyAnswer } from '../../shared/measures';

const [dataDir, keyHex, sessionId, clinicianId, run] = process.argv.slice(2) as [string, string, string, string, string];
let head = { seq: 0, mac: '' };
const store = Store.open(dataDir, { key: Buffer.from(keyHex, 'hex'), onAuditHead: (h) => (head = h) });
const by = store.clinicians.get(clinicianId)!;
const report = (kind: string, id: string) => process.stdout.write(`c ${kind} ${id} ${head.seq} ${head.mac}\n`);

const sessionPatientId = store.session.view(sessionId, new Date().toISOString()).session.patientId;

let n = 0;
process.stdout.write('ready\n');
for (;;) {
  n += 1;
  const now = new Date().toISOString();
  if (n % 3 === 0) {
    const patient = store.createPatient(
      patientFields.parse({ legalName: `Soak Patient ${run}-${n}`, dateOfBirth: '1975-01-02', sex: 'male', mrn: `SOAK-${run}-${n}`, weightKg: 80 }),
      by.id, now,
    );
    report('patient', patient.id);
  } else if (n % 3 === 1) {
    // The session's patient answers a PHQ-9 in patient mode, as before each session.
    const answers = storedFrequencyAnswers('phq9', [(n % 4) as FrequencyAnswer, 1, 0, 1, 0, 0, 0, ((n + 1) % 4) as FrequencyAnswer, 0], 1);
    const taken = store.questionnaire.record({ patientId: sessionPatientId, answers, mode: 'patient-mode', takenAt: now }, by.id, now);
    report('questionnaire', taken.id);
  } else {
    const systolic = 110 + (n % 80);
    const written = store.session.addEntry(
      { sessionId, at: now, entry: { kind: 'vitals', systolic, diastolic: 80, heartRate: 70, spo2: 98, respiratoryRate: undefined, note: null } },
      by, now,
    );
    report('entry', written.entry.id);
  }
}

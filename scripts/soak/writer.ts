// The soak test's writer: saves realistic records as fast as the store takes
// them, each in its own durable transaction, and reports each one only after
// its commit returned: "c <kind> <id> <auditSeq> <auditMac>". The parent
// SIGKILLs it at random moments.

import { Store } from '../../db/store';
import { patientFields } from '../../shared/schemas/patient';

const [dataDir, keyHex, sessionId, clinicianId, run] = process.argv.slice(2) as [string, string, string, string, string];
let head = { seq: 0, mac: '' };
const store = Store.open(dataDir, { key: Buffer.from(keyHex, 'hex'), onAuditHead: (h) => (head = h) });
const by = store.clinicians.get(clinicianId)!;
const report = (kind: string, id: string) => process.stdout.write(`c ${kind} ${id} ${head.seq} ${head.mac}\n`);

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
  } else {
    const systolic = 110 + (n % 80);
    const written = store.session.addEntry(
      { sessionId, at: now, entry: { kind: 'vitals', systolic, diastolic: 80, heartRate: 70, spo2: 98, respiratoryRate: undefined, note: null } },
      by, now,
    );
    report('entry', written.entry.id);
  }
}

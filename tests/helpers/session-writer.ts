// Child process for the crash test: opens the store, saves each entry it is
// sent on stdin (one JSON line: { at, entry }) in its own durable transaction,
// and prints "saved <id>" only after the commit returns. The test SIGKILLs it.

import { createInterface } from 'node:readline';
import { Store } from '../../db/store';
import { TEST_DATABASE_KEY } from './test-key';
import { entryData } from '../../shared/session';

const [dataDir, sessionId, clinicianId] = process.argv.slice(2) as [string, string, string];
const store = Store.open(dataDir, { key: TEST_DATABASE_KEY });
const by = store.clinicians.get(clinicianId)!;
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const { at, entry } = JSON.parse(line) as { at: string; entry: unknown };
  const written = store.session.addEntry({ sessionId, at, entry: entryData.parse(entry) }, by, at);
  process.stdout.write(`saved ${written.entry.id}\n`);
}

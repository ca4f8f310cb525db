import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../db/store';
import { sessionStart } from '../../shared/session';
import { openTestStore, patientInput, T0 } from '../helpers/store-fixture';
import { at, PLANS, preDoseInput, signScreening, START } from '../helpers/session-fixture';
import { makeTempDir } from '../helpers/temp-dir';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WRITER = join(ROOT, 'tests', 'helpers', 'session-writer.ts');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A store on disk with one open session; closed again so only the child writes. */
function sessionOnDisk() {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  const store = openTestStore(dir);
  const clinician = store.createClinician({ name: 'Nurse Kim', credentials: 'RN', role: 'nurse', isAdmin: false }, T0, null);
  const patient = store.createPatient(patientInput(), clinician.id, T0);
  const prescriber = store.createClinician({ name: 'Dr Ada Rivera', credentials: 'MD', role: 'prescriber', isAdmin: false }, T0, clinician.id);
  signScreening(store, patient, prescriber);
  const session = store.session.start(
    sessionStart.parse({ patientId: patient.id, startedAt: START, plan: PLANS['esketamine-nasal'], preDose: preDoseInput() }), clinician, START,
  );
  store.close();
  return { dir, sessionId: session.id, clinicianId: clinician.id };
}

function startWriter(dir: string, sessionId: string, clinicianId: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, sessionId, clinicianId], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const m = pattern.exec(out);
        if (m) {
          out = out.slice(m.index + m[0].length);
          child.stdout.off('data', onData);
          resolve(m[1] ?? m[0]);
        }
      };
      const onData = (d: Buffer) => {
        out += d.toString();
        check();
      };
      child.stdout.on('data', onData);
      void exited.then(() => reject(new Error(`writer exited early:\n${err}`)));
      check();
    });
  const send = (minutes: number, entry: unknown) => child.stdin.write(`${JSON.stringify({ at: at(minutes), entry })}\n`);
  const kill = async () => {
    child.kill('SIGKILL');
    return exited;
  };
  return { waitFor, send, kill };
}

const ENTRY_1 = { kind: 'vitals', systolic: 128, diastolic: 84, heartRate: 80, spo2: 98 };
const ENTRY_2 = { kind: 'vitals', systolic: 172, diastolic: 96, heartRate: 92, spo2: 97 }; // fires a rise alert

function reopenAndRead(dir: string, sessionId: string) {
  const store = openTestStore(dir);
  try {
    const view = store.session.view(sessionId, at(60));
    return {
      entryIds: view.entries.map((e) => e.id),
      alertEntryIds: view.alerts.map((a) => a.entryId),
      audited: store.session.history(sessionId).filter((h) => h.action === 'add-entry').map((h) => (h.after as { entry: { id: string } }).entry.id),
      chainOk: store.audit.verify(store.audit.head()).ok,
    };
  } finally {
    store.close();
  }
}

/** A writer child on a session on disk, once it has saved entry 1 (at 10 minutes). */
async function writerWithEntry1() {
  const { dir, sessionId, clinicianId } = sessionOnDisk();
  const w = startWriter(dir, sessionId, clinicianId);
  await w.waitFor(/ready\n/);
  w.send(10, ENTRY_1);
  const id1 = await w.waitFor(/saved (\S+)\n/);
  return { w, id1, reopen: () => reopenAndRead(dir, sessionId) };
}

describe('entries survive the process being killed mid-session', { timeout: 30_000 }, () => {
  it('killed after entry 2 was saved: both entries, entry 2’s alert and both audit rows are there', async () => {
    const { w, id1, reopen } = await writerWithEntry1();
    w.send(40, ENTRY_2);
    const id2 = await w.waitFor(/saved (\S+)\n/);
    expect(await w.kill()).toBe('SIGKILL');
    expect(reopen()).toEqual({
      entryIds: [id1, id2], alertEntryIds: [id2], audited: [id1, id2], chainOk: true,
    });
  });

  it('killed before entry 2: entry 1 is there and nothing else', async () => {
    const { w, id1, reopen } = await writerWithEntry1();
    expect(await w.kill()).toBe('SIGKILL');
    expect(reopen()).toEqual({ entryIds: [id1], alertEntryIds: [], audited: [id1], chainOk: true });
  });

  it('killed while entry 2 may be mid-write: it is there whole, with its alert and audit row, or not at all', async () => {
    const { w, id1, reopen } = await writerWithEntry1();
    w.send(40, ENTRY_2);
    await w.kill(); // no wait: races the write
    const after = reopen();
    expect(after.chainOk).toBe(true);
    expect(after.entryIds[0]).toBe(id1);
    const id2 = after.entryIds[1];
    if (id2) expect(after).toEqual({ entryIds: [id1, id2], alertEntryIds: [id2], audited: [id1, id2], chainOk: true });
    else expect(after).toEqual({ entryIds: [id1], alertEntryIds: [], audited: [id1], chainOk: true });
  });
});

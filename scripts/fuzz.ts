// `npm run fuzz -- --messages 100000 --json`: measured robustness at the
// boundary. Half the messages go straight to the dispatcher (both transports'
// single entry), half as raw HTTP to a browser-mode server in its own process.
// Every answer must be a structured error or a valid result, no message may
// crash the process, and a refused message must write nothing.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Gatekeeper } from '../electron/auth/gatekeeper';
import { dispatch } from '../electron/dispatch';
import { fuzzChannel, fuzzInput, httpRequest, isChannelName, type HttpRequestSpec } from './fuzz/messages';
import { isStructuredAnswer, isReadChannel } from './fuzz/answers';
import { requireBrowserModeBuild } from './browser-mode.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--messages');
const total = at >= 0 ? Number(args[at + 1]) : 10_000;
if (!Number.isInteger(total) || total < 2) throw new Error('--messages must be a whole number of at least 2');
const asJson = args.includes('--json');
const progress = (m: string) => !asJson && process.stderr.write(`${m}\n`);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PASSPHRASE = 'fuzzing administrator passphrase';

const examples: string[] = [];
const unstructured = (what: string) => {
  report.unstructuredErrors++;
  if (examples.length < 8) examples.push(what.slice(0, 300));
};
const report = { messages: 0, crashes: 0, unexpectedWrites: 0, unstructuredErrors: 0, dispatchMessages: 0, httpMessages: 0, durationS: 0 };
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'ketadesk-fuzz-'));

/** `count` generated values, a thousand at a time: all at once, large runs would hold every body in memory. */
function* inBatches<T>(arbitrary: fc.Arbitrary<T>, count: number): Generator<T> {
  for (let done = 0; done < count; done += 1000) yield* fc.sample(arbitrary, { numRuns: Math.min(1000, count - done) });
}

// ── The dispatcher, in this process ─────────────────────────────────────────
async function fuzzDispatch(count: number): Promise<void> {
  const now = () => new Date();
  // A cheap scrypt cost for the fuzz's own clinic only: the product always uses its production cost.
  const gate = new Gatekeeper({ dataDir: join(work, 'dispatch'), now, kdfCost: { N: 2 ** 10, r: 8, p: 1 } });
  const ctx = { gate, dataDir: join(work, 'dispatch'), now };
  await dispatch('auth.setup', { name: 'Fuzz Admin', credentials: 'MD', role: 'prescriber', passphrase: PASSPHRASE }, ctx);
  const store = gate.requireStore();
  const headSeq = () => store.audit.head()?.seq ?? 0;
  const crashes = () => report.crashes++;
  process.on('uncaughtException', crashes);
  process.on('unhandledRejection', crashes);
  for (const [channel, input, signed] of inBatches(fc.tuple(fuzzChannel, fuzzInput, fc.boolean()), count)) {
    const before = headSeq();
    const message = signed && input && typeof input === 'object' && !Array.isArray(input)
      ? { ...(input as object), signature: { passphrase: 'not the passphrase' } } : input;
    let answer: unknown;
    try {
      answer = await dispatch(channel, message, ctx);
    } catch {
      report.crashes++;
      continue;
    } finally {
      report.messages++;
      report.dispatchMessages++;
    }
    if (!isStructuredAnswer(answer)) unstructured(`dispatch ${String(channel)}: ${JSON.stringify(answer)}`);
    const refused = !(answer as { ok?: boolean }).ok;
    // A refusal may leave a security event (a wrong passphrase or signature, a failed backup), never a change to the records.
    if (refused && store.audit.recordChangesSince(before) > 0) report.unexpectedWrites++;
    if (!refused && isChannelName(channel) && isReadChannel(channel) && headSeq() !== before) report.unexpectedWrites++;
  }
  process.off('uncaughtException', crashes);
  process.off('unhandledRejection', crashes);
  gate.close();
}

// ── Browser mode over HTTP, in its own process ─────────────────────────────
interface Server { origin: string; token: string; exited: () => boolean; stop: () => Promise<void> }

function startServer(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [requireBrowserModeBuild(root)], {
      cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KETADESK_DATA_DIR: join(work, 'http'), KETADESK_READY_JSON: '1' },
    });
    let out = '';
    let exited = false;
    child.once('exit', () => (exited = true));
    child.stderr.resume();
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      const { url } = JSON.parse(line) as { url: string };
      const parsed = new URL(url);
      const stop = () => new Promise<void>((done) => {
        if (exited) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
      resolve({ origin: parsed.origin, token: parsed.hash.replace('#token=', ''), exited: () => exited, stop });
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}`)));
  });
}

interface Reply { status: number; body: string }

function send(server: Server, spec: Pick<HttpRequestSpec, 'method' | 'path' | 'token' | 'contentType' | 'body'>, oversize = false): Promise<Reply> {
  return new Promise((resolve) => {
    const body = oversize ? 'x'.repeat(1_100_000) : spec.body;
    const headers: Record<string, string> = { Host: new URL(server.origin).host, Origin: server.origin };
    if (spec.contentType) headers['Content-Type'] = spec.contentType;
    // Node's client sends a DELETE's or OPTIONS's body without framing it, which the server rightly reads
    // as a broken next request and closes on; a stated length keeps every message one well-framed request.
    if (spec.method !== 'GET') headers['Content-Length'] = String(Buffer.byteLength(body));
    if (spec.token === 'right') headers['X-KetaDesk-Token'] = server.token;
    if (spec.token === 'wrong') headers['X-KetaDesk-Token'] = 'x'.repeat(server.token.length);
    const req = request(`${server.origin}${spec.path}`, { method: spec.method, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', (e) => resolve({ status: 0, body: String(e) }));
    if (spec.method !== 'GET') req.end(body);
    else req.end();
  });
}

async function fuzzHttp(count: number): Promise<void> {
  const server = await startServer();
  const api = (path: string, body: unknown) =>
    send(server, { method: 'POST', path: `/api/${path}`, token: 'right', contentType: 'application/json', body: JSON.stringify(body) });
  await api('auth.setup', { name: 'Fuzz Admin', credentials: 'MD', role: 'prescriber', passphrase: PASSPHRASE });
  const seqBefore = (JSON.parse((await api('audit.verify', {})).body) as { data: { rows: number } }).data.rows;
  let okWrites = 0;
  for (const spec of inBatches(httpRequest, count)) {
    report.messages++;
    report.httpMessages++;
    const reply = await send(server, spec, spec.oversize);
    if (server.exited()) {
      report.crashes++;
      break;
    }
    // No answer at all (a dropped connection) is as bad as a 5xx: the client learns nothing.
    if (reply.status === 0 || reply.status >= 500) unstructured(`HTTP ${spec.method} ${spec.path}: ${reply.status} ${reply.body}`);
    const seenPath = new URL(`${server.origin}${spec.path}`).pathname;
    if (seenPath.startsWith('/api/')) {
      let answer: unknown = null;
      try {
        answer = JSON.parse(reply.body);
      } catch {
        unstructured(`HTTP ${spec.method} ${spec.path}: ${reply.status} not JSON: ${reply.body}`);
        continue;
      }
      if (!isStructuredAnswer(answer)) unstructured(`HTTP ${spec.method} ${spec.path}: ${reply.body}`);
      const channel = seenPath.slice('/api/'.length);
      if ((answer as { ok?: boolean }).ok && isChannelName(channel) && !isReadChannel(channel)) okWrites++;
    }
  }
  await server.stop();
  // Every refused message changed nothing: the records changed at most once per successful write.
  const changed = await recordChangesSince(join(work, 'http'), seqBefore);
  if (changed > okWrites) report.unexpectedWrites += changed - okWrites;
}

/** Opens the browser-mode clinic as its administrator once the server has stopped, and counts the record changes after `seq`. */
async function recordChangesSince(dataDir: string, seq: number): Promise<number> {
  const gate = new Gatekeeper({ dataDir, now: () => new Date() });
  try {
    await gate.signIn(gate.status().signInChoices[0]!.id, PASSPHRASE);
    return gate.requireStore().audit.recordChangesSince(seq);
  } finally {
    gate.close();
  }
}

try {
  const half = Math.floor(total / 2);
  progress(`fuzz: ${half} messages to the dispatcher`);
  await fuzzDispatch(half);
  progress(`fuzz: ${total - half} HTTP requests to browser mode`);
  await fuzzHttp(total - half);
} finally {
  rmSync(work, { recursive: true, force: true });
}
report.durationS = Math.round((Date.now() - started) / 100) / 10;
if (asJson) console.log(JSON.stringify(report));
else {
  console.log(`Fuzz: ${report.messages} messages (${report.dispatchMessages} to the dispatcher, ${report.httpMessages} over HTTP) in ${report.durationS} s.`);
  console.log(`Crashes: ${report.crashes}. Unexpected writes: ${report.unexpectedWrites}. Unstructured errors: ${report.unstructuredErrors}.`);
  for (const example of examples) console.log(`  e.g. ${example}`);
}
process.exit(report.crashes + report.unexpectedWrites + report.unstructuredErrors === 0 ? 0 : 1);

// Generated messages for the boundary fuzz: what a buggy renderer, a hostile
// page or a corrupted file could send. fast-check generates the values.

import fc from 'fast-check';
import { CHANNELS, type Channel } from '../../shared/contract';

/** Channels the fuzz may call: everything but those that end the signed-in run it fuzzes through. */
export const FUZZ_CHANNELS = CHANNELS.filter(
  (c) => !['auth.lock', 'auth.signOut', 'auth.setup', 'auth.recover', 'auth.signIn', 'auth.unlock', 'auth.changePassphrase', 'auth.setPin'].includes(c),
);

const uuid = fc.uuid();
const nasty = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', '\uD800', '../../etc/passwd', '<script>alert(1)</script>', "'; DROP TABLE patients;--", 'NaN', '1e309', '-0'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const scalar = fc.oneof(nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), uuid);
const deep = fc.integer({ min: 50, max: 5_000 }).map((depth) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
});
const huge = fc.integer({ min: 10_000, max: 200_000 }).map((n) => 'x'.repeat(n));
/** Plausible shapes with wrong ids and versions: they pass validation and must be refused by the store. */
const plausible = fc.record({
  id: uuid, patientId: uuid, sessionId: uuid, entryId: uuid, alertId: uuid, clinicianId: uuid,
  expectedVersion: fc.integer({ min: -2, max: 1_000 }), reason: nasty, query: nasty, actionNote: nasty,
}, { requiredKeys: [] });

export const fuzzInput = fc.oneof(
  { weight: 3, arbitrary: plausible },
  { weight: 3, arbitrary: fc.dictionary(nasty, fc.oneof(scalar, fc.jsonValue({ maxDepth: 3 })), { maxKeys: 8 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.record({ id: huge, query: huge }) },
  { weight: 1, arbitrary: scalar },
);

export const fuzzChannel: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...FUZZ_CHANNELS) },
  { weight: 1, arbitrary: nasty },
  { weight: 1, arbitrary: scalar },
);

export const isChannelName = (c: unknown): c is Channel => typeof c === 'string' && (CHANNELS as readonly string[]).includes(c);

/** Raw HTTP requests, including what no browser sends. */
export const httpRequest = fc.record({
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'),
  path: fc.oneof(
    fc.constantFrom(...FUZZ_CHANNELS).map((c) => `/api/${c}`),
    fc.constantFrom('/api/%E0%A4%A', '/api/%', '/api/%zz', '/%', '/%C0%AF', '/api/../../etc/passwd', '/..%2f..%2fetc%2fpasswd', '/api/', '/'),
    fc.string({ maxLength: 60 }).map((s) => `/${encodeURI(s)}`),
  ),
  token: fc.constantFrom('right', 'right', 'right', 'wrong', 'missing'),
  contentType: fc.constantFrom('application/json', 'application/json', 'text/plain', 'application/json; charset=latin1', ''),
  body: fc.oneof(
    fuzzInput.map((v) => {
      try {
        return JSON.stringify(v) ?? '';
      } catch {
        return '{}'; // too deep for JSON.stringify itself; deep text comes next
      }
    }),
    fc.integer({ min: 50, max: 200_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
    fc.constantFrom('{', '{"a":', '[1,2', 'not json', '\u0000', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"x":1}}}'),
    fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
  ),
  oversize: fc.boolean().map((b) => b && Math.random() < 0.02),
});
export type HttpRequestSpec = typeof httpRequest extends fc.Arbitrary<infer T> ? T : never;

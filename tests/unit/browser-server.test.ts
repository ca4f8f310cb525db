import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../electron/browser-server';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { makeTempDir } from '../helpers/temp-dir';
import { useGate } from '../helpers/gate-fixture';

const gates = useGate();
const servers: BrowserServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function start() {
  const { ctx } = await gates.setUp();
  const renderer = makeTempDir();
  mkdirSync(join(renderer.dir, 'assets'));
  writeFileSync(join(renderer.dir, 'index.html'), '<!doctype html><title>KetaDesk</title>');
  writeFileSync(join(renderer.dir, 'assets', 'app.js'), 'console.log(1)');
  const server = await startBrowserServer({
    ctx,
    rendererDir: renderer.dir,
  });
  servers.push(server);
  const origin = new URL(server.url).origin;
  return { server, origin, host: new URL(origin).host };
}

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** Raw HTTP, so the test controls Host and Origin exactly as an attacker could. */
function send(origin: string, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (token: string, origin: string, extra: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'X-KetaDesk-Token': token, Origin: origin, ...extra },
  body: '{}',
});

describe('browser mode server', () => {
  it('listens on loopback only, on a random port, with a random token in the URL fragment', async () => {
    const a = await start();
    const b = await start();
    expect(a.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
    expect((a.server.server.address() as { address: string }).address).toBe('127.0.0.1');
    expect(a.server.token).not.toBe(b.server.token);
    expect(a.origin).not.toBe(b.origin);
  });

  it('answers the contract over POST with the token from its own origin', async () => {
    const { server, origin } = await start();
    const reply = await send(origin, '/api/clinicians.list', api(server.token, origin));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, data: [{ name: 'Dr Ada Rivera' }] });
  });

  it('refuses a missing or wrong token', async () => {
    const { server, origin } = await start();
    const noToken = api('', origin);
    delete (noToken.headers as Record<string, string>)['X-KetaDesk-Token'];
    expect((await send(origin, '/api/clinicians.list', noToken)).status).toBe(403);
    expect((await send(origin, '/api/clinicians.list', api(server.token.slice(1) + 'x', origin))).status).toBe(403);
  });

  it('refuses another origin, even with the token', async () => {
    const { server, origin } = await start();
    const reply = await send(origin, '/api/clinicians.list', api(server.token, 'http://evil.example'));
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body).error.message).toBe('Wrong origin');
  });

  it('refuses a request naming another host (DNS rebinding)', async () => {
    const { server, origin } = await start();
    const reply = await send(origin, '/api/clinicians.list', api(server.token, origin, { Host: 'rebind.example:80' }));
    expect(reply.status).toBe(421);
    expect((await send(origin, '/', { headers: { Host: 'localhost' } })).status).toBe(421);
  });

  it('accepts only JSON POSTs of bounded size', async () => {
    const { server, origin } = await start();
    expect((await send(origin, '/api/clinicians.list', { ...api(server.token, origin), method: 'GET', body: undefined })).status).toBe(405);
    expect((await send(origin, '/api/clinicians.list', api(server.token, origin, { 'Content-Type': 'text/plain' }))).status).toBe(415);
    const bad = await send(origin, '/api/clinicians.list', { ...api(server.token, origin), body: '{nope' });
    expect(bad.status).toBe(400);
    // Too large: drained, then answered with a structured error (the client is never cut off mid-upload).
    const huge = await send(origin, '/api/clinicians.list', { ...api(server.token, origin), body: JSON.stringify({ x: 'a'.repeat(1_100_000) }) });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Request too large' } });
  });

  it('answers a malformed address with 400 and logs nothing', async () => {
    const { server, origin } = await start();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const path of ['/api/%E0%A4%A', '/api/%zz']) expect((await send(origin, path, api(server.token, origin))).status, path).toBe(400);
    expect((await send(origin, '/%')).status).toBe(400);
    expect((await send(origin, '//other-host/index.html')).status).toBe(200);
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it('serves the app with its Content-Security-Policy and never a file outside it', async () => {
    const { origin } = await start();
    const index = await send(origin, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await send(origin, '/assets/app.js')).headers['content-type']).toMatch(/javascript/);
    const escape = await send(origin, '/..%2f..%2f..%2fetc%2fpasswd');
    expect(escape.body).not.toMatch(/root:/);
  });
});

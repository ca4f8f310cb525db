import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch } from './dispatch';
import type { HandlerContext } from './handlers/context';
import { CONTENT_SECURITY_POLICY } from './security';

// Browser mode: the same handlers as the desktop app, served over HTTP to a
// browser on this machine only. A request must name this server's exact host,
// come from its own origin, and carry the per-run token, so other pages in the
// same browser and other machines on the network cannot reach patient data.

const MAX_BODY_BYTES = 1_000_000;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface BrowserServer {
  url: string;
  token: string;
  server: Server;
  close(): Promise<void>;
}

export interface BrowserServerOptions {
  ctx: HandlerContext;
  /** Folder with the built renderer (index.html and assets). */
  rendererDir: string;
  port?: number;
  token?: string;
}

export async function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let origin = '';
  const server = createServer((req, res) => {
    handle(req, res, { ...opts, token, origin }).catch((err) => {
      console.error('[ketadesk] request failed:', err);
      send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
    });
  });
  // A request Node's parser refuses (malformed headers, a bad chunk) still gets a structured answer.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const body = JSON.stringify({ ok: false, error: { code: 'invalid-input', message: 'Malformed request' } });
    socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    token,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  opts: BrowserServerOptions & { token: string; origin: string },
): Promise<void> {
  if (req.headers.host !== opts.origin.slice('http://'.length)) {
    return send(res, 421, 'text/plain; charset=utf-8', 'Wrong host');
  }
  const url = requestUrl(req.url, opts.origin);
  if (!url) return send(res, 400, 'text/plain; charset=utf-8', 'Malformed address');
  if (url.pathname.startsWith('/api/')) return handleApi(req, res, url, opts);
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
  return serveStatic(res, url.pathname, opts.rendererDir);
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  opts: BrowserServerOptions & { token: string; origin: string },
): Promise<void> {
  const json = (status: number, body: unknown) => send(res, status, 'application/json', JSON.stringify(body));
  if (req.method !== 'POST') return json(405, { ok: false, error: { code: 'forbidden', message: 'Use POST' } });
  // Browsers always send Origin on a cross-site POST; a missing one means a non-browser client with the token.
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== opts.origin) {
    return json(403, { ok: false, error: { code: 'forbidden', message: 'Wrong origin' } });
  }
  if (!tokenMatches(req.headers['x-ketadesk-token'], opts.token)) {
    return json(403, { ok: false, error: { code: 'forbidden', message: 'Missing or wrong session token' } });
  }
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return json(415, { ok: false, error: { code: 'invalid-input', message: 'Send JSON' } });
  }
  let input: unknown;
  try {
    const body = await readBody(req);
    input = body.length ? JSON.parse(body) : {};
  } catch (err) {
    if (err instanceof BodyTooLarge) return json(413, { ok: false, error: { code: 'invalid-input', message: 'Request too large' } });
    return json(400, { ok: false, error: { code: 'invalid-input', message: 'Request is not valid JSON' } });
  }
  const channel = decodedPath(url.pathname.slice('/api/'.length));
  if (channel === null) return json(400, { ok: false, error: { code: 'invalid-input', message: 'Malformed address' } });
  return json(200, await dispatch(channel, input, opts.ctx));
}

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

class BodyTooLarge extends Error {}

/** The body as text; a body over the limit is drained unread and refused, so the client still gets an answer. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/** The request's address on this server; appended, not resolved, so a path such as //host is not read as another host. */
function requestUrl(target: string | undefined, origin: string): URL | null {
  if (!target?.startsWith('/')) return null;
  try {
    return new URL(`${origin}${target}`);
  } catch {
    return null;
  }
}

/** A percent-decoded path, or null when its encoding is malformed (answered 400, not an error in the log). */
function decodedPath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

async function serveStatic(res: ServerResponse, pathname: string, root: string): Promise<void> {
  const decoded = decodedPath(pathname);
  if (decoded === null) return send(res, 400, 'text/plain; charset=utf-8', 'Malformed address');
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const file = join(root, relative || 'index.html');
  if (!file.startsWith(root + sep) && file !== root) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  try {
    const body = await readFile(file);
    send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body);
  } catch {
    // Unknown paths get the app itself, which shows its own screens.
    const index = await readFile(join(root, 'index.html'));
    send(res, 200, TYPES['.html']!, index);
  }
}

/** Past this much unread body, a refused request's connection is dropped instead of drained. */
const DRAIN_LIMIT_BYTES = 4 * MAX_BODY_BYTES;

/**
 * Answers a request. A request refused before its body was read (wrong host,
 * method or token) has the body drained first, so the client is never cut off
 * mid-upload and always reads the answer.
 */
function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  const answer = () => {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  };
  const req = res.req;
  if (req.complete) return answer();
  let unread = 0;
  req.on('data', (chunk: Buffer) => {
    unread += chunk.length;
    if (unread > DRAIN_LIMIT_BYTES) req.destroy();
  });
  req.once('end', answer);
  req.resume();
}

import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, resolveAppRequest } from './app-protocol';
import { securityHeaders } from './security';

// Electron's side of app://: the scheme must be declared before the app is
// ready, and handled once it is.

/** Call before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/** Call after app 'ready': serves files from `rendererDir` only, each with the CSP header. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const plain = (status: number, text: string) =>
      new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const target = resolveAppRequest(request.url, rendererDir);
    if (target.kind === 'bad-request') return plain(400, 'Bad request');
    if (target.kind === 'not-found') return plain(404, 'Not found');
    try {
      const body = await readFile(target.path);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: securityHeaders(target.contentType) });
    } catch {
      return plain(404, 'Not found');
    }
  });
}

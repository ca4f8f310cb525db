import { join, sep } from 'node:path';
import { contentTypeFor } from './mime-types';

// The desktop app serves its built renderer from app://ketadesk/ rather than
// file://, so the page has a real origin of its own: the IPC sender and
// navigation checks compare that origin, and file: keeps no privileges. This
// module is the pure part (scheme, entry URL, which file a request names);
// registering and handling the scheme is in protocol-handler.ts.

export const APP_SCHEME = 'app';
export const APP_HOST = 'ketadesk';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Standard (real origin, relative URLs resolve), secure (like https, so
 * 'self' in the CSP and secure-context APIs work), fetch allowed (the
 * renderer loads its chunks). No CSP bypass, no service workers, no streams.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

export type AppFileRequest =
  | { kind: 'file'; path: string; contentType: string }
  | { kind: 'bad-request' }
  | { kind: 'not-found' };

/** Which file under `rootDir` an app:// request names; never one outside it. */
export function resolveAppRequest(requestUrl: string, rootDir: string): AppFileRequest {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'bad-request' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { kind: 'not-found' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'bad-request' };
  }
  const segments = pathname.split('/').filter((s) => s !== '');
  // The URL parser already folds "..", but an encoded one (%2e%2e) or a backslash survives decoding.
  if (segments.some((s) => s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) return { kind: 'not-found' };
  const relative = segments.length ? segments.join('/') : 'index.html';
  const path = join(rootDir, relative);
  if (!path.startsWith(rootDir.endsWith(sep) ? rootDir : rootDir + sep)) return { kind: 'not-found' };
  return { kind: 'file', path, contentType: contentTypeFor(path) };
}

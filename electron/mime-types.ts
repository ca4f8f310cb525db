import { extname } from 'node:path';

// Content types for the built renderer's files, shared by the app:// protocol
// and browser mode. Served with nosniff, so a wrong type would break a file
// rather than let a browser guess.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const HTML_TYPE = TYPES['.html']!;

/** The Content-Type for a file name; unknown kinds are opaque bytes. */
export function contentTypeFor(fileName: string): string {
  return TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

import type { WebPreferences } from 'electron';

// The security-relevant pieces of the shell as plain data and functions, so
// they are unit-tested even where the Electron binary cannot run.

/**
 * No remote code, no inline scripts, no network. Mantine sets inline styles,
 * hence 'unsafe-inline' for styles only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers on every response the app's pages get, from app:// and from browser mode alike. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/**
 * The window's settings. DevTools only in a development run (see
 * runtime-switches.ts); spellcheck off, because Chromium's spellchecker
 * downloads dictionaries and the app makes no network request at all.
 */
export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools,
  };
}

/**
 * Where Chromium's spellchecker would fetch dictionaries. Spellcheck is off,
 * and this loopback address (the discard port) is set as well, so even a
 * spellchecker that starts anyway sends nothing off the machine.
 */
export const NO_DICTIONARY_DOWNLOADS_URL = 'http://127.0.0.1:9/';

/**
 * The full origin (scheme, host and port) of a URL the app may be served
 * from: app:// or a development server over http(s). Node's URL gives "null"
 * as the origin of a custom scheme, so it is built here. file: and every
 * other scheme have no origin the app trusts.
 */
export function trustedOriginOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!['app:', 'http:', 'https:'].includes(parsed.protocol) || !parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** Only the app's own pages may call the API: the same full origin as the app's entry page. */
export function isTrustedSenderUrl(senderUrl: string, appUrl: string): boolean {
  const app = trustedOriginOf(appUrl);
  return app !== null && trustedOriginOf(senderUrl) === app;
}

/** In-app navigation changes only the hash; anything else leaves the app and is refused. */
export function isAllowedNavigation(targetUrl: string, appUrl: string): boolean {
  const app = trustedOriginOf(appUrl);
  if (app === null || trustedOriginOf(targetUrl) !== app) return false;
  return new URL(targetUrl).pathname === new URL(appUrl).pathname;
}

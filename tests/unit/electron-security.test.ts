import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import {
  CONTENT_SECURITY_POLICY, isAllowedNavigation, isTrustedSenderUrl, NO_DICTIONARY_DOWNLOADS_URL, secureWebPreferences, securityHeaders,
} from '../../electron/security';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, resolveAppRequest } from '../../electron/app-protocol';
import { shellSwitches } from '../../electron/runtime-switches';
import { appMenuTemplate } from '../../electron/menu';
import { dataDirFor, defaultUserDataDir } from '../../electron/data-dir';
import { readImportGraph, reachableFrom } from '../helpers/import-graph';

const APP = APP_ENTRY_URL;
const DEV = 'http://localhost:5173/';

describe('Electron window security', () => {
  it('isolates the page from Node and sandboxes it', () => {
    expect(secureWebPreferences('/p/preload.cjs', false)).toMatchObject({
      preload: '/p/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false,
      nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, webviewTag: false,
      allowRunningInsecureContent: false, devTools: false,
    });
  });

  it('has spellcheck off, and points dictionary downloads at a loopback address that leaves no machine', () => {
    expect(secureWebPreferences('/p', false).spellcheck).toBe(false);
    expect(secureWebPreferences('/p', true).spellcheck).toBe(false);
    expect(new URL(NO_DICTIONARY_DOWNLOADS_URL).hostname).toBe('127.0.0.1');
  });

  it('has a Content-Security-Policy with no remote, inline or eval script and no network', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d]));
    expect(directives['default-src']).toBe("default-src 'none'");
    expect(directives['script-src']).toBe("script-src 'self'");
    expect(directives['connect-src']).toBe("connect-src 'self'");
    expect(directives['object-src']).toBe("object-src 'none'");
    expect(directives['frame-ancestors']).toBe("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(securityHeaders('text/html')).toMatchObject({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' });
  });

  it('keeps the page’s CSP meta tag identical to the served header', async () => {
    const { readFile } = await import('node:fs/promises');
    const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // frame-ancestors is ignored in a meta tag, so the page may leave it out.
    const strip = (csp: string) => csp.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
    expect(meta && strip(meta)).toBe(strip(CONTENT_SECURITY_POLICY));
  });
});

describe('IPC sender and navigation checks compare full origins', () => {
  it('trusts only the app’s own origin as an IPC sender', () => {
    expect(APP).toBe('app://ketadesk/index.html');
    expect(isTrustedSenderUrl(APP, APP)).toBe(true);
    expect(isTrustedSenderUrl(`${APP}#/patients`, APP)).toBe(true);
    expect(isTrustedSenderUrl('app://ketadesk/assets/x.js', APP)).toBe(true);
    expect(isTrustedSenderUrl('app://another-host/index.html', APP)).toBe(false);
    expect(isTrustedSenderUrl('app://ketadesk:8080/index.html', APP)).toBe(false);
    expect(isTrustedSenderUrl('https://ketadesk/index.html', APP)).toBe(false);
    expect(isTrustedSenderUrl('file:///tmp/evil.html', APP)).toBe(false);
    expect(isTrustedSenderUrl('https://example.com/', APP)).toBe(false);
    expect(isTrustedSenderUrl('', APP)).toBe(false);
    expect(isTrustedSenderUrl('null', APP)).toBe(false);
  });

  it('gives file: nothing, whatever host or path it names', () => {
    const packaged = 'file:///opt/KetaDesk/resources/app.asar/out/renderer/index.html';
    for (const app of [APP, packaged]) {
      expect(isTrustedSenderUrl(packaged, app)).toBe(false);
      expect(isTrustedSenderUrl('file://another-host/opt/KetaDesk/resources/app.asar/out/renderer/index.html', app)).toBe(false);
      expect(isAllowedNavigation('file://another-host/opt/KetaDesk/resources/app.asar/out/renderer/index.html', app)).toBe(false);
      expect(isAllowedNavigation(packaged, app)).toBe(false);
    }
  });

  it('trusts the development server by its exact origin', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isTrustedSenderUrl('https://localhost:5173/', DEV)).toBe(false);
    expect(isTrustedSenderUrl('http://127.0.0.1:5173/', DEV)).toBe(false);
  });

  it('allows only hash changes within the app page', () => {
    expect(isAllowedNavigation(`${APP}#/chart`, APP)).toBe(true);
    expect(isAllowedNavigation('app://ketadesk/other.html', APP)).toBe(false);
    expect(isAllowedNavigation('app://evil/index.html', APP)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', APP)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', APP)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', APP)).toBe(false);
    expect(isAllowedNavigation('not a url', APP)).toBe(false);
  });
});

describe('app:// protocol', () => {
  const root = join('/opt', 'KetaDesk', 'out', 'renderer');
  const file = (url: string) => resolveAppRequest(url, root);

  it('is a standard, secure, fetch-capable scheme with no CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });

  it('serves files under the renderer folder with their types', () => {
    expect(file(APP)).toEqual({ kind: 'file', path: join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(file('app://ketadesk/')).toMatchObject({ kind: 'file', path: join(root, 'index.html') });
    expect(file('app://ketadesk/assets/index-1a2b.js')).toEqual({
      kind: 'file', path: join(root, 'assets', 'index-1a2b.js'), contentType: 'text/javascript; charset=utf-8',
    });
    expect(file('app://ketadesk/assets/index.css?v=1#x')).toMatchObject({ contentType: 'text/css; charset=utf-8' });
    expect(file('app://ketadesk/assets/font.woff2')).toMatchObject({ contentType: 'font/woff2' });
    expect(file('app://ketadesk/assets/blob.bin')).toMatchObject({ contentType: 'application/octet-stream' });
    expect(file('app://ketadesk/assets/a%20b.svg')).toMatchObject({ path: join(root, 'assets', 'a b.svg'), contentType: 'image/svg+xml' });
  });

  it('refuses every way out of the renderer folder', () => {
    for (const url of [
      'app://ketadesk/../../etc/passwd',
      'app://ketadesk/%2e%2e/%2e%2e/etc/passwd',
      'app://ketadesk/assets/%2E%2E/%2E%2E/main/index.cjs',
      'app://ketadesk/assets/..%2f..%2fmain%2findex.cjs',
      'app://ketadesk/..%5c..%5cmain%5cindex.cjs',
      'app://ketadesk/index.html%00.png',
    ]) {
      const result = file(url);
      if (result.kind === 'file') expect(result.path.startsWith(root + '/'), url).toBe(true);
      else expect(result.kind, url).toBe('not-found');
    }
    // The URL parser folds encoded dot segments at the root, so this names a file inside the folder.
    expect(file('app://ketadesk/%2e%2e/%2e%2e/etc/passwd')).toMatchObject({ path: join(root, 'etc', 'passwd') });
    expect(file('app://ketadesk/..%5c..%5cmain%5cindex.cjs').kind).toBe('not-found');
  });

  it('answers only its own host, and a malformed encoding is a bad request', () => {
    expect(file('app://other/index.html').kind).toBe('not-found');
    expect(file('file:///opt/KetaDesk/out/renderer/index.html').kind).toBe('not-found');
    expect(file('app://ketadesk/%E0%A4%A').kind).toBe('bad-request');
    expect(file('not a url').kind).toBe('bad-request');
  });
});

describe('production is production', () => {
  const devEnv = {
    ELECTRON_RENDERER_URL: 'http://localhost:5173/',
    KETADESK_SQLITE_BINDING: '/home/dev/ketadesk/.electron-native/better_sqlite3.node',
    KETADESK_TEST_CLOCK_FILE: '/tmp/clock',
  };

  it('a packaged app honours no development switch, has no DevTools and no developer menu', () => {
    expect(shellSwitches(true, devEnv)).toEqual({ rendererUrl: APP, nativeBinding: undefined, devTools: false, developerMenu: false });
    expect(shellSwitches(true, {})).toEqual(shellSwitches(true, devEnv));
  });

  it('a development run follows the dev server and the Electron build of the driver', () => {
    expect(shellSwitches(false, devEnv)).toEqual({
      rendererUrl: 'http://localhost:5173/', nativeBinding: devEnv.KETADESK_SQLITE_BINDING, devTools: true, developerMenu: true,
    });
    expect(shellSwitches(false, {})).toMatchObject({ rendererUrl: APP, nativeBinding: undefined });
  });

  it('even in development, loads a dev server only over http on loopback', () => {
    for (const url of ['https://example.com/', 'http://192.168.1.5:5173/', 'file:///tmp/evil.html', 'javascript:alert(1)', 'nonsense']) {
      expect(shellSwitches(false, { ELECTRON_RENDERER_URL: url }).rendererUrl, url).toBe(APP);
    }
    expect(shellSwitches(false, { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' }).rendererUrl).toBe('http://127.0.0.1:5173/');
  });

  it('the desktop app never reaches the test clock; browser mode does', () => {
    const edges = readImportGraph();
    expect(reachableFrom('electron/main.ts', edges).has('electron/test-clock.ts')).toBe(false);
    expect(reachableFrom('electron/preload.ts', edges).has('electron/test-clock.ts')).toBe(false);
    expect(reachableFrom('electron/browser-main.ts', edges).has('electron/test-clock.ts')).toBe(true);
  });

  const roles = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((i) => [...(i.role ? [String(i.role)] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);
  const labels = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((i) => [...(i.label ? [i.label] : []), ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]);

  it('a packaged menu has Print, Zoom and Quit, and no Reload or DevTools, on every platform', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      let printed = 0;
      const menu = appMenuTemplate({ platform, developerMenu: false, onPrint: () => printed++ });
      expect(roles(menu)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'quit', 'copy', 'paste']));
      expect(roles(menu).filter((r) => /reload|devtools/i.test(r))).toEqual([]);
      expect(labels(menu)).toContain('Print…');
      const print = menu.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])).find((i) => i.label === 'Print…')!;
      expect(print.accelerator).toBe('CmdOrCtrl+P');
      (print.click as () => void)();
      expect(printed).toBe(1);
    }
  });

  it('a development menu adds Reload and DevTools', () => {
    expect(roles(appMenuTemplate({ platform: 'linux', developerMenu: true, onPrint: () => {} }))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
  });
});

describe('data folder', () => {
  it('follows KETADESK_DATA_DIR when set, else the user-data folder', () => {
    expect(dataDirFor({ KETADESK_DATA_DIR: '/srv/kd' }, '/home/u/.config/KetaDesk')).toBe('/srv/kd');
    expect(dataDirFor({ KETADESK_DATA_DIR: '  ' }, '/home/u/.config/KetaDesk')).toBe('/home/u/.config/KetaDesk/data');
  });

  it('matches Electron’s user-data folder on each platform', () => {
    expect(defaultUserDataDir('linux', {}, '/home/u')).toBe('/home/u/.config/KetaDesk');
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/u')).toBe('/x/KetaDesk');
    expect(defaultUserDataDir('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Application Support/KetaDesk');
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toMatch(/Roaming.KetaDesk$/);
  });
});

import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, isTrustedSenderUrl, secureWebPreferences } from '../../electron/security';
import { dataDirFor, defaultUserDataDir } from '../../electron/data-dir';

const APP = 'file:///opt/KetaDesk/resources/app/out/renderer/index.html';

describe('Electron window security', () => {
  it('isolates the page from Node and sandboxes it', () => {
    expect(secureWebPreferences('/p/preload.cjs')).toMatchObject({
      preload: '/p/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false,
      nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('has a Content-Security-Policy with no remote, inline or eval script and no network', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d]));
    expect(directives['default-src']).toBe("default-src 'none'");
    expect(directives['script-src']).toBe("script-src 'self'");
    expect(directives['connect-src']).toBe("connect-src 'self'");
    expect(directives['object-src']).toBe("object-src 'none'");
    expect(directives['frame-ancestors']).toBe("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('keeps the page’s CSP meta tag identical to the served header', async () => {
    const { readFile } = await import('node:fs/promises');
    const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // frame-ancestors is ignored in a meta tag, so the page may leave it out.
    const strip = (csp: string) => csp.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
    expect(meta && strip(meta)).toBe(strip(CONTENT_SECURITY_POLICY));
  });

  it('trusts only the app’s own page as an IPC sender', () => {
    expect(isTrustedSenderUrl(APP, APP)).toBe(true);
    expect(isTrustedSenderUrl(`${APP}#/patients`, APP)).toBe(true);
    expect(isTrustedSenderUrl('file:///tmp/evil.html', APP)).toBe(false);
    expect(isTrustedSenderUrl('https://example.com/', APP)).toBe(false);
    expect(isTrustedSenderUrl('', APP)).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });

  it('blocks navigation away from the app', () => {
    expect(isAllowedNavigation(`${APP}#/chart`, APP)).toBe(true);
    expect(isAllowedNavigation('https://example.com/', APP)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', APP)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', APP)).toBe(false);
    expect(isAllowedNavigation('not a url', APP)).toBe(false);
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

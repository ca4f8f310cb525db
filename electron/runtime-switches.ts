import { APP_ENTRY_URL } from './app-protocol';

// Which development switches the desktop app honours, decided in one pure
// function of (isPackaged, env) so a unit test pins every decision. A
// packaged app (what a clinic installs) honours none of them: a variable on a
// clinic workstation must not load another page with the full bridge, load a
// native library into the main process, or open DevTools with the bridge.
// The test clock (KETADESK_TEST_CLOCK_FILE) is not here at all: only browser
// mode reads it (test-clock.ts), and the desktop app never imports it.

export const DEV_RENDERER_URL_ENV = 'ELECTRON_RENDERER_URL';
export const SQLITE_BINDING_ENV = 'KETADESK_SQLITE_BINDING';

export interface ShellSwitches {
  /** The page the window loads: the packaged renderer on app://, or the dev server in development. */
  rendererUrl: string;
  /** better-sqlite3 built for Electron by `npm start`; packaged builds use the one inside the app. */
  nativeBinding: string | undefined;
  /** DevTools in the window (webPreferences.devTools). */
  devTools: boolean;
  /** Reload and Toggle DevTools in the menu. */
  developerMenu: boolean;
}

/** Only a dev server on this machine: electron-vite's, over http on loopback. */
function devServerUrl(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value.trim());
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return url.protocol === 'http:' && loopback ? url.toString() : null;
  } catch {
    return null;
  }
}

export function shellSwitches(isPackaged: boolean, env: NodeJS.ProcessEnv): ShellSwitches {
  if (isPackaged) return { rendererUrl: APP_ENTRY_URL, nativeBinding: undefined, devTools: false, developerMenu: false };
  return {
    rendererUrl: devServerUrl(env[DEV_RENDERER_URL_ENV]) ?? APP_ENTRY_URL,
    nativeBinding: env[SQLITE_BINDING_ENV]?.trim() || undefined,
    devTools: true,
    developerMenu: true,
  };
}

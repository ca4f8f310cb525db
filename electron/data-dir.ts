import { homedir } from 'node:os';
import { join } from 'node:path';

/** KETADESK_DATA_DIR wins, so tests, demos and second installations can use their own folder. */
export function resolveDataDir(env: NodeJS.ProcessEnv, defaultDir: string): string {
  const fromEnv = env.KETADESK_DATA_DIR?.trim();
  return fromEnv ? fromEnv : defaultDir;
}

/**
 * Where Electron keeps KetaDesk's user data on each platform (app.getPath('userData')),
 * computed without Electron so browser mode opens the very same database.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  const appName = 'KetaDesk';
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), appName);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', appName);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), appName);
}

/** The folder that holds the database, in either mode. */
export const dataDirFor = (env: NodeJS.ProcessEnv, userDataDir: string) => resolveDataDir(env, join(userDataDir, 'data'));

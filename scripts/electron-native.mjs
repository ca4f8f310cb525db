// better-sqlite3-multiple-ciphers is a native addon compiled for one runtime. node_modules keeps
// the Node build (tests, benchmark, browser mode); the desktop app gets its own
// Electron build in .electron-native/, passed to the database by path, so
// neither runtime ever loads the other's binary.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const ELECTRON_HEADERS = 'https://electronjs.org/headers';

/** Path of better-sqlite3-multiple-ciphers built for the installed Electron, building it on first use; null if that fails. */
export function electronSqliteBinding(root) {
  const require = createRequire(join(root, 'package.json'));
  const electronVersion = require('electron/package.json').version;
  const sqliteVersion = require('better-sqlite3-multiple-ciphers/package.json').version;
  const dir = join(root, '.electron-native', `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${process.arch}`);
  const binding = join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;

  console.log('Preparing the database engine for the desktop app (first start only)…');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const source = join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps']) cpSync(join(source, part), join(dir, part), { recursive: true });

  const quiet = { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] };
  // A prebuilt addon when one is published for this Electron, else compile it.
  const prebuilt = spawnSync(
    process.execPath,
    [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch],
    quiet,
  );
  if (prebuilt.status !== 0 || !existsSync(binding)) {
    // Against Electron's headers: a machine-wide nodedir (Node's own headers) would give the wrong ABI.
    const env = { ...process.env };
    for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
    const nodeGyp = process.env.npm_config_node_gyp ?? join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    spawnSync(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--dist-url=${ELECTRON_HEADERS}`],
      { ...quiet, env },
    );
  }
  return existsSync(binding) ? binding : null;
}

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import config from '../../electron-builder.config.mjs';
import afterPack from '../../packaging/after-pack.mjs';
import { FUSES } from '../../packaging/fuses.mjs';
import { PROJECT_ROOT } from '../helpers/import-graph';

// Installers cannot be built here (electron-builder needs the Electron
// runtime from the internet), so the configuration itself is pinned: every
// fuse, ASAR, the native driver rebuilt and unpacked, each platform's target.

describe('installer configuration', () => {
  // Loading electron-builder takes seconds on a busy machine.
  it('passes electron-builder’s own schema check', { timeout: 60_000 }, async () => {
    const require = createRequire(join(PROJECT_ROOT, 'package.json'));
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    const loaded = await getConfig(PROJECT_ROOT, 'electron-builder.config.mjs', null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds NSIS for Windows, dmg for macOS, AppImage and deb for Linux', () => {
    const targets = (list: unknown) => (list as { target: string }[]).map((t) => t.target);
    expect(targets(config.win!.target)).toEqual(['nsis']);
    expect(targets(config.mac!.target)).toEqual(['dmg']);
    expect(targets(config.linux!.target)).toEqual(['AppImage', 'deb']);
    expect(config.mac!.hardenedRuntime).toBe(true);
  });

  it('packs the app into ASAR, rebuilds the database driver for Electron and unpacks its .node', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toEqual(['**/node_modules/better-sqlite3-multiple-ciphers/**/*.node']);
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'package.json', '!out/browser/**']));
    expect(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).scripts.dist).toMatch(
      /electron-vite build .*&& electron-builder --config electron-builder\.config\.mjs$/,
    );
  });

  it('sets every fuse the clinic needs', () => {
    expect(FUSES).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
  });

  it('flips those fuses in afterPack, the one place they are set', async () => {
    expect(config.afterPack).toBe('./packaging/after-pack.mjs');
    expect(config.electronFuses).toBeNull();
    const calls: unknown[][] = [];
    const context = { appOutDir: '/out/linux-unpacked', electronPlatformName: 'linux', packager: { addElectronFuses: async (...args: unknown[]) => void calls.push(args) } };
    await afterPack(context);
    expect(calls).toEqual([[context, FUSES]]);
  });
});

// Installers for clinic workstations: `npm run dist` (on a machine with
// internet: electron-builder downloads the Electron runtime and the packaging
// tools, and rebuilds the database driver against Electron's headers).
// Signing comes from the environment (see the README, "Installing KetaDesk").

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'app.ketadesk.desktop',
  productName: 'KetaDesk',
  directories: { output: 'dist', buildResources: 'packaging/resources' },
  // The built app only: electron-vite's output and the runtime dependencies the main process requires.
  // Browser mode's server (out/browser) is for development and tests: it never ships.
  files: ['out/**/*', '!out/browser/**', 'package.json', '!**/*.map'],
  asar: true,
  // A native addon cannot be loaded from inside an archive.
  asarUnpack: ['**/node_modules/better-sqlite3-multiple-ciphers/**/*.node'],
  // Rebuild better-sqlite3-multiple-ciphers for Electron's ABI (node_modules keeps the Node build for tests).
  npmRebuild: true,
  // Fuses are flipped in afterPack with the project's pinned @electron/fuses, so the test reads one list.
  electronFuses: null,
  afterPack: './packaging/after-pack.mjs',
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
  },
  nsis: {
    // IT installs it for every user of the workstation, and may choose the folder.
    oneClick: false,
    perMachine: true,
    allowToChangeInstallationDirectory: true,
    deleteAppDataOnUninstall: false,
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.medical',
    hardenedRuntime: true,
  },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    category: 'MedicalSoftware',
    maintainer: 'KetaDesk',
    synopsis: 'Offline records for ketamine and esketamine treatment',
  },
};

export default config;

// Electron fuses for every installer, flipped in the packaged Electron binary
// by the afterPack hook (after-pack.mjs), before code signing. Each one shuts
// a way to run code as KetaDesk or to read its data outside the app:
import { FuseV1Options, FuseVersion } from '@electron/fuses';

export const FUSES = {
  version: FuseVersion.V1,
  // macOS arm64 refuses an ad-hoc signed binary whose bytes changed; re-sign ad hoc when unsigned.
  resetAdHocDarwinSignature: true,
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node that runs any script.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS could preload any module into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app.asar must match the hash electron-builder embedded (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only the packaged app.asar is loaded, never a loose app folder beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // file: pages get no privileges beyond a web page's; the app itself is served from app://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Cookies and local storage encrypted with the OS key store.
  [FuseV1Options.EnableCookieEncryption]: true,
};

// electron-builder afterPack hook: flips the fuses (fuses.mjs) in the packed
// Electron binary of each platform. electron-builder finds the binary and
// loads the project's own @electron/fuses for it.
import { FUSES } from './fuses.mjs';

export default async function afterPack(context) {
  await context.packager.addElectronFuses(context, FUSES);
}

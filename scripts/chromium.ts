// How KetaDesk's tooling runs Chromium (end-to-end tests, the start-up
// benchmark): Debian's build, headless, with every background network
// feature off and a fresh profile each launch.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

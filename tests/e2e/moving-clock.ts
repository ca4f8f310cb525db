import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { TEST_CLOCK_ENV } from '../../electron/test-clock';
import { SETTING_DEFAULTS } from '../../shared/schemas/settings';
import { CREDENTIAL_CHECK, PASSPHRASE } from './harness';

// The e2e test clock. Time is moved on both sides: the server through the
// opt-in test clock file (electron/test-clock.ts), the page through
// Playwright's page.clock, by the same amount, so a two-hour observation takes
// seconds and the countdowns on screen agree with what the store decides.

const MINUTE = 60_000;

/** A clock file for one server, and the page's fake clock, moved together. */
export class MovingClock {
  readonly dir = mkdtempSync(join(tmpdir(), 'ketadesk-sessions-clock-'));
  readonly file = join(this.dir, 'clock');
  private offsetMs = 0;

  constructor() {
    writeFileSync(this.file, '+0');
    // Read by the browser-mode server at each request; only for servers started after this.
    process.env[TEST_CLOCK_ENV] = this.file;
  }

  /** Installs the page's fake clock at the real time; call before the app is opened. */
  async install(page: Page) {
    await page.clock.install({ time: new Date() });
  }

  /**
   * Moves both clocks. Minutes without input lock the screen as they would at
   * the chair: a jump as long as the idle lock ends at the lock screen, which
   * the clinician unlocks with their passphrase to go on where they were.
   */
  async advance(page: Page, minutes: number) {
    this.offsetMs += minutes * MINUTE;
    writeFileSync(this.file, `+${this.offsetMs}`);
    await page.clock.fastForward(minutes * MINUTE);
    if (minutes >= SETTING_DEFAULTS.idleLockMinutes) await unlockOnPage(page);
  }

  /** The server's time now (real time plus the offset). */
  now() {
    return new Date(Date.now() + this.offsetMs);
  }

  dispose() {
    delete process.env[TEST_CLOCK_ENV];
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Unlocks the idle-locked screen with the passphrase and waits for the app underneath. */
async function unlockOnPage(page: Page) {
  const gate = page.getByTestId('gate');
  await gate.getByRole('heading', { name: 'Screen locked', level: 1 }).waitFor();
  const field = gate.locator('#unlock-passphrase');
  await field.fill(PASSPHRASE);
  await field.press('Enter');
  await gate.waitFor({ state: 'detached', ...CREDENTIAL_CHECK });
}

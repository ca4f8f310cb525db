// Esketamine REMS steps shared by the e2e tests: enrolment seeded through the
// API, and the form's answers recorded at the chair as a nurse would.

import type { Page } from 'playwright-core';
export { enrollInRems, REMS_ENROLLED_ON as ENROLLED_ON } from './harness';

/**
 * The REMS panel of an open esketamine session: each lot typed then Enter (as a
 * scanner does, focus stays in the box), the pre-filled medicines confirmed,
 * vital signs acceptable twice, and the ready-to-leave minutes.
 */
export async function answerRemsAtChair(page: Page, lots: readonly string[], readyMinutes = 90): Promise<void> {
  const panel = page.getByTestId('rems-panel');
  await panel.scrollIntoViewIfNeeded();
  const box = panel.locator('#rems-lot');
  for (const [i, lot] of lots.entries()) {
    await box.fill(lot);
    await box.press('Enter');
    await panel.getByTestId('rems-lots').getByText(lot, { exact: true }).waitFor();
    await panel.getByText(`(${i + 1} of`).waitFor();
    // The box keeps focus and is empty, ready for the next scan.
    await page.waitForFunction(() => document.activeElement?.id === 'rems-lot' && (document.activeElement as HTMLInputElement).value === '');
  }
  await panel.getByRole('button', { name: 'Confirm medicines' }).click();
  await panel.getByText(/^Confirmed by/).waitFor();
  await panel.getByRole('group', { name: 'Vital signs acceptable before the dose' }).getByText('Yes').click();
  await panel.getByRole('group', { name: 'Vital signs acceptable before the end' }).getByText('Yes').click();
  const ready = panel.locator('#rems-ready-minutes');
  await ready.fill(String(readyMinutes));
  await ready.press('Enter');
  await panel.getByTestId('rems-missing').waitFor({ state: 'detached' });
}

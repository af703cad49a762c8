import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';

/**
 * Runs axe-core (WCAG 2.2 A and AA rules) on the page as it is now, shadow roots included, and fails naming every
 * critical or serious violation with the elements it found (issue 19: 0 of either on every staff section).
 */
export async function expectNoSeriousA11yViolations(page: Page, where: string): Promise<void> {
  const serious = await seriousViolations(page);
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`).join('\n');
  expect(serious, `axe-core on ${where}:\n${report}`).to.deep.equal([]);
}

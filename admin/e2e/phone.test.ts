import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { DEMO, useBrowser } from './support/browser';

const PHONE = { width: 390, height: 844 };

/** Wider than the screen is what a phone cuts off: the page must never scroll sideways. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * What a phone cuts off inside the page: an element reaching past the screen's right edge, or one whose content is
 * wider than itself and is hidden or left to scroll sideways (a grid's column, a chip's words, a table in a card).
 * The first few, named by tag, class and text, so a failure says what is cut off.
 */
const cutOff = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0) return false;
        const hides = getComputedStyle(element).overflowX !== 'visible' && element.scrollWidth > element.clientWidth + 1;
        return hides || box.right > window.innerWidth + 1;
      })
      .slice(0, 5)
      .map((element) => `${element.tagName}.${String(element.className).slice(0, 60)} "${element.textContent!.slice(0, 40)}"`),
  );

describe('on a 390 px phone', () => {
  const { signIn, screenshot } = useBrowser();

  it('shows each list as lines a thumb can open, with nothing cut off at the side', async () => {
    const page = await signIn(DEMO.editor, PHONE);
    for (const resource of ['claims', 'events', 'entities', 'sources']) {
      await page.goto(`/#/${resource}`);
      await page.locator(`main a[href^="#/${resource}/"][href$="/show"]`).first().waitFor();
      await expect.poll(() => page.locator('main table').count(), { message: resource }).toBe(0);
      expect(await cutOff(page), resource).toEqual([]);
      expect(await overflow(page), resource).toBeLessThanOrEqual(0);
      if (resource === 'claims') await screenshot(page, 'phone-claims');
    }
    await page.goto('/#/claims');
    await page.locator('main a[href^="#/claims/"][href$="/show"]').first().click();
    await page.waitForURL(/#\/claims\/[^/]+\/show/);
  });

  it('lets a reviewer read the queue without anything cut off at the side', async () => {
    const page = await signIn(DEMO.reviewer, PHONE);
    await page.goto('/#/review');
    await page.getByTestId('queue-item').first().waitFor();
    await screenshot(page, 'phone-review-queue');
    expect(await cutOff(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-review-queue');
    await page.goto('/#/');
    await page.getByTestId('count-claims-VERIFIED').filter({ hasText: /\d/ }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // The counts by status fit their card; only the timeline, drawn to scale, scrolls sideways in its own box.
    const cards = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=dashboard] > .MuiCard-root')].map((card) => card.scrollWidth - card.clientWidth),
    );
    expect(
      cards.every((excess) => excess <= 0),
      `cards wider than the screen by ${cards.join(', ')} px`,
    ).toBe(true);
    await screenshot(page, 'phone-dashboard');
  });

  it("shows a claim's page and the source reader whole, the reader's words wrapping inside the screen", async () => {
    const page = await signIn(DEMO.editor, PHONE);
    await page.goto('/#/claims');
    await page.locator('main a[href^="#/claims/"][href$="/show"]').first().click();
    await page.getByTestId('evidence-list').waitFor();
    expect(await cutOff(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-claim');

    await page.goto('/#/sources');
    await page.locator('main a[href^="#/sources/"][href$="/show"]').first().click();
    await page.getByTestId('source-text').waitFor();
    await expect.poll(() => page.locator('[data-evidence]').count()).toBeGreaterThan(0);
    expect(await cutOff(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-reader');
  });
});

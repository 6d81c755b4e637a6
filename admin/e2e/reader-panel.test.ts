import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { DEMO, selectWords, useBrowser } from './support/browser';

const SEED_TITLE = 'Myanmar and Russia: the Vladivostok meeting signals a rapprochement';

/** The first words of the text's last paragraph of body text: words a reader scrolls down to. */
const lastParagraphWords = (page: Page) =>
  page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll<HTMLElement>('[data-testid=source-text] [data-kind=BODY]')];
    const text = paragraphs.at(-1)!.textContent!.trim();
    return text.split(/\s+/).slice(0, 5).join(' ');
  });

/** The rectangles of the selected words and of the actions' panel, and the screen's size. */
const boxes = (page: Page) =>
  page.evaluate(() => {
    const words = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    const panel = document.querySelector('[data-testid=selection-actions]')!.getBoundingClientRect();
    const plain = (r: DOMRect) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right });
    return { words: plain(words), panel: plain(panel), width: window.innerWidth, height: window.innerHeight, scrolled: window.scrollY };
  });

describe("the reader's actions open beside the selected words, wherever they are", () => {
  const { signIn, screenshot } = useBrowser();

  for (const [name, viewport] of [
    ['a wide screen', { width: 1400, height: 900 }],
    ['a laptop, text and side column stacked', { width: 1000, height: 700 }],
    ['a 390 px phone', { width: 390, height: 844 }],
  ] as const) {
    it(`on ${name}: words selected far down the text open the panel inside the screen, level with them, not over them`, async () => {
      const page = await signIn(DEMO.editor, viewport);
      await page.goto('/#/sources');
      await page.getByText(SEED_TITLE).first().click();
      await page.getByTestId('source-text').waitFor();
      await expect.poll(() => page.locator('[data-evidence]').count()).toBeGreaterThan(20);

      const words = await lastParagraphWords(page);
      await selectWords(page, words);
      const panel = page.getByTestId('selection-actions');
      await panel.waitFor();
      await expect.poll(() => panel.innerText()).toContain(`“${words}”`);
      const { words: selected, panel: box, width, height, scrolled } = await boxes(page);
      await screenshot(page, `reader-panel-${viewport.width}`);

      // The words were below the first screen: the page scrolled to them.
      expect(scrolled).toBeGreaterThan(viewport.height);
      // The whole panel is on the screen.
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(height);
      expect(box.right).toBeLessThanOrEqual(width);
      // It does not cover the selected words...
      const overlaps = box.left < selected.right && box.right > selected.left && box.top < selected.bottom && box.bottom > selected.top;
      expect(overlaps).toBe(false);
      // ...and it is next to them: level with them beside the text, or just under (or over) them.
      const verticalGap = Math.max(0, box.top - selected.bottom, selected.top - box.bottom);
      expect(verticalGap).toBeLessThanOrEqual(24);
    });
  }
});

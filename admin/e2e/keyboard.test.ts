import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { DEMO, useBrowser } from './support/browser';

const SEED_TITLE = 'Myanmar and Russia: the Vladivostok meeting signals a rapprochement';

/** A status written out at the end of a line, after the colour that also shows it. */
const STATUS_NAMED = / · (Draft|In review|Verified|Disputed|Rejected|Retracted)$/;

/** Presses Tab until the focused element matches `selector`, as a person tabs through the page to what they want. */
async function tabTo(page: Page, selector: string, limit = 120) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, selector)) return;
  }
  throw new Error(`${limit} presses of Tab never reached ${selector}`);
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);

/** Opens the seed article's reader from the sources list with the keyboard alone. */
async function openReader(page: Page) {
  await page.goto('/#/sources');
  await page.getByText(SEED_TITLE).first().waitFor();
  await tabTo(page, 'tbody tr');
  while (!((await page.evaluate(() => document.activeElement?.textContent)) ?? '').includes(SEED_TITLE)) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByTestId('source-text').waitFor();
  await expect.poll(() => page.locator('[data-evidence]').count()).toBeGreaterThan(20);
}

describe('the console with the keyboard alone', () => {
  const { signIn, screenshot } = useBrowser();

  it('reaches each row of a list with Tab, and Enter opens its record', async () => {
    const page = await signIn(DEMO.editor);
    for (const resource of ['claims', 'events', 'entities', 'sources']) {
      await page.goto(`/#/${resource}`);
      await page.locator('main tbody tr').first().waitFor();
      await tabTo(page, 'main tbody tr');
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`#/${resource}/[^/]+/show`));
    }
  });

  it("reaches the reader's highlights with Tab and opens one with Enter", async () => {
    const page = await signIn(DEMO.editor);
    await openReader(page);
    await tabTo(page, '[data-testid=source-text]');
    // The first highlight that is one record's quote, with no note on it, opens that record.
    await tabTo(page, '[data-evidence]:not([data-evidence*=" "]):not([data-note])');
    const name = await page.evaluate(() => document.activeElement!.getAttribute('aria-label'));
    expect(name).toMatch(/^“.+”, (claim|event): .+ \((Draft|In review|Verified|Disputed|Rejected|Retracted)\)$/);
    await screenshot(page, 'reader-highlight-focused');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/(claims|events)\/[^/]+\/show/);
  });

  it('selects words with Shift+arrow keys, which opens the actions; Enter reaches them and Escape closes them', async () => {
    const page = await signIn(DEMO.editor);
    await openReader(page);
    await tabTo(page, '[data-testid=source-text]');
    // The caret starts before the text's first word: Ctrl+Shift+Right selects it and the next two.
    for (let word = 0; word < 3; word += 1) await page.keyboard.press('Control+Shift+ArrowRight');
    const actions = page.getByTestId('selection-actions');
    await actions.waitFor();
    const selected = await page.evaluate(() => window.getSelection()!.toString().trim());
    expect(selected.split(/\s+/).length).toBe(3);
    await expect.poll(() => actions.innerText()).toContain(`“${selected}”`);
    await screenshot(page, 'reader-keyboard-selection');

    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('selection-actions');
    expect(await page.evaluate(() => document.activeElement!.textContent)).toBe('New claim from selection');
    await page.keyboard.press('Escape');
    await actions.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('source-text');
  });

  it('moves a visible caret with the arrow keys, and selects from where it is', async () => {
    const page = await signIn(DEMO.editor);
    await openReader(page);
    await tabTo(page, '[data-testid=source-text]');
    const caret = page.getByTestId('caret');
    await caret.waitFor();
    const before = await caret.boundingBox();
    // Past the title's first four words, then the next two selected.
    for (let word = 0; word < 4; word += 1) await page.keyboard.press('Control+ArrowRight');
    expect((await caret.boundingBox())!.x).toBeGreaterThan(before!.x);
    for (let word = 0; word < 2; word += 1) await page.keyboard.press('Control+Shift+ArrowRight');
    const actions = page.getByTestId('selection-actions');
    await actions.waitFor();
    const selected = await page.evaluate(() => window.getSelection()!.toString().trim());
    expect(selected.split(/\s+/).length).toBe(2);
    const text = await page.getByTestId('source-text').evaluate((root) => root.textContent!);
    expect(text.indexOf(selected)).toBeGreaterThan(0);
    await expect.poll(() => actions.innerText()).toContain(`“${selected}”`);
  });

  it("never tells a status by colour alone: chips carry a name and a shape, the timeline's bars their name, the reader's quotes the shape", async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/claims');
    const chips = page.locator('main .MuiChip-root[data-status]');
    await chips.first().waitFor();
    for (const chip of await chips.all()) {
      expect((await chip.innerText()).trim()).not.toBe('');
      await expect.poll(() => chip.locator('svg').count()).toBe(1);
    }
    await page.goto('/#/');
    const bars = page.getByTestId('timeline-event');
    await bars.first().waitFor();
    for (const bar of await bars.all()) await expect.poll(() => bar.locator('text').textContent()).toMatch(STATUS_NAMED);
    await openReader(page);
    const quotes = await page.evaluate(
      () =>
        new Set([...document.querySelectorAll('[data-evidence]')].flatMap((piece) => piece.getAttribute('data-evidence')!.split(' '))).size,
    );
    await expect.poll(() => page.locator('[data-testid=source-text] svg[data-status]').count()).toBe(quotes);
  });
});

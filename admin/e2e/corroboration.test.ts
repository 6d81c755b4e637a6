import { describe, expect, it } from 'vitest';

import { DEMO, useBrowser } from './support/browser';

/** Two outlets on one story (not the seed's): a wire dating the talks to last week, a newspaper to the day. */
const WIRE = [
  'Lavrov and Cambodian leaders agree to expand trade',
  'PHNOM PENH (Wire) - Russian Foreign Minister Sergei Lavrov met Cambodian leaders in Phnom Penh last week and agreed to expand trade between Russia and Cambodia.',
  '"Cambodia has always been a reliable friend of Russia in Southeast Asia," Lavrov said after the talks.',
  'Trade between the two countries reached 300 million dollars last year, according to the Cambodian commerce ministry.',
].join('\n\n');
const PAPER = [
  "Russia's top diplomat in Phnom Penh: trade to grow",
  'Sergei Lavrov held talks with Cambodian leaders in Phnom Penh on Tuesday, the Russian Foreign Ministry said.',
  'Lavrov told reporters that Cambodia "has always been a reliable friend of Russia" in Southeast Asia.',
  'Dozens of students waved Russian and Cambodian flags outside the palace.',
].join('\n\n');

describe('importing two articles on one story', () => {
  const { signIn, screenshot } = useBrowser();

  it("offers the second's claims as corroboration of the first's, its event as more evidence dated more precisely, both as one story", async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/import');
    const importArticle = async (text: string, published: string) => {
      await page.getByTestId('import-content').fill(text);
      await page.getByLabel('Published (YYYY, YYYY-MM or YYYY-MM-DD)').fill(published);
      await page.getByRole('button', { name: 'Import' }).click();
      const report = page.getByTestId('import-report').filter({ hasText: text.split('\n')[0]! });
      await report.waitFor();
      return report;
    };
    await importArticle(WIRE, '2023-11-20');
    const second = await importArticle(PAPER, '2023-11-16');
    await expect
      .poll(() => second.getByTestId('import-corroborations').innerText())
      .toMatch(/[1-9] of the claims say again .* 1 of the events/);
    await expect.poll(() => second.getByTestId('import-story').innerText()).toContain('Lavrov and Cambodian leaders agree to expand trade');

    await second.getByRole('link', { name: /claims and .* events? proposed/ }).click();
    const story = page.getByTestId('story-group');
    await story.first().waitFor();
    await expect.poll(() => story.count()).toBe(1);
    await expect
      .poll(() => story.locator('h6').first().innerText())
      .toBe(
        "One story, 2 sources: “Russia's top diplomat in Phnom Penh: trade to grow” · “Lavrov and Cambodian leaders agree to expand trade”",
      );

    const card = (words: string) => page.getByTestId('proposal').filter({ has: page.getByRole('link', { name: new RegExp(words) }) });
    // Once merged, the stored claim it corroborated rests on this source's words too, and is listed here instead.
    const quote = card('has always been a reliable friend').and(page.locator('[data-corroborates="yes"]'));
    await expect
      .poll(() => quote.getByTestId('corroboration').innerText())
      .toContain(
        'Corroborates stored claim "Cambodia has always been a reliable friend of Russia in Southeast Asia," Lavrov said after the talks.',
      );
    expect(await card('Dozens of students').getByTestId('corroboration').count()).toBe(0);

    const meeting = page.locator('[data-kind="event"][data-corroborates="yes"]');
    await expect.poll(() => meeting.getByTestId('corroboration').innerText()).toMatch(/^More evidence for stored event Sergei Lavrov/);
    await expect
      .poll(() => meeting.getByTestId('raises-precision').innerText())
      .toContain('dates it more precisely: week of 13 Nov 2023 → 14 November 2023');
    await screenshot(page, 'corroboration');

    const storedEvent = await meeting.getByTestId('corroboration').getByRole('link').getAttribute('href');
    await meeting.getByRole('button', { name: 'Add as evidence' }).click();
    await expect.poll(() => meeting.count()).toBe(0);
    await quote.getByRole('button', { name: 'Add as evidence' }).click();
    await expect
      .poll(async () => (await page.locator('.MuiSnackbar-root').allInnerTexts()).join(' | '))
      .toContain('Added as evidence of “"Cambodia');
    await expect.poll(() => quote.count()).toBe(0);

    await page.goto(`/${storedEvent}`);
    await expect.poll(async () => page.getByText('14 November 2023').count()).toBeGreaterThan(0);
  });

  it("lists the story's other source on a source's page", async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/sources');
    await page.getByText('Lavrov and Cambodian leaders agree to expand trade').first().click();
    await page.getByRole('tab', { name: 'Details' }).click();
    await expect.poll(() => page.getByTestId('story-sources').innerText()).toContain("Russia's top diplomat in Phnom Penh: trade to grow");
  });
});

import { describe, expect, it } from 'vitest';

import { DEMO, selectWords, useBrowser } from './support/browser';

const SEED_TITLE = 'Myanmar and Russia: the Vladivostok meeting signals a rapprochement';
const WORDS = 'Russia is eager to step up its arms trade with Myanmar';

describe('an editor curates a claim from the seed article and a reviewer verifies it', () => {
  const { signIn, screenshot } = useBrowser();
  let claimUrl = '';

  it('selects words in the reader and creates a claim anchored on them', async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/sources');
    await page.getByText(SEED_TITLE).first().click();
    await page.getByTestId('source-text').waitFor();
    await expect.poll(() => page.locator('[data-evidence]').count()).toBeGreaterThan(20);
    await expect.poll(() => page.locator('[data-kind="FURNITURE"]').count()).toBeGreaterThanOrEqual(5);
    await expect.poll(() => page.locator('[data-kind="REPEAT"]').count()).toBe(1);
    await screenshot(page, 'reader');

    await selectWords(page, WORDS);
    const actions = page.getByTestId('selection-actions');
    await actions.waitFor();
    await expect.poll(() => actions.innerText()).toContain(`“${WORDS}”`);
    await actions.getByRole('button', { name: 'New claim from selection' }).click();

    await page.getByTestId('selection').waitFor();
    await expect.poll(() => page.locator('textarea[name=text]').inputValue()).toBe(WORDS);
    await page.locator('textarea[name=text]').fill('Russia wants to sell more arms to Myanmar.');
    await page.locator('input[name=claimantLabel]').fill('the article’s author');
    await page.locator('input[name=reason]').fill('Curated from the seed article in the e2e test');
    await screenshot(page, 'claim-from-selection');
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByText('Russia wants to sell more arms to Myanmar.').first().waitFor();
    const evidence = page.getByTestId('evidence-list');
    await expect.poll(() => evidence.innerText()).toContain(WORDS);
    await expect.poll(() => evidence.innerText()).toContain('Anchored');
    claimUrl = page.url().replace(/^.*#/, '');
    expect(claimUrl).toMatch(/^\/claims\/[^/]+\/show$/);

    await page.getByRole('button', { name: 'Send to review' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Send to review' }).click();
    await expect.poll(() => page.locator('[data-status="IN_REVIEW"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'claim');
  });

  it('shows the new quote highlighted over the seed claim on the same words, and opens either from it', async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/sources');
    await page.getByText(SEED_TITLE).first().click();
    await page.getByTestId('source-text').waitFor();
    const highlight = page.locator('[data-evidence]', { hasText: 'eager to step up' });
    await highlight.first().waitFor();
    expect((await highlight.first().getAttribute('data-evidence'))!.split(' ').length).toBe(2);
    await highlight.first().click();
    await page.getByRole('link', { name: /Russia wants to sell more arms/ }).click();
    await page.waitForURL(/#\/claims\//);
    expect(page.url()).toContain(claimUrl);
  });

  it('lets a reviewer verify it from the queue with a comment, beside its words in context', async () => {
    const page = await signIn(DEMO.reviewer);
    await page.goto('/#/review');
    const item = page.getByTestId('queue-item').filter({ hasText: 'Russia wants to sell more arms to Myanmar.' });
    await item.waitFor();
    await expect.poll(() => item.innerText()).toContain(WORDS);
    // What changed reads as names and words: no record ids, no vocabulary codes.
    const changes = page
      .getByTestId('queue-item')
      .filter({ hasText: 'Min Aung Hlaing asks Russia to move its embassy' })
      .getByRole('table');
    await expect.poll(() => changes.first().innerText()).toMatch(/Agent: Min Aung Hlaing/);
    const everyChange = (await page.getByTestId('review-queue').getByRole('table').allInnerTexts()).join('\n');
    expect(everyChange).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    expect(everyChange).not.toMatch(/\b(REPORTED_SPEECH|AUTHOR_ASSERTION|DIRECT_QUOTE|ASSERTED|OCCURRED|MONTH)\b/);
    await item.getByLabel('Review comment').fill('The quote says exactly this.');
    await screenshot(page, 'review-queue');
    await item.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => item.count()).toBe(0);

    await page.goto(`/#${claimUrl}`);
    await expect.poll(() => page.locator('[data-status="VERIFIED"]').count()).toBeGreaterThan(0);
    // The review history is read apart from the record, so it may draw after the status does.
    await expect.poll(() => page.getByText('The quote says exactly this.').count()).toBe(1);
  });

  it('keeps the buttons from someone judging their own change, and says why', async () => {
    const admin = await signIn(DEMO.admin);
    await admin.goto(`/#${claimUrl.replace('/show', '')}`);
    await admin.locator('input[name=claimantLabel]').fill('the author');
    await admin.locator('input[name=reason]').fill('Shorter label');
    await admin.getByRole('button', { name: 'Save' }).click();
    await admin.waitForURL(/\/show$/);

    await admin.goto('/#/review');
    const item = admin.getByTestId('queue-item').filter({ hasText: 'Russia wants to sell more arms to Myanmar.' });
    await item.waitFor();
    await expect.poll(() => item.innerText()).toContain('You made the last change to this record');
    await expect.poll(() => item.getByRole('button', { name: 'Verify' }).isDisabled()).toBe(true);
    await screenshot(admin, 'four-eyes');
  });
});

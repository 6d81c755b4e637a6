import { describe, expect, it } from 'vitest';

import { DEMO, useBrowser } from './support/browser';

const ARTICLE = [
  'Lavrov returns to Naypyidaw',
  'Russian Foreign Minister Sergei Lavrov visited Naypyidaw last week and met senior SAC leaders and the Irrawaddy Shipping Board.',
  'Putin called Myanmar “a reliable partner in difficult times”.',
  'According to a presidential aide, the two sides will sign an energy agreement next year.',
  'The talks may presumably cover arms sales as well.',
  'Share.',
].join('\n\n');

const PAGE = `<html><head><title>Vostok drills end</title></head><body><nav>Home · World · Asia</nav><article><h1>Vostok drills end</h1>
<p>At the beginning of September, the Tatmadaw took part in the Vostok exercises in Russia, officials said on Monday.</p>
<p>The Tatmadaw sent more than two hundred soldiers to the exercises, the defence ministry said.</p></article><footer>Comments are closed.</footer></body></html>`;

const WIRE = [
  'Shipping talks resume in Yangon',
  'Officials from the Irrawaddy Shipping Board met port authorities in Yangon on Tuesday, the board said.',
  'The two sides agreed to meet again in March, according to a statement.',
].join('\n\n');

describe('importing sources and settling the proposals', () => {
  const { signIn, screenshot } = useBrowser();

  it('imports a pasted text with its report, and uploaded files as a batch of jobs whose progress and results it follows', async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/import');
    await page.getByTestId('import-content').fill(ARTICLE);
    await page.getByLabel('Published (YYYY, YYYY-MM or YYYY-MM-DD)').fill('2022-09-14');
    await page.getByRole('button', { name: 'Import' }).click();
    const report = page.getByTestId('import-report').first();
    await report.waitFor();
    // How many events the analysis reads from these words is the import's business (a visit and a meeting during it
    // are two); the console's is to report what it proposed.
    await expect.poll(() => report.innerText()).toMatch(/4 claims and [1-9] events? proposed/);
    await screenshot(page, 'import');

    await page.getByRole('tab', { name: 'Upload files' }).click();
    await page.getByTestId('import-files').setInputFiles([
      { name: 'vostok.html', mimeType: 'text/html', buffer: Buffer.from(PAGE) },
      {
        name: 'notes.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from('# Short note\n\nThe **SAC** said the consulate in Novosibirsk will open next year.\n'),
      },
      { name: 'wire.txt', mimeType: 'text/plain', buffer: Buffer.from(WIRE) },
    ]);
    await page.getByRole('button', { name: 'Import' }).click();
    // Uploaded files go as one batch of jobs: the page follows its progress until every article is settled.
    const progress = page.getByTestId('import-batch-progress');
    await progress.waitFor();
    await expect.poll(() => page.getByRole('progressbar', { name: 'Import progress' }).count()).toBe(1);
    await expect.poll(() => progress.innerText(), { timeout: 60_000 }).toBe('3 of 3 imported');
    const items = page.getByTestId('batch-item');
    await expect
      .poll(() => items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-status'))))
      .toEqual(['DONE', 'DONE', 'DONE']);
    const texts = (await items.allInnerTexts()).join('\n');
    expect(texts).toContain('vostok.html → Vostok drills end');
    expect(texts).toContain('notes.md → Short note');
    expect(texts).toMatch(/wire\.txt → .*: \d+ claims and \d+ events proposed/);
    await screenshot(page, 'import-batch');
  });

  it('draws the import’s notes under their words in the reader, and opens them', async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/sources');
    await page.getByText('Lavrov returns to Naypyidaw').first().click();
    await page.getByTestId('source-text').waitFor();
    const noted = page.locator('[data-note]').first();
    await noted.waitFor();
    await noted.click();
    const panel = page.getByTestId('picked-note');
    await panel.waitFor();
    await expect.poll(() => panel.innerText()).toContain('New name: “Irrawaddy Shipping Board”');
    await expect.poll(() => page.locator('[data-kind="FURNITURE"]').innerText()).toContain('Share.');
  });

  it('accepts, merges and discards proposals, and the queue shrinks as they are settled', async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/proposals');
    const card = (text: string) => page.getByTestId('proposal').filter({ has: page.getByRole('link', { name: new RegExp(text) }) });
    await card('reliable partner in difficult times').waitFor();
    const heading = async () =>
      (await page.getByRole('heading', { name: /^Proposals \(/ }).innerText())
        .match(/\((\d+) claims, (\d+) events\)/)!
        .slice(1)
        .map(Number);
    await expect.poll(async () => await page.getByRole('heading', { name: /^Proposals \(/ }).innerText()).toMatch(/claims/);
    const [claimsBefore, eventsBefore] = await heading();

    await card('reliable partner in difficult times').getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => card('reliable partner in difficult times').count()).toBe(0);

    await card('may presumably cover arms sales').getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => card('may presumably cover arms sales').count()).toBe(0);

    const vostok = card('Tatmadaw took part in the Vostok exercises').and(page.locator('[data-kind="event"]'));
    await vostok.getByRole('button', { name: 'Merge into existing…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('The event that already says it').fill('Vostok-22');
    await page.getByRole('option', { name: /Vostok-22 military exercises/ }).click();
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => vostok.count()).toBe(0);
    await expect.poll(heading).toEqual([claimsBefore! - 2, eventsBefore! - 1]);
    await screenshot(page, 'proposals');
  });

  it('records a new name as an entity, created or already stored, and each of its notes leaves the screen', async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/proposals');
    const rows = page.getByTestId('new-name').filter({ hasText: 'Irrawaddy Shipping Board' });
    // Two texts imported above name the board: the pasted article and the wire.
    await expect.poll(() => rows.count()).toBe(2);

    await rows.first().getByRole('button', { name: 'Create entity' }).click();
    await expect.poll(() => page.locator('input[name=name]').inputValue()).toBe('Irrawaddy Shipping Board');
    await page.getByLabel('Kind').click();
    await page.getByRole('option', { name: 'Organization' }).click();
    await page.locator('input[name=reason]').fill('Named in two imported articles');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/entities\/[^/]+\/show$/);
    await expect
      .poll(async () => (await page.locator('.MuiSnackbar-root').allInnerTexts()).join(' | '))
      .toMatch(/“Irrawaddy Shipping Board” recorded as Irrawaddy Shipping Board; \d+ proposals? now names? it/);

    await page.goto('/#/proposals');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.getByRole('button', { name: 'Link to an entity' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Entity').fill('Irrawaddy');
    await page.getByRole('option', { name: 'Irrawaddy Shipping Board' }).click();
    await dialog.getByRole('button', { name: 'Link' }).click();
    await expect.poll(() => rows.count()).toBe(0);
    await expect
      .poll(async () => (await page.locator('.MuiSnackbar-root').allInnerTexts()).join(' | '))
      .toContain('“Irrawaddy Shipping Board” recorded as Irrawaddy Shipping Board');
  });
});

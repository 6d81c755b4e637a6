import { describe, expect, it } from 'vitest';

import { DEMO, selectWords, useBrowser } from './support/browser';

const TEXT = [
  'Port terminal to open in March',
  'The port authority said on Monday that the new terminal will open in March.',
  'Share.',
  'Critics said the terminal would not open before the summer.',
].join('\n\n');

describe('sources: recording, correcting, and who may do what', () => {
  const { signIn, screenshot } = useBrowser();

  it('records a source, anchors a claim in it, corrects the text and re-selects the quote the correction left fuzzy', async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/sources/create');
    await page.locator('input[name=title]').fill('Port terminal to open in March');
    await page.locator('textarea[name=text]').fill(TEXT);
    await page.locator('input[name=reason]').fill('The port authority’s statement');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('source-text').waitFor();
    await expect.poll(() => page.locator('[data-kind="FURNITURE"]').innerText()).toContain('Share.');

    await selectWords(page, 'the new terminal will open in March');
    await page.getByRole('button', { name: 'New claim from selection' }).click();
    await page.locator('textarea[name=text]').fill('The new terminal opens in March.');
    await page.locator('input[name=claimantLabel]').fill('the port authority');
    await page.locator('input[name=reason]').fill('Read in the statement');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('evidence-list').waitFor();
    await page.getByTestId('evidence-list').getByRole('link').click();

    await page.getByRole('button', { name: 'Correct the text' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('What was wrong').fill('The authority said early March');
    await dialog.getByLabel('Corrected text').fill(TEXT.replace('will open in March.', 'will open in early March.'));
    // What saving would do comes first, and saves nothing.
    await dialog.getByRole('button', { name: 'Preview the correction' }).click();
    const preview = dialog.getByTestId('reanchor-preview');
    await preview.waitFor();
    await expect.poll(() => preview.innerText()).toMatch(/Saving would leave 0 quotes anchored, 1 fuzzy, 0 orphaned/);
    await expect.poll(() => preview.locator('tr[data-status="FUZZY"]').innerText()).toContain('the new terminal will open in early March');
    await screenshot(page, 'reanchor-preview');
    await dialog.getByRole('button', { name: 'Save the correction' }).click();
    const report = dialog.getByTestId('reanchor-report');
    await report.waitFor();
    await expect.poll(() => report.innerText()).toMatch(/0 quotes anchored, 1 fuzzy, 0 orphaned/);
    await expect.poll(() => report.locator('tr[data-status="FUZZY"]').innerText()).toContain('The new terminal opens in March.');
    await screenshot(page, 'reanchor-report');
    await dialog.getByRole('button', { name: 'Close' }).click();

    const attention = page.getByTestId('needs-attention');
    await attention.waitFor();
    await attention.getByRole('button', { name: 'Select again' }).click();
    await selectWords(page, 'the new terminal will open in early March');
    await page.getByRole('button', { name: /^Anchor “The new terminal opens/ }).click();
    await expect.poll(() => attention.count()).toBe(0);
    await expect.poll(() => page.locator('[data-evidence]', { hasText: 'early March' }).count()).toBeGreaterThan(0);

    // A second correction touches the quote again; this time its corrected words are confirmed in one click.
    await page.getByRole('button', { name: 'Correct the text' }).click();
    await dialog.getByLabel('What was wrong').fill('The authority wrote “early-March”');
    await dialog.getByLabel('Corrected text').fill(TEXT.replace('will open in March.', 'will open in early-March.'));
    await dialog.getByRole('button', { name: 'Preview the correction' }).click();
    await dialog.getByTestId('reanchor-preview').waitFor();
    await dialog.getByRole('button', { name: 'Save the correction' }).click();
    await dialog.getByTestId('reanchor-report').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await attention.waitFor();
    await expect.poll(() => attention.innerText()).toContain('the new terminal will open in early-March');
    await attention.getByRole('button', { name: 'Confirm these words' }).click();
    await expect.poll(() => attention.count()).toBe(0);
    await expect.poll(() => page.locator('[data-evidence]', { hasText: 'early-March' }).count()).toBeGreaterThan(0);
  });

  it('shows an editor what a correction would send back to review before saving, and the reviewer why it is back', async () => {
    const ARTICLE = [
      'Ferry line to reopen',
      'The ministry said on Tuesday that the ferry line to Kyaukphyu will reopen in May.',
      'Share.',
      'Officials added that two new vessels had been ordered from a shipyard in Busan.',
    ].join('\n\n');
    const editor = await signIn(DEMO.editor);
    await editor.goto('/#/sources/create');
    await editor.locator('input[name=title]').fill('Ferry line to reopen');
    await editor.locator('textarea[name=text]').fill(ARTICLE);
    await editor.locator('input[name=reason]').fill('The ministry’s statement');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByTestId('source-text').waitFor();
    const sourceUrl = editor.url();
    const claim = async (words: string, text: string) => {
      await editor.goto(sourceUrl);
      await editor.getByTestId('source-text').waitFor();
      await selectWords(editor, words);
      await editor.getByRole('button', { name: 'New claim from selection' }).click();
      await editor.locator('textarea[name=text]').fill(text);
      await editor.locator('input[name=claimantLabel]').fill('the ministry');
      await editor.locator('input[name=reason]').fill('Read in the statement');
      await editor.getByRole('button', { name: 'Save' }).click();
      await editor.getByTestId('evidence-list').waitFor();
      await editor.getByRole('button', { name: 'Send to review' }).click();
      await editor.getByRole('dialog').getByRole('button', { name: 'Send to review' }).click();
      await expect.poll(() => editor.locator('[data-status="IN_REVIEW"]').count()).toBeGreaterThan(0);
    };
    await claim('the ferry line to Kyaukphyu will reopen in May', 'The Kyaukphyu ferry reopens in May.');
    await claim('two new vessels had been ordered from a shipyard in Busan', 'Two vessels were ordered in Busan.');

    const reviewer = await signIn(DEMO.reviewer);
    await reviewer.goto('/#/review');
    for (const text of ['The Kyaukphyu ferry reopens in May.', 'Two vessels were ordered in Busan.']) {
      const item = reviewer.getByTestId('queue-item').filter({ hasText: text });
      await item.getByLabel('Review comment').fill('Matches the ministry’s words.');
      await item.getByRole('button', { name: 'Verify' }).click();
      await expect.poll(() => item.count()).toBe(0);
    }

    // The title is reworded and the shipyard corrected: the ferry quote is untouched, the vessels quote is not.
    await editor.goto(sourceUrl);
    await editor.getByRole('button', { name: 'Correct the text' }).click();
    const dialog = editor.getByRole('dialog');
    await dialog.getByLabel('What was wrong').fill('The shipyard is in Ulsan, not Busan');
    await dialog
      .getByLabel('Corrected text')
      .fill(
        ARTICLE.replace('Ferry line to reopen', 'Kyaukphyu ferry line to reopen').replace('a shipyard in Busan', 'a shipyard in Ulsan'),
      );
    await dialog.getByRole('button', { name: 'Preview the correction' }).click();
    const preview = dialog.getByTestId('reanchor-preview');
    await preview.waitFor();
    await expect.poll(() => preview.innerText()).toMatch(/Saving would leave 1 quotes anchored, 1 fuzzy, 0 orphaned/);
    const wouldReopen = await preview.getByTestId('reopened').innerText();
    expect(wouldReopen).toContain('Two vessels were ordered in Busan.');
    expect(wouldReopen).not.toContain('Kyaukphyu ferry reopens');
    await screenshot(editor, 'correction-preview-reopens');
    await dialog.getByRole('button', { name: 'Save the correction' }).click();
    await dialog.getByTestId('reanchor-report').waitFor();
    await expect.poll(() => dialog.getByTestId('reopened').innerText()).toContain('Two vessels were ordered in Busan.');

    await reviewer.reload();
    const back = reviewer.getByTestId('queue-item').filter({ hasText: 'Two vessels were ordered in Busan.' });
    await back.waitFor();
    await expect
      .poll(() => back.getByTestId('sent-back').innerText())
      .toMatch(/because of a change by Edith Editor: “The shipyard is in Ulsan, not Busan”/);
    const words = await back.getByTestId('evidence-changes').innerText();
    expect(words).toContain('“two new vessels had been ordered from a shipyard in Busan”');
    expect(words).toContain('“two new vessels had been ordered from a shipyard in Ulsan”');
    await expect.poll(() => reviewer.getByTestId('queue-item').filter({ hasText: 'The Kyaukphyu ferry reopens in May.' }).count()).toBe(0);
    await back.scrollIntoViewIfNeeded();
    await screenshot(reviewer, 'review-queue-sent-back');
  });

  it('shows the API’s validation messages beside the inputs they concern', async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/events/create');
    await page.locator('input[name=title]').fill('Talks that end before they start');
    await page.getByLabel('Type').click();
    await page.getByRole('option', { name: 'Meeting' }).click();
    await page.locator('input[name="start.date"]').fill('2022-09-10');
    await page.locator('input[name="end.date"]').fill('2022-09-01');
    await page.locator('input[name=reason]').fill('From the agency’s calendar');
    await page.getByRole('button', { name: 'Save' }).click();
    const endInput = page.locator('.MuiFormControl-root', { has: page.locator('input[name="end.date"]') });
    await expect.poll(() => endInput.innerText()).toContain('must not be before the start');
    expect(page.url()).toContain('/events/create');
    await screenshot(page, 'validation');
  });

  it('gives reviewers no buttons to create or edit records, and admins the users and keys screens', async () => {
    const reviewer = await signIn(DEMO.reviewer);
    await reviewer.goto('/#/claims');
    await reviewer.locator('table tbody tr').first().click();
    await reviewer.getByRole('tab', { name: 'History' }).waitFor();
    await expect.poll(() => reviewer.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await reviewer.goto('/#/claims');
    await reviewer.locator('table tbody tr').first().waitFor();
    await expect.poll(() => reviewer.getByRole('link', { name: 'Create' }).count()).toBe(0);

    const admin = await signIn(DEMO.admin);
    await admin.goto('/#/apiKeys/create');
    await admin.locator('input[name=name]').fill('Newsroom dashboard');
    await admin.getByRole('button', { name: 'Save' }).click();
    const key = admin.getByTestId('new-api-key');
    await key.waitFor();
    await expect.poll(() => key.innerText()).toMatch(/^psk_/);
    await admin.goto('/#/users');
    await admin.getByText('reviewer@demo.example').waitFor();
    await screenshot(admin, 'users');
  });
});

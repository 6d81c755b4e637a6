import { describe, expect, it } from 'vitest';

import { verifiedClaim } from './support/api';
import { DEMO, useBrowser } from './support/browser';

describe('editing with provenance', () => {
  const { signIn, screenshot } = useBrowser();

  it('catches two editors saving one claim, shows the second their change beside the current version, and re-applies it', async () => {
    const claim = await verifiedClaim('Lavrov Moscow supported stabilize');
    const first = await signIn(DEMO.editor);
    const second = await signIn(DEMO.editor2);
    for (const page of [first, second]) {
      await page.goto(`/#/claims/${claim.id}`);
      await page.locator('textarea[name=text]').waitFor();
    }

    await first.locator('textarea[name=text]').fill(`${claim.text} (as Lavrov put it)`);
    await first.locator('input[name=reason]').fill('Say whose words these are');
    await first.getByRole('button', { name: 'Save' }).click();
    await first.waitForURL(/\/show$/);

    await second.getByLabel('Modality').click();
    await second.getByRole('option', { name: 'Hedged' }).click();
    await second.locator('input[name=reason]').fill('Lavrov hedges: "supported efforts"');
    await second.getByRole('button', { name: 'Save' }).click();

    const dialog = second.getByRole('dialog', { name: /saved this record while you were editing/ });
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('[data-field="text"]').innerText()).toContain('(as Lavrov put it)');
    await expect.poll(() => dialog.locator('[data-field="modality"]').innerText()).toContain('Hedged');
    await expect.poll(() => dialog.innerText()).toContain('Say whose words these are');
    await screenshot(second, 'conflict');
    await dialog.getByRole('button', { name: /Apply my change to version/ }).click();
    await second.waitForURL(/\/show$/);

    await expect.poll(() => second.getByText('(as Lavrov put it)').count()).toBeGreaterThan(0);
    await expect.poll(() => second.getByText('Hedged', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('shows who changed what, when and why, a field-by-field diff, and reverts to an earlier version as a new revision', async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/claims?filter=' + encodeURIComponent(JSON.stringify({ q: 'as Lavrov put it' })));
    await page.getByText('(as Lavrov put it)').first().click();
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByTestId('history');
    await history.waitFor();
    const text = await history.innerText();
    expect(text).toContain('Say whose words these are');
    expect(text).toContain('Lavrov hedges');
    expect(text).toContain('Edith Editor');

    await history.getByLabel('compare from version 1').check();
    const diff = history.getByRole('table', { name: 'Differences' });
    await expect.poll(() => diff.innerText()).toContain('modality');
    await expect.poll(() => diff.locator('[data-field="text"]').innerText()).toContain('(as Lavrov put it)');
    await screenshot(page, 'history');

    await history.locator('tr[data-version="1"]').getByRole('button', { name: 'Revert to this' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revert' }).click();
    await expect.poll(() => history.locator('tr[data-version]').first().innerText()).toContain('Revert to version 1');
    await page.getByRole('tab', { name: 'Claim' }).click();
    await expect.poll(() => page.getByText('(as Lavrov put it)').count()).toBe(0);
  });

  it('keeps a thread of notes on a claim: a question, a reply from someone else, resolved', async () => {
    const claim = await verifiedClaim('Myanmar long-standing reliable partner');
    const editor = await signIn(DEMO.editor);
    await editor.goto(`/#/claims/${claim.id}/show/notes`);
    const notes = editor.getByTestId('notes');
    await notes.waitFor();
    await notes.getByLabel('New note').fill('Is “partner” Putin’s word, or the translator’s?');
    await notes.getByLabel('Tags').fill('translation');
    await notes.getByRole('button', { name: 'Add note' }).click();
    const thread = notes.getByTestId('note-thread').filter({ hasText: 'translator' });
    await thread.waitFor();
    await expect.poll(() => thread.innerText()).toContain('Questioning');

    const reviewer = await signIn(DEMO.reviewer);
    await reviewer.goto(`/#/claims/${claim.id}/show/notes`);
    const seen = reviewer.getByTestId('note-thread').filter({ hasText: 'translator' });
    await seen.getByRole('button', { name: 'Reply' }).click();
    await seen.getByLabel('Reply').fill('Kremlin transcript has “партнёр”: his word.');
    await seen.getByRole('button', { name: 'Reply' }).click();
    await expect.poll(() => seen.getByTestId('note').count()).toBe(2);
    await seen.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => seen.innerText()).toContain('Resolved');
    await screenshot(reviewer, 'notes');

    await editor.reload();
    const again = editor.getByTestId('note-thread').filter({ hasText: 'translator' });
    await expect.poll(() => again.innerText()).toContain('his word');
    await expect.poll(() => again.innerText()).toContain('Resolved');
  });
});

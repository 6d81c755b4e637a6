import { describe, expect, it } from 'vitest';

import { publicQuery, verifiedClaim } from './support/api';
import { DEMO, selectWords, useBrowser } from './support/browser';

describe('curation tools', () => {
  const { signIn, screenshot } = useBrowser();

  it('lists open note threads across records and opens the record a thread is on', async () => {
    const claim = await verifiedClaim('modular reactors safer');
    const editor = await signIn(DEMO.editor);
    await editor.goto(`/#/claims/${claim.id}/show/notes`);
    await editor.getByLabel('New note').fill('Safer by whose measure?');
    await editor.getByRole('button', { name: 'Add note' }).click();
    await editor.getByTestId('note-thread').filter({ hasText: 'Safer by whose measure' }).waitFor();

    await editor.goto('/#/annotations');
    const row = editor.locator('table tbody tr', { hasText: 'Safer by whose measure?' });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain('Open');
    await row.click();
    await editor.waitForURL(new RegExp(`/claims/${claim.id}/show/notes`));
  });

  it('adds words selected in the reader as evidence to a claim that already exists', async () => {
    const editor = await signIn(DEMO.editor);
    await editor.goto('/#/sources');
    // Other files add sources of their own, in whatever order the files run: open the seed article by its title.
    await editor.locator('table tbody tr', { hasText: 'Myanmar and Russia: the Vladivostok meeting' }).first().click();
    await editor.getByTestId('source-text').waitFor();
    await selectWords(editor, 'Myanmar is the only Southeast Asian country to have openly endorsed the invasion', 1);
    const actions = editor.getByTestId('selection-actions');
    await actions.getByLabel('Add as evidence to an existing claim or event').fill('only Southeast Asian country endorsed');
    await editor.getByRole('option', { name: /^claim: Myanmar is the only Southeast Asian country/ }).click();
    await actions.getByRole('button', { name: 'Add' }).click();
    await editor.getByText('Evidence added to the claim.').waitFor();
    const repeat = editor.locator('[data-kind="REPEAT"] [data-evidence]', { hasText: 'openly endorsed the invasion' });
    await expect.poll(() => repeat.count()).toBeGreaterThan(0);
  });

  it('merges a duplicate entity into the one that remains, which takes its name as an alias', async () => {
    const editor = await signIn(DEMO.editor);
    await editor.goto('/#/entities/create');
    await editor.locator('input[name=name]').fill('V. Putin');
    await editor.getByLabel('Kind').click();
    await editor.getByRole('option', { name: 'Person' }).click();
    await editor.locator('input[name=reason]').fill('Named so in a wire story');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByRole('button', { name: 'Merge into…' }).click();
    const duplicateUrl = editor.url();
    const dialog = editor.getByRole('dialog');
    await dialog.getByLabel('The entity that remains').fill('Vladimir Putin');
    await editor
      .getByRole('option', { name: /^Vladimir Putin/ })
      .first()
      .click();
    await dialog.getByLabel('Why they are the same').fill('Same person, initial only');
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await editor.waitForURL((url) => url.href !== duplicateUrl && /\/entities\/[^/]+\/show$/.test(url.href));
    await expect.poll(() => editor.getByText('Vladimir Putin', { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => editor.locator('.MuiChip-root', { hasText: 'V. Putin' }).count()).toBe(1);
    const { search } = await publicQuery(
      `{ search(query: "V. Putin", types: [ENTITY], first: 3) { edges { node { record { ... on Entity { name aliases } } } } } }`,
    );
    expect(search.edges.map((edge: any) => edge.node.record)).toContainEqual(
      expect.objectContaining({ name: 'Vladimir Putin', aliases: expect.arrayContaining(['V. Putin']) }),
    );
  });

  it('lets a reviewer retract a verified claim from its page, with a comment; client apps then see it flagged', async () => {
    const claim = await verifiedClaim('Novosibirsk home subsidiary Sukhoi');
    const reviewer = await signIn(DEMO.reviewer);
    await reviewer.goto(`/#/claims/${claim.id}/show`);
    const review = reviewer.getByTestId('review-actions');
    await review.getByLabel('Review comment').fill('The consulate plan was reported by one outlet only.');
    await review.getByRole('button', { name: 'Retract' }).click();
    await expect.poll(() => reviewer.locator('[data-status="RETRACTED"]').count()).toBeGreaterThan(0);
    await screenshot(reviewer, 'retracted');
    const { claim: seen } = await publicQuery(`query($id: ID!) { claim(id: $id) { status retracted } }`, { id: claim.id });
    expect(seen).toEqual({ status: 'RETRACTED', retracted: true });
  });

  it('lets anyone signed in change their own password', async () => {
    const admin = await signIn(DEMO.admin);
    await admin.goto('/#/users/create');
    await admin.locator('input[name=email]').fill('new.editor@example.org');
    await admin.locator('input[name=name]').fill('New Editor');
    await admin.locator('input[name=password]').fill('first-password-123');
    await admin.getByRole('button', { name: 'Save' }).click();
    await admin.getByText('new.editor@example.org').waitFor();

    const newcomer = await signIn({ email: 'new.editor@example.org', password: 'first-password-123' });
    await newcomer.goto('/#/account');
    await newcomer.getByLabel('Current password').fill('first-password-123');
    await newcomer.getByLabel('New password', { exact: true }).fill('second-password-456');
    await newcomer.getByLabel('New password again').fill('second-password-456');
    await newcomer.getByRole('button', { name: 'Change password' }).click();
    await newcomer.getByText('Password changed.').waitFor();
    await signIn({ email: 'new.editor@example.org', password: 'second-password-456' });
  });
});

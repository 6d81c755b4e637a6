import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { verifiedClaim } from './support/api';
import { DEMO, useBrowser } from './support/browser';

/** A staff read of the API with the page's own session. */
async function staffQuery(page: Page, query: string, variables: Record<string, unknown> = {}) {
  const response = await page.context().request.post('/graphql', { data: { query, variables } });
  const { data, errors } = await response.json();
  if (errors) throw new Error(JSON.stringify(errors));
  return data;
}

const reasonsOf = async (page: Page, id: string) =>
  (await staffQuery(page, `query($id: ID!) { revisions(recordType: CLAIM, recordId: $id) { operation reason } }`, { id })).revisions.map(
    (revision: { operation: string; reason: string | null }) => [revision.operation, revision.reason],
  );

const toast = (page: Page) => page.locator('.MuiSnackbarContent-message');

describe('the console says what it does and asks before it acts', () => {
  const { signIn, screenshot } = useBrowser();

  it('needs an edit summary to create, warns before a half-filled form is left, and says a claim was created', async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/claims/create');
    await page.locator('textarea[name=text]').fill('The ferry company expects a second vessel in June.');
    await page.locator('input[name=claimantLabel]').fill('the ferry company');

    // Leaving asks first; staying keeps what was typed.
    let warning = '';
    page.once('dialog', (dialog) => {
      warning = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole('menuitem', { name: 'Sources' }).click();
    await expect.poll(() => warning).toMatch(/changes/i);
    expect(page.url()).toContain('/claims/create');
    await expect.poll(() => page.locator('textarea[name=text]').inputValue()).toBe('The ferry company expects a second vessel in June.');

    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('form').innerText()).toContain('Say where this comes from');
    expect(page.url()).toContain('/claims/create');
    await page.locator('input[name=reason]').fill('The company’s press release of 3 May');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => toast(page).innerText()).toBe('Claim created');
    await page.waitForURL(/\/claims\/[^/]+\/show$/);
    const id = /\/claims\/([^/]+)\/show$/.exec(page.url())![1]!;
    expect(await reasonsOf(page, id)).toEqual([['CREATE', 'The company’s press release of 3 May']]);
  });

  it('asks for the note when sending to review and the reason when restoring, and keeps what was typed, nothing else', async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/claims/create');
    await page.locator('textarea[name=text]').fill('The port will take container ships from 2027.');
    await page.locator('input[name=claimantLabel]').fill('the port authority');
    await page.locator('input[name=reason]').fill('The authority’s annual report');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/claims\/[^/]+\/show$/);
    const id = /\/claims\/([^/]+)\/show$/.exec(page.url())![1]!;

    await page.getByRole('button', { name: 'Send to review' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Note for the reviewer').fill('The year is on page 4 of the report');
    await screenshot(page, 'send-to-review');
    await dialog.getByRole('button', { name: 'Send to review' }).click();
    await expect.poll(() => page.locator('[data-status="IN_REVIEW"]').count()).toBeGreaterThan(0);

    await page.goto(`/#/claims/${id}`);
    await page.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByLabel('Why is it deleted?').fill('Recorded twice');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(/#\/claims$/);
    await page.goto(`/#/claims/${id}/show`);
    await page.getByRole('button', { name: 'Restore' }).click();
    // A restore without a reason cannot be sent.
    await expect.poll(() => dialog.getByRole('button', { name: 'Restore' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Why is it restored?').fill('It was the other copy that was twice');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Restore' }).count()).toBe(0);

    expect(await reasonsOf(page, id)).toEqual([
      ['CREATE', 'The authority’s annual report'],
      ['REVIEW', 'The year is on page 4 of the report'],
      ['DELETE', 'Recorded twice'],
      ['RESTORE', 'It was the other copy that was twice'],
    ]);
  });

  it('counts in words that agree, heads the latest changes, and names the seed run as a person reads it', async () => {
    const page = await signIn(DEMO.editor);
    const counts = page.getByTestId('dashboard').locator('.MuiCardHeader-subheader').first();
    await expect.poll(() => counts.innerText()).toMatch(/^(1 source|(0|[2-9]|\d\d+) sources), (1 entity|\d+ entities)$/);
    await page.goto('/#/?actor=seed:curated.yaml');
    const latest = page.getByTestId('latest-changes');
    await latest.locator('tbody tr').first().waitFor();
    await expect.poll(() => latest.locator('thead th').allInnerTexts()).toEqual(['When', 'Who', 'Change', 'Record', 'Why']);
    await expect.poll(() => page.getByText('Latest changes by Seed data (curated.yaml)').count()).toBe(1);
    const who = await latest.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(new Set(who)).toEqual(new Set(['Seed data (curated.yaml)']));
  });

  it('shows a search that finds nothing as nothing, and one that finds a few as exactly those', async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/claims?filter=' + encodeURIComponent(JSON.stringify({ q: 'xylophonequartet' })));
    await page.getByText(/No claims found/i).waitFor();
    await expect.poll(() => page.locator('.MuiTablePagination-displayedRows').count()).toBe(0);
    await page.goto('/#/claims?filter=' + encodeURIComponent(JSON.stringify({ q: 'Rosatom' })));
    await page.locator('tbody tr').first().waitFor();
    const rows = await page.locator('tbody tr').count();
    expect(rows).toBeLessThan(25);
    await expect.poll(() => page.locator('.MuiTablePagination-displayedRows').innerText()).toBe(`1-${rows} of ${rows}`);
  });

  it('says on a claim’s page who recorded it, and its credibility on its scale', async () => {
    // A claim no other file edits: the files share one product, in whatever order they run.
    const claim = await verifiedClaim('Eastern Economic Forum launched foreign investment');
    const page = await signIn(DEMO.reviewer);
    await page.goto(`/#/claims/${claim.id}/show`);
    await expect.poll(() => page.getByTestId('recorded-by').innerText()).toBe('Seed data (curated.yaml)');
    await expect
      .poll(() => page.getByTestId('credibility').innerText())
      .toMatch(/^[1-6]: [a-z ]+ \(Admiralty scale: 1 confirmed … 6 cannot be judged\)$/);
  });

  it('lets an admin copy a new API key, see when keys were last used, and revoke one after confirming', async () => {
    const admin = await signIn(DEMO.admin);
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await admin.goto('/#/apiKeys/create');
    await admin.locator('input[name=name]').fill('Election night dashboard');
    await admin.getByRole('button', { name: 'Save' }).click();
    const key = await admin.getByTestId('new-api-key').innerText();
    await admin.getByRole('button', { name: 'Copy the key' }).click();
    await admin.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(key);

    await admin.goto('/#/apiKeys');
    await admin.locator('tbody tr').first().waitFor();
    await expect.poll(() => admin.locator('thead th').allInnerTexts()).toContain('Last used');
    const row = admin.locator('tbody tr', { hasText: 'Election night dashboard' });
    await expect.poll(() => row.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await row.getByRole('button', { name: 'Revoke' }).click();
    const dialog = admin.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('Revoke this key?');
    await dialog.getByLabel('Why is it revoked?').fill('The dashboard moved to its own key');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => row.innerText()).toContain('revoked');
  });

  it('makes no user without a role', async () => {
    const admin = await signIn(DEMO.admin);
    await admin.goto('/#/users/create');
    await admin.locator('input[name=email]').fill('no.role@example.org');
    await admin.locator('input[name=name]').fill('No Role');
    await admin.locator('input[name=password]').fill('purple staple gravel lantern');
    await admin.getByLabel('Roles').click();
    await admin.getByRole('option', { name: 'Editor' }).click();
    await admin.keyboard.press('Escape');
    await admin.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => admin.locator('form').innerText()).toContain('Give at least one role.');
    expect(admin.url()).toContain('/users/create');
    const { users } = await staffQuery(admin, '{ users(first: 100) { edges { node { email } } } }');
    expect(users.edges.map(({ node }: { node: { email: string } }) => node.email)).not.toContain('no.role@example.org');
  });
});

import { describe, expect, it } from 'vitest';

import { DEMO, useBrowser } from './support/browser';

describe('lists: filters from the toolbar, and exports of what is filtered', () => {
  const { signIn, screenshot } = useBrowser();

  it('offers every list a filter button', async () => {
    const page = await signIn(DEMO.editor);
    for (const [resource, filter] of [
      ['claims', 'Status'],
      ['events', 'Status'],
      ['entities', 'Kind'],
      ['sources', 'Kind'],
    ] as const) {
      await page.goto(`/#/${resource}`);
      await page.getByRole('button', { name: 'Add filter' }).click();
      await page.getByRole('menu').getByText(filter, { exact: true }).waitFor();
      await page.keyboard.press('Escape');
    }
  });

  it('filters claims by status from the toolbar, and exports exactly the claims the filter shows', async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/claims');
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('menu').getByText('Status', { exact: true }).click();
    await page.getByLabel('Status').click();
    await page.getByRole('option', { name: 'Verified' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.url()).toContain('VERIFIED');
    // The rows shown are all verified once the filter applies.
    await expect.poll(() => page.locator('tbody tr').filter({ hasNotText: 'Verified' }).count()).toBe(0);
    const shown = Number(/of (\d+)/.exec(await page.locator('.MuiTablePagination-displayedRows').innerText())?.[1]);
    expect(shown).toBeGreaterThan(10);
    await screenshot(page, 'claims-filtered');

    await page.getByRole('button', { name: 'Export' }).click();
    const csv = page.getByRole('menuitem', { name: 'Claims as CSV' });
    const href = await csv.getAttribute('href');
    expect(href).toBe('/exports/claims.csv?status=VERIFIED');
    const response = await page.context().request.get(href!);
    expect(response.status()).toBe(200);
    const rows = (await response.text()).split('\r\n').filter(Boolean);
    // The header, then one row per claim the list shows.
    expect(rows.length - 1).toBe(shown);
    expect(rows.slice(1).every((row) => row.includes(',VERIFIED,'))).toBe(true);
  });

  it('shows who took part in each event in the events list', async () => {
    const page = await signIn(DEMO.editor);
    await page.goto('/#/events');
    await page.getByRole('columnheader', { name: 'Participants' }).waitFor();
    await page.getByPlaceholder('Search events').fill('overthrows');
    const coup = page.locator('tbody tr').filter({ hasText: "Tatmadaw overthrows Myanmar's elected government" });
    await expect.poll(() => coup.innerText()).toContain('Min Aung Hlaing');
  });
});

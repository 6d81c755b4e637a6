import { describe, expect, it } from 'vitest';

import { useBrowser } from './support/browser';

describe('the GraphQL explorer', () => {
  const { newPage, screenshot } = useBrowser();

  it('loads the whole schema with the introspection query GraphiQL sends, and runs a query', async () => {
    const page = await newPage();
    const introspection = page.waitForResponse(
      (response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('IntrospectionQuery'),
    );
    await page.goto('/graphql');
    expect((await introspection).status()).toBe(200);
    await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
    await page.getByRole('link', { name: 'Query' }).first().click();
    await page.getByRole('link', { name: 'claims' }).first().waitFor();
    await page.getByRole('link', { name: 'search' }).first().waitFor();
    await screenshot(page, 'explorer-docs');

    const answer = page.waitForResponse(
      (response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('totalCount'),
    );
    await page.getByRole('button', { name: /Execute query/i }).click();
    const body = await (await answer).json();
    expect(body.errors).toBeUndefined();
    expect(body.data.claims.totalCount).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.graphiql-response').innerText()).toContain('"totalCount"');
  });
});

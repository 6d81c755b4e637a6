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

  it("runs a subscription over the WebSocket: the change feed, live, from the log's start", async () => {
    const page = await newPage();
    // GraphiQL opens with the document it kept; this one asks for the feed from its start, so changes come at once.
    await page.addInitScript(() =>
      localStorage.setItem('graphiql:query', 'subscription Live { changes(recordTypes: [CLAIM]) { kind recordType recordId version } }'),
    );
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    const introspection = page.waitForResponse(
      (response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('IntrospectionQuery'),
    );
    await page.goto('/graphql');
    // Executing before the schema has loaded does nothing.
    await introspection;
    // The schema's answer can come before GraphiQL will run a document, when a click does nothing: click again,
    // slowly enough that a second click never stops a subscription the first one started.
    await expect
      .poll(
        async () => {
          if (sockets.length === 0) await page.getByRole('button', { name: /Execute query/i }).click();
          return sockets.length;
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBeGreaterThan(0);
    expect(sockets[0]).toMatch(/^ws:\/\/.+\/graphql$/);
    await expect.poll(() => page.locator('.graphiql-response').innerText(), { timeout: 15_000 }).toMatch(/"recordType": "CLAIM"/);
    await expect.poll(() => page.locator('.graphiql-response').innerText()).not.toContain('"errors"');
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { publicQuery } from './support/api';
import { blockingViolations } from './support/axe';
import { DEMO, useBrowser } from './support/browser';

const SEED_TITLE = 'Myanmar and Russia: the Vladivostok meeting signals a rapprochement';
/** The correction issue 17 made in the seed article: a relative date made plain, and a machine-translation typo fixed. */
const EDITS = [
  { old: 'A month earlier,', fixed: 'In early August,' },
  { old: 'does not. always', fixed: 'does not always' },
] as const;

const REASON = 'Dated the Lavrov visit; removed a stray full stop';

type Quote = { recordId: string; status: string; published: boolean; anchorStatus: string; exact: string; start: number; end: number };

/** A GraphQL request as the signed-in page makes it. */
async function staffQuery(page: Page, query: string, variables: Record<string, unknown> = {}) {
  const response = await page.context().request.post('/graphql', { data: { query, variables } });
  const { data, errors } = await response.json();
  if (errors) throw new Error(JSON.stringify(errors));
  return data;
}

/** Every quote in the seed article with its record, as staff read them through the API, signed in as the page is. */
async function quotesOf(page: Page): Promise<Quote[]> {
  const quotes: Quote[] = [];
  // One list a request: both at once cost more than the API allows.
  for (const list of ['claims', 'events']) {
    const response = await page.context().request.post('/graphql', {
      data: {
        query: `{ ${list}(first: 100) { edges { node { id status evidence { anchorStatus source { title } selector { exact start end } } } } } }`,
      },
    });
    const { data, errors } = await response.json();
    if (errors) throw new Error(JSON.stringify(errors));
    for (const { node } of data[list].edges) {
      for (const evidence of node.evidence) {
        if (evidence.source.title !== SEED_TITLE) continue;
        quotes.push({
          recordId: node.id,
          status: node.status,
          published: node.status === 'VERIFIED' || node.status === 'RETRACTED',
          anchorStatus: evidence.anchorStatus,
          ...evidence.selector,
        });
      }
    }
  }
  return quotes;
}

/** What a client app reads, anonymously or with its key: the ids of the published claims and events. */
async function publishedIds(headers: Record<string, string> = {}): Promise<{ claims: string[]; events: string[] }> {
  const data = await publicQuery(
    `{ claims(first: 100) { totalCount edges { node { id } } } events(first: 100) { totalCount edges { node { id } } } }`,
    {},
    headers,
  );
  expect(data.claims.totalCount).toBe(data.claims.edges.length);
  expect(data.events.totalCount).toBe(data.events.edges.length);
  return {
    claims: data.claims.edges.map((edge: any) => edge.node.id as string).sort(),
    events: data.events.edges.map((edge: any) => edge.node.id as string).sort(),
  };
}

describe('the seed article corrected in the console, as issue 17 did', () => {
  const { signIn, screenshot } = useBrowser();

  it('previews, then saves, the issue’s two edits: every quote they leave alone stays anchored, every published record stays published for client apps, and reworded records wait for a reviewer as last verified', async () => {
    const admin = await signIn(DEMO.admin);
    const { createApiKey } = await staffQuery(admin, `mutation { createApiKey(input: { name: "Seed correction check" }) { key } }`);
    const clientKey = { authorization: `Bearer ${createApiKey.key}` };
    const page = await signIn(DEMO.editor);
    await page.goto('/#/sources');
    await page.getByText(SEED_TITLE).first().click();
    await page.getByTestId('source-text').waitFor();
    await page.getByRole('button', { name: 'Correct the text' }).click();
    const dialog = page.getByRole('dialog');
    const original = await dialog.getByLabel('Corrected text').inputValue();
    for (const { old } of EDITS) expect(original.split(old)).toHaveLength(2);
    const corrected = EDITS.reduce((text, { old, fixed }) => text.replace(old, fixed), original);
    // The characters each edit changes, in code points as selectors count them (the article is all in the BMP).
    expect(Array.from(original)).toHaveLength(original.length);
    const changed = EDITS.map(({ old, fixed }) => {
      let same = 0;
      while (old[same] === fixed[same]) same += 1;
      let sameEnd = 0;
      while (old.at(-1 - sameEnd) === fixed.at(-1 - sameEnd)) sameEnd += 1;
      const at = original.indexOf(old);
      return { from: at + same, to: at + old.length - sameEnd };
    });
    const quotesBefore = await quotesOf(page);
    const before = await publishedIds();
    expect(await publishedIds(clientKey)).toEqual(before);
    const touched = (quote: Quote) => changed.some(({ from, to }) => quote.start < Math.max(to, from + 1) && quote.end > from);
    // The records whose own quoted words the correction changes: by the rule, these, and only these, go back to review.
    const rewordedRecords = new Set(quotesBefore.filter(touched).map((quote) => quote.recordId));
    const rewordedPublished = [...rewordedRecords].filter((id) => quotesBefore.some((quote) => quote.recordId === id && quote.published));
    const rewordedJudged = [...rewordedRecords].filter((id) =>
      quotesBefore.some((quote) => quote.recordId === id && !['DRAFT', 'IN_REVIEW'].includes(quote.status)),
    );
    // The published ones stay published as last verified; a judged one clients never saw (disputed, say) goes back to review.
    const rewordedVerified = rewordedPublished.filter((id) =>
      quotesBefore.some((quote) => quote.recordId === id && quote.status === 'VERIFIED'),
    );
    expect(rewordedRecords.size).toBeGreaterThan(0);
    expect(rewordedVerified.length).toBeGreaterThan(0);
    await dialog.getByLabel('What was wrong').fill(REASON);
    await dialog.getByLabel('Corrected text').fill(corrected);

    await dialog.getByRole('button', { name: 'Preview the correction' }).click();
    const preview = dialog.getByTestId('reanchor-preview');
    await preview.waitFor();
    const untouchedCount = quotesBefore.filter((quote) => !touched(quote)).length;
    await expect
      .poll(() => preview.innerText())
      .toContain(`Saving would leave ${untouchedCount} quotes anchored, ${quotesBefore.length - untouchedCount} fuzzy, 0 orphaned`);
    // Nothing untouched would go back to review: the list names only records whose own words changed, and says which stay published.
    const wouldReopen = await preview.getByTestId('reopened').getByRole('link').allInnerTexts();
    expect(wouldReopen).toHaveLength(rewordedJudged.length);
    await expect.poll(() => preview.getByTestId('reopened').innerText()).not.toContain('only Southeast Asian country');
    await expect.poll(() => preview.getByTestId('reopened').innerText()).toContain('A published one stays published');
    await expect.poll(() => preview.locator('[data-still-published="true"]').count()).toBe(rewordedVerified.length);
    await expect.poll(() => preview.locator('tr[data-status="FUZZY"]').count()).toBe(quotesBefore.length - untouchedCount);
    // The preview saved nothing: client apps still read every record.
    expect(await publishedIds()).toEqual(before);
    expect(await publishedIds(clientKey)).toEqual(before);
    await screenshot(page, 'seed-correction-preview');

    await dialog.getByRole('button', { name: 'Save the correction' }).click();
    const report = dialog.getByTestId('reanchor-report');
    await report.waitFor();
    await expect
      .poll(() => report.innerText())
      .toContain(`${untouchedCount} quotes anchored, ${quotesBefore.length - untouchedCount} fuzzy, 0 orphaned`);
    await dialog.getByRole('button', { name: 'Close' }).click();

    const quotesAfter = await quotesOf(page);
    expect(quotesAfter).toHaveLength(quotesBefore.length);
    // An untouched quote keeps its words, moved by the edits before it.
    const shift = (at: number) =>
      EDITS.filter(({ old }) => original.indexOf(old) < at).reduce((sum, { old, fixed }) => sum + fixed.length - old.length, 0);
    const sentBack = (id: string) => rewordedJudged.includes(id) && !rewordedVerified.includes(id);
    for (const quote of quotesBefore.filter((quote) => !touched(quote))) {
      expect(quotesAfter, quote.exact).toContainEqual({
        ...quote,
        status: sentBack(quote.recordId) ? 'IN_REVIEW' : quote.status,
        anchorStatus: 'ANCHORED',
        start: quote.start + shift(quote.start),
        end: quote.end + shift(quote.start),
      });
    }
    for (const quote of quotesAfter.filter((quote) => rewordedJudged.includes(quote.recordId)))
      expect(quote.status).toBe(sentBack(quote.recordId) ? 'IN_REVIEW' : 'VERIFIED');

    // Client apps, anonymous or with a key, still read every published record: none went missing, none appeared.
    expect(await publishedIds()).toEqual(before);
    expect(await publishedIds(clientKey)).toEqual(before);

    // Each reworded judged record waits in the review queue, with the correction's reason and who made it.
    const { reviewQueue } = await staffQuery(
      page,
      `{ reviewQueue(first: 100) { edges { node { sentBack submittedReason submittedByName record { ... on Claim { id } ... on Event { id } } } } } }`,
    );
    const waiting = new Map(reviewQueue.edges.map(({ node }: any) => [node.record.id, node]));
    for (const id of rewordedJudged)
      expect(waiting.get(id), id).toMatchObject({ sentBack: true, submittedReason: REASON, submittedByName: 'Edith Editor' });
    await screenshot(page, 'seed-correction-saved');

    // On a reworded published record's page, staff read the corrected words and are told what clients still see.
    const shown = rewordedVerified[0]!;
    const { node } = await staffQuery(page, `query($id: ID!) { node(id: $id) { __typename } }`, { id: shown });
    const kind = node.__typename;
    await page.goto(`/#/${kind === 'Claim' ? 'claims' : 'events'}/${shown}/show`);
    const notice = page.getByTestId('re-review-notice');
    await notice.waitFor();
    await expect.poll(() => notice.innerText()).toContain('Client apps still see the last verified version');
    expect(await blockingViolations(page)).toEqual([]);
    await screenshot(page, 'seed-correction-record-as-last-verified');
  });
});

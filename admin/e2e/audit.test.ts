import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { publicQuery, verifiedClaim } from './support/api';
import { DEMO, useBrowser } from './support/browser';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const verifier = path.join(repoRoot, 'server/dist/server/src/cli/verify-receipt.js');

/** A GraphQL request from a signed-in page, as the console itself sends one (its session cookie). */
const asSignedIn = (page: Page, query: string, variables: Record<string, unknown> = {}) =>
  page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = await response.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
    { query, variables },
  );

describe('auditing provenance', () => {
  const { signIn, screenshot } = useBrowser();

  it("lets a reviewer verify the log, find a person's changes and a record's chain status, and download a receipt the verifier accepts", async () => {
    const editor = await signIn(DEMO.editor);
    const { search } = await publicQuery(
      `{ search(query: "Rosatom", types: [ENTITY], first: 1) { edges { node { record { ... on Entity { id version } } } } } }`,
    );
    const entity = search.edges[0].node.record;
    await asSignedIn(editor, `mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version } }`, {
      input: {
        id: entity.id,
        expectedVersion: entity.version,
        description: 'Russian state nuclear energy corporation',
        reason: 'Say what Rosatom is',
      },
    });
    const admin = await signIn(DEMO.admin);
    await asSignedIn(admin, `mutation { createCheckpoint { id } }`);

    const reviewer = await signIn(DEMO.reviewer);
    await reviewer.getByRole('menuitem', { name: 'Audit' }).click();
    await reviewer.getByRole('button', { name: 'Verify now' }).click();
    const verification = reviewer.getByTestId('last-verification');
    await expect
      .poll(() => verification.innerText(), { timeout: 30_000 })
      .toMatch(/PASSED[\s\S]*records and \d+ revisions checked: 0 problems/);
    await expect
      .poll(() => reviewer.getByTestId('latest-checkpoint').innerText())
      .toMatch(/Consistent: at the last check, 1 signatures verified/);

    // Ada has changed nothing: the picker offers every account and key by name, not only whoever wrote lately.
    await reviewer.getByRole('combobox', { name: 'Person or API key' }).fill('ada adm');
    await expect.poll(() => reviewer.getByRole('option', { name: /^Ada Admin \(user\)$/ }).count()).toBe(1);
    await reviewer.getByRole('combobox', { name: 'Person or API key' }).fill('Edith');
    await reviewer.getByRole('option', { name: /Edith Editor/ }).click();
    const changes = reviewer.getByRole('table', { name: 'Changes' });
    await expect.poll(() => changes.innerText()).toContain('Say what Rosatom is');
    await reviewer.getByLabel('Record type').click();
    await reviewer.getByRole('option', { name: 'claim', exact: true }).click();
    await expect.poll(() => changes.innerText()).not.toContain('Say what Rosatom is');
    await expect
      .poll(() => reviewer.getByRole('link', { name: 'Export CSV' }).getAttribute('href'))
      .toMatch(/^\/exports\/audit-trail\.csv\?actor=user%3A.+&recordType=CLAIM$/);
    await screenshot(reviewer, 'audit');

    const claim = await verifiedClaim('Myanmar long-standing reliable partner');
    await reviewer.goto(`/#/claims/${claim.id}/show/history`);
    const status = reviewer.getByTestId('chain-status');
    await expect.poll(() => status.innerText()).toMatch(/Chain verified[\s\S]*Head hash[\s\S]*Covered by checkpoint/);
    const history = reviewer.getByTestId('history');
    await expect.poll(() => history.getByRole('button', { name: /^Copy the hash of version 1$/ }).count()).toBe(1);
    await screenshot(reviewer, 'chain-status');

    const downloading = reviewer.waitForEvent('download');
    await reviewer.getByRole('link', { name: 'Download receipt' }).click();
    const download = await downloading;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'receipt-'));
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const publicKey = path.join(dir, 'checkpoint-key.pem');
    fs.writeFileSync(publicKey, await (await fetch(`${reviewer.url().split('/#')[0]}/exports/checkpoints/public-key`)).text());
    const { stdout } = await promisify(execFile)(process.execPath, [verifier, file, '--public-key', publicKey]);
    expect(stdout).toMatch(/^The receipt verifies\.[\s\S]*quotes stand at their positions[\s\S]*chain heads are leaves of the signed tree/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

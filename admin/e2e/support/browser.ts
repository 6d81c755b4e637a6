import fs from 'node:fs';
import path from 'node:path';

import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

import { CHROMIUM, CHROMIUM_ARGS } from './product.mjs';

/** Screenshots of the key screens, for people to look at; git-ignored. */
export const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts');

export const DEMO = {
  admin: { email: 'admin@demo.example', password: 'demo-admin-password', name: 'Ada Admin' },
  editor: { email: 'editor@demo.example', password: 'demo-editor-password' },
  editor2: { email: 'editor2@demo.example', password: 'demo-editor2-password' },
  reviewer: { email: 'reviewer@demo.example', password: 'demo-reviewer-password' },
} as const;

/**
 * A real chromium for the file's tests. Every page records console errors and uncaught exceptions, and each test
 * fails if any appeared: a console that logs errors is broken even when the screen looks right.
 */
export function useBrowser() {
  const state = {
    browser: undefined as Browser | undefined,
    baseUrl: inject('consoleUrl'),
    errors: [] as string[],
    contexts: [] as BrowserContext[],
  };

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`No chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    state.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
  });

  afterEach(async () => {
    const errors = state.errors.splice(0);
    for (const context of state.contexts.splice(0)) await context.close();
    expect(errors, 'errors in the browser console').toEqual([]);
  });

  afterAll(async () => {
    await state.browser?.close();
  });

  /** A fresh browser profile (its own cookies): one per person in a test; a desktop screen unless told otherwise. */
  async function newPage(viewport = { width: 1400, height: 900 }): Promise<Page> {
    const context = await state.browser!.newContext({ viewport, baseURL: state.baseUrl });
    state.contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') state.errors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => state.errors.push(`uncaught: ${error.message}`));
    return page;
  }

  async function signIn(who: { email: string; password: string }, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await newPage(viewport);
    await page.goto('/#/login');
    await page.locator('input[name=username]').fill(who.email);
    await page.locator('input[name=password]').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('dashboard').waitFor();
    return page;
  }

  const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), animations: 'disabled' });

  return { state, newPage, signIn, screenshot };
}

/** Selects words in the reader's text the way a person does: press before the first letter, drag, release after the last. */
export async function selectWords(page: Page, words: string, occurrence = 0) {
  const box = await page.getByTestId('source-text').evaluate(
    (root, { words, occurrence }) => {
      const full = root.textContent ?? '';
      let at = -1;
      for (let n = 0; n <= occurrence; n += 1) at = full.indexOf(words, at + 1);
      if (at < 0) throw new Error(`"${words}" is not in the text`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      let startSet = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = (node as Text).data.length;
        if (!startSet && at < seen + length) {
          range.setStart(node, at - seen);
          startSet = true;
        }
        if (startSet && at + words.length <= seen + length) {
          range.setEnd(node, at + words.length - seen);
          break;
        }
        seen += length;
      }
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const first = rects[0]!;
      const last = rects.at(-1)!;
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    },
    { words, occurrence },
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

// `npm run bench:console`: what the console's first load downloads, as served (compressed), and the time from
// navigation to a rendered claim list in headless chromium, on a scratch copy of the product.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, startProduct } from '../e2e/support/product.mjs';

const RUNS = Number(process.argv[2] ?? 15);
const dist = path.resolve(import.meta.dirname, '../dist');
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

function bundleSizes() {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const lazy = fs
    .readdirSync(path.join(dist, 'assets'))
    .filter((f) =>
      /^(SourceReader|HistoryPanel|AnnotationsPanel|Dashboard|ReviewQueue|ImportPage|ProposalsPage|AccountPage)-.*\.js$/.test(f),
    )
    .map((f) => `assets/${f}`);
  const gz = (files) => files.reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
  const raw = (files) => files.reduce((sum, f) => sum + fs.statSync(path.join(dist, f)).size, 0);
  return {
    firstLoad: { files: linked.length, raw: raw(linked), gzip: gz(linked) },
    lazy: { files: lazy.length, raw: raw(lazy), gzip: gz(lazy) },
  };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${percentile(sorted, 50).toFixed(0)} ms, p90 ${percentile(sorted, 90).toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms`;
};

const sizes = bundleSizes();
console.log(
  `Console bundle: first load ${kB(sizes.firstLoad.gzip)} gzipped (${kB(sizes.firstLoad.raw)} raw, ${sizes.firstLoad.files} files); lazy screens (reader, history, notes, dashboard, review queue, import, proposals, account) ${kB(sizes.lazy.gzip)} gzipped more`,
);

const product = await startProduct();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const signedIn = await browser.newContext({ baseURL: product.url, viewport: { width: 1400, height: 900 } });
  const login = await signedIn.newPage();
  await login.goto('/#/login');
  await login.locator('input[name=username]').fill('editor@demo.example');
  await login.locator('input[name=password]').fill('demo-editor-password');
  await login.getByRole('button', { name: 'Sign in' }).click();
  await login.getByTestId('dashboard').waitFor();
  const storageState = await signedIn.storageState();
  await login.close();

  /** Every response of a load, with the bytes of its body as they came over the wire and as decoded. */
  const timeClaimList = async (context, served) => {
    const page = await context.newPage();
    const responses = [];
    page.on('response', (response) => responses.push(response));
    const started = performance.now();
    await page.goto('/#/claims');
    await page.locator('table tbody tr').first().waitFor();
    const elapsed = performance.now() - started;
    if (served) {
      for (const response of responses) {
        const sizes = await response.request().sizes();
        const body = await response.body().catch(() => Buffer.alloc(0));
        served.push({
          url: new URL(response.url()).pathname,
          encoding: response.headers()['content-encoding'] ?? 'identity',
          wire: sizes.responseBodySize,
          raw: body.length,
        });
      }
    }
    await page.close();
    return elapsed;
  };

  const cold = [];
  const warm = [];
  const served = [];
  const loadBefore = os.loadavg();
  for (let i = 0; i <= RUNS; i += 1) {
    const context = await browser.newContext({ baseURL: product.url, storageState, viewport: { width: 1400, height: 900 } });
    const elapsed = await timeClaimList(context, i === 0 ? served : undefined);
    await context.close();
    if (i > 0) cold.push(elapsed);
    const again = await timeClaimList(signedIn);
    if (i > 0) warm.push(again);
  }
  const files = served.filter(({ url }) => url.startsWith('/assets/') || url === '/');
  const sum = (list, key) => list.reduce((total, item) => total + item[key], 0);
  console.log(
    `As served to chromium on a cold load of the claim list: ${kB(sum(files, 'wire'))} over the wire for ${kB(sum(files, 'raw'))} of page and assets (${files.length} files: ${[...new Set(files.map((f) => f.encoding))].join(', ')}); the API's answers ${kB(sum(served, 'wire') - sum(files, 'wire'))} more`,
  );
  for (const file of files.filter((f) => f.raw > 20_000))
    console.log(`  ${file.url}: ${kB(file.wire)} ${file.encoding} (${kB(file.raw)} raw)`);
  // The machine is shared: a time means little without how busy it was.
  console.log(
    `Load average before the timed runs: ${loadBefore.map((load) => load.toFixed(1)).join(', ')} on ${os.availableParallelism()} cores`,
  );
  console.log(`Navigation to a rendered claim list (25 rows), signed in, headless chromium, ${RUNS} runs each:`);
  console.log(`  empty browser cache: ${summary(cold)}`);
  console.log(`  warm browser cache:  ${summary(warm)}`);
} finally {
  await browser.close();
  await product.stop();
}

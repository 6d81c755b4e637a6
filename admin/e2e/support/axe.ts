import fs from 'node:fs';
import { createRequire } from 'node:module';

import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts WCAG 2.2 AA is held to in the console: a serious or critical violation blocks some people outright. */
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core on what the page shows now and returns its serious and critical violations: the rule, its impact,
 * and the first elements with axe's reason, so a failing test names what to fix.
 */
export async function blockingViolations(page: Page): Promise<string[]> {
  // Through the DevTools protocol rather than a <script> tag, so the page's content security policy does not apply.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } };
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return results.violations;
  });
  // One line per rule, with the first elements it names: a chip repeated on forty rows is one thing to fix.
  return violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => {
      const where = violation.nodes
        .slice(0, 3)
        .map((node) => `${node.target.join(' ').slice(-90)}: ${node.failureSummary.split('\n').at(-1)!.trim()}`);
      return `${violation.id} (${violation.impact}, ${violation.nodes.length} elements) ${where.join(' | ')}`;
    });
}

interface AxeResults {
  violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[]; failureSummary: string }> }>;
}

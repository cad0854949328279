/**
 * axe-core in the browser suite: injects node_modules/axe-core/axe.min.js into the page and runs
 * the WCAG 2.0/2.1 A and AA rules. Returns one line per failing element.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: unknown[]; html: string }[] }[];
}

export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate('typeof window.axe !== "undefined"');
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
  // A string, not a function: the test runner's transpiler would wrap a function's helpers.
  const result = (await page.evaluate(
    `window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] })`,
  )) as AxeResult;
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? '?'}): ${JSON.stringify(n.target)} ${n.html.slice(0, 120)}`),
  );
}

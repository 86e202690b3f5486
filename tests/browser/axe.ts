/**
 * axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on a page, injected from node_modules. Playwright's
 * evaluate is not bound by the page's CSP, so axe runs on the page as served. Returns one line per
 * violation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function axeViolations(page: Page | Frame): Promise<string[]> {
	await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
	await page.evaluate(axeSource);
	const violations = (await page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		const result = await window.axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
			// Only violations are read: skipping the passes' details takes a fifth off each page.
			resultTypes: ['violations']
		});
		return result.violations;
	})) as { id: string; help: string; nodes: { target: string[] }[] }[];
	return violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

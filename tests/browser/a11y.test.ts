/**
 * Accessibility in a real browser: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) reports no
 * violations on every page at 320, 1280 and 1440 pixels wide; no page scrolls sideways; keyboard focus
 * is visible. axe is injected from node_modules (the context bypasses CSP only to inject it).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { baseUrl, useBrowser } from './browser';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = ['/', '/methodology', '/diagnostics'];
const WIDTHS = [320, 1280, 1440];

const browser = useBrowser();

interface AxeViolation {
	id: string;
	help: string;
	nodes: { target: string[] }[];
}

describe('accessibility', () => {
	for (const path of PAGES) {
		for (const width of WIDTHS) {
			it(`axe finds no violations on ${path} at ${width}px, and nothing scrolls sideways`, async () => {
				const context = await browser().newContext({ viewport: { width, height: 800 }, bypassCSP: true });
				const page = await context.newPage();
				await page.goto(new URL(path.replace(/^\//, ''), baseUrl()).href, { waitUntil: 'load' });
				// Open every data table so axe checks them too.
				await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
				await page.evaluate(axeSource);
				const violations = (await page.evaluate(async () => {
					// @ts-expect-error axe is injected above
					const result = await window.axe.run(document, {
						runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }
					});
					return result.violations;
				})) as AxeViolation[];
				const summary = violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
				expect(summary).toEqual([]);
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				expect(overflow).toBeLessThanOrEqual(0);
				await context.close();
			});
		}
	}

	it('the main navigation marks the current page, in the prerendered HTML', async () => {
		const context = await browser().newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		for (const [path, name] of [['', 'Overview'], ['methodology', 'Methodology']]) {
			await page.goto(new URL(path, baseUrl()).href);
			const current = await page.locator('nav[aria-label="Main"] a[aria-current="page"]').allTextContents();
			expect(current).toEqual([name]);
		}
		await context.close();
	});

	it('keyboard: Tab reaches the skip link first, and focus is visibly outlined', async () => {
		const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		await page.goto(baseUrl(), { waitUntil: 'load' });
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement;
			const style = getComputedStyle(el);
			return { text: el.textContent?.trim(), outline: style.outlineStyle, box: style.boxShadow, bg: style.backgroundColor };
		});
		expect(focused.text).toBe('Skip to main content');
		expect(focused.outline !== 'none' || focused.box !== 'none' || focused.bg !== 'rgba(0, 0, 0, 0)').toBe(true);
		await context.close();
	});
});

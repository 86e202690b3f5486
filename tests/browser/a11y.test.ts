/**
 * Accessibility in a real browser: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) reports no
 * violations on one page of each template at 320 and 1440 pixels wide, and nothing scrolls
 * sideways (every page at 1280px is checked in every-page.test.ts, in the same visit as its
 * headers and CSP); keyboard focus is visible.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, open, useBrowser } from './browser';
import { contrastRatio, effectiveBackground, parseColour } from '../contrast';
import { builtPages, onePagePerTemplate } from './pages';
import { axeViolations } from './axe';

// One page of each template (each area, indicator and embed page is the same template with other
// figures), read from build/ (./pages) so a new template is covered without editing a list.
const TEMPLATES = onePagePerTemplate(builtPages());

const browser = useBrowser();

/**
 * Presses Tab once and measures the element that took focus: its text, focus styles, and the
 * WCAG contrast of its text colour against the background seen behind it (its own and its
 * ancestors', painted over white).
 */
async function tabToFirst(page: Page) {
	await page.keyboard.press('Tab');
	const seen = await page.evaluate(() => {
		const el = document.activeElement as HTMLElement;
		const style = getComputedStyle(el);
		const backgrounds: string[] = [];
		for (let node: Element | null = el; node; node = node.parentElement) backgrounds.push(getComputedStyle(node).backgroundColor);
		return { text: el.textContent?.trim(), outline: style.outlineStyle, box: style.boxShadow, colour: style.color, backgrounds };
	});
	const contrast = contrastRatio(parseColour(seen.colour), effectiveBackground(seen.backgrounds));
	return { ...seen, contrast };
}

describe('accessibility', () => {
	for (const path of TEMPLATES) {
		for (const width of [320, 1440]) {
			it(`axe finds no violations on ${path} at ${width}px, and nothing scrolls sideways`, async () => {
				const s = await open(browser(), path, { width, height: 800 });
				// axeViolations opens every <details> (the data tables) first, so axe checks them too.
				expect(await axeViolations(s.page)).toEqual([]);
				const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				expect(overflow).toBeLessThanOrEqual(0);
				await s.context.close();
			});
		}
	}

	it('axe runs under the site\'s CSP (no bypass) and finds a fault put in the page: an image without alt text', async () => {
		const s = await open(browser(), '/methodology');
		expect(await axeViolations(s.page)).toEqual([]);
		await s.page.evaluate(() => {
			const img = document.createElement('img');
			img.src = 'favicon.svg';
			document.querySelector('main')!.append(img);
		});
		const found = await axeViolations(s.page);
		expect(found.map((v) => v.split(':')[0])).toEqual(['image-alt']);
		expect(s.cspViolations).toEqual([]);
		await s.context.close();
	});

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

	it('keyboard: Tab reaches the skip link first; it is visibly outlined and its text contrast is at least 4.5:1', async () => {
		const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		await page.goto(baseUrl(), { waitUntil: 'load' });
		const focused = await tabToFirst(page);
		expect(focused.text).toBe('Skip to main content');
		expect(focused.outline !== 'none' || focused.box !== 'none' || focused.backgrounds[0] !== 'rgba(0, 0, 0, 0)').toBe(true);
		expect(focused.contrast).toBeGreaterThanOrEqual(4.5);
		await context.close();
	});

	it('the skip-link contrast check fails on a poor colour: #777 on white (4.48:1), injected', async () => {
		// bypassCSP only so the test can add an inline style; the site itself allows none.
		const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
		const page = await context.newPage();
		await page.goto(baseUrl(), { waitUntil: 'load' });
		await page.addStyleTag({ content: '.skip-link:focus { color: #777 !important; background: #fff !important; }' });
		const focused = await tabToFirst(page);
		expect(focused.text).toBe('Skip to main content');
		expect(focused.contrast).toBeLessThan(4.5);
		expect(focused.contrast).toBeCloseTo(4.48, 2);
		await context.close();
	});
});

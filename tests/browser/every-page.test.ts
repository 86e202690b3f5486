/**
 * Every prerendered page (read from build/, so a new page is covered without editing a list), in
 * one visit each with JavaScript on and the CSP in force. The server applies build/_headers, as
 * Netlify or Cloudflare Pages would, so the page runs under its meta policy and the header at once.
 *  - headers: the page's own meta policy plus frame-ancestors ('none', or * under /embed/),
 *    nosniff and no-referrer;
 *  - the meta policy is strict: no 'unsafe-inline' or 'unsafe-eval' for scripts, no origin but
 *    this one;
 *  - once hydrated and the network idle: no CSP violation, no console error, no request off this
 *    origin;
 *  - the JavaScript and CSS fetched before any interaction is within the first view's budget
 *    (scripts/page-weight: 100 KB, gzip; the workbench has its own, below), weighed from the
 *    files in build/;
 *  - axe (WCAG 2.0/2.1/2.2 A and AA) finds no violation at 1280px, and nothing scrolls sideways.
 *    One page of each template is also checked at 320 and 1440px (a11y.test.ts).
 * These were three sweeps, so three visits a page; one visit does the same checks in a third of
 * the time, which keeps the whole run inside CI's 15 minutes.
 */
import { describe, expect, it } from 'vitest';
import { BUDGET_KB, jsCssBytes } from '../../scripts/page-weight';
import { baseUrl, foreignRequests, open, useBrowser } from './browser';
import { builtPages } from './pages';
import { axeViolations } from './axe';

const browser = useBrowser();
const PAGES = builtPages();
/**
 * The one page over the first view's budget, with its own ceiling so it cannot grow unnoticed:
 * the analysts' workbench ships its SQL editor (CodeMirror, about 136 KB gzip) with the page.
 */
const OWN_BUDGET_KB: Record<string, number> = { '/workbench': 260 };

function directives(csp: string): Record<string, string[]> {
	return Object.fromEntries(
		csp.split(';').map((d) => d.trim().split(/\s+/)).filter((parts) => parts[0]).map(([name, ...values]) => [name, values])
	);
}

describe('every page', () => {
	it('the page list is read from the build output', () => {
		expect(PAGES).toContain('/');
		expect(PAGES).toContain('/methodology');
		expect(PAGES.some((p) => p.startsWith('/embed/'))).toBe(true);
	});

	for (const path of PAGES) {
		it(`${path}: strict CSP as meta and header, no violation, console error or third-party request; JS and CSS within budget; axe clean at 1280px, nothing scrolls sideways`, async () => {
			const s = await open(browser(), path);
			expect(s.response?.status()).toBe(200);
			await s.page.waitForLoadState('networkidle');

			const csp = await s.page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
			expect(csp, 'no meta policy').toBeTruthy();
			const d = directives(csp!);
			expect(d['default-src']).toEqual(["'self'"]);
			expect(d['script-src']).toContain("'self'");
			expect(d['script-src']).toContain("'wasm-unsafe-eval'");
			expect(d['script-src']).not.toContain("'unsafe-inline'");
			expect(d['script-src']).not.toContain("'unsafe-eval'");
			expect(d['style-src']).toEqual(["'self'"]);
			expect(d['connect-src']).toEqual(["'self'"]);
			expect(d['worker-src']).toEqual(["'self'"]);
			expect(d['object-src']).toEqual(["'none'"]);
			// No origin but our own anywhere in the policy.
			expect(csp).not.toMatch(/https?:/);

			const headers = s.response!.headers();
			const frame = path.startsWith('/embed/') ? 'frame-ancestors *' : "frame-ancestors 'none'";
			expect(headers['content-security-policy']).toBe(`${csp}; ${frame}`);
			expect(headers['x-content-type-options']).toBe('nosniff');
			expect(headers['referrer-policy']).toBe('no-referrer');

			expect(s.cspViolations).toEqual([]);
			expect(s.consoleErrors).toEqual([]);
			expect(foreignRequests(s.requests)).toEqual([]);
			const kb = jsCssBytes(s.requests, new URL(baseUrl()).origin, 'build') / 1024;
			const budget = OWN_BUDGET_KB[path] ?? BUDGET_KB;
			expect(kb, `JavaScript and CSS before any interaction, KB gzip (budget ${budget})`).toBeLessThanOrEqual(budget);

			// axeViolations opens every <details> (the data tables) first, so axe checks them too.
			expect(await axeViolations(s.page)).toEqual([]);
			const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			expect(overflow).toBeLessThanOrEqual(0);
			await s.context.close();
		});
	}
});

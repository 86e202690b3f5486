/**
 * Every page, with JavaScript on: a strict CSP is in force (no 'unsafe-inline' or 'unsafe-eval'
 * for scripts, nothing but this origin), the browser reports no CSP violation and no console
 * error, and no request leaves the origin.
 */
import { describe, expect, it } from 'vitest';
import { foreignRequests, open, useBrowser } from './browser';
import { builtPages } from './pages';

const browser = useBrowser();
// Every prerendered page in build/ (./pages), so a new page is covered without editing a list.
const PAGES = builtPages();

function directives(csp: string): Record<string, string[]> {
	return Object.fromEntries(
		csp.split(';').map((d) => d.trim().split(/\s+/)).filter((parts) => parts[0]).map(([name, ...values]) => [name, values])
	);
}

describe('security', () => {
	for (const path of PAGES) {
		it(`${path}: strict CSP, no violation, no console error, no third-party request`, async () => {
			const s = await open(browser(), path);
			await s.page.waitForLoadState('networkidle');
			const csp = await s.page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
			expect(csp).toBeTruthy();
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
			expect(s.cspViolations).toEqual([]);
			expect(s.consoleErrors).toEqual([]);
			expect(foreignRequests(s.requests)).toEqual([]);
			await s.context.close();
		});
	}

	it('an inline script injected into the page is refused by the CSP', async () => {
		const s = await open(browser(), '/');
		const ran = await s.page.evaluate(() => {
			(window as unknown as { __ran?: boolean }).__ran = false;
			const el = document.createElement('script');
			el.textContent = 'window.__ran = true';
			document.body.appendChild(el);
			return (window as unknown as { __ran?: boolean }).__ran;
		});
		expect(ran).toBe(false);
		await s.context.close();
	});
});

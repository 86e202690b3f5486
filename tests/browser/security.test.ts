/**
 * The site's CSP refuses what it should: an inline script injected into a page does not run.
 * That every page carries a strict policy, and runs under it with no violation, console error or
 * third-party request, is checked page by page in every-page.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { open, useBrowser } from './browser';

const browser = useBrowser();

describe('security', () => {
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

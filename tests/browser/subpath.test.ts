/**
 * Deployed under a sub-path (paths.base): every page, asset, data file and the DuckDB engine load
 * from under it, and in-site links stay under it. scripts/test.mjs builds this copy with
 * BASE_PATH=/rough-sleeping; to run this file alone, build it the same way first:
 *   BASE_PATH=/rough-sleeping BUILD_DIR=.svelte-kit/build-subpath npx vite build
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser';

const browser = useBrowser();

describe('deployed under a sub-path', () => {
	it('serves every page and the engine from under /rough-sleeping/, with links that stay there', async () => {
		const url = inject('subpathUrl');
		expect(url, 'no sub-path build: see the comment at the top of this file').toMatch(/\/rough-sleeping\/$/);
		const context = await browser().newContext();
		const page = await context.newPage();
		const requests: string[] = [];
		const failures: string[] = [];
		context.on('request', (r) => requests.push(r.url()));
		page.on('response', (r) => r.status() >= 400 && failures.push(`${r.status()} ${r.url()}`));
		await page.goto(url, { waitUntil: 'networkidle' });

		await page.locator('nav.switcher a[data-area="E08000028"]').click();
		await page.locator('[data-area-code="E08000028"] #chart-snapshot').waitFor({ timeout: 90_000 });
		expect(page.url()).toBe(new URL('areas/E08000028/', url).href);
		// The embed snippet points under the sub-path, with the site's full address.
		const snippet = (await page.locator('#chart-snapshot .cf-embed pre').textContent())!;
		expect(snippet).toContain(`src="${url}embed/indicators/snapshot_single_night/?`);

		const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		const origin = new URL(url).origin;
		const inSite = links.filter((h) => h.startsWith(origin));
		expect(inSite.length).toBeGreaterThan(0);
		expect(inSite.filter((h) => !h.startsWith(url.replace(/\/$/, '')))).toEqual([]);

		await page.getByRole('link', { name: 'Methodology' }).first().click();
		await page.waitForURL(/\/rough-sleeping\/methodology$/);
		await page.goto(new URL('workbench', url).href, { waitUntil: 'networkidle' });
		// The engine starts from under the sub-path too.
		await page.getByRole('button', { name: 'Run the queries in this browser' }).click();
		await page.locator('[data-status="done"], [data-status="failed"]').waitFor({ timeout: 90_000 });
		expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('done');

		// Pages of both kinds opened directly, so every relative asset path is resolved from the
		// page's own URL: x/index.html at x/ (an indicator, an area) and x.html at x (methodology).
		for (const path of ['indicators/rs_month/', 'areas/E08000025/', 'methodology']) {
			const response = await page.goto(new URL(path, url).href, { waitUntil: 'networkidle' });
			expect(response?.request().redirectedFrom() ?? null, path).toBeNull();
			expect(await page.evaluate(() => document.styleSheets.length), path).toBeGreaterThan(0);
			expect(await page.locator('main figure svg').count(), path).toBeGreaterThanOrEqual(path === 'methodology' ? 0 : 1);
		}

		expect(failures).toEqual([]);
		const sameOrigin = requests.filter((r) => r.startsWith(origin));
		expect(sameOrigin.filter((r) => !new URL(r).pathname.startsWith('/rough-sleeping/'))).toEqual([]);
		expect(requests.some((r) => /\/rough-sleeping\/_app\/immutable\/assets\/duckdb-(mvp|eh)\.[\w-]+\.wasm$/.test(r))).toBe(true);
		await context.close();
	});
});

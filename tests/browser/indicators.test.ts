/**
 * Indicator pages and the map, in a real browser against the built site. The list of pages is read
 * from data/indicators.csv (not from the app), so a new indicator is covered without editing this file.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { baseUrl, open, useBrowser } from './browser';
import { axeViolations } from './axe';

const browser = useBrowser();
const csv = (file: string) => Papa.parse<Record<string, string>>(readFileSync(`data/${file}`, 'utf8'), { header: true, skipEmptyLines: true }).data;
const INDICATORS = csv('indicators.csv').map((r) => r.indicator_id);
const AUTHORITIES = csv('areas.csv').filter((r) => r.area_type === 'local_authority');
const SNAPSHOT = '/indicators/snapshot_single_night/';

describe('indicator pages', () => {
	it(`with JavaScript off, every one of the ${INDICATORS.length} indicators has a page with a chart (SVG) and a data table`, async () => {
		expect(INDICATORS.length).toBeGreaterThan(30);
		const context = await browser().newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const missing: string[] = [];
		for (const id of INDICATORS) {
			const response = await page.goto(new URL(`indicators/${id}/`, baseUrl()).href);
			// Served at /indicators/{id}/ itself (a folder with index.html), not redirected away from it.
			const ok = response?.status() === 200 && response.request().redirectedFrom() === null && page.url().endsWith(`/indicators/${id}/`);
			const charts = await page.locator('main figure svg[data-chart-svg]').count();
			const tables = await page.locator('main table tbody tr').count();
			const heading = await page.locator('h1').textContent();
			const name = csv('indicators.csv').find((r) => r.indicator_id === id)!.name;
			if (!ok || charts === 0 || tables === 0 || heading?.trim() !== name) missing.push(`${id}: status ${response?.status()}, ${charts} charts, ${tables} table rows, h1 ${heading}`);
		}
		expect(missing).toEqual([]);
		await context.close();
	});

	it('with JavaScript off, the map has seven focusable districts, each named with its figure, in the order Tab visits them', async () => {
		const s = await open(browser(), SNAPSHOT, { javaScriptEnabled: false });
		const districts = s.page.locator('#map-latest svg .district');
		expect(await districts.count()).toBe(7);
		const names = await districts.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
		expect(names.map((n) => n.split(':')[0]).sort()).toEqual(AUTHORITIES.map((a) => a.area_name).sort());
		for (const name of names) expect(name).toMatch(/^[A-Za-z ]+: (\d[\d,.]* (people|person|per 100,000)|\[x\] not available)/);
		// The names say the figure the table beside the map gives.
		const table = await s.page.locator('#map-latest table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')));
		for (const [area, value] of table) expect(names).toContainEqual(expect.stringMatching(new RegExp(`^${area}: ${value === '[x]' ? '\\[x\\]' : value.replace('.', '\\.')}`)));

		// Tab from the element before the map visits the seven districts in turn, each with a focus ring.
		await s.page.locator('#map-latest').evaluate((el) => {
			const before = document.createElement('button');
			before.id = 'before-map';
			el.prepend(before);
			before.focus();
		});
		const visited: string[] = [];
		for (let i = 0; i < 7; i++) {
			await s.page.keyboard.press('Tab');
			visited.push(await s.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''));
		}
		expect(visited).toEqual(names);
		const ring = await s.page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('.ring-outer')!).stroke);
		expect(ring).toBe('rgb(255, 221, 0)');
		await s.context.close();
	});

	it('the autumn snapshot page: Coventry’s count of 23 in autumn 2019 is in the data table; rates say their denominator', async () => {
		const s = await open(browser(), SNAPSHOT, { javaScriptEnabled: false });
		const rows = await s.page.locator('#chart-authorities table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')));
		const coventry2019 = rows.find((r) => r[0] === 'Coventry' && r[1] === 'Autumn 2019');
		const official = csv('observations.csv').find((r) => r.indicator_id === 'snapshot_single_night' && r.area_code === 'E08000026' && r.period === '2019')!;
		expect(official.value).toBe('23');
		expect(coventry2019?.[2]).toBe('23');
		// With JavaScript off the charts show rates, and the table gives the rate beside the count.
		expect(coventry2019?.[3]).toMatch(/^\d+\.\d$/);
		expect(await s.page.locator('#chart-latest .denominator').textContent()).toMatch(/mid-2024/);
		await s.context.close();
	});

	it('with JavaScript on, the y-axis choice changes the small multiples’ scales, and counts and rates switch', async () => {
		const s = await open(browser(), SNAPSHOT);
		await s.page.waitForLoadState('networkidle');
		const ticks = () =>
			s.page.locator('#chart-authorities .panel').evaluateAll((panels) =>
				panels.map((p) => {
					const texts = [...p.querySelectorAll('svg[data-chart-svg] text')].map((t) => t.textContent ?? '');
					return texts.filter((t) => /^[\d,.]+$/.test(t) && !/^20\d\d$/.test(t)).map(Number);
				})
			);
		const shared = await ticks();
		const tops = (t: number[][]) => t.map((panel) => Math.max(...panel));
		expect(new Set(tops(shared)).size).toBe(1);
		await s.page.getByLabel('Each its own (compare shapes)').check();
		await s.page.locator('#chart-authorities [data-scale="independent"]').waitFor();
		const own = await ticks();
		expect(new Set(tops(own)).size).toBeGreaterThan(1);

		// Counts of people instead of rates: Birmingham's largest count is far above any rate.
		const before = await s.page.locator('#chart-latest table tbody').textContent();
		await s.page.getByLabel('Counts of people').check();
		await expect.poll(() => s.page.locator('#chart-over-time h3').textContent()).not.toContain('per 100,000');
		expect(await s.page.locator('#chart-latest .denominator').count()).toBe(0);
		// The table holds both measures either way.
		expect(await s.page.locator('#chart-latest table tbody').textContent()).toBe(before);
		expect(s.requests.filter((u) => u.endsWith('.wasm'))).toEqual([]);
		expect(s.consoleErrors).toEqual([]);
		await s.context.close();
	});

	it('arrow keys move between neighbouring districts', async () => {
		const s = await open(browser(), SNAPSHOT);
		await s.page.waitForLoadState('networkidle');
		await s.page.locator('#map-latest .district[data-area-code="E08000031"]').focus();
		await s.page.keyboard.press('ArrowRight');
		// East of Wolverhampton is Walsall.
		expect(await s.page.evaluate(() => document.activeElement?.getAttribute('data-area-code'))).toBe('E08000030');
		await s.context.close();
	});

	it('labels illustrative figures as such, and the first figure on the page is not illustrative', async () => {
		const s = await open(browser(), '/indicators/rs_month/', { javaScriptEnabled: false });
		expect(await s.page.getByText('Illustrative data', { exact: true }).count()).toBeGreaterThanOrEqual(3);
		expect(await s.page.locator('.key-figure .figure-source').textContent()).toMatch(/^Management information/);
		await s.context.close();
	});

	// At 1280px every page is checked by every-page.test.ts; the snapshot's page (annual, not the
	// monthly template a11y.test.ts checks at 320px) is checked narrow here.
	it('axe finds no violations on the snapshot indicator page at 320px, and nothing scrolls sideways', async () => {
		const s = await open(browser(), SNAPSHOT, { width: 320, height: 800 });
		expect(await axeViolations(s.page)).toEqual([]);
		expect(await s.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
		await s.context.close();
	});
});

/**
 * The public overview in a real browser, against the built site.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { foreignRequests, open, useBrowser } from './browser';

const browser = useBrowser();

/** Rows of a chart's data table, as arrays of cell texts (header row excluded). */
async function tableRows(page: Page, chartId: string): Promise<string[][]> {
	return page.locator(`#${chartId} table tbody tr`).evaluateAll((trs) =>
		trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()))
	);
}

/** The official autumn figures for one authority, read from the data file (not from the app). */
function officialSnapshot(areaCode: string, year: string): string {
	const rows = Papa.parse<Record<string, string>>(readFileSync('data/observations.csv', 'utf8'), { header: true }).data;
	return rows.find((r) => r.indicator_id === 'snapshot_single_night' && r.area_code === areaCode && r.period === year)!.value;
}

describe('overview page', () => {
	it('with JavaScript off: the narrative, at least six charts as SVG, and the WMCA snapshot table (169 in 2018, 115 in 2019)', async () => {
		const s = await open(browser(), '/', { javaScriptEnabled: false });
		const main = s.page.locator('main');
		await expect(main.getByRole('heading', { name: 'Rough Sleeping', exact: true }).count()).resolves.toBe(1);
		await expect(main.getByRole('heading', { name: 'Housing First', exact: true }).count()).resolves.toBe(1);
		expect(await main.textContent()).toContain('one of five early adopter areas');
		expect(await s.page.locator('figure svg').count()).toBeGreaterThanOrEqual(6);
		const rows = await tableRows(s.page, 'chart-snapshot');
		const row = (year: string) => rows.find((r) => r[0].includes(year));
		expect(row('2018')?.[1]).toBe('169');
		expect(row('2019')?.[1]).toBe('115');
		// A year with an unknown authority is [x], never 0.
		expect(row('2022')?.[1]).toBe('[x]');
		// Resource placeholders are titles, not links.
		const resources = s.page.locator('section:has(#resources-heading)');
		expect(await resources.locator('li').count()).toBe(4);
		expect(await resources.locator('li a').count()).toBe(0);
		// Illustrative figures are labelled.
		expect(await s.page.getByText('Illustrative data', { exact: true }).count()).toBeGreaterThanOrEqual(4);
		expect(s.requests.filter((u) => u.endsWith('.wasm'))).toEqual([]);
		await s.context.close();
	});

	it('with JavaScript on: no wasm before interaction; switching to Birmingham shows its autumn 2019 snapshot from the browser engine', async () => {
		const s = await open(browser(), '/');
		await s.page.waitForLoadState('networkidle');
		expect(s.requests.filter((u) => u.endsWith('.wasm'))).toEqual([]);
		expect(s.requests.filter((u) => /duckdb/.test(u))).toEqual([]);

		await s.page.focus('#area-select');
		await s.page.selectOption('#area-select', 'E08000025');
		await s.page.locator('[data-area-code="E08000025"] #chart-snapshot').waitFor({ timeout: 90_000 });
		expect(s.requests.some((u) => /duckdb-(mvp|eh)\.[\w-]+\.wasm$/.test(u))).toBe(true);
		const rows = await tableRows(s.page, 'chart-snapshot');
		const expected2019 = officialSnapshot('E08000025', '2019');
		expect(expected2019).toBe('52');
		expect(rows.find((r) => r[0].includes('2019'))?.[1]).toBe(expected2019);
		expect(await s.page.locator('#scorecard-heading').textContent()).toContain('Birmingham');
		expect(await s.page.locator('#area-status').textContent()).toContain('Showing Birmingham');
		// The switcher kept keyboard focus while the engine started.
		expect(await s.page.evaluate(() => document.activeElement?.id)).toBe('area-select');
		expect(foreignRequests(s.requests)).toEqual([]);
		expect(s.cspViolations).toEqual([]);
		expect(s.consoleErrors).toEqual([]);
		await s.context.close();
	});

	it('downloads: the CSV is exactly the table shown, with markers; SVG and PNG are real files', async () => {
		const s = await open(browser(), '/');
		const frame = s.page.locator('#chart-snapshot');

		const [csvDownload] = await Promise.all([
			s.page.waitForEvent('download'),
			frame.getByRole('link', { name: /Data \(CSV\)/ }).click()
		]);
		const csv = readFileSync((await csvDownload.path())!, 'utf8').replace(/^\uFEFF/, '');
		const parsed = Papa.parse<string[]>(csv.trim()).data;
		const header = parsed[0];
		expect(header.length).toBeGreaterThan(2);
		const body = parsed.slice(1);
		// Every year 2010 to 2025 is a row; the WMCA 2018 and 2019 values are the official sums.
		const wmcaValue = header.findIndex((h) => /West Midlands Combined Authority/.test(h) && !/marker/i.test(h));
		expect(wmcaValue).toBeGreaterThan(0);
		const byYear = (y: string) => body.find((r) => r[0].includes(y))!;
		expect(byYear('2018')[wmcaValue]).toBe('169');
		expect(byYear('2019')[wmcaValue]).toBe('115');
		// A missing figure is empty with an x marker, never 0.
		expect(byYear('2022')[wmcaValue]).toBe('');
		expect(byYear('2022').join(',')).toMatch(/\bx\b/);
		expect(body.length).toBe(16);

		const [svgDownload] = await Promise.all([s.page.waitForEvent('download'), frame.getByRole('button', { name: /Chart \(SVG\)/ }).click()]);
		const svg = readFileSync((await svgDownload.path())!, 'utf8');
		expect(svg).toMatch(/^<\?xml|^<svg/);
		expect(svg).toContain('</svg>');
		expect(svg).toContain('England');

		const [pngDownload] = await Promise.all([s.page.waitForEvent('download'), frame.getByRole('button', { name: /Chart \(PNG\)/ }).click()]);
		const png = readFileSync((await pngDownload.path())!);
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(png.length).toBeGreaterThan(1000);
		expect(s.cspViolations).toEqual([]);
		await s.context.close();
	});

	it('every chart on the page offers a CSV whose rows match its table', async () => {
		const s = await open(browser(), '/', { javaScriptEnabled: false });
		const ids = await s.page.locator('.chart-frame').evaluateAll((els) => els.map((e) => e.id));
		expect(ids.length).toBeGreaterThanOrEqual(6);
		for (const id of ids) {
			const href = await s.page.locator(`#${id} a[download]`).getAttribute('href');
			expect(href?.startsWith('data:text/csv')).toBe(true);
			const text = decodeURIComponent(href!.slice(href!.indexOf(',') + 1)).replace(/^\uFEFF/, '');
			const csvRows = Papa.parse<string[]>(text.trim()).data.slice(1);
			const tableRowCount = await s.page.locator(`#${id} table tbody tr`).count();
			expect(csvRows.length, id).toBe(tableRowCount);
		}
		await s.context.close();
	});
});

describe('methodology page', () => {
	it('states every indicator definition, the sources with kind and licence, the GSS key and what illustrative means', async () => {
		const s = await open(browser(), '/methodology', { javaScriptEnabled: false });
		const indicators = Papa.parse<Record<string, string>>(readFileSync('data/indicators.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
		for (const ind of indicators) {
			expect(await s.page.locator(`#indicator-${ind.indicator_id}`).count(), ind.indicator_id).toBe(1);
		}
		const text = (await s.page.locator('main').textContent()) ?? '';
		expect(text).toContain('Open Government Licence v3.0');
		expect(text).toMatch(/Illustrative \(generated, not real data\)/);
		for (const symbol of ['[x]', '[c]', '[z]', '[p]', '[r]', '[e]', '[u]']) expect(text).toContain(symbol);
		expect(await s.page.locator('#illustrative').count()).toBe(1);
		await s.context.close();
	});
});

describe('area switcher when the engine cannot start', () => {
	it('says so, shows the area the figures are for, and a second try works', async () => {
		const s = await open(browser(), '/');
		await s.page.waitForLoadState('networkidle');
		// Break the first start: the data snapshot (Arrow files) cannot be fetched.
		await s.context.route(/\.arrow$/, (route) => route.abort());
		await s.page.selectOption('#area-select', 'E08000026');
		await s.page.getByText('Could not load the figures').waitFor({ timeout: 60_000 });
		expect(await s.page.locator('#area-select').inputValue()).toBe('E47000007');
		expect(await s.page.locator('#scorecard-heading').textContent()).toContain('West Midlands Combined Authority');
		// Mend the network and choose again: the engine starts afresh.
		await s.context.unroute(/\.arrow$/);
		await s.page.selectOption('#area-select', 'E08000026');
		await s.page.locator('[data-area-code="E08000026"] #chart-snapshot').waitFor({ timeout: 90_000 });
		expect(await s.page.locator('#scorecard-heading').textContent()).toContain('Coventry');
		await s.context.close();
	});
});

describe('chart tooltips by keyboard', () => {
	it('Tab reaches a chart point; arrow keys move along the series; the tooltip shows the value; Escape hides it', async () => {
		const s = await open(browser(), '/');
		await s.page.waitForLoadState('networkidle'); // hydrated: the points have their handlers
		const chart = s.page.locator('#chart-pillar-rare');
		const first = chart.locator('[role="img"][tabindex="0"]');
		expect(await first.count()).toBe(1);
		await first.focus();
		const label1 = await s.page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
		// "Month: N people": a period in words and a number, never empty.
		expect(label1).toMatch(/^[A-Z][a-z]+ \d{4}.*\d/);
		const tooltip = chart.locator('g.tooltip');
		expect(await tooltip.textContent()).toContain(label1!.split(':')[0]);
		await s.page.keyboard.press('ArrowRight');
		const label2 = await s.page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
		expect(label2).not.toBe(label1);
		expect(await chart.locator('[role="img"][tabindex="0"]').getAttribute('aria-label')).toBe(label2);
		expect(await tooltip.textContent()).toContain(label2!.split(':')[0]);
		await s.page.keyboard.press('Escape');
		expect(await tooltip.count()).toBe(0);
		await s.context.close();
	});
});

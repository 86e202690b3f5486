/**
 * The public overview in a real browser, against the built site.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { foreignRequests, open, readTable, useBrowser } from './browser';
import { WMCA_CODE, currentObservations, officialObservation, readCsv, wmcaAuthorityCodes, type Row } from '../data-files';

const browser = useBrowser();

const rowsOf = async (page: Page, chartId: string) => (await readTable(page, chartId)).rows;

/** A table cell ("1,234", "8.7", "16%", "£9.6 million", "300 [e]", "[x]") as its number, decimals shown and markers. */
function parseCell(text: string): { value: number | null; decimals: number; markers: string[] } {
	const markers = [...text.matchAll(/\[([a-z])\]/g)].map((m) => m[1]).sort();
	const number = text.replace(/\[[a-z]\]/g, '').replace(/[£%,]|million/g, '').replace('\u2212', '-').trim();
	return { value: number === '' ? null : Number(number), decimals: number.split('.')[1]?.length ?? 0, markers };
}
/** Marker letters of a CSV or data file field ("e", "x u"), sorted; "x" added for a missing value. */
function markerLetters(value: string, marker: string): string[] {
	const letters = marker.split(/\s+/).filter(Boolean);
	if (value === '' && !letters.some((m) => ['x', 'c', 'z'].includes(m))) letters.push('x');
	return letters.sort();
}
const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;

// What each chart shows, computed from data/ here (not through the app's SQL or page code).
// With r where a later edition revised the figure (worked out in plain TypeScript: tests/data-files).
const observations = currentObservations();
const areaCodeOf = new Map(readCsv('areas.csv').map((a) => [a.area_name, a.area_code]));
const indicatorOf = new Map(readCsv('indicators.csv').map((i) => [i.short_name, i.indicator_id]));
/** Series labels on the overview that are neither an indicator's short name nor an area's name. */
const SERIES_INDICATOR: Record<string, string> = { 'People housed (cumulative)': 'hf_people_housed' };
const observation = (indicator: string, area: string, period: string) =>
	observations.find((o) => o.indicator_id === indicator && o.area_code === area && o.period === period);
const populations = readCsv('denominators.csv').filter((d) => d.measure === 'population');
/** The population of the year nearest to `year` held for an area (the later year on a tie). */
function population(area: string, year: number): number {
	const distance = (d: Row) => Math.abs(Number(d.year) - year);
	const held = populations.filter((d) => d.area_code === area).sort((a, b) => distance(a) - distance(b) || Number(b.year) - Number(a.year));
	return Number(held[0].value);
}
/** The latest autumn for which data/ holds any authority's snapshot count: the year of the by-authority bars. */
const authorities = new Set(wmcaAuthorityCodes());
const latestSnapshotYear = String(
	Math.max(...observations.filter((o) => o.indicator_id === 'snapshot_single_night' && o.value !== '' && authorities.has(o.area_code)).map((o) => Number(o.period)))
);

/**
 * The value and markers data/ gives for one value cell of a chart's CSV: a series column named
 * for an indicator (at the WMCA, the area the page is prerendered for) or for an area (its autumn
 * snapshot); or a bar of an authority (its latest snapshot count, or that count per 100,000 of
 * the population of the nearest year held).
 */
function fromData(header: string[], column: number, row: string[]): { value: number | null; markers: string[]; tolerance: number } {
	const label = header[column].replace(/ \([^()]*\)$/, '');
	if (header[0] === 'period') {
		const area = areaCodeOf.get(label) ?? WMCA_CODE;
		const indicator = areaCodeOf.has(label) ? 'snapshot_single_night' : (SERIES_INDICATOR[label] ?? indicatorOf.get(label));
		expect(indicator, `series "${label}" traced to an indicator`).toBeDefined();
		const o = observation(indicator!, area, row[0]);
		return { value: o && o.value !== '' ? Number(o.value) : null, markers: markerLetters(o?.value ?? '', o?.marker ?? ''), tolerance: 0 };
	}
	const area = areaCodeOf.get(row[0]);
	expect(area, `bar "${row[0]}" is an area`).toBeDefined();
	const o = observation('snapshot_single_night', area!, latestSnapshotYear);
	const count = o && o.value !== '' ? Number(o.value) : null;
	const markers = markerLetters(o?.value ?? '', o?.marker ?? '');
	if (!/per 100,000/i.test(header[column])) return { value: count, markers, tolerance: 0 };
	const rate = count === null ? null : (count / population(area!, Number(latestSnapshotYear))) * 100000;
	return { value: rate, markers, tolerance: 0.05 };
}

describe('overview page', () => {
	it('with JavaScript off: the narrative, at least six charts as SVG, and the WMCA snapshot table (169 in 2018, 115 in 2019)', async () => {
		const s = await open(browser(), '/', { javaScriptEnabled: false });
		const main = s.page.locator('main');
		await expect(main.getByRole('heading', { name: 'Rough Sleeping', exact: true }).count()).resolves.toBe(1);
		await expect(main.getByRole('heading', { name: 'Housing First', exact: true }).count()).resolves.toBe(1);
		expect(await main.textContent()).toContain('one of five early adopter areas');
		expect(await s.page.locator('figure svg').count()).toBeGreaterThanOrEqual(6);
		const rows = await rowsOf(s.page, 'chart-snapshot');
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

	it('with JavaScript on: no wasm before interaction; choosing Birmingham shows its autumn 2019 snapshot, still without DuckDB', async () => {
		const s = await open(browser(), '/');
		await s.page.waitForLoadState('networkidle');
		expect(s.requests.filter((u) => u.endsWith('.wasm'))).toEqual([]);
		expect(s.requests.filter((u) => /duckdb/.test(u))).toEqual([]);

		await s.page.locator('nav.switcher a[data-area="E08000025"]').click();
		await s.page.locator('[data-area-code="E08000025"] #chart-snapshot').waitFor({ timeout: 30_000 });
		const rows = await rowsOf(s.page, 'chart-snapshot');
		const expected2019 = officialObservation('snapshot_single_night', 'E08000025', '2019')!.value;
		expect(expected2019).toBe('52');
		expect(rows.find((r) => r[0].includes('2019'))?.[1]).toBe(expected2019);
		expect(await s.page.locator('#scorecard-heading').textContent()).toContain('Birmingham');
		expect(new URL(s.page.url()).pathname).toBe('/areas/E08000025/');
		// The figures were prerendered: the switch fetched no engine and no data file.
		expect(s.requests.filter((u) => /\.wasm$|\.csv$|\.arrow$|duckdb/.test(u))).toEqual([]);
		// The chosen link kept keyboard focus.
		expect(await s.page.evaluate(() => document.activeElement?.getAttribute('data-area'))).toBe('E08000025');
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

	it('every chart on the page offers a CSV whose values are its table’s, and are the figures in data/', async () => {
		const s = await open(browser(), '/', { javaScriptEnabled: false });
		const ids = await s.page.locator('.chart-frame').evaluateAll((els) => els.map((e) => e.id));
		expect(ids.length).toBeGreaterThanOrEqual(6);
		for (const id of ids) {
			const href = await s.page.locator(`#${id} a[download]`).getAttribute('href');
			expect(href?.startsWith('data:text/csv')).toBe(true);
			const text = decodeURIComponent(href!.slice(href!.indexOf(',') + 1)).replace(/^\uFEFF/, '');
			const [header, ...csvRows] = Papa.parse<string[]>(text.trim()).data;
			const table = await rowsOf(s.page, id);
			expect(csvRows.length, id).toBe(table.length);
			// Series: period, its words, then a value and a marker column per series. Bars: label, value, marker.
			// Provenance columns (source_id, source_kind, source_published, cell, population, population_year) follow.
			const series = header[0] === 'period';
			const valueColumns = header
				.map((_, i) => i)
				.filter((i) => i >= (series ? 2 : 1) && !/(marker|source_id|source_kind|source_published|cell|population|population_year)$/.test(header[i]));
			expect(valueColumns.length, id).toBeGreaterThan(0);
			csvRows.forEach((row, r) => {
				const where = `${id} row ${r + 1}`;
				expect(table[r][0], where).toBe(series ? row[1] : row[0]);
				valueColumns.forEach((c, k) => {
					const cell = parseCell(table[r][k + 1]);
					const csvValue = row[c] === '' ? null : Number(row[c]);
					const csvMarkers = markerLetters(row[c], row[c + 1]);
					// The table shows the CSV's figure, rounded as displayed, with the same markers.
					expect(cell.markers, `${where}: ${header[c]}`).toEqual(csvMarkers);
					expect(cell.value, `${where}: ${header[c]}`).toBe(csvValue === null ? null : round(csvValue, cell.decimals));
					// And the CSV's figure is data/'s.
					const expected = fromData(header, c, row);
					expect(csvMarkers, `${where}: ${header[c]} markers from data/`).toEqual(expected.markers);
					if (expected.value === null || csvValue === null) expect(csvValue, `${where}: ${header[c]}`).toBe(expected.value);
					else expect(Math.abs(csvValue - expected.value), `${where}: ${header[c]} = ${csvValue}, data/ gives ${expected.value}`).toBeLessThanOrEqual(expected.tolerance);
				});
			});
		}
		await s.context.close();
	});
});

describe('the cell of each published figure', () => {
	it('an area page names, with JavaScript off, the cell data/provenance/observation_cells.csv gives each figure, in its table and its CSV', async () => {
		const cells = readCsv('provenance/observation_cells.csv').filter((c) => c.indicator_id === 'snapshot_single_night' && c.area_code === 'E08000026');
		expect(cells.length).toBeGreaterThan(0);
		const s = await open(browser(), '/areas/E08000026/', { javaScriptEnabled: false });
		const { header, rows } = await readTable(s.page, 'chart-snapshot');
		const about = header.indexOf('About the Coventry figure');
		const href = (await s.page.locator('#chart-snapshot a[download]').getAttribute('href'))!;
		const csv = Papa.parse<Record<string, string>>(decodeURIComponent(href.slice(href.indexOf(',') + 1)).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
		for (const c of cells) {
			const row = rows.find((r) => r[0] === `Autumn ${c.period}`);
			expect(row?.[about], c.period).toContain(`, cell ${c.cell}.`);
			expect(csv.find((r) => r.period === c.period)?.['Coventry cell'], c.period).toBe(c.cell);
		}
		// A figure typed in by hand (autumn 2025) names no cell.
		expect(rows.find((r) => r[0] === 'Autumn 2025')?.[about]).not.toContain('cell');
		expect(csv.find((r) => r.period === '2025')?.['Coventry cell']).toBe('');
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

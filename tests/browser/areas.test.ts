/**
 * The area pages and what every chart carries, in a real browser against the built site:
 * /areas/{code}/ with JavaScript off; the switcher with JavaScript on (no DuckDB, back and
 * forward); the first figure on every overview page is official; "View the SQL" is the query
 * that really produced the table; the embed snippet; provenance in the tooltip and the CSV;
 * annotation labels clear of each other and of the data labels at 320 and 1280 px.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { baseUrl, foreignRequests, open, useBrowser } from './browser';
import { builtPages, overviewPages } from './pages';
import { createNodeEngine } from '../../src/lib/data/engine-node';
import { loadDataFiles } from '../../src/lib/data/database';
import { readDataDir } from '../../src/lib/server/db';

const browser = useBrowser();

const csvRows = (file: string) =>
	Papa.parse<Record<string, string>>(readFileSync(`data/${file}`, 'utf8'), { header: true, skipEmptyLines: true }).data;

/** Rows of a chart's data table, as arrays of cell texts (header row excluded). */
const tableRows = (page: Page, chartId: string): Promise<string[][]> =>
	page.locator(`#${chartId} table tbody tr`).evaluateAll((trs) =>
		trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()))
	);

/** The CSV behind a chart's download link, parsed (header row first). */
async function chartCsv(page: Page, chartId: string): Promise<string[][]> {
	const href = (await page.locator(`#${chartId} a[download]`).getAttribute('href'))!;
	const text = decodeURIComponent(href.slice(href.indexOf(',') + 1)).replace(/^\uFEFF/, '');
	return Papa.parse<string[]>(text.trim()).data;
}

describe('area pages', () => {
	it('the build holds a page for WMCA and each of its authorities in areas.csv, and nothing else under /areas/', () => {
		const expected = csvRows('areas.csv')
			.filter((a) => a.area_code === 'E47000007' || a.parent_code === 'E47000007')
			.map((a) => `/areas/${a.area_code}/`)
			.sort();
		expect(expected).toHaveLength(8);
		expect(builtPages().filter((p) => p.startsWith('/areas/'))).toEqual(expected);
	});

	it("with JavaScript off: /areas/E08000026/ shows Coventry's autumn 2019 snapshot (23) in its table, and links to every area", async () => {
		const s = await open(browser(), '/areas/E08000026/', { javaScriptEnabled: false });
		expect(await s.page.locator('h1').textContent()).toContain('Coventry');
		const rows = await tableRows(s.page, 'chart-snapshot');
		const header = await s.page.locator('#chart-snapshot table thead th').allTextContents();
		expect(header[1]).toBe('Coventry');
		const row2019 = rows.find((r) => r[0] === 'Autumn 2019');
		const official = csvRows('observations.csv').find(
			(r) => r.indicator_id === 'snapshot_single_night' && r.area_code === 'E08000026' && r.period === '2019'
		)!.value;
		expect(official).toBe('23');
		expect(row2019?.[1]).toBe('23');
		// The switcher is a list of links to every area page, the current one marked.
		const links = s.page.locator('nav.switcher a');
		expect(await links.count()).toBe(8);
		expect(await s.page.locator('nav.switcher a[aria-current="page"]').textContent()).toBe('Coventry');
		expect(s.requests.filter((u) => u.endsWith('.wasm'))).toEqual([]);
		await s.context.close();
	});

	it('with JavaScript on: the switcher navigates with no .wasm or CSV request, keeps focus and scroll; back and forward restore the area', async () => {
		const s = await open(browser(), '/areas/E08000026/');
		await s.page.waitForLoadState('networkidle');
		await s.page.locator('nav.switcher').scrollIntoViewIfNeeded();
		await s.page.evaluate(() => window.scrollBy(0, 120));
		const scrollBefore = await s.page.evaluate(() => window.scrollY);
		await s.page.locator('nav.switcher a[data-area="E08000029"]').focus();
		await s.page.keyboard.press('Enter');
		await s.page.locator('[data-area-code="E08000029"] #chart-snapshot').waitFor({ timeout: 30_000 });
		expect(new URL(s.page.url()).pathname).toBe('/areas/E08000029/');
		expect(await s.page.locator('h1').textContent()).toContain('Solihull');
		expect(await s.page.evaluate(() => document.activeElement?.getAttribute('data-area'))).toBe('E08000029');
		expect(Math.abs((await s.page.evaluate(() => window.scrollY)) - scrollBefore)).toBeLessThanOrEqual(2);
		expect(s.requests.filter((u) => /\.wasm$|\.csv$|\.arrow$|duckdb/.test(u))).toEqual([]);

		await s.page.goBack();
		await s.page.locator('[data-area-code="E08000026"] #chart-snapshot').waitFor({ timeout: 30_000 });
		expect(await s.page.locator('h1').textContent()).toContain('Coventry');
		expect((await tableRows(s.page, 'chart-snapshot')).find((r) => r[0] === 'Autumn 2019')?.[1]).toBe('23');
		await s.page.goForward();
		await s.page.locator('[data-area-code="E08000029"] #chart-snapshot').waitFor({ timeout: 30_000 });
		expect(s.requests.filter((u) => /\.wasm$|\.csv$/.test(u))).toEqual([]);
		expect(foreignRequests(s.requests)).toEqual([]);
		expect(s.consoleErrors).toEqual([]);
		await s.context.close();
	});

	it('on / and every /areas/*: the first number in the main content is from an official source', async () => {
		const pages = overviewPages();
		expect(pages.length).toBe(9);
		const context = await browser().newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		for (const path of pages) {
			await page.goto(new URL(path.replace(/^\//, ''), baseUrl()).href);
			const first = await page.evaluate(() => {
				const main = document.querySelector('main')!;
				const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
				for (let n = walker.nextNode(); n; n = walker.nextNode()) {
					const el = n.parentElement!;
					if (!/\d/.test(n.textContent ?? '') || el.closest('[aria-hidden="true"], script, style, .visually-hidden')) continue;
					return { text: n.textContent!.trim(), kind: el.closest('[data-source-kind]')?.getAttribute('data-source-kind') ?? '' };
				}
				return null;
			});
			expect(first, path).not.toBeNull();
			expect(first!.kind, `${path}: "${first!.text}"`).toBe('official_statistics');
			// The illustrative section comes after it and says what it is.
			const monthly = page.locator('#monthly-heading');
			expect(await monthly.textContent(), path).toMatch(/Illustrative/);
		}
		await context.close();
	});
});

describe('on every chart', () => {
	it('"View the SQL" shows the query that produced the table: run on the Node engine it gives the same figures', async () => {
		const s = await open(browser(), '/areas/E08000026/', { javaScriptEnabled: false });
		const sql = (await s.page.locator('#chart-snapshot .cf-sql pre').textContent())!;
		expect(sql).toContain("'E08000026,E92000001'");
		expect(sql).not.toContain('?');
		const node = await createNodeEngine();
		await loadDataFiles(node, readDataDir());
		const rows = await node.query<{ area_code: string; period: string; value: number | null }>(sql.trim().replace(/;$/, ''));
		await node.close();
		const table = await tableRows(s.page, 'chart-snapshot');
		const coventry = rows.filter((r) => r.area_code === 'E08000026');
		expect(coventry.length).toBe(table.length);
		for (const r of coventry) {
			const row = table.find((t) => t[0] === `Autumn ${r.period}`)!;
			expect(row[1]).toBe(r.value === null ? '[x]' : r.value.toLocaleString('en-GB'));
		}
		// Every chart on the page has the disclosure. The workbench link needs the console, which
		// needs JavaScript, so without it no chart offers the link (workbench-link.test.ts follows it).
		const frames = await s.page.locator('.chart-frame').count();
		expect(await s.page.locator('.chart-frame .cf-sql details').count()).toBe(frames);
		expect(await s.page.locator('.chart-frame a[href*="workbench"]').count()).toBe(0);
		// Without JavaScript the copy button is hidden (the text is selectable); the embed shows a path and a note.
		expect(await s.page.locator('#chart-snapshot .cf-sql button').isHidden()).toBe(true);
		const snippet = (await s.page.locator('#chart-snapshot .cf-embed pre').textContent())!;
		expect(snippet).toContain(
			'src="/embed/indicators/snapshot_single_night/?areas=E08000026,E92000001&amp;from=2010&amp;to=2025&amp;measure=count&amp;view=line"'
		);
		expect(await s.page.locator('#chart-snapshot .cf-embed .cf-note').count()).toBe(1);
		await s.context.close();
	});

	it('with JavaScript: the embed snippet uses the site address, and Copy puts it on the clipboard', async () => {
		const s = await open(browser(), '/areas/E08000026/');
		await s.page.waitForLoadState('networkidle');
		await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl()).origin });
		const embed = s.page.locator('#chart-authority-rates .cf-embed');
		await embed.locator('summary').click();
		const snippet = (await embed.locator('pre').textContent())!;
		const src = /src="([^"]+)"/.exec(snippet)![1].replaceAll('&amp;', '&');
		const url = new URL(src);
		expect(url.origin).toBe(new URL(baseUrl()).origin);
		expect(url.pathname).toBe('/embed/indicators/snapshot_single_night/');
		expect(url.searchParams.get('measure')).toBe('rate');
		expect(url.searchParams.get('view')).toBe('bars');
		expect(url.searchParams.get('areas')!.split(',')).toHaveLength(7);
		expect(await embed.locator('.cf-note').count()).toBe(0);
		await embed.getByRole('button', { name: 'Copy the embed code' }).click();
		expect(await s.page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
		await s.context.close();
	});

	it('the rate CSV carries source_id, source_kind, source_published, population and its year, matching data/', async () => {
		const s = await open(browser(), '/areas/E08000026/', { javaScriptEnabled: false });
		const [header, ...body] = await chartCsv(s.page, 'chart-authority-rates');
		for (const col of ['source_id', 'source_kind', 'source_published', 'population', 'population_year']) expect(header).toContain(col);
		const coventry = body.find((r) => r[0] === 'Coventry')!;
		const cell = (name: string) => coventry[header.indexOf(name)];
		const year = cell('population_year');
		const pop = csvRows('denominators.csv').find((r) => r.area_code === 'E08000026' && r.measure === 'population' && r.year === year)!;
		expect(cell('population')).toBe(pop.value);
		const source = csvRows('sources.csv').find((r) => r.source_id === cell('source_id'))!;
		expect(cell('source_kind')).toBe(source.kind);
		expect(cell('source_published')).toBe(source.published);
		// The rate is the count of the latest autumn over that population, per 100,000, to one decimal place.
		const snapshot = csvRows('observations.csv').filter((r) => r.indicator_id === 'snapshot_single_night');
		const latest = snapshot.filter((r) => r.area_code === 'E47000007' && r.value !== '').map((r) => r.period).sort().at(-1)!;
		const count = Number(snapshot.find((r) => r.area_code === 'E08000026' && r.period === latest)!.value);
		const valueColumn = header.findIndex((h) => /per 100,000/i.test(h));
		expect(Number(coventry[valueColumn])).toBeCloseTo(Math.round((count / Number(pop.value)) * 1e6) / 10, 5);
		// The data table says the same in words.
		const table = await tableRows(s.page, 'chart-authority-rates');
		const words = table.find((r) => r[0] === 'Coventry')!.at(-1)!;
		expect(words).toContain('Official statistics');
		expect(words).toContain(`mid-${year} population`);
		await s.context.close();
	});

	it('the tooltip of a monthly chart says where the figure comes from (illustrative, with its source)', async () => {
		const s = await open(browser(), '/');
		await s.page.waitForLoadState('networkidle');
		const point = s.page.locator('#chart-pillar-rare [role="img"][tabindex="0"]');
		await point.focus();
		const label = (await point.getAttribute('aria-label'))!;
		expect(label).toMatch(/Illustrative/);
		const tooltip = (await s.page.locator('#chart-pillar-rare g.tooltip').textContent())!;
		expect(tooltip).toMatch(/Illustrative/);
		await s.context.close();
	});

	for (const width of [320, 1280]) {
		it(`annotation labels overlap neither each other nor the data labels at ${width}px (measured with getBBox)`, async () => {
			const s = await open(browser(), '/', { width });
			await s.page.waitForLoadState('networkidle');
			const overlaps = await s.page.evaluate(() => {
				const found: string[] = [];
				for (const svg of document.querySelectorAll('svg[data-chart-svg]')) {
					const labels = [...svg.querySelectorAll<SVGTextElement>('.annotations text, .direct-labels text')];
					const boxes = labels.map((t) => ({ text: t.textContent, b: t.getBBox() }));
					for (let i = 0; i < boxes.length; i++)
						for (let j = i + 1; j < boxes.length; j++) {
							const [a, b] = [boxes[i].b, boxes[j].b];
							if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
								found.push(`${boxes[i].text} / ${boxes[j].text}`);
						}
				}
				return found;
			});
			const annotated = await s.page.locator('svg[data-chart-svg] .annotations text').count();
			expect(annotated).toBeGreaterThanOrEqual(2);
			expect(overlaps).toEqual([]);
			await s.context.close();
		});
	}
});

describe('every page with JavaScript off', () => {
	it('renders its heading, and every chart has its graphic, a table, a CSV, its SQL and an embed snippet (page list read from build/)', async () => {
		const context = await browser().newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		for (const path of builtPages()) {
			const response = await page.goto(new URL(path.replace(/^\//, ''), baseUrl()).href);
			expect(response?.status(), path).toBe(200);
			expect(await page.locator('main h1').count(), path).toBe(1);
			for (const id of await page.locator('.chart-frame').evaluateAll((els) => els.map((e) => e.id))) {
				expect(await page.locator(`#${id} svg`).count(), `${path} ${id}`).toBeGreaterThan(0);
				expect(await page.locator(`#${id} table tbody tr`).count(), `${path} ${id}`).toBeGreaterThan(0);
				expect(await page.locator(`#${id} a[download]`).getAttribute('href'), `${path} ${id}`).toMatch(/^data:text\/csv/);
				// Every chart carries its SQL and its embed snippet (the frame gives them).
				expect(await page.locator(`#${id} .cf-sql details pre`).count(), `${path} ${id}: SQL`).toBe(1);
				expect(await page.locator(`#${id} .cf-embed pre`).textContent(), `${path} ${id}: embed`).toMatch(/^<iframe src="\/embed\/indicators\/[a-z0-9_]+\/\?areas=/);
			}
		}
		await context.close();
	});
});

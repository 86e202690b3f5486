/**
 * Official spreadsheets in the workbench: a dropped .ods or .xlsx is imported in its worker and
 * previewed; the preview's counts and the downloaded observations CSV are those of the library
 * run here in Node on the same file (what `npm run import:official` gives), and a value is checked
 * by hand against the fixture's source. "Use" loads it as the user's dataset through the same path
 * as an observations CSV. A zip bomb is refused with the importer's message while the page keeps
 * answering, and nothing loads. Cancel ends a long import's worker, and the next import works.
 * The figures used on the dashboard show, under the banner, with the cell each was read from
 * (values and cells read off the fixture by hand). Every request is a body-less GET of this site's own files; the page
 * is CSP-clean and axe-clean with the preview on screen.
 */
import * as XLSX from '@e965/xlsx';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importCsvs } from '../../src/lib/import/csv';
import { importWorkbook, type ImportOptions } from '../../src/lib/import/import';
import { readGrids } from '../../src/lib/import/read';
import { entry, ods, odsCell, odsRow, zerosEntry, zip } from '../fixtures/import/hostile';
import { describeWithShared } from '../needs-shared';
import { axeViolations } from './axe';
import { baseUrl, notStaticGets, readTable, recordRequests, useBrowser, watchConsole } from './browser';

const browser = useBrowser();
const DIR = 'tests/fixtures/import';
const parse = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;

async function inNode(path: string, name: string, options: ImportOptions = {}) {
	return importWorkbook(await readGrids(new Uint8Array(readFileSync(path)), name, XLSX), name, options);
}

async function openWorkbench() {
	const context = await browser().newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
	const log = recordRequests(context);
	const page = await context.newPage();
	const csp: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
	});
	await page.goto(new URL('workbench', baseUrl()).href, { waitUntil: 'networkidle' });
	return { context, page, log, csp };
}

/** Choose `path` and wait for the preview (or a refusal); the import status at the end. */
async function choose(page: Page, path: string, published = '') {
	if (published) await page.fill('#import-published', published);
	await page.setInputFiles('#records-file', path);
	await page.locator('[data-import-status="preview"], [data-import-status="refused"], [data-import-status="failed"]').waitFor({ state: 'attached', timeout: 120_000 });
	return page.locator('[data-import-status]').getAttribute('data-import-status');
}

async function previewCounts(page: Page) {
	return page.locator('#import-counts tbody tr').evaluateAll((trs) =>
		trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim().replace(/,/g, '')))
	);
}

async function downloaded(page: Page): Promise<string> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#import-download').click()]);
	return readFileSync((await download.path())!, 'utf8');
}

describe('official spreadsheets in the workbench', () => {
	it.each([
		['snapshot-2025.ods', ''],
		['snapshot-2024.ods', '2025-02-27'],
		['framework.ods', '']
	])('%s: the preview and the download are what the library gives in Node', async (name, published) => {
		const expected = await inNode(join(DIR, name), name, published ? { published } : {});
		const { context, page, log, csp } = await openWorkbench();
		expect(await choose(page, join(DIR, name), published)).toBe('preview');
		expect(await previewCounts(page)).toEqual(
			expected.counts.map((c) => [c.indicator_id, String(c.rows), String(c.values), String(c.markers), String(c.revised)])
		);
		expect(await page.locator('#import-source-title').textContent()).toBe(expected.source.title);
		expect(await page.locator('#import-source-published').textContent()).toBe(published || expected.source.published);
		const csv = await downloaded(page);
		expect(csv).toBe(importCsvs(expected, { neutralise: true }).observations);
		if (name === 'snapshot-2025.ods') {
			// By hand: England 2010 is the fixture's formula =1700+68; the WMCA 2019 total is 52+23+4+10+6+6+14.
			const rows = parse(csv);
			expect(rows.find((r) => r.area_code === 'E92000001' && r.period === '2010')?.value).toBe('1768');
			expect(rows.find((r) => r.area_code === 'E47000007' && r.period === '2019')?.value).toBe('115');
		}
		expect(notStaticGets(log)).toEqual([]);
		expect(csp).toEqual([]);
		await context.close();
	});

	it('"Use" loads the import as the user\'s dataset, by the observations-CSV path', async () => {
		const { context, page, log } = await openWorkbench();
		expect(await choose(page, join(DIR, 'snapshot-2025.ods'))).toBe('preview');
		await page.locator('#import-use').click();
		await page.locator('[data-records-status="done"], [data-records-status="problems"], [data-records-status="failed"]').waitFor({ timeout: 120_000 });
		expect(await page.locator('[data-records-status]').getAttribute('data-records-status')).toBe('done');
		expect(notStaticGets(log)).toEqual([]);
		await context.close();
	});

	it('a zip bomb is refused with the importer\'s message, the tab answers meanwhile, nothing loads', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'import-bomb-'));
		const bomb = join(dir, 'bomb.ods');
		// Declares 900 bytes, inflates to 50 MB: stopped only while inflating, so the worker is busy a while.
		writeFileSync(bomb, zip([entry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'), await zerosEntry('content.xml', 50, 900)]));
		const { context, page, log, csp } = await openWorkbench();
		await page.setInputFiles('#records-file', bomb);
		const started = Date.now();
		expect(await page.evaluate(() => 1 + 1)).toBe(2);
		expect(Date.now() - started).toBeLessThan(2000);
		await page.locator('[data-import-status="refused"], [data-import-status="preview"], [data-import-status="failed"]').waitFor({ state: 'attached', timeout: 60_000 });
		expect(await page.locator('[data-import-status]').getAttribute('data-import-status')).toBe('refused');
		expect(await page.locator('#import-message').textContent()).toMatch(/^bomb\.ods: the zip entry content\.xml inflates to more than the 900 bytes its directory declares/);
		expect(await page.locator('#import-preview').count()).toBe(0);
		expect(await page.locator('[data-records-status]').getAttribute('data-records-status')).toBe('idle');
		expect(notStaticGets(log)).toEqual([]);
		expect(csp).toEqual([]);
		await context.close();
	});

	it('Cancel stops an import: its worker ends, nothing is imported, the tab answers, and the next import works', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'import-slow-'));
		const slow = join(dir, 'slow.ods');
		// 4,900 rows of 100 numbers (490,000 cells, under the 500,000 a sheet allowed): seconds of reading.
		const rows = Array.from({ length: 4900 }, (_, r) => odsRow(...Array.from({ length: 100 }, (_, c) => odsCell(r * 100 + c))));
		writeFileSync(slow, ods('Table_1_Total', rows.join('')));
		const { context, page, log, csp } = await openWorkbench();
		const workers: Worker[] = [];
		page.on('worker', (w) => workers.push(w));
		await page.setInputFiles('#records-file', slow);
		await page.locator('[data-import-status="running"]').waitFor({ state: 'attached', timeout: 30_000 });
		// The tab answers while the worker reads.
		const started = Date.now();
		expect(await page.evaluate(() => 1 + 1)).toBe(2);
		expect(Date.now() - started).toBeLessThan(2000);
		await expect.poll(() => workers.length, { timeout: 30_000 }).toBeGreaterThan(0);
		const closed = workers.map((w) => new Promise<void>((resolve) => w.once('close', () => resolve())));
		await page.locator('#import-cancel').click();
		expect(await page.locator('[data-import-status]').getAttribute('data-import-status')).toBe('cancelled');
		expect(await page.locator('[data-import-status]').textContent()).toContain('The import of slow.ods was cancelled; nothing was loaded.');
		// Really stopped: the import's worker is terminated, so no result can arrive later.
		await Promise.all(closed);
		expect(await page.locator('#import-preview').count()).toBe(0);
		expect(await page.locator('#import-cancel').count()).toBe(0);
		expect(await page.locator('[data-records-status]').getAttribute('data-records-status')).toBe('idle');
		expect(await page.evaluate(() => 1 + 1)).toBe(2);
		// A later import runs to its preview.
		expect(await choose(page, join(DIR, 'snapshot-2025.ods'))).toBe('preview');
		expect(await page.locator('#import-source-title').textContent()).toBe('Rough sleeping snapshot in England: autumn 2025');
		expect(notStaticGets(log)).toEqual([]);
		expect(csp).toEqual([]);
		await context.close();
	});

	it('"Use these figures on the dashboard": the overview and the area page show them under the banner, each with its cell', async () => {
		const { context, page, log } = await openWorkbench();
		const { cspViolations, consoleErrors } = watchConsole(page);
		expect(await choose(page, join(DIR, 'snapshot-2025.ods'))).toBe('preview');
		await page.locator('#import-use').click();
		await page.locator('[data-records-status="done"], [data-records-status="problems"], [data-records-status="failed"]').waitFor({ timeout: 120_000 });
		expect(await page.locator('[data-records-status]').getAttribute('data-records-status')).toBe('done');
		const banner = 'Showing your data from snapshot-2025-observations.csv, snapshot-2025-sources.csv, snapshot-2025-cells.csv, in this browser only.';
		const SLOW = { timeout: 90_000, interval: 250 };
		const go = (path: string) => page.goto(new URL(path, baseUrl()).href, { waitUntil: 'load' });
		const at = async (chart: string, row: string, column: string) => {
			const { header, rows } = await readTable(page, chart);
			return rows.find((r) => r[0] === row)?.[header.indexOf(column)];
		};
		// Read off the fixture by hand: Table_1_Total row 9 is Coventry, column N autumn 2019 (23),
		// S autumn 2024 (16), T autumn 2025 (29); the WMCA total for 2025 adds rows 8 to 14 of column
		// T: 68 + 29 + 7 + 12 + 19 + 10 + 13 = 158. The published figures are the same values (typed in
		// by hand, 2019 read from the autumn 2019 workbook's Table 1 Total!N82): the cells tell the
		// user's figures apart, so the page is waited on until they show.
		await go('areas/E08000026/');
		await expect.poll(() => at('chart-snapshot', 'Autumn 2019', 'About the Coventry figure'), SLOW).toMatch(/, cell Table_1_Total!N9\.$/);
		expect(await page.locator('.user-data-banner p').textContent()).toContain(banner);
		expect(await at('chart-snapshot', 'Autumn 2019', 'Coventry')).toBe('23');
		expect(await at('chart-snapshot', 'Autumn 2024', 'Coventry')).toBe('16');
		expect(await at('chart-snapshot', 'Autumn 2025', 'Coventry')).toBe('29');
		expect(await at('chart-snapshot', 'Autumn 2025', 'About the Coventry figure')).toMatch(/autumn 2025.*, cell Table_1_Total!T9\.$/);
		expect(await at('chart-snapshot', 'Autumn 2024', 'About the Coventry figure')).toMatch(/, cell Table_1_Total!S9\.$/);
		// A gap ([x] in 2022) is said as such, never 0.
		expect(await at('chart-snapshot', 'Autumn 2022', 'Coventry')).toBe('[x]');
		// The download carries the cell in its own column.
		const href = (await page.locator('#chart-snapshot a[download$=".csv"]').getAttribute('href'))!;
		const csv = parse(decodeURIComponent(href.slice(href.indexOf(',') + 1)).replace(/^\uFEFF/, ''));
		expect(csv.find((r) => r.period === '2025')?.['Coventry cell']).toBe('Table_1_Total!T9');

		await go('');
		await expect
			.poll(() => at('chart-snapshot', 'Autumn 2025', 'About the West Midlands Combined Authority figure'), SLOW)
			.toMatch(/, the sum of cells Table_1_Total!T8 \+ T9 \+ T10 \+ T11 \+ T12 \+ T13 \+ T14\.$/);
		expect(await page.locator('.user-data-banner p').textContent()).toContain(banner);
		expect(await at('chart-snapshot', 'Autumn 2025', 'West Midlands Combined Authority')).toBe('158');
		await expect.poll(() => at('chart-authorities', 'Coventry', 'About the figure'), SLOW).toMatch(/, cell Table_1_Total!T9\.$/);
		expect(await at('chart-authorities', 'Coventry', 'People')).toBe('29');
		expect(notStaticGets(log)).toEqual([]);
		expect(cspViolations).toEqual([]);
		expect(consoleErrors).toEqual([]);
		await context.close();
	});

	it('axe finds nothing with the preview showing', async () => {
		const { context, page } = await openWorkbench();
		expect(await choose(page, join(DIR, 'framework.ods'))).toBe('preview');
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});
});

describeWithShared('the real autumn 2019 tables in the workbench', (shared) => {
	it('give the 2010-2019 values for the seven authorities exactly as data/observations.csv', async () => {
		const name = 'rough_sleeping_snapshot_autumn_2019_tables.xlsx';
		const { context, page } = await openWorkbench();
		expect(await choose(page, join(shared(), 'reference/mhclg/files', name))).toBe('preview');
		const got = parse(await downloaded(page));
		const SEVEN = ['E08000025', 'E08000026', 'E08000027', 'E08000028', 'E08000029', 'E08000030', 'E08000031'];
		const held = parse(readFileSync('data/observations.csv', 'utf8')).filter(
			(r) => r.source_id === 'mhclg_snapshot_2019' && r.indicator_id === 'snapshot_single_night' && SEVEN.includes(r.area_code)
		);
		expect(held).toHaveLength(70);
		const key = (r: Record<string, string>) => `${r.area_code}|${r.period}`;
		const mine = new Map(got.filter((r) => SEVEN.includes(r.area_code)).map((r) => [key(r), r]));
		expect(mine.size).toBe(70);
		for (const h of held) expect([mine.get(key(h))?.value, mine.get(key(h))?.marker], key(h)).toEqual([h.value, h.marker]);
		await context.close();
	});
});

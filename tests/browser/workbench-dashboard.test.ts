/**
 * "Your data on the dashboard": an observations file loaded in /workbench is shown by every view
 * of the site (the overview, an area page, an indicator page, /explore, the report) in place of the published
 * figures, under the banner; "Back to the published figures" brings the published ones back; the
 * choice and the data survive a reload. Coventry's autumn 2019 snapshot is published as 23; the
 * test file says 777 (a test-only figure, so marked in its note column). Every request of the
 * whole flow is a body-less GET of the built site's own files, and the views stay CSP-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, notStaticGets, readTable, recordRequests, useBrowser, watchConsole } from './browser';
import { axeViolations } from './axe';

const browser = useBrowser();
let dir = '';
let file = '';
const NAME = 'my-test-figures.csv';
const BANNER = `Showing your data from ${NAME}, in this browser only.`;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'dashboard-'));
	file = join(dir, NAME);
	writeFileSync(
		file,
		'indicator_id,area_code,period,value,marker,source_id,note\n' +
			'snapshot_single_night,E47000007,2019,999,,mhclg_snapshot_2019,test-only figure\n' +
			'snapshot_single_night,E08000026,2019,777,,mhclg_snapshot_2019,test-only figure\n'
	);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const go = (page: Page, path: string) => page.goto(new URL(path.replace(/^\//, ''), baseUrl()).href, { waitUntil: 'load' });

/** Load the test file in /workbench and wait until it is the dataset. */
async function loadInWorkbench(page: Page) {
	await go(page, '/workbench');
	await page.setInputFiles('#records-file', file);
	await page.locator('[data-records-status="done"], [data-records-status="problems"], [data-records-status="failed"]').waitFor({ timeout: 120_000 });
	expect(await page.locator('[data-records-status]').getAttribute('data-records-status')).toBe('done');
	await expect.poll(() => page.getByText(BANNER).count()).toBe(1);
}

/** The cell of `row`'s line in a chart's table, under the column headed `column`. */
async function cell(page: Page, chartId: string, row: string, column: string) {
	const { header, rows } = await readTable(page, chartId);
	return rows.find((r) => r[0] === row)?.[header.indexOf(column)];
}

const SLOW = { timeout: 90_000, interval: 250 };

/** The first three cells of each row of explore's table, once its view is ready ([] before). */
async function exploreRows(page: Page): Promise<string[][]> {
	const rows = await page.locator('[data-explore-view] .cf-figure table tbody tr').evaluateAll((trs) => trs.map((r) => [...r.children].slice(0, 3).map((c) => c.textContent!.trim())));
	return (await page.locator('[data-explore-status]').getAttribute('data-explore-status')) === 'ready' ? rows : [];
}

describe('your data on the dashboard', () => {
	it('every view shows the loaded figures under the banner, Back shows the published ones, and the choice survives a reload', async () => {
		const context: BrowserContext = await browser().newContext();
		const log = recordRequests(context);
		const page = await context.newPage();
		const { cspViolations: csp, consoleErrors: errors } = watchConsole(page);
		await loadInWorkbench(page);

		// The overview (/): the authorities' latest snapshot, Coventry's row.
		await go(page, '/');
		await expect.poll(() => page.getByText(BANNER).count(), SLOW).toBe(1);
		await expect.poll(() => cell(page, 'chart-authorities', 'Coventry', 'People'), SLOW).toBe('777');

		// Coventry's page: its snapshot over time, autumn 2019.
		await go(page, '/areas/E08000026/');
		await expect.poll(() => cell(page, 'chart-snapshot', 'Autumn 2019', 'Coventry'), SLOW).toBe('777');
		expect(await page.getByText(BANNER).count()).toBe(1);

		// The indicator's page: the latest period for each authority.
		await go(page, '/indicators/snapshot_single_night/');
		await expect.poll(() => cell(page, 'chart-latest', 'Coventry', 'Value (people)'), SLOW).toBe('777');

		// /explore, its default view and a chosen one.
		const q = '?indicator=snapshot_single_night&areas=E08000026&from=2019&to=2019&measure=count&view=table';
		await go(page, `/explore${q}`);
		await page.locator(`[data-explore-view="${q}"]`).waitFor({ timeout: 90_000 });
		await expect.poll(() => exploreRows(page), SLOW)
			.toEqual([['Coventry', 'Autumn 2019', '777']]);

		// Coventry's progress report: its latest official figure is the file's (autumn 2019, 777).
		await go(page, '/report/E08000026/');
		await expect.poll(() => page.locator('.official-value').textContent(), SLOW).toMatch(/^777 .*autumn 2019/);
		expect(await page.getByText(BANNER).count()).toBe(1);

		// After a reload, still on offer (and still shown).
		await go(page, '/areas/E08000026/');
		await page.reload();
		await expect.poll(() => cell(page, 'chart-snapshot', 'Autumn 2019', 'Coventry'), SLOW).toBe('777');

		// Back to the published figures: 23 again, the banner gone, and still so after a reload.
		await page.getByRole('button', { name: 'Back to the published figures' }).click();
		await expect.poll(() => cell(page, 'chart-snapshot', 'Autumn 2019', 'Coventry'), SLOW).toBe('23');
		expect(await page.getByText(BANNER).count()).toBe(0);
		await page.reload();
		await page.waitForLoadState('networkidle');
		expect(await cell(page, 'chart-snapshot', 'Autumn 2019', 'Coventry')).toBe('23');
		expect(await page.getByText(BANNER).count()).toBe(0);

		// The data are still kept: the workbench offers them again.
		await go(page, '/workbench');
		await page.getByRole('button', { name: 'Show my data' }).waitFor({ timeout: 30_000 });
		expect(await page.getByText(`Your data from ${NAME} is kept in this browser`).count()).toBe(1);
		await page.getByRole('button', { name: 'Clear my data' }).click();

		expect(notStaticGets(log)).toEqual([]);
		expect(csp).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it("an indicator that exists only in the user's own files is offered by /explore's form, and drawn", async () => {
		// The published catalogue plus one test-only indicator, and a figure for it.
		const indicators = join(dir, 'indicators.csv');
		writeFileSync(
			indicators,
			readFileSync('data/indicators.csv', 'utf8').replace(/\n*$/, '\n') +
				'own_test_count,rare,My own test count,Own test count,A test-only indicator.,people,lower_is_better,annual,mhclg_snapshot_2019,,,,\n'
		);
		const own = join(dir, 'own-figures.csv');
		writeFileSync(own, 'indicator_id,area_code,period,value,marker,source_id,note\nown_test_count,E08000026,2019,41,,mhclg_snapshot_2019,test-only figure\n');
		const context = await browser().newContext();
		const page = await context.newPage();
		await go(page, '/workbench');
		await page.setInputFiles('#records-file', [indicators, own]);
		await page.locator('[data-records-status="done"], [data-records-status="problems"], [data-records-status="failed"]').waitFor({ timeout: 120_000 });
		expect(await page.locator('[data-records-status]').getAttribute('data-records-status')).toBe('done');

		await go(page, '/explore');
		const option = page.locator('#explore-indicator option[value="own_test_count"]');
		await expect.poll(() => option.count(), SLOW).toBe(1);
		expect(await option.textContent()).toBe('My own test count');
		const q = '?indicator=own_test_count&areas=E08000026&from=2019&to=2019&measure=count&view=table';
		await go(page, `/explore${q}`);
		await expect.poll(() => exploreRows(page), SLOW)
			.toEqual([['Coventry', '2019', '41']]);

		// Back to the published figures: the indicator is no longer offered.
		await page.getByRole('button', { name: 'Back to the published figures' }).click();
		await go(page, '/explore');
		await page.waitForLoadState('networkidle');
		expect(await option.count()).toBe(0);
		await go(page, '/workbench');
		await page.getByRole('button', { name: 'Clear my data' }).click();
		await context.close();
	});

	it('axe finds nothing on an area page with the banner showing', async () => {
		const context = await browser().newContext();
		const page = await context.newPage();
		await loadInWorkbench(page);
		await go(page, '/areas/E08000026/');
		await expect.poll(() => cell(page, 'chart-snapshot', 'Autumn 2019', 'Coventry'), SLOW).toBe('777');
		expect(await page.getByText(BANNER).count()).toBe(1);
		expect(await axeViolations(page)).toEqual([]);
		await go(page, '/workbench');
		await page.getByRole('button', { name: 'Clear my data' }).click();
		await context.close();
	});
});

/**
 * The analyst workbench (/workbench) in a real browser: a ~100 MB generated register loads with a
 * moving progress bar and its figures equal `npm run compute` on the same file exactly; the
 * dataset survives a reload (OPFS) and "Clear my data" forgets it; Cancel stops a load mid-file
 * and leaves the dataset as it was; a file with a bad line lists NAME:LINE:COLUMN and loads
 * nothing; ?sql= prefills and runs a query; a file over the limit is refused before reading.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { foreignRequests, open, useBrowser } from './browser';

const browser = useBrowser();
let dir = '';
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'workbench-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const statusOf = (page: Page) => page.locator('[data-records-status]').getAttribute('data-records-status');
const settled = (page: Page, timeout = 240_000) =>
	page.locator('[data-records-status="done"], [data-records-status="problems"], [data-records-status="failed"], [data-records-status="cancelled"], [data-records-status="refused"]').waitFor({ timeout });

/** Rows of the published observation files, counted from the CSVs (header and blank lines excluded). */
function publishedObservationRows(): number {
	return readdirSync('data')
		.filter((f) => /^observations(_(?!superseded)[a-z0-9_]+)?\.csv$/.test(f))
		.reduce((n, f) => n + readFileSync(join('data', f), 'utf8').split(/\r?\n/).slice(1).filter((l) => l.trim() !== '').length, 0);
}

async function sqlCount(page: Page): Promise<number> {
	await page.locator('[data-sql-status="done"], [data-sql-status="failed"]').waitFor({ timeout: 120_000 });
	expect(await page.locator('[data-sql-status]').getAttribute('data-sql-status')).toBe('done');
	return Number((await page.locator('#sql-results tbody td').first().textContent())!.replace(/,/g, ''));
}

describe('workbench', () => {
	it('loads a 100 MB register with a moving progress bar; figures equal npm run compute; kept across a reload; cancel leaves it; cleared on request', async () => {
		// 135,000 people over five years is about 101 MB (1.77 million events).
		const file = join(dir, 'register-100mb.csv');
		execFileSync('npx', ['tsx', 'scripts/generate-register.ts', '--people', '135000', '--seed', '3', '--from', '2020-01', '--to', '2024-12', '--out', file], { stdio: 'pipe' });
		expect(statSync(file).size).toBeGreaterThan(95e6);
		const expectedFile = join(dir, 'expected.csv');
		execFileSync('npx', ['tsx', 'scripts/compute.ts', file, '--out', expectedFile], { stdio: 'pipe' });
		const expected = readFileSync(expectedFile, 'utf8');
		const expectedRows = expected.trim().split('\n').length - 1;

		const s = await open(browser(), '/workbench');
		await s.page.setInputFiles('#records-file', file);
		// On a busy machine the load can start a moment after the file is chosen.
		await expect.poll(() => statusOf(s.page), { timeout: 30_000 }).not.toBe('idle');
		// Sample the progress bar while it runs: it must move forward.
		const samples: number[] = [];
		const bar = s.page.locator('#load-progress');
		for (let i = 0; i < 400 && samples.length < 50; i++) {
			if ((await statusOf(s.page)) !== 'running') break;
			const v = await bar.getAttribute('aria-valuenow', { timeout: 1000 }).catch(() => null);
			if (v !== null && Number(v) !== samples.at(-1)) samples.push(Number(v));
			await s.page.waitForTimeout(100);
		}
		await settled(s.page);
		expect(await statusOf(s.page)).toBe('done');
		expect(samples.length, `progress samples ${samples}`).toBeGreaterThanOrEqual(2);
		for (let i = 1; i < samples.length; i++) expect(samples[i]).toBeGreaterThan(samples[i - 1]);
		await expect.poll(() => s.page.getByText(`Showing your data from register-100mb.csv, in this browser only.`).count()).toBe(1);

		const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.locator('#records-download').click()]);
		expect(download.suggestedFilename()).toBe('framework-indicators.csv');
		expect(readFileSync((await download.path())!, 'utf8')).toBe(expected);

		// Cancel a second load mid-way: nothing changes, no error. A copy at another path, so the
		// picker surely sees a new choice (Chromium fires no change event for an unchanged file list).
		const again = join(dir, 'register-100mb-again.csv');
		copyFileSync(file, again);
		await s.page.setInputFiles('#records-file', again);
		// The status leaves 'done' at once (the load starts, or says why it could not).
		await expect.poll(() => statusOf(s.page), { timeout: 30_000 }).not.toBe('done');
		expect(await statusOf(s.page), `status text: ${await s.page.locator('[data-records-status]').textContent()}`).toBe('running');
		await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000, interval: 50 }).toBeGreaterThan(0);
		await s.page.getByRole('button', { name: 'Cancel', exact: true }).click();
		await settled(s.page);
		expect(await statusOf(s.page), (await s.page.locator('[data-records-status]').textContent()) ?? '').toBe('cancelled');
		expect(await s.page.locator('#records-problems').count()).toBe(0);
		expect(await s.page.getByText('Showing your data from register-100mb.csv').count()).toBe(1);
		expect(s.consoleErrors).toEqual([]);

		// Kept across a reload (OPFS): the console counts the user's figures.
		await s.page.goto(new URL(`workbench?sql=${encodeURIComponent('select count(*) from observations')}`, s.page.url()).href);
		expect(await sqlCount(s.page)).toBe(expectedRows);
		await expect.poll(() => s.page.getByText('Showing your data from register-100mb.csv').count()).toBe(1);

		// Clear my data: the published figures again, and nothing kept after a reload.
		await s.page.getByRole('button', { name: 'Clear my data' }).click();
		await expect.poll(() => s.page.getByText('Showing your data from').count()).toBe(0);
		await s.page.reload();
		expect(await sqlCount(s.page)).toBe(publishedObservationRows());
		expect(await s.page.getByText('Showing your data from').count()).toBe(0);
		expect(foreignRequests(s.requests)).toEqual([]);
		expect(s.cspViolations).toEqual([]);
		await s.context.close();
	}, 600_000);

	it('lists a bad line of an observations file as NAME:LINE:COLUMN and loads nothing', async () => {
		const file = join(dir, 'my-figures.csv');
		writeFileSync(
			file,
			'indicator_id,area_code,period,value,marker,source_id,note\n' +
				'rs_month,E08000025,2024-01,52,,illustrative_register,\n' +
				'rs_month,E08000025,2024-02,lots,,illustrative_register,\n'
		);
		const s = await open(browser(), '/workbench');
		await s.page.setInputFiles('#records-file', file);
		await settled(s.page, 60_000);
		expect(await statusOf(s.page)).toBe('problems');
		const items = await s.page.locator('#records-problems li').allTextContents();
		expect(items.length).toBe(1);
		// Line 3 (the header is line 1), column 4: value.
		expect(items[0]).toMatch(/^my-figures\.csv:3:4: .+ \(.+\)$/);
		const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: /Download all 1 problems \(CSV\)/ }).click()]);
		expect(readFileSync((await download.path())!, 'utf8')).toContain('my-figures.csv,3,4,');
		expect(await s.page.getByText('Showing your data from').count()).toBe(0);
		// Nothing was loaded: DuckDB was never even started.
		expect(s.requests.some((u) => u.endsWith('.wasm'))).toBe(false);
		await s.context.close();
	});

	it('loads a good observations file and shows its figures in the console, under the banner', async () => {
		const file = join(dir, 'my-good-figures.csv');
		writeFileSync(
			file,
			'indicator_id,area_code,period,value,marker,source_id,note\n' +
				'rs_month,E08000025,2024-01,52,,illustrative_register,\n' +
				'rs_month,E08000025,2024-02,61,,illustrative_register,\n' +
				'rs_month,E08000026,2024-02,17,,illustrative_register,\n'
		);
		const s = await open(browser(), '/workbench');
		await s.page.setInputFiles('#records-file', file);
		await settled(s.page, 120_000);
		expect(await statusOf(s.page)).toBe('done');
		await s.page.goto(new URL(`workbench?sql=${encodeURIComponent('select sum(value) from observations')}`, s.page.url()).href);
		expect(await sqlCount(s.page)).toBe(52 + 61 + 17);
		expect(await s.page.getByText('Showing your data from my-good-figures.csv, in this browser only.').count()).toBe(1);
		await s.page.getByRole('button', { name: 'Clear my data' }).click();
		await s.context.close();
	});

	it('/workbench?sql=select count(*) from observations shows the count of the published figures', async () => {
		const s = await open(browser(), `/workbench?sql=${encodeURIComponent('select count(*) from observations')}`);
		expect(await sqlCount(s.page)).toBe(publishedObservationRows());
		// The editor holds the query, and a bad query shows DuckDB's own message.
		expect(await s.page.locator('.cm-content').textContent()).toBe('select count(*) from observations');
		await s.page.goto(new URL(`workbench?sql=${encodeURIComponent('select nope from observations')}`, s.page.url()).href);
		await s.page.locator('#sql-error').waitFor({ timeout: 120_000 });
		expect(await s.page.locator('#sql-error').textContent()).toMatch(/Binder Error.*nope/s);
		expect(s.cspViolations).toEqual([]);
		await s.context.close();
	});

	it('cancels a long query, and the console runs the next one', async () => {
		// About 10^10 rows to sum: minutes of work for one wasm thread.
		const slow = 'SELECT sum(a.range * b.range) FROM range(100000) a, range(100000) b';
		const s = await open(browser(), `/workbench?sql=${encodeURIComponent(slow)}`);
		await s.page.getByRole('button', { name: 'Cancel query' }).waitFor({ timeout: 120_000 });
		await s.page.waitForTimeout(500);
		const t0 = Date.now();
		await s.page.getByRole('button', { name: 'Cancel query' }).click();
		await s.page.locator('[data-sql-status="cancelled"]').waitFor({ timeout: 30_000 });
		expect(Date.now() - t0).toBeLessThan(30_000);
		await s.page.locator('.cm-content').click();
		await s.page.keyboard.press('ControlOrMeta+a');
		await s.page.keyboard.type('SELECT 6 * 7 AS answer');
		await s.page.getByRole('button', { name: 'Run', exact: true }).click();
		expect(await sqlCount(s.page)).toBe(42);
		await s.context.close();
	});

	it('refuses a file over 1 GB before reading it, with its size and the limit', async () => {
		const s = await open(browser(), '/workbench');
		// A 1.5 GB file made in the page: 1,500 references to one 1 MB blob (never read, never copied).
		await s.page.evaluate(() => {
			const input = document.querySelector<HTMLInputElement>('#records-file')!;
			const dt = new DataTransfer();
			const mb = new Blob([new Uint8Array(1_000_000)]);
			dt.items.add(new File(Array.from({ length: 1500 }, () => mb), 'huge.csv'));
			input.files = dt.files;
			input.dispatchEvent(new Event('change', { bubbles: true }));
		});
		await settled(s.page, 30_000);
		expect(await statusOf(s.page)).toBe('refused');
		expect(await s.page.locator('[data-records-status]').textContent()).toContain('huge.csv is 1.50 GB, over the 1 GB limit');
		await s.context.close();
	});
});

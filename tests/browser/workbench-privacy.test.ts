/**
 * Privacy, proven, and the console end to end. Every request of the browser context (so the
 * workers' too) is recorded, with its method and body size, from the first load of /workbench
 * through loading a contacts file, computing, completing and running SQL (Ctrl+Enter), a quick
 * chart, and the CSV, Parquet and publication downloads: every one is a GET of this site's own
 * files, none carries a body, and no URL holds a byte of the file (a distinctive string from it,
 * or its name). The page stays CSP-clean and axe finds nothing with the console, results and chart
 * on screen.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { baseUrl, useBrowser } from './browser';
import { generateRegister, registerCsv } from '../../src/lib/indicators/register';

const browser = useBrowser();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SECRET = 'PRIVACYZQX';

interface Seen {
	method: string;
	url: string;
	body: number;
}

describe('workbench privacy and console', () => {
	it('sends nothing of the file anywhere, from load through compute, SQL and every export', async () => {
		const records = generateRegister({ people: 120, seed: 11, from: '2023-06', to: '2024-05' });
		const dir = mkdtempSync(join(tmpdir(), 'privacy-'));
		const name = `contacts-${SECRET}.csv`;
		const file = join(dir, name);
		writeFileSync(file, registerCsv(records).replaceAll('SYN', SECRET));

		const context = await browser().newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
		const seen: Seen[] = [];
		context.on('request', (r) => seen.push({ method: r.method(), url: r.url(), body: r.postDataBuffer()?.length ?? 0 }));
		const page = await context.newPage();
		const csp: string[] = [];
		const errors: string[] = [];
		page.on('console', (m) => {
			if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
			if (m.type() === 'error') errors.push(m.text());
		});
		await page.goto(new URL('workbench', baseUrl()).href, { waitUntil: 'networkidle' });
		await page.locator('.cm-content').waitFor();

		// Load and compute.
		await page.setInputFiles('#records-file', file);
		await page.locator('[data-records-status="done"], [data-records-status="problems"], [data-records-status="failed"]').waitFor({ timeout: 120_000 });
		expect(await page.locator('[data-records-status]').getAttribute('data-records-status')).toBe('done');
		const [computedDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#records-download').click()]);
		const computed = Papa.parse<Record<string, string>>(readFileSync((await computedDownload.path())!, 'utf8'), { header: true, skipEmptyLines: true }).data;

		// The editor completes table names from the schema.
		const editor = page.locator('.cm-content');
		await editor.click();
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.press('Delete');
		await page.keyboard.type('SELECT * FROM obse');
		// Polled: on a busy machine the list can still show the keywords offered for "SELECT" typed first.
		await expect.poll(() => page.locator('.cm-tooltip-autocomplete li').allTextContents(), { timeout: 30_000 }).toContain('observations');
		await page.keyboard.press('Escape');

		// Run with Ctrl+Enter: rs_month summed by area, checked against the computed CSV.
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.press('Delete');
		await page.keyboard.type("SELECT area_code, sum(value) AS total FROM observations WHERE indicator_id = 'rs_month' GROUP BY area_code ORDER BY area_code");
		await page.keyboard.press('Escape');
		await page.keyboard.press('Control+Enter');
		await page.locator('[data-sql-status="done"], [data-sql-status="failed"]').waitFor({ timeout: 60_000 });
		expect(await page.locator('[data-sql-status]').getAttribute('data-sql-status')).toBe('done');
		const expected = new Map<string, number>();
		for (const r of computed.filter((r) => r.indicator_id === 'rs_month')) expected.set(r.area_code, (expected.get(r.area_code) ?? 0) + Number(r.value));
		const shown = await page.locator('#sql-results tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
		expect(shown.length).toBe(expected.size);
		for (const [area, total] of shown) expect(Number(total.replace(/,/g, '')), area).toBe(expected.get(area));

		// Exports: CSV with the same rows; Parquet is a Parquet file (PAR1 at both ends).
		const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download results (CSV)' }).click()]);
		const csvRows = Papa.parse<Record<string, string>>(readFileSync((await csvDownload.path())!, 'utf8'), { header: true, skipEmptyLines: true }).data;
		expect(new Map(csvRows.map((r) => [r.area_code, Number(r.total)]))).toEqual(expected);
		const [parquetDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download results (Parquet)' }).click()]);
		const parquet = readFileSync((await parquetDownload.path())!);
		expect(parquet.subarray(0, 4).toString()).toBe('PAR1');
		expect(parquet.subarray(-4).toString()).toBe('PAR1');

		// A quick chart of the result, drawn by the project's bar chart.
		await page.getByLabel('Labels').selectOption('area_code');
		await page.getByLabel('Values').selectOption('total');
		await page.getByRole('button', { name: 'Draw the chart' }).click();
		await page.getByRole('heading', { name: 'total by area_code' }).waitFor();
		expect(await page.locator('figure svg rect').count()).toBeGreaterThanOrEqual(expected.size);

		// Prepare for publication and download.
		await page.getByRole('button', { name: 'Prepare for publication' }).click();
		const [publication] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download the figures for publication/ }).click()]);
		const published = Papa.parse<Record<string, string>>(readFileSync((await publication.path())!, 'utf8'), { header: true, skipEmptyLines: true }).data;
		expect(published.length).toBe(computed.length);
		// Every count below 5 in the computed figures is [c] in the publication.
		const byKey = new Map(published.map((r) => [`${r.indicator_id}|${r.area_code}|${r.period}`, r]));
		const small = computed.filter((r) => !r.indicator_id.endsWith('_pct') && r.value !== '' && Number(r.value) < 5);
		expect(small.length).toBeGreaterThan(0);
		for (const r of small) expect(byKey.get(`${r.indicator_id}|${r.area_code}|${r.period}`)).toMatchObject({ value: '', marker: 'c' });

		// axe on the page as it now stands (console, results, chart).
		await page.evaluate(axeSource);
		const violations = (await page.evaluate(async () => {
			// @ts-expect-error axe is injected above
			const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
			return result.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
		})) as string[];
		expect(violations).toEqual([]);

		// The requests.
		const origin = new URL(baseUrl()).origin;
		const network = seen.filter((r) => !r.url.startsWith('blob:') && !r.url.startsWith('data:'));
		expect(network.length).toBeGreaterThan(5);
		expect(network.filter((r) => r.method !== 'GET')).toEqual([]);
		expect(network.filter((r) => r.body > 0)).toEqual([]);
		expect(network.filter((r) => !r.url.startsWith(origin))).toEqual([]);
		expect(seen.filter((r) => r.url.includes(SECRET))).toEqual([]);
		// After the page itself: only its static files (the build's _app folder and static/).
		const staticFiles = new Set(readdirSync('static').map((f) => `/${f}`));
		const after = network.slice(1).filter((r) => {
			const path = new URL(r.url).pathname;
			return !path.startsWith('/_app/') && !staticFiles.has(path);
		});
		expect(after).toEqual([]);
		expect(csp).toEqual([]);
		expect(errors).toEqual([]);
		await page.getByRole('button', { name: 'Clear my data' }).click();
		await context.close();
	}, 300_000);
});

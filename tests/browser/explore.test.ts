/**
 * /explore and the embeds against the built site: a view chosen by the address is drawn by the
 * browser's DuckDB from this origin only; Back and Forward restore views; a bad parameter gives
 * the message with the valid values and draws nothing; JavaScript off says what needs it; an
 * embed renders inside a frame on another origin; axe and the CSP are clean.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, foreignRequests, open, useBrowser } from './browser';
import { axeViolations } from './axe';

const browser = useBrowser();

const EXAMPLE = '?indicator=snapshot_single_night&areas=E08000025,E08000026&from=2015&to=2019&measure=count&view=table';
/** The autumn snapshot as published (MHCLG, Table 1), read from the issue: not from our code. */
const EXPECTED = [
	...[36, 55, 57, 91, 52].map((v, i) => ['Birmingham', `Autumn ${2015 + i}`, String(v)]),
	...[9, 13, 8, 25, 23].map((v, i) => ['Coventry', `Autumn ${2015 + i}`, String(v)])
];

/** What the page shows now, for a failure message: its address, the view drawn and the status. */
async function seen(page: Page): Promise<string> {
	const view = await page.locator('[data-explore-view]').getAttribute('data-explore-view', { timeout: 1_000 }).catch(() => 'none');
	const status = (await page.locator('[data-explore-status]').textContent({ timeout: 1_000 }).catch(() => ''))?.trim();
	return `address ${new URL(page.url()).search || '(none)'}, view drawn ${view}, status "${status}"`;
}

/**
 * Wait until the view asked for is the one drawn, and the engine is idle. A view that fails, or
 * never comes, ends the test with what the page shows instead of a bare timeout.
 */
async function drawn(page: Page, search: string) {
	const wanted = page.locator(`[data-explore-view="${search}"]`);
	const failed = page.locator('[data-explore-status="failed"]');
	const came = await wanted.or(failed).first().waitFor({ timeout: 90_000 }).then(() => true, () => false);
	if (!came || (await failed.count()) > 0) throw new Error(`${search} was not drawn: ${await seen(page)}`);
	await page.locator('[data-explore-status="ready"]').waitFor({ timeout: 90_000 });
}

async function tableCells(page: Page): Promise<string[][]> {
	return page
		.locator('[data-explore-view] .cf-figure table tbody tr')
		.evaluateAll((rows) => rows.map((r) => [...r.children].slice(0, 3).map((c) => c.textContent!.trim())));
}

describe('/explore', () => {
	it('the issue example shows exactly the ten published values, computed in this browser from the Arrow snapshot', async () => {
		const s = await open(browser(), `/explore${EXAMPLE}`);
		await drawn(s.page, EXAMPLE);
		expect(await tableCells(s.page)).toEqual(EXPECTED);
		// The data came as the snapshot's Arrow files, not CSVs, and only from this origin.
		expect(s.requests.some((u) => /\.arrow$/.test(u))).toBe(true);
		expect(s.requests.some((u) => /\.csv$/.test(u))).toBe(false);
		expect(foreignRequests(s.requests)).toEqual([]);
		expect(s.cspViolations).toEqual([]);
		expect(s.consoleErrors).toEqual([]);
		await s.context.close();
	});

	it('the default view is prerendered: figures with JavaScript off, and no .wasm with it on', async () => {
		const off = await open(browser(), '/explore', { javaScriptEnabled: false });
		const main = (await off.page.locator('main').textContent()) ?? '';
		expect(main).toContain('per 100,000 residents');
		expect(await off.page.locator('#explore-figure svg').count()).toBeGreaterThan(0);
		await off.context.close();
		const on = await open(browser(), '/explore');
		await on.page.waitForLoadState('networkidle');
		expect(on.requests.some((u) => u.endsWith('.wasm') || u.endsWith('.arrow'))).toBe(false);
		await on.context.close();
	});

	it('form changes update the address; Back and Forward restore each view', async () => {
		const s = await open(browser(), '/explore');
		const first = (await s.page.locator('[data-explore-view]').getAttribute('data-explore-view'))!;
		await s.page.getByRole('radio', { name: 'Table' }).check();
		const table = first.replace('view=line', 'view=table');
		await drawn(s.page, table);
		expect(new URL(s.page.url()).search).toBe(table);
		await s.page.getByRole('radio', { name: 'Count, as published' }).check();
		const counts = table.replace('measure=rate', 'measure=count');
		await drawn(s.page, counts);
		expect(new URL(s.page.url()).search).toBe(counts);
		// The WMCA 2019 count (the sum of the seven authorities in data/observations.csv) is in the table.
		expect((await tableCells(s.page)).find((r) => r[0] === 'West Midlands Combined Authority' && r[1] === 'Autumn 2019')?.[2]).toBe(String(52 + 23 + 4 + 10 + 6 + 6 + 14));

		await s.page.goBack();
		await drawn(s.page, table);
		expect(await s.page.getByRole('radio', { name: 'Per 100,000 residents' }).isChecked()).toBe(true);
		await s.page.goBack();
		await drawn(s.page, first);
		expect(await s.page.locator('#explore-figure svg').count()).toBeGreaterThan(0);
		await s.page.goForward();
		await drawn(s.page, table);
		expect(await s.page.getByRole('radio', { name: 'Table' }).isChecked()).toBe(true);
		expect(foreignRequests(s.requests)).toEqual([]);
		await s.context.close();
	});

	it('view=map draws all seven authorities (Coventry 2019: 23), not only those named, from the browser engine', async () => {
		const q = '?indicator=snapshot_single_night&areas=E08000026&from=2019&to=2019&measure=count&view=map';
		const s = await open(browser(), `/explore${q}`);
		await drawn(s.page, q);
		const districts = s.page.locator('#explore-figure svg .district');
		expect(await districts.count()).toBe(7);
		const coventry = (await s.page.locator('#explore-figure .district[data-area-code="E08000026"]').getAttribute('aria-label')) ?? '';
		expect(coventry).toContain('Coventry');
		expect(coventry).toContain('23');
		expect(foreignRequests(s.requests)).toEqual([]);
		await s.context.close();
	});

	it('"Copy link" copies the address of the view shown', async () => {
		const s = await open(browser(), `/explore${EXAMPLE}`);
		await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl()).origin });
		await drawn(s.page, EXAMPLE);
		await s.page.getByRole('button', { name: 'Copy link' }).click();
		await s.page.getByText('Link copied.').waitFor();
		expect(await s.page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`explore${EXAMPLE}`, baseUrl()).href);
		await s.context.close();
	});

	for (const [query, param, mustList] of [
		['view=pie', 'view', ['line', 'bars', 'map', 'table']],
		['areas=E0800002X', 'areas', ['E08000025 (Birmingham)', 'E08000031 (Wolverhampton)', 'E92000001 (England)']],
		['from=2019&to=2015', 'from', ['Swap them', 'from=2015&to=2019']]
	] as const) {
		it(`?${query} gives the message listing the valid values, and draws no chart`, async () => {
			const s = await open(browser(), `/explore?${query}`);
			const problems = s.page.locator('[data-explore-problems]');
			await problems.waitFor({ timeout: 30_000 });
			expect(await problems.locator(`li[data-param="${param}"]`).count()).toBe(1);
			const text = (await problems.textContent()) ?? '';
			for (const v of mustList) expect(text).toContain(v);
			expect(await s.page.locator('[data-explore-view]').count()).toBe(0);
			expect(s.requests.some((u) => u.endsWith('.wasm'))).toBe(false);
			await s.context.close();
		});
	}

	it('with JavaScript off and parameters, the page says the view needs JavaScript and links the prerendered pages', async () => {
		const s = await open(browser(), `/explore${EXAMPLE}`, { javaScriptEnabled: false });
		expect((await s.page.locator('main').textContent()) ?? '').toContain('This page needs JavaScript to show any view but its default');
		const href = await s.page.getByRole('link', { name: 'People sleeping rough on a single night (autumn snapshot)', exact: true }).getAttribute('href');
		expect(href).toMatch(/(indicators|embed\/indicators)\/snapshot_single_night\/$/);
		const target = await s.context.newPage();
		const response = await target.goto(new URL(href!, s.page.url()).href);
		expect(response?.status()).toBe(200);
		await s.context.close();
	});
});

describe('/embed/indicators/{id}/', () => {
	let host: Server;
	let hostUrl = '';
	beforeAll(async () => {
		// A page on another origin (another port) that frames the embed, and records its height messages.
		host = createServer((req, res) => {
			const src = new URL(`embed/indicators/snapshot_single_night/${decodeURIComponent(new URL(req.url!, 'http://x').search.slice(1))}`, baseUrl()).href;
			res.writeHead(200, { 'content-type': 'text/html' }).end(
				`<!doctype html><title>host</title><h1>Someone else's page</h1><iframe title="Rough sleeping chart" src="${src}" width="700" height="600"></iframe>`
			);
		});
		await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
		hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}/`;
	});
	afterAll(() => new Promise<void>((ok) => host.close(() => ok())));

	it('renders inside an iframe on another origin, posts its height, and takes the explorer parameters', async () => {
		const context = await browser().newContext();
		const page = await context.newPage();
		const requests: string[] = [];
		context.on('request', (r) => requests.push(r.url()));
		await page.addInitScript(() => {
			(window as unknown as { heights: number[] }).heights = [];
			window.addEventListener('message', (e) => (window as unknown as { heights: number[] }).heights.push(e.data?.height));
		});
		const query = '?areas=E08000026&from=2015&to=2019&measure=count&view=table';
		await page.goto(`${hostUrl}?${encodeURIComponent(query)}`);
		expect(new URL(hostUrl).origin).not.toBe(new URL(baseUrl()).origin);
		const frame = page.frameLocator('iframe');
		await frame.locator(`[data-explore-view="?indicator=snapshot_single_night&areas=E08000026${query.slice('?areas=E08000026'.length)}"]`).waitFor({ timeout: 90_000 });
		await frame.locator('[data-explore-status="ready"]').waitFor({ timeout: 90_000 });
		const cells = await frame.locator('[data-explore-view] .cf-figure table tbody tr').evaluateAll((rows) => rows.map((r) => r.children[2].textContent!.trim()));
		expect(cells).toEqual(['9', '13', '8', '25', '23']);
		expect(await frame.getByRole('link', { name: /the full page/ }).count()).toBe(1);
		// No site header or footer in an embed.
		expect(await frame.locator('header, footer').count()).toBe(0);
		await page.waitForFunction(() => (window as unknown as { heights: number[] }).heights.some((h) => h > 100));
		const site = new URL(baseUrl()).origin;
		expect(requests.filter((u) => !u.startsWith(site) && !u.startsWith(hostUrl) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
		await context.close();
	});
});

describe('axe and CSP', () => {
	for (const path of ['/explore', `/explore${EXAMPLE}`, '/embed/indicators/snapshot_single_night/', '/embed/indicators/rs_month/?view=bars']) {
		it(`${path}: no axe violation at 320 and 1280 px, strict CSP, no violation or console error`, async () => {
			const s = await open(browser(), path);
			await s.page.waitForLoadState('networkidle');
			const csp = (await s.page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
			expect(csp).toContain("default-src 'self'");
			expect(csp).toContain("connect-src 'self'");
			expect(csp).not.toMatch(/https?:|'unsafe-inline'|'unsafe-eval'/);
			if (path.includes('?')) await s.page.locator('[data-explore-status="ready"]').waitFor({ timeout: 90_000 });
			expect(s.cspViolations).toEqual([]);
			expect(s.consoleErrors).toEqual([]);
			expect(foreignRequests(s.requests)).toEqual([]);
			// The same page at both widths: the view drawn (by DuckDB, for an address with a query) is checked as shown.
			for (const width of [320, 1280]) {
				await s.page.setViewportSize({ width, height: 800 });
				expect(await axeViolations(s.page), `${width}px`).toEqual([]);
				expect(await s.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width}px`).toBeLessThanOrEqual(0);
			}
			await s.context.close();
		});
	}
});

/**
 * Shared browser-test helpers: launch the system Chromium through playwright-core, open pages,
 * and record every request so a test can assert nothing leaves the site's origin.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { CHROMIUM_ARGS, findOrInstallChromium } from '../../scripts/find-chromium.mjs';

export const baseUrl = () => inject('baseUrl');

export async function launch(): Promise<Browser> {
	const executablePath: string = process.env.CHROMIUM_PATH || findOrInstallChromium({ log: () => {} });
	return chromium.launch({
		executablePath,
		headless: true,
		args: CHROMIUM_ARGS
	});
}

/** One Chromium for a test file: launched before its tests, closed after. Call at the top level. */
export function useBrowser(): () => Browser {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(async () => {
		await browser?.close();
	});
	return () => {
		if (!browser) throw new Error('The browser is not running (useBrowser must be called at the top level of a test file)');
		return browser;
	};
}

export interface Session {
	context: BrowserContext;
	page: Page;
	/** The page's own response (its status and headers). */
	response: Response | null;
	requests: string[];
	cspViolations: string[];
	consoleErrors: string[];
}

/** The page's console errors and Content Security Policy reports, from now on. */
export function watchConsole(page: Page): { cspViolations: string[]; consoleErrors: string[] } {
	const cspViolations: string[] = [];
	const consoleErrors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') consoleErrors.push(m.text());
		if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
	});
	return { cspViolations, consoleErrors };
}

export async function open(
	browser: Browser,
	path: string,
	options: { javaScriptEnabled?: boolean; width?: number; height?: number } = {}
): Promise<Session> {
	const context = await browser.newContext({
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
		acceptDownloads: true
	});
	const page = await context.newPage();
	const requests: string[] = [];
	// Context-level so requests from workers (DuckDB's) are seen too.
	context.on('request', (r) => requests.push(r.url()));
	const { cspViolations, consoleErrors } = watchConsole(page);
	const pageErrors: string[] = [];
	page.on('pageerror', (e) => pageErrors.push(`uncaught: ${e.message}`));
	const response = await page.goto(new URL(path.replace(/^\//, ''), baseUrl()).href, { waitUntil: 'load' });
	// With JavaScript on, not before the page is hydrated: input before then is lost (see +layout.svelte).
	// A page that never hydrates fails here, with what the page reported, not a bare timeout.
	if (options.javaScriptEnabled !== false)
		await page
			.locator('html[data-hydrated]')
			.waitFor({ state: 'attached', timeout: 30_000 })
			.catch(() => {
				const seen = [...cspViolations, ...consoleErrors, ...pageErrors].join('\n  ') || 'nothing';
				throw new Error(`${path} did not hydrate within 30 s; the page reported:\n  ${seen}`);
			});
	return { context, page, response, requests, cspViolations, consoleErrors };
}

/** Requests that went anywhere but the site's own origin (data: and blob: URLs stay in the page). */
export function foreignRequests(requests: string[]): string[] {
	const origin = new URL(baseUrl()).origin;
	return requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

export interface RequestRecord {
	method: string;
	url: string;
	/** Size of the request body (0 when there is none). */
	bytes: number;
}

/** Every request the context makes from now on (workers' included), same-origin too, with method and body size. */
export function recordRequests(context: BrowserContext): RequestRecord[] {
	const log: RequestRecord[] = [];
	context.on('request', (r) => log.push({ method: r.method(), url: r.url(), bytes: r.postDataBuffer()?.length ?? 0 }));
	return log;
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/**
 * The requests that are not a body-less GET of a file of the built site (build/), as
 * "METHOD url (N bytes)": anything sent anywhere, even to the site itself, is reported.
 */
export function notStaticGets(log: readonly RequestRecord[], dir = 'build'): string[] {
	const origin = new URL(baseUrl()).origin;
	const servesFile = (url: string) => {
		const u = new URL(url);
		if (u.origin !== origin) return false;
		const path = decodeURIComponent(u.pathname).replace(/^\/+/, '');
		if (path.split('/').includes('..')) return false;
		return [path, `${path}.html`, join(path, 'index.html')].some((p) => isFile(join(dir, p)));
	};
	return log
		.filter((r) => !(r.method === 'GET' && r.bytes === 0 && servesFile(r.url)))
		.map((r) => `${r.method} ${r.url} (${r.bytes} bytes)`);
}

/** A chart's data table: its column headings and its rows, as cell texts. */
export async function readTable(page: Page, chartId: string): Promise<{ header: string[]; rows: string[][] }> {
	const table = page.locator(`#${chartId} table`);
	const header = await table.locator('thead th').allTextContents();
	const rows = await table.locator('tbody tr').evaluateAll((trs) =>
		trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()))
	);
	return { header: header.map((h) => h.trim()), rows };
}

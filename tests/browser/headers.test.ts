/**
 * The HTTP headers, as a browser gets them from the server the site is tried on (which applies
 * build/_headers, the file Netlify or Cloudflare Pages would apply):
 *  - a page's other URLs, and misses, carry the headers too (that every page the build wrote
 *    carries its meta policy as a header, and runs under both, is checked in every-page.test.ts);
 *  - another origin cannot frame an ordinary page, and can frame a page under /embed/;
 *  - DuckDB's worker script carries the worker policy, and a fetch the worker makes to another
 *    origin never leaves the browser (while the same worker code, served without that header from
 *    the same page, does reach it: the worker's own header is what stops it).
 * "Another origin" is a second local server on another port.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHeadersFile } from '../../scripts/headers.mjs';
import { serve } from '../../scripts/serve.mjs';
import { closeServer, makeSite, useServedSite } from '../unit/serve-fixture';
import { baseUrl, open, useBrowser } from './browser';
import { builtPages } from './pages';

const browser = useBrowser();
const BUILD = 'build';
const WORKER_POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; frame-ancestors 'none'";

/** DuckDB's worker scripts, found in the build output. */
function builtWorkers(): string[] {
	return readdirSync(join(BUILD, '_app/immutable/assets')).filter((f) => /^duckdb-browser-(mvp|eh)\.worker\..+\.js$/.test(f));
}

const listen = (server: Server) =>
	new Promise<string>((ok) => server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

/** Another site: a page that frames ?src=..., and a probe that counts what reaches it. */
let other: Server;
let otherUrl: string;
const probeHits: string[] = [];

beforeAll(async () => {
	other = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		if (url.pathname === '/frame') {
			const src = url.searchParams.get('src') ?? '';
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(`<!doctype html><title>Framing</title><iframe id="framed" src="${src.replace(/"/g, '&quot;')}" width="800" height="400"></iframe>`);
			return;
		}
		if (url.pathname.startsWith('/probe')) {
			probeHits.push(url.pathname);
			// Readable from any origin: if the request is stopped, CORS is not why.
			res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/wasm' });
			res.end();
			return;
		}
		res.writeHead(404).end();
	});
	otherUrl = await listen(other);
});
afterAll(() => closeServer(other));

const pageUrl = (path: string) => new URL(path.replace(/^\//, ''), baseUrl()).href;

describe('headers beyond the pages themselves', () => {
	it('sends the headers at a page\'s other URLs and on misses too', async () => {
		for (const path of ['/methodology.html', '/index.html']) {
			const reply = await fetch(pageUrl(path));
			expect(reply.headers.get('content-security-policy'), path).toMatch(/; frame-ancestors 'none'$/);
		}
		const miss = await fetch(pageUrl('/no-such-page'));
		expect(miss.status).toBe(404);
		expect(miss.headers.get('x-content-type-options')).toBe('nosniff');
		expect(miss.headers.get('referrer-policy')).toBe('no-referrer');
	});
});

/**
 * Load `target` in an iframe on the other origin; resolve with the framed page's h1, or null if
 * the browser refused to show it there (it then shows its own error page, from no origin of ours).
 */
async function framedHeading(page: Page, target: string, refusals: string[]): Promise<string | null> {
	const before = refusals.length;
	await page.goto(`${otherUrl}/frame?src=${encodeURIComponent(target)}`, { waitUntil: 'load' });
	const frame = page.frames().find((f) => f !== page.mainFrame());
	if (!frame) throw new Error('the framing page has no iframe');
	const origin = await frame.evaluate(() => location.origin).catch(() => 'none');
	if (origin !== new URL(target).origin) {
		expect(refusals.length, `${target} was not shown but no refusal was reported`).toBeGreaterThan(before);
		return null;
	}
	return frame.locator('h1').first().textContent();
}

describe('framing by another origin', () => {
	// The rule is tried on a built fixture site (its _headers written by the same code as the real
	// build's), and then on every /embed/ page of the real build.
	const fixtureSite = useServedSite();

	it('refuses to let another origin frame an ordinary page, and lets it frame /embed/ pages', async () => {
		const context = await browser().newContext();
		const page = await context.newPage();
		const refusals: string[] = [];
		page.on('console', (m) => /frame-ancestors/.test(m.text()) && refusals.push(m.text()));

		expect(await framedHeading(page, pageUrl('/methodology'), refusals)).toBeNull();
		expect(refusals.at(-1)).toContain("frame-ancestors 'none'");
		expect(await framedHeading(page, pageUrl('/'), refusals)).toBeNull();

		expect(await framedHeading(page, `${fixtureSite.url}embed/card`, refusals)).toBe('Card');
		expect(await framedHeading(page, `${fixtureSite.url}methodology`, refusals)).toBeNull();

		const embeds = builtPages().filter((p) => p.startsWith('/embed/'));
		expect(embeds.length).toBeGreaterThan(0);
		for (const path of embeds) expect(await framedHeading(page, pageUrl(path), refusals), path).not.toBeNull();
		await context.close();
	});
});

/**
 * Ask DuckDB's worker (created from `workerUrl` on the current page) to instantiate from `wasmUrl`:
 * the worker fetches that URL itself. A refused fetch leaves the worker waiting, never answering,
 * so this gives it `waitMs` and resolves with its reply type, or 'NO REPLY'.
 */
function instantiateIn(page: Page, workerUrl: string, wasmUrl: string, waitMs: number) {
	return page.evaluate(
		([workerUrl, wasmUrl, waitMs]) =>
			new Promise<string>((done) => {
				const worker = new Worker(workerUrl);
				const finish = (reply: string) => {
					clearTimeout(timer);
					worker.terminate();
					done(reply);
				};
				const timer = setTimeout(() => finish('NO REPLY'), waitMs);
				worker.onerror = (e) => finish(`WORKER ERROR ${e.message}`);
				worker.onmessage = (e: MessageEvent<{ requestId: number; type: string }>) => {
					if (e.data.requestId === 1 && e.data.type !== 'INSTANTIATE_PROGRESS') finish(e.data.type);
				};
				worker.postMessage({ messageId: 1, type: 'INSTANTIATE', data: [wasmUrl, null] });
			}),
		[workerUrl, wasmUrl, waitMs] as const
	);
}

/** Wait until the probe has seen `path`, or `ms` have passed. */
async function probeSees(path: string, ms: number): Promise<boolean> {
	for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
		if (probeHits.includes(path)) return true;
	}
	return probeHits.includes(path);
}

describe("DuckDB's worker under its own policy", () => {
	it('is served with the worker policy, and still starts the engine and answers the queries', async () => {
		expect(builtWorkers().length).toBeGreaterThan(0);
		const s = await open(browser(), '/workbench');
		const workerResponses: Record<string, string | undefined>[] = [];
		s.context.on('response', (r) => /duckdb-browser-(mvp|eh)\.worker\./.test(r.url()) && workerResponses.push(r.headers()));
		await s.page.getByRole('button', { name: 'Run the queries in this browser' }).click();
		await s.page.locator('[data-status="done"], [data-status="failed"]').waitFor({ timeout: 90_000 });
		expect(await s.page.locator('[data-status]').getAttribute('data-status')).toBe('done');
		expect(workerResponses.length).toBe(1);
		expect(workerResponses[0]['content-security-policy']).toBe(WORKER_POLICY);
		expect(workerResponses[0]['x-content-type-options']).toBe('nosniff');
		expect(s.cspViolations).toEqual([]);
		await s.context.close();
	});

	it("refuses the worker's own fetch to another origin: the request never leaves the browser", async () => {
		const s = await open(browser(), '/');
		for (const worker of builtWorkers()) {
			const reply = await instantiateIn(s.page, pageUrl(`/_app/immutable/assets/${worker}`), `${otherUrl}/probe-site-${worker}.wasm`, 4_000);
			expect(reply, worker).not.toBe('OK');
			expect(await probeSees(`/probe-site-${worker}.wasm`, 1_000), worker).toBe(false);
		}
		expect(s.requests.filter((u) => u.startsWith(otherUrl))).toEqual([]);
		await s.context.close();
	});

	it('the same worker code served without that header, from a page with the same connect-src, does reach the other origin', async () => {
		// So it is the worker script's own header that stops the fetch, not the page's policy.
		const fixture = makeSite();
		const worker = builtWorkers()[0];
		mkdirSync(join(fixture.site, 'plain'));
		copyFileSync(join(BUILD, '_app/immutable/assets', worker), join(fixture.site, 'plain', 'worker.js'));
		copyFileSync(join(BUILD, '_app/immutable/assets', worker), join(fixture.site, '_app/immutable/assets', 'worker.js'));
		writeHeadersFile(fixture.site);
		// Take away the policy of /plain/worker.js only: the page keeps connect-src 'self' from its header.
		const headers = readFileSync(join(fixture.site, '_headers'), 'utf8');
		const withoutPlain = headers.replace(/\/plain\/worker\.js\n {2}Content-Security-Policy: .*\n/, '');
		expect(withoutPlain).not.toBe(headers);
		writeFileSync(join(fixture.site, '_headers'), withoutPlain);
		const { server, url } = await serve({ dir: fixture.site, port: 0 });
		try {
			const context = await browser().newContext();
			const page = await context.newPage();
			const home = await page.goto(url);
			expect(home?.headers()['content-security-policy']).toContain("default-src 'self'");
			const guarded = instantiateIn(page, `${url}_app/immutable/assets/worker.js`, `${otherUrl}/probe-guarded.wasm`, 4_000);
			const plain = instantiateIn(page, `${url}plain/worker.js`, `${otherUrl}/probe-plain.wasm`, 4_000);
			expect(await probeSees('/probe-plain.wasm', 20_000)).toBe(true);
			await Promise.all([guarded, plain]);
			expect(probeHits).not.toContain('/probe-guarded.wasm');
			await context.close();
		} finally {
			await closeServer(server);
			fixture.done();
		}
	});
});

if (!process.env.VITEST_COLLECT_ONLY && !existsSync(join(BUILD, '_headers'))) throw new Error('build/_headers is missing: run `npx vite build` first');

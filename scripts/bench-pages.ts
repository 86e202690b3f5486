/**
 * Page benchmark, in headless Chromium against the built site (build/, from `npx vite build`):
 *  - bytes of HTML, JS and CSS fetched before any interaction on / (gzip -9 of each response body),
 *    against the budget of 100 KB gzip for JS + CSS;
 *  - largest contentful paint of /;
 *  - time from choosing an area in the switcher to the updated chart, DuckDB start included
 *    (a fresh page each run, so each run starts the engine from cold cache... of the engine, the
 *    browser's HTTP cache is fresh too);
 *  - beside it, the time a bare duckdb-wasm page (the same wasm, worker and bundle selection, nothing
 *    else) takes to answer its first query on the same machine, in the same run.
 * Figures are medians of RUNS runs. Measured, not asserted: machines here are shared and noisy.
 */
import { gzipSync } from 'node:zlib';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { serve } from './serve.mjs';
import { findOrInstallChromium } from './find-chromium.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET_KB = 100;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x: number) => `${Math.round(x)} ms`;

export async function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || findOrInstallChromium({ log: () => {} }),
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
	});
}

/**
 * A page that does nothing but start duckdb-wasm and answer SELECT 1, built with Vite like the site.
 * `extra` adds more module code (other measurements on the same page, e.g. scripts/bench-explore.ts);
 * `prepare` may write files into the page's root (its public/ dir is served as is).
 */
export async function buildBarePage(extra = '', prepare?: (root: string) => void): Promise<string> {
	const root = mkdtempSync(join(tmpdir(), 'bare-duckdb-'));
	prepare?.(root);
	writeFileSync(join(root, 'index.html'), '<!doctype html><title>bare</title><script type="module" src="./main.js"></script>');
	writeFileSync(
		join(root, 'main.js'),
		`import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
window.runFirstQuery = async () => {
  const t0 = performance.now();
  const bundle = await duckdb.selectBundle({ mvp: { mainModule: mvpWasm, mainWorker: mvpWorker }, eh: { mainModule: ehWasm, mainWorker: ehWorker } });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker));
  await db.instantiate(bundle.mainModule);
  const conn = await db.connect();
  await conn.query('SELECT 1');
  return performance.now() - t0;
};
${extra}`
	);
	const out = join(root, 'dist');
	await build({
		root,
		configFile: false,
		logLevel: 'silent',
		resolve: { alias: { '@duckdb/duckdb-wasm': resolve('node_modules/@duckdb/duckdb-wasm') } },
		build: { outDir: out, emptyOutDir: true }
	});
	// scripts/serve.mjs serves a folder only with its _headers file (the bare page needs none of note).
	writeFileSync(join(out, '_headers'), '/*\n  X-Content-Type-Options: nosniff\n');
	return out;
}

export const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function benchPages(): Promise<void> {
	if (!existsSync('build/index.html')) {
		console.log('\nPage benchmark skipped: no build/ (run `npx vite build` first).');
		return;
	}
	const { server, url } = await serve({ dir: 'build', port: 0 });
	const bareDir = await buildBarePage();
	const bare = await serve({ dir: bareDir, port: 0 });
	const browser = await launch();
	try {
		// 1. Bytes before interaction, and LCP.
		const bytes = { html: 0, js: 0, css: 0, other: 0 };
		const lcps: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			const bodies: Promise<void>[] = [];
			const seen = { html: 0, js: 0, css: 0, other: 0 };
			page.on('response', (r) => {
				bodies.push(
					r.body().then((b) => {
						const type = r.headers()['content-type'] ?? '';
						const key = type.includes('html') ? 'html' : type.includes('javascript') ? 'js' : type.includes('css') ? 'css' : 'other';
						seen[key] += gzipSync(b, { level: 9 }).length;
					}, () => {})
				);
			});
			await page.addInitScript(() => {
				(window as unknown as { __lcp: number }).__lcp = 0;
				new PerformanceObserver((list) => {
					for (const e of list.getEntries()) (window as unknown as { __lcp: number }).__lcp = e.startTime;
				}).observe({ type: 'largest-contentful-paint', buffered: true });
			});
			await page.goto(url, { waitUntil: 'networkidle' });
			await Promise.all(bodies);
			lcps.push(await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp));
			if (i === 0) Object.assign(bytes, seen);
			await context.close();
		}

		// 2. Area switch to updated chart, engine start included.
		const switches: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			await page.goto(url, { waitUntil: 'networkidle' });
			const t0 = Date.now();
			await page.selectOption('#area-select', 'E08000025');
			await page.locator('[data-area-code="E08000025"]').first().waitFor({ timeout: 120_000 });
			switches.push(Date.now() - t0);
			await context.close();
		}

		// 3. Bare duckdb-wasm page, first query.
		const bares: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(bare.url, { waitUntil: 'networkidle' });
			bares.push(await page.evaluate(() => (window as unknown as { runFirstQuery: () => Promise<number> }).runFirstQuery()));
			await context.close();
		}

		const jsCss = bytes.js + bytes.css;
		console.log(`\nPages (headless Chromium, build/ on localhost, median of ${RUNS} runs)`);
		console.log(`  / before interaction, gzip: HTML ${kb(bytes.html)}, JS ${kb(bytes.js)}, CSS ${kb(bytes.css)}, other ${kb(bytes.other)}`);
		console.log(`  JS + CSS: ${kb(jsCss)} of a ${BUDGET_KB} KB budget (${((jsCss / 1024 / BUDGET_KB) * 100).toFixed(0)}%) ${jsCss <= BUDGET_KB * 1024 ? 'within budget' : 'OVER BUDGET'}`);
		console.log(`  largest contentful paint: ${ms(median(lcps))}`);
		console.log(`  area switch to updated chart (DuckDB start included): ${ms(median(switches))}`);
		console.log(`  bare duckdb-wasm page, first query answered: ${ms(median(bares))}`);
		console.log(`  ratio switch / bare first query: ${(median(switches) / median(bares)).toFixed(2)}`);
	} finally {
		await browser.close();
		server.close();
		bare.server.close();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPages();

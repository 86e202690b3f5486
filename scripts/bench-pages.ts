/**
 * Page benchmark, in headless Chromium against the built site (build/, from `npx vite build`):
 *  - JS and CSS fetched before any interaction (gzip -9 of each response body) on /, every
 *    /areas/*, every /indicators/* and every /report/* page found in build/, each against the 100 KB gzip budget;
 *  - largest contentful paint of /;
 *  - area switch: from a click on an area in the switcher to the updated chart (the prerendered
 *    figures of that area arrive as __data.json; no DuckDB), median of RUNS switches, and how many
 *    .wasm and .csv requests they made (the goal: none);
 *  - beside it, the time a bare duckdb-wasm page (the same wasm, worker and bundle selection, nothing
 *    else) takes to answer its first query on the same machine, in the same run: what the switch
 *    cost before, when it started the engine.
 * Figures are medians of RUNS runs. Measured, not asserted: machines here are shared and noisy.
 */
import { gzipSync } from 'node:zlib';
import { BUDGET_KB } from './page-weight.ts';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { serve } from './serve.mjs';
import { findOrInstallChromium } from './find-chromium.mjs';
import { builtPages } from './built-pages.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SWITCH_GOAL_MS = 150;

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
		// 1. JS and CSS before interaction on every page that has the budget.
		const weighed = builtPages().filter((p) => p === '/' || p.startsWith('/areas/') || p.startsWith('/indicators/') || p.startsWith('/report/'));
		const weights: { path: string; html: number; js: number; css: number }[] = [];
		for (const path of weighed) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			const bodies: Promise<void>[] = [];
			const seen = { path, html: 0, js: 0, css: 0 };
			page.on('response', (r) => {
				bodies.push(
					r.body().then((b) => {
						const type = r.headers()['content-type'] ?? '';
						const key = type.includes('html') ? 'html' : type.includes('javascript') ? 'js' : type.includes('css') ? 'css' : null;
						if (key) seen[key] += gzipSync(b, { level: 9 }).length;
					}, () => {})
				);
			});
			await page.goto(new URL(path.slice(1), url).href, { waitUntil: 'networkidle' });
			await Promise.all(bodies);
			weights.push(seen);
			await context.close();
		}

		// 2. Largest contentful paint of /.
		const lcps: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			await page.addInitScript(() => {
				(window as unknown as { __lcp: number }).__lcp = 0;
				new PerformanceObserver((list) => {
					for (const e of list.getEntries()) (window as unknown as { __lcp: number }).__lcp = e.startTime;
				}).observe({ type: 'largest-contentful-paint', buffered: true });
			});
			await page.goto(url, { waitUntil: 'networkidle' });
			lcps.push(await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp));
			await context.close();
		}

		// 3. Area switch, click to updated chart: each run a fresh page on Coventry, then a click on
		// another authority (a different one each run, so its data is never cached).
		const switches: number[] = [];
		const engineRequests: string[] = [];
		const targets = ['E08000025', 'E08000027', 'E08000028', 'E08000029', 'E08000030', 'E08000031', 'E47000007'];
		for (let i = 0; i < RUNS; i++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			context.on('request', (r) => {
				if (/\.wasm$|\.csv$/.test(r.url())) engineRequests.push(r.url());
			});
			const page = await context.newPage();
			await page.goto(new URL('areas/E08000026/', url).href, { waitUntil: 'networkidle' });
			const code = targets[i % targets.length];
			// A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
			switches.push(
				(await page.evaluate(`(async () => {
					const target = ${JSON.stringify(code)};
					const link = document.querySelector('nav.switcher a[data-area="' + target + '"]');
					const t0 = performance.now();
					link.click();
					await new Promise((done) => {
						const check = () => (document.querySelector('[data-area-code="' + target + '"] #chart-snapshot') ? done() : requestAnimationFrame(check));
						check();
					});
					// The frame the updated chart is painted in.
					await new Promise((done) => requestAnimationFrame(done));
					return performance.now() - t0;
				})()`)) as number
			);
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

		console.log(`\nPages (headless Chromium, build/ on localhost, median of ${RUNS} runs)`);
		console.log(`  JS + CSS before interaction, gzip (budget ${BUDGET_KB} KB each):`);
		for (const w of weights) {
			const jsCss = w.js + w.css;
			console.log(`    ${w.path.padEnd(24)} JS ${kb(w.js).padStart(9)}  CSS ${kb(w.css).padStart(8)}  = ${kb(jsCss).padStart(9)} (${((jsCss / 1024 / BUDGET_KB) * 100).toFixed(0)}% of budget)${jsCss <= BUDGET_KB * 1024 ? '' : '  OVER BUDGET'}  HTML ${kb(w.html)}`);
		}
		const heaviest = weights.reduce((a, b) => (a.js + a.css >= b.js + b.css ? a : b));
		console.log(`  heaviest: ${heaviest.path} at ${kb(heaviest.js + heaviest.css)}, ${heaviest.js + heaviest.css <= BUDGET_KB * 1024 ? 'within' : 'OVER'} budget`);
		console.log(`  largest contentful paint of /: ${ms(median(lcps))}`);
		const sw = median(switches);
		console.log(`  area switch, click to updated chart: ${ms(sw)} median (${switches.map(ms).join(', ')}); goal ${SWITCH_GOAL_MS} ms: ${sw <= SWITCH_GOAL_MS ? 'met' : 'NOT MET'}; .wasm/.csv requests: ${engineRequests.length}`);
		console.log(`  bare duckdb-wasm page, first query answered: ${ms(median(bares))}`);
		console.log(`  ratio area switch / bare DuckDB first query: ${(sw / median(bares)).toFixed(3)} (the switch no longer starts DuckDB)`);
	} finally {
		await browser.close();
		server.close();
		bare.server.close();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPages();

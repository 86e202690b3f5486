/**
 * Workbench benchmark: a ~100 MB generated contacts CSV (135,000 people, 2020-01 to 2024-12)
 *  - in headless Chromium on the built site's /workbench: read (file.stream() in the load
 *    worker) + check (the records checker) + compute (the framework SQL on duckdb-wasm), from the
 *    file chosen to the figures ready; peak memory of the tab (the resident set of the renderer
 *    processes, which hold the page, its workers and DuckDB's wasm memory, read from /proc every
 *    50 ms) and the page's peak JS heap (CDP Performance.getMetrics);
 *  - natively on the same file: the same checker in Node, then the same SQL on native DuckDB
 *    (@duckdb/node-api, reading the file from disk);
 * and prints the figures and the ratios against the goals (browser ≤ 3× native end to end; tab
 * peak ≤ 3× the file size). Needs build/ (npx vite build). Linux only for the memory figures.
 *
 *   npm run bench (scripts/bench.ts runs it after the engine and page benchmarks)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { computeWide, toObservationRows } from '../src/lib/indicators/compute.ts';
import { checkRecords } from '../src/lib/indicators/records.ts';
import { loadEventsSql } from '../src/lib/indicators/sql.ts';
import { createNativeEngine } from './bench-engine.ts';
import { findOrInstallChromium } from './find-chromium.mjs';
import { serve } from './serve.mjs';

const PEOPLE = 135_000;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Resident set (bytes) of every Chromium renderer process under this process. */
function rendererRss(): number {
	const parent = new Map<number, number>();
	for (const d of readdirSync('/proc')) {
		if (!/^\d+$/.test(d)) continue;
		try {
			const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
			parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			// gone
		}
	}
	const mine = (pid: number): boolean => {
		for (let p = pid, i = 0; p > 1 && i < 50; p = parent.get(p) ?? 0, i++) if (p === process.pid) return true;
		return false;
	};
	let total = 0;
	for (const pid of parent.keys()) {
		if (!mine(pid)) continue;
		try {
			if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
			const rss = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
			if (rss) total += Number(rss[1]) * 1024;
		} catch {
			// gone
		}
	}
	return total;
}

async function native(file: string) {
	const t0 = performance.now();
	const checked = checkRecords(new Uint8Array(readFileSync(file)), file);
	if (checked.problems.length) throw new Error('the generated register has problems');
	const checkMs = performance.now() - t0;
	const engine = await createNativeEngine();
	const t1 = performance.now();
	await engine.query(loadEventsSql(file, checked.header));
	const rows = toObservationRows(await computeWide(engine));
	const sqlMs = performance.now() - t1;
	await engine.close();
	return { checkMs, sqlMs, totalMs: performance.now() - t0, rows: rows.length };
}

async function inBrowser(file: string) {
	const { server, url } = await serve({ dir: 'build', port: 0 });
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || findOrInstallChromium({ log: () => {} }),
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking']
	});
	try {
		const page = await (await browser.newContext()).newPage();
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Performance.enable');
		await page.goto(new URL('workbench', url).href, { waitUntil: 'networkidle' });
		// Start the engine first (as a returning analyst's page would have), so the time is the file's.
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await page.locator('[data-sql-status="done"]').waitFor({ timeout: 120_000 });
		const baseline = rendererRss();
		let peak = baseline;
		let heapPeak = 0;
		// Where the peak is: the tab's resident set at its highest while the file is read and
		// checked (in the load worker), and while DuckDB loads and computes (told from the status line).
		let computing = false;
		const phasePeak = { checking: baseline, computing: baseline };
		const sampler = setInterval(() => {
			const rss = rendererRss();
			peak = Math.max(peak, rss);
			const at = computing ? 'computing' : 'checking';
			phasePeak[at] = Math.max(phasePeak[at], rss);
		}, 50);
		const heap = setInterval(async () => {
			const { metrics } = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] as { name: string; value: number }[] }));
			heapPeak = Math.max(heapPeak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
			if (!computing) computing = /Computing/.test((await page.locator('[data-records-status]').textContent().catch(() => '')) ?? '');
		}, 200);
		const t0 = performance.now();
		await page.setInputFiles('#records-file', file);
		await page.locator('[data-records-status="done"], [data-records-status="problems"], [data-records-status="failed"]').waitFor({ timeout: 600_000 });
		const totalMs = performance.now() - t0;
		clearInterval(sampler);
		clearInterval(heap);
		const status = await page.locator('[data-records-status]').getAttribute('data-records-status');
		if (status !== 'done') throw new Error(`the browser load ended ${status}: ${await page.locator('[data-records-status]').textContent()}`);
		// Console: a GROUP BY over the user's figures, time to first result.
		await page.goto(new URL(`workbench?sql=${encodeURIComponent("SELECT area_code, count(*) AS n, sum(value) AS total FROM observations GROUP BY area_code")}`, url).href);
		const q0 = performance.now();
		await page.locator('[data-sql-status="done"]').waitFor({ timeout: 120_000 });
		const consoleMs = performance.now() - q0;
		await page.getByRole('button', { name: 'Clear my data' }).click();
		return { totalMs, baseline, peak, heapPeak, consoleMs, phasePeak };
	} finally {
		await browser.close();
		server.close();
	}
}

export async function benchWorkbench(): Promise<void> {
	if (!existsSync('build/index.html')) {
		console.log('Workbench benchmark skipped: no build/ (run `npx vite build` first).');
		return;
	}
	const dir = mkdtempSync(join(tmpdir(), 'bench-workbench-'));
	try {
		const file = join(dir, 'contacts-100mb.csv');
		execFileSync('npx', ['tsx', 'scripts/generate-register.ts', '--people', String(PEOPLE), '--seed', '9', '--from', '2020-01', '--to', '2024-12', '--out', file], { stdio: 'pipe' });
		const size = statSync(file).size;
		console.log(`Workbench benchmark: ${mb(size)} contacts CSV (${PEOPLE.toLocaleString('en-GB')} people, 2020-01 to 2024-12)`);
		const n = await native(file);
		const b = await inBrowser(file);
		const ratio = b.totalMs / n.totalMs;
		const memory = (b.peak - b.baseline) / size;
		console.log(`  native (Node checker + native DuckDB): ${s(n.totalMs)} end to end (check ${s(n.checkMs)}, SQL ${s(n.sqlMs)}); ${n.rows.toLocaleString('en-GB')} figures`);
		console.log(`  browser (/workbench: read + check + compute): ${s(b.totalMs)} end to end`);
		console.log(`  ratio browser / native: ${ratio.toFixed(2)}× (goal ≤ 3×) ${ratio <= 3 ? 'met' : 'NOT met'}`);
		console.log(`  tab memory (renderer RSS): ${mb(b.baseline)} before, ${mb(b.peak)} at peak: +${mb(b.peak - b.baseline)} = ${memory.toFixed(2)}× the file (goal ≤ 3×) ${memory <= 3 ? 'met' : 'NOT met'}; page JS heap peak ${mb(b.heapPeak)}`);
		console.log(`  where the peak is: +${mb(b.phasePeak.checking - b.baseline)} while reading and checking (load worker), +${mb(b.phasePeak.computing - b.baseline)} while DuckDB loads and computes`);
		console.log(`  console GROUP BY over the user's figures (page load to first result): ${Math.round(b.consoleMs)} ms`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await benchWorkbench();

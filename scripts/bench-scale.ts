/**
 * Scale benchmark: the indicator engine on England-sized input.
 *  - Command line, native DuckDB (@duckdb/node-api): a synthetic register in 296 made-up
 *    authorities (England's count of districts; codes X00000001 ..., see
 *    scripts/generate-register.ts --authorities) with 1, 2, 5 and 10 million events; every
 *    measure for the 296 authorities and their total, every month. Each size runs in a child
 *    process of its own, so its peak memory (getrusage maxRSS) is that run's alone. Prints time
 *    and peak memory per size and how each grows: the exponent b of time = a * events^b from 1 to
 *    10 million (1 is linear).
 *  - The SQL console in headless Chromium on the built /workbench (the workbench's own
 *    duckdb-wasm): a GROUP BY over a 10-million-event table, time from Run to the first result.
 *    The table is made in the browser's DuckDB by SQL (range()), since a 10-million-event CSV
 *    (about 570 MB) is over the workbench's contacts limit.
 * The records checker is not timed here: it accepts only the WMCA's area codes.
 *
 *   npm run bench -- --scale   (or npx tsx scripts/bench-scale.ts; a few minutes, so not in the routine run)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeWide } from '../src/lib/indicators/compute.ts';
import { CONTACT_COLUMNS } from '../src/lib/indicators/records.ts';
import { syntheticAuthorities } from '../src/lib/indicators/register.ts';
import { loadEventsSql, type Geography } from '../src/lib/indicators/sql.ts';
import { createNativeEngine } from './bench-engine.ts';
import { launch } from './bench-pages.ts';
import { serve } from './serve.mjs';

const AUTHORITIES = 296;
const SIZES = [1_000_000, 2_000_000, 5_000_000, 10_000_000];
const geography = (): Geography => ({ authorities: syntheticAuthorities(AUTHORITIES).map((a) => a.code), total: 'X99999999' });
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const millions = (n: number) => `${n / 1e6} million`;

interface ChildResult {
	loadMs: number;
	computeMs: number;
	rows: number;
	/** Resident set just before loading, and at its peak (bytes). */
	before: number;
	peak: number;
}

const rss = () => process.memoryUsage.rss();

/** One size, in this (child) process: load and compute, with timings and memory. */
async function child(file: string): Promise<ChildResult> {
	const engine = await createNativeEngine();
	const before = rss();
	const t0 = performance.now();
	await engine.query(loadEventsSql(file, CONTACT_COLUMNS, geography()));
	const t1 = performance.now();
	const rows = await computeWide(engine, { geography: geography() });
	const t2 = performance.now();
	await engine.close();
	return { loadMs: t1 - t0, computeMs: t2 - t1, rows: rows.length, before, peak: process.resourceUsage().maxRSS * 1024 };
}

function runChild(file: string): ChildResult {
	const out = spawnSync('npx', ['tsx', fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
	if (out.status !== 0) throw new Error(`scale bench child failed: ${out.stderr}`);
	return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

/**
 * How y grows with x: the exponent b of y = a * x^b fitted by least squares on the logs (1 is
 * proportional), and the straight line y = c + d * x fitted by least squares with the largest
 * distance of a point from it (a fixed start-up part makes b less than 1 while growth is still
 * linear: the line says so).
 */
function growth(x: number[], y: number[]) {
	const fit = (u: number[], v: number[]) => {
		const mu = u.reduce((a, b) => a + b) / u.length;
		const mv = v.reduce((a, b) => a + b) / v.length;
		const slope = u.reduce((a, ui, i) => a + (ui - mu) * (v[i] - mv), 0) / u.reduce((a, ui) => a + (ui - mu) ** 2, 0);
		return { slope, intercept: mv - slope * mu };
	};
	const exponent = fit(x.map(Math.log), y.map(Math.log)).slope;
	const line = fit(x, y);
	const off = Math.max(...x.map((xi, i) => Math.abs(y[i] - (line.intercept + line.slope * xi)) / y[i]));
	return { exponent, ...line, off };
}
/** Linear: the points lie near a straight line, or grow in proportion (exponent near 1, for noisy times). */
const shape = (g: ReturnType<typeof growth>) =>
	g.off <= 0.2 || Math.abs(g.exponent - 1) <= 0.15 ? 'linear' : g.exponent < 1 ? 'less than linear' : 'more than linear';
const describe = (g: ReturnType<typeof growth>, unit: (v: number) => string) =>
	`${unit(g.intercept)} + ${unit(g.slope * 1e6)} per million events (every size within ${Math.round(g.off * 100)}% of that line; events^${g.exponent.toFixed(2)}): ${shape(g)}`;

/** The console in the browser: a GROUP BY over a 10-million-event table, Run to first result. */
async function consoleGroupBy(events: number): Promise<{ makeMs: number; firstMs: number; groups: string }> {
	const { server, url } = await serve({ dir: 'build', port: 0 });
	const browser = await launch();
	try {
		const page = await (await browser.newContext()).newPage();
		// The events as the engine holds them (ind_events' columns), spread over the authorities
		// and five years; made by the console itself, through its ?sql= link.
		const make = `CREATE OR REPLACE TABLE events AS SELECT CAST(i // 13 AS INTEGER) AS pid, CAST(hash(i) % ${AUTHORITIES} + 1 AS INTEGER) AS area,
			CAST(18262 + hash(i * 7) % 1827 AS INTEGER) AS day, hash(i * 3) % 10 < 8 AS seen FROM range(${events}) t(i)`;
		await page.goto(new URL(`workbench?sql=${encodeURIComponent(make)}`, url).href, { waitUntil: 'networkidle' });
		const t0 = performance.now();
		await page.locator('[data-sql-status="done"], [data-sql-status="failed"]').waitFor({ timeout: 600_000 });
		const makeMs = performance.now() - t0;
		if ((await page.locator('[data-sql-status]').getAttribute('data-sql-status')) !== 'done')
			throw new Error(`making the table failed: ${await page.locator('[data-sql-status]').textContent()}`);
		// The query, typed into the editor and run with the Run button, as an analyst would.
		const query = 'SELECT area, count(*) AS events, count(DISTINCT pid) AS people, count(*) FILTER (WHERE seen) AS sightings FROM events GROUP BY area ORDER BY area';
		await page.locator('.cm-content').first().click();
		await page.keyboard.press('Control+A');
		await page.keyboard.insertText(query);
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		const t1 = performance.now();
		await page.locator('[data-sql-status="running"]').waitFor({ timeout: 10_000 }).catch(() => {});
		await page.locator('[data-sql-status="done"], [data-sql-status="failed"]').waitFor({ timeout: 600_000 });
		const firstMs = performance.now() - t1;
		const status = (await page.locator('[data-sql-status]').textContent())?.replace(/\s+/g, ' ').trim() ?? '';
		return { makeMs, firstMs, groups: status };
	} finally {
		await browser.close();
		server.close();
	}
}

export async function benchScale(): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
	try {
		console.log(`Scale benchmark: ${AUTHORITIES} made-up authorities, native DuckDB (@duckdb/node-api) on the command line`);
		// One register of the largest size; each smaller one is its first N events (the generator
		// draws one person after another, so that is what it would write for N).
		const largest = join(dir, `events-${SIZES.at(-1)}.csv`);
		const t = performance.now();
		execFileSync('npx', ['tsx', 'scripts/generate-register.ts', '--people', '5000000', '--seed', '11', '--from', '2020-01', '--to', '2024-12',
			'--authorities', String(AUTHORITIES), '--max-events', String(SIZES.at(-1)), '--out', largest], { stdio: 'pipe' });
		console.log(`  generated ${millions(SIZES.at(-1)!)} events (${mb(statSync(largest).size)}) in ${s(performance.now() - t)}`);
		const results: ChildResult[] = [];
		for (const n of SIZES) {
			let file = largest;
			if (n !== SIZES.at(-1)) {
				file = join(dir, `events-${n}.csv`);
				writeFileSync(file, execFileSync('head', ['-n', String(n + 1), largest], { maxBuffer: 2 ** 31 - 1 }));
			}
			const r = runChild(file);
			results.push(r);
			console.log(
				`  ${millions(n).padEnd(11)} events: ${s(r.loadMs + r.computeMs)} (load ${s(r.loadMs)}, compute ${s(r.computeMs)}); peak memory ${mb(r.peak)} (${mb(r.peak - r.before)} over the engine's start); ${r.rows.toLocaleString('en-GB')} area-months`
			);
			if (file !== largest) rmSync(file);
		}
		const x = SIZES;
		const time = growth(x, results.map((r) => r.loadMs + r.computeMs));
		const memory = growth(x, results.map((r) => r.peak - r.before));
		console.log(`  growth of time: ${describe(time, s)}`);
		console.log(`  growth of peak memory over the engine's start: ${describe(memory, mb)}`);
		if (!existsSync('build/index.html')) {
			console.log('  console in the browser skipped: no build/ (run `npx vite build` first).');
			return;
		}
		const c = await consoleGroupBy(SIZES.at(-1)!);
		console.log(`  browser console (/workbench, duckdb-wasm): a ${millions(SIZES.at(-1)!)}-event table made in ${s(c.makeMs)}; GROUP BY area over it, Run to first result: ${s(c.firstMs)} (${c.groups})`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

if (process.argv[2] === '--child') console.log(JSON.stringify(await child(process.argv[3])));
else if (import.meta.url === `file://${process.argv[1]}`) await benchScale();

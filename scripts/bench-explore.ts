/**
 * Explorer benchmark, in headless Chromium against the built site (build/, from `npx vite build`),
 * all in one run on one machine (medians of RUNS runs, each in a fresh browser context, so
 * DuckDB starts cold every time):
 *  - /explore, the first change that needs DuckDB (choosing the table view), to the updated view;
 *  - a bare duckdb-wasm page's first query (scripts/bench-pages.ts), the yardstick: goal ≤ 1.2×;
 *  - on that bare page, DuckDB start + loading the dashboard data + one named query, two ways:
 *    the seven CSVs (fetched and read by read_csv) and the build's Arrow snapshot (fetched and
 *    inserted), with the project's own engine and loader code.
 * Measured, not asserted: machines here are shared and noisy.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './serve.mjs';
import { buildBarePage, launch, median } from './bench-pages.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SNAPSHOT_DIR = '.svelte-kit/data-snapshot';
const ms = (x: number) => `${Math.round(x)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** The loads, with the project's engine (src/lib/data/engine-browser.ts) and loaders. */
const LOADS = `
import { createBrowserEngine } from '${process.cwd()}/src/lib/data/engine-browser.ts';
import { loadDataFiles } from '${process.cwd()}/src/lib/data/database.ts';
import { loadSnapshot } from '${process.cwd()}/src/lib/data/snapshot.ts';
import { queries } from '${process.cwd()}/src/lib/data/queries/index.ts';
const csvNames = ${JSON.stringify(readdirSync('data').filter((n) => n.endsWith('.csv')))};
const tableNames = ${JSON.stringify(existsSync(SNAPSHOT_DIR) ? readdirSync(SNAPSHOT_DIR).map((n) => n.replace(/\.arrow$/, '')) : [])};
const example = queries.indicatorSeries({ indicatorId: 'snapshot_single_night', areaCodes: ['E08000025', 'E08000026'], from: '2015', to: '2019' });
async function timed(load) {
  const t0 = performance.now();
  const engine = createBrowserEngine();
  await load(engine);
  const rows = await (await engine).query(example.sql, example.params);
  if (rows.length !== 10) throw new Error('expected 10 rows, got ' + rows.length);
  return performance.now() - t0;
}
window.loadCsv = () => timed(async (engine) => {
  const files = Object.fromEntries(await Promise.all(csvNames.map(async (n) => [n, await (await fetch('./data/' + n)).text()])));
  await loadDataFiles(await engine, files);
});
window.loadArrow = () => timed(async (engine) => {
  const tables = Object.fromEntries(await Promise.all(tableNames.map(async (t) => [t, new Uint8Array(await (await fetch('./snapshot/' + t + '.arrow')).arrayBuffer())])));
  await loadSnapshot(await engine, tables);
});
`;

const dirBytes = (dir: string, ext: string) =>
	readdirSync(dir).filter((n) => n.endsWith(ext)).reduce((sum, n) => sum + statSync(join(dir, n)).size, 0);

export async function benchExplore(): Promise<void> {
	if (!existsSync('build/explore.html') || !existsSync(SNAPSHOT_DIR)) {
		console.log('\nExplorer benchmark skipped: no build/explore.html (run `npx vite build` first).');
		return;
	}
	const { server, url } = await serve({ dir: 'build', port: 0 });
	const bareDir = await buildBarePage(LOADS, (root) => {
		mkdirSync(join(root, 'public'), { recursive: true });
		cpSync('data', join(root, 'public', 'data'), { recursive: true });
		cpSync(SNAPSHOT_DIR, join(root, 'public', 'snapshot'), { recursive: true });
	});
	const bare = await serve({ dir: bareDir, port: 0 });
	const browser = await launch();
	const fresh = async (path: string) => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.goto(path, { waitUntil: 'networkidle' });
		return { context, page };
	};
	type Fn = 'runFirstQuery' | 'loadCsv' | 'loadArrow';
	const onBare = async (fn: Fn) => {
		const { context, page } = await fresh(bare.url);
		const t = await page.evaluate((name) => (window as unknown as Record<string, () => Promise<number>>)[name](), fn);
		await context.close();
		return t;
	};
	try {
		const times: Record<'explore' | Fn, number[]> = { explore: [], runFirstQuery: [], loadCsv: [], loadArrow: [] };
		// Interleaved, so a noisy moment on the machine falls on every measurement alike.
		for (let i = 0; i < RUNS; i++) {
			const { context, page } = await fresh(new URL('explore', url).href);
			const t0 = Date.now();
			await page.getByRole('radio', { name: 'Table' }).check();
			await page.locator('[data-explore-view*="view=table"]').waitFor({ timeout: 120_000 });
			await page.locator('[data-explore-status="ready"]').waitFor({ timeout: 120_000 });
			times.explore.push(Date.now() - t0);
			await context.close();
			for (const fn of ['runFirstQuery', 'loadCsv', 'loadArrow'] as const) times[fn].push(await onBare(fn));
		}
		const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) as Record<keyof typeof times, number>;
		console.log(`\nExplorer (headless Chromium, localhost, median of ${RUNS} cold runs)`);
		console.log(`  /explore, first change needing DuckDB, to the updated view: ${ms(m.explore)}`);
		console.log(`  bare duckdb-wasm page, first query answered:              ${ms(m.runFirstQuery)}`);
		console.log(`  ratio explore / bare first query: ${(m.explore / m.runFirstQuery).toFixed(2)} (goal ≤ 1.20)`);
		console.log(`  DuckDB start + data + one named query, from CSV (${kb(dirBytes('data', '.csv'))}, 7 files): ${ms(m.loadCsv)}`);
		console.log(`  DuckDB start + data + one named query, from Arrow (${kb(dirBytes(SNAPSHOT_DIR, '.arrow'))}, 6 files): ${ms(m.loadArrow)}`);
		console.log(`  data load beyond the bare first query: CSV ${ms(m.loadCsv - m.runFirstQuery)}, Arrow ${ms(m.loadArrow - m.runFirstQuery)}`);
	} finally {
		await browser.close();
		server.close();
		bare.server.close();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await benchExplore();

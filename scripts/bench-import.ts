/**
 * Import benchmark: a framework-sized workbook (29 sheets, 296 authorities plus England and the
 * nine regions, 66 month columns; SYNTHETIC values, written as ODS by SheetJS) imported
 *  - on the command line (a fresh Node process each run: wall time and peak resident memory), and
 *  - in headless Chromium through the import worker (src/lib/import/client.ts, built by Vite as a
 *    page would): time from choosing the file to the result, and the peak resident memory of the
 *    browser's processes above what they used before the import (sampled from /proc every 20 ms),
 *  - and on the built workbench page (build/, when it exists): choosing the file to the preview.
 * Medians of RUNS runs. Measured, not asserted.
 *
 *   npx tsx scripts/bench-import.ts          (also run by npm run bench; BENCH_IMPORT_BROWSER=0 for the command line only)
 */
import * as XLSX from '@e965/xlsx';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { WMCA_AUTHORITIES } from '../src/lib/data/contract.ts';
import { FRAMEWORK_TABLES } from '../src/lib/import/tables.ts';
import { findOrInstallChromium } from './find-chromium.mjs';
import { serve } from './serve.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CLI_ONLY = process.env.BENCH_IMPORT_BROWSER === '0';
const MONTHS = 66;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** 29 sheets: the 21 the importer maps (Table_8 ... Table_21 titled for their split), and 8 it skips. */
export function frameworkSizedWorkbook(): Uint8Array {
	const months = Array.from({ length: MONTHS }, (_, i) => {
		const d = new Date(Date.UTC(2020, 9 + i, 1));
		return `${d.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${d.getUTCFullYear()}`;
	});
	const areas: [string, string][] = [['E92000001', 'England'], ...Array.from({ length: 9 }, (_, i) => [`E1200000${i + 1}`, `Region ${i + 1}`] as [string, string])];
	for (const a of WMCA_AUTHORITIES) areas.push([a.code, a.name]);
	for (let i = 0; areas.length < 306; i++) areas.push([`E07${String(100000 + i).padStart(6, '0')}`, `Synthetic authority ${i + 1}`]);
	const titles: Record<string, string> = {
		Table_8: 'left prison', Table_9: 'left other criminal justice accommodation', Table_10: 'left hospital', Table_11: 'left the UK armed forces',
		Table_12: 'left asylum support accommodation', Table_13: 'care leavers under 25', Table_16: '1 night', Table_17: '2 nights',
		Table_18: '3 to 5 nights', Table_19: '6 to 10 nights', Table_20: '11 or more nights', Table_21: 'nights not known'
	};
	const sheets = [...FRAMEWORK_TABLES.map((t) => t.sheet), 'Table_2_Monthly_Rate', 'Table_4_Single_Night_Rate', 'Table_14_Under_25', 'Table_24_Gender', 'Table_25_Nationality', 'Table_26_Immigration', 'Table_27_Rural_Urban', 'Table_28'];
	const wb = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Rough sleeping data framework: SYNTHETIC benchmark workbook'], ['Published 15 May 2026']]), 'Cover');
	sheets.forEach((sheet, t) => {
		const rows: (string | number)[][] = [[`${sheet}: ${titles[sheet] ?? sheet} [SYNTHETIC values]`], [], ['Local authority code', 'Local authority name', ...months]];
		areas.forEach(([code, name], a) => rows.push([code, name, ...months.map((_, m) => ((a * 7 + m * 3 + t * 5) % 23 === 0 ? '[x]' : (a * 7 + m * 3 + t * 5) % 41))]));
		XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet);
	});
	return new Uint8Array(XLSX.write(wb, { bookType: 'ods', type: 'buffer', compression: true }) as Buffer);
}

function commandLine(file: string) {
	const runs = Array.from({ length: RUNS }, () => {
		const started = performance.now();
		const r = spawnSync('/usr/bin/env', ['time', '-f', '%M', process.execPath, '--import', 'tsx', 'scripts/import-spreadsheet.ts', file, '--out', join(tmpdir(), 'bench-import.csv')], { encoding: 'utf8' });
		if (r.status !== 0) throw new Error(r.stderr);
		return { seconds: (performance.now() - started) / 1000, peakMB: Number(r.stderr.trim().split('\n').at(-1)) / 1024, log: r.stderr };
	});
	return { seconds: median(runs.map((r) => r.seconds)), peakMB: median(runs.map((r) => r.peakMB)), log: runs[0].log };
}

/** Resident memory (MB) of a process and all its descendants, from /proc. */
function treeRssMB(root: number): number {
	const children = new Map<number, number[]>();
	for (const d of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
		try {
			const ppid = Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
		} catch {
			/* gone */
		}
	}
	let kb = 0;
	const walk = (pid: number) => {
		try {
			kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
		} catch {
			/* gone */
		}
		for (const c of children.get(pid) ?? []) walk(c);
	};
	walk(root);
	return kb / 1024;
}

async function inBrowser(bytes: Uint8Array) {
	const root = mkdtempSync(join(tmpdir(), 'bench-import-page-'));
	writeFileSync(join(root, 'index.html'), '<!doctype html><title>import bench</title><script type="module" src="./main.ts"></script>');
	writeFileSync(
		join(root, 'main.ts'),
		`import { importSpreadsheet } from '${resolve('src/lib/import/client.ts')}';
window.runImport = async () => {
  const blob = await (await fetch('./framework-sized.ods')).blob();
  const file = new File([blob], 'framework-sized.ods');
  const t0 = performance.now();
  const stages = {};
  const result = await importSpreadsheet(file, {}, { onProgress: (p) => { stages[p.stage] ??= Math.round(performance.now() - t0); } });
  return { ms: performance.now() - t0, rows: result.rows.length, stages };
};`
	);
	const out = join(root, 'dist');
	await build({ root, configFile: false, logLevel: 'silent', worker: { format: 'es' }, build: { outDir: out, emptyOutDir: true } });
	writeFileSync(join(out, 'framework-sized.ods'), bytes);
	// The site's strict policy: the worker and SheetJS come from the site itself, nothing else runs.
	writeFileSync(join(out, '_headers'), "/*\n  Content-Security-Policy: default-src 'self'; script-src 'self'; worker-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'\n");
	const { server, url } = await serve({ dir: out, port: 0 });
	const executablePath = process.env.CHROMIUM_PATH || findOrInstallChromium({ log: () => {} });
	const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
	try {
		// The browser is this process's child (the machine may run other Chromiums).
		const pid = Number(execFileSync('pgrep', ['-P', String(process.pid)], { encoding: 'utf8' }).trim().split('\n').at(-1));
		const runs: { ms: number; rows: number; peakMB: number; stages: Record<string, number> }[] = [];
		for (let i = 0; i < RUNS; i++) {
			const page = await browser.newPage();
			await page.goto(url, { waitUntil: 'networkidle' });
			const base = treeRssMB(pid);
			let peak = base;
			const timer = setInterval(() => (peak = Math.max(peak, treeRssMB(pid))), 20);
			const r = await page.evaluate(() => (window as unknown as { runImport: () => Promise<{ ms: number; rows: number; stages: Record<string, number> }> }).runImport());
			clearInterval(timer);
			runs.push({ ...r, peakMB: peak - base });
			await page.close();
		}
		return { ms: median(runs.map((r) => r.ms)), peakMB: median(runs.map((r) => r.peakMB)), rows: runs[0].rows, stages: runs[0].stages };
	} finally {
		await browser.close();
		server.close();
	}
}

/**
 * The same file dropped on the built workbench page (build/, as `npx vite build` leaves it):
 * from choosing the file to the preview on screen, and the browser's peak memory above the page's.
 */
async function inWorkbench(file: string) {
	const { server, url } = await serve({ dir: 'build', port: 0 });
	const executablePath = process.env.CHROMIUM_PATH || findOrInstallChromium({ log: () => {} });
	const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
	try {
		const pid = Number(execFileSync('pgrep', ['-P', String(process.pid)], { encoding: 'utf8' }).trim().split('\n').at(-1));
		const runs: { ms: number; peakMB: number }[] = [];
		for (let i = 0; i < RUNS; i++) {
			const page = await browser.newPage();
			await page.goto(new URL('workbench', url).href, { waitUntil: 'networkidle' });
			const base = treeRssMB(pid);
			let peak = base;
			const timer = setInterval(() => (peak = Math.max(peak, treeRssMB(pid))), 20);
			const t0 = performance.now();
			await page.setInputFiles('#records-file', file);
			await page.locator('[data-import-status="preview"], [data-import-status="refused"], [data-import-status="failed"]').waitFor({ state: 'attached', timeout: 300_000 });
			const ms = performance.now() - t0;
			clearInterval(timer);
			const status = await page.locator('[data-import-status]').getAttribute('data-import-status');
			if (status !== 'preview') throw new Error(`the workbench did not import it (${status})`);
			runs.push({ ms, peakMB: peak - base });
			await page.close();
		}
		return { ms: median(runs.map((r) => r.ms)), peakMB: median(runs.map((r) => r.peakMB)) };
	} finally {
		await browser.close();
		server.close();
	}
}

export async function benchImport(): Promise<void> {
	const bytes = frameworkSizedWorkbook();
	const file = join(mkdtempSync(join(tmpdir(), 'bench-import-')), 'framework-sized.ods');
	writeFileSync(file, bytes);
	console.log(`\nImport (framework-sized ODS: 29 sheets, 306 areas, ${MONTHS} months, ${(bytes.length / 1024).toFixed(0)} KB; median of ${RUNS}; load average ${loadavg()[0].toFixed(1)} on this machine)`);
	const cli = commandLine(file);
	console.log(`  command line: ${cli.seconds.toFixed(2)} s wall (Node start included), peak resident memory ${cli.peakMB.toFixed(0)} MB`);
	if (CLI_ONLY) return;
	try {
		const web = await inBrowser(bytes);
		console.log(`  headless Chromium, import worker: ${(web.ms / 1000).toFixed(2)} s from choosing the file to the result (${web.rows} rows), peak memory ${web.peakMB.toFixed(0)} MB above the page's`);
		console.log(`    stages began at (ms, first run): ${Object.entries(web.stages).map(([k, v]) => `${k} ${v}`).join(', ')}`);
	} catch (e) {
		console.log(`  headless Chromium: not measured (${e instanceof Error ? e.message.split('\n')[0] : e})`);
	}
	if (!existsSync('build/index.html')) {
		console.log('  workbench page: not measured (no build/: run `npx vite build` first)');
		return;
	}
	try {
		const wb = await inWorkbench(file);
		console.log(`  headless Chromium, /workbench page: ${(wb.ms / 1000).toFixed(2)} s from choosing the file to the preview, peak memory ${wb.peakMB.toFixed(0)} MB above the page's`);
	} catch (e) {
		console.log(`  workbench page: not measured (${e instanceof Error ? e.message.split('\n')[0] : e})`);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await benchImport();

/**
 * Indicator engine benchmark: a generated register of 1,000,000 events; every measure for the 8
 * areas (seven authorities and WMCA) and every month of the data, computed by
 *  - the framework SQL on duckdb-wasm (our Node engine: the same single-threaded wasm DuckDB as
 *    in the browser),
 *  - the plain-TypeScript oracle,
 *  - the same SQL on native DuckDB (@duckdb/node-api: the speed limit to approach), with its
 *    default threads and with one thread (like wasm),
 * and the records checker on its own. Each runs in a child process of its own, so each peak
 * memory is that runner's alone: the peak resident set size of the child process (getrusage
 * maxRSS, which includes wasm memory and native DuckDB's allocations), next to its RSS just
 * before loading (node + the engine + the file's text). All results are checked to be identical.
 *
 *   npm run bench   (scripts/bench.ts runs this, then the page benchmark)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Engine, Params } from '../src/lib/data/engine.ts';
import { createNodeEngine } from '../src/lib/data/engine-node.ts';
import { computeWide, loadContacts } from '../src/lib/indicators/compute.ts';
import { oracleIndicators } from '../src/lib/indicators/oracle.ts';
import { CONTACT_COLUMNS, checkRecords } from '../src/lib/indicators/records.ts';
import { generateRegister, registerCsv } from '../src/lib/indicators/register.ts';
import { loadEventsSql, type WideRow } from '../src/lib/indicators/sql.ts';

const EVENTS = 1_000_000;
const REGISTER = { people: Infinity, seed: 20260101, from: '2018-05', to: '2026-10', maxEvents: EVENTS };

type Kind = 'check' | 'wasm' | 'oracle' | 'native' | 'native-1-thread';
interface ChildResult {
	kind: Kind;
	loadMs: number;
	computeMs: number;
	baselineRssMb: number;
	peakRssMb: number;
	rows: number;
	digest: string;
}

const mb = (bytes: number) => bytes / 1024 / 1024;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes
const digest = (rows: WideRow[]) => createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);

/** Native DuckDB behind the Engine interface (query only: it reads files from disk). */
export async function createNativeEngine(threads?: number): Promise<Engine> {
	const { DuckDBInstance } = await import('@duckdb/node-api');
	const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
	const conn = await instance.connect();
	const plain = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v);
	return {
		async query<T extends object>(sql: string, params: Params = []) {
			if (params.length) throw new Error('params are not used by the indicator SQL');
			const reader = await conn.runAndReadAll(sql);
			return reader
				.getRowObjectsJS()
				.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]))) as T[];
		},
		async registerText() {
			throw new Error('native engine: read files from disk');
		},
		async dropFile() {},
		async insertArrowIPC() {
			throw new Error('native engine: not used by the indicator benchmark');
		},
		async close() {
			conn.closeSync();
			instance.closeSync();
		}
	};
}

async function child(kind: Kind, file: string): Promise<ChildResult> {
	const header = [...CONTACT_COLUMNS];
	let loadMs = 0;
	let computeMs = 0;
	let rows: WideRow[] = [];
	let baseline = 0;
	let t: number;
	if (kind === 'check') {
		const bytes = new Uint8Array(readFileSync(file));
		baseline = mb(process.memoryUsage().rss);
		t = performance.now();
		const checked = checkRecords(bytes, file);
		loadMs = performance.now() - t;
		if (checked.problems.length) throw new Error('generated register has problems');
	} else if (kind === 'oracle') {
		const bytes = new Uint8Array(readFileSync(file));
		baseline = mb(process.memoryUsage().rss);
		t = performance.now();
		const checked = checkRecords(bytes, file, { keepRecords: true });
		loadMs = performance.now() - t;
		t = performance.now();
		rows = oracleIndicators(checked.records!);
		computeMs = performance.now() - t;
	} else if (kind === 'wasm') {
		const text = readFileSync(file, 'utf8');
		const engine = await createNodeEngine();
		baseline = mb(process.memoryUsage().rss);
		t = performance.now();
		await loadContacts(engine, text, header);
		loadMs = performance.now() - t;
		t = performance.now();
		rows = await computeWide(engine);
		computeMs = performance.now() - t;
		await engine.close();
	} else {
		const engine = await createNativeEngine(kind === 'native-1-thread' ? 1 : undefined);
		baseline = mb(process.memoryUsage().rss);
		t = performance.now();
		await engine.query(loadEventsSql(file, header));
		loadMs = performance.now() - t;
		t = performance.now();
		rows = await computeWide(engine);
		computeMs = performance.now() - t;
		await engine.close();
	}
	return { kind, loadMs, computeMs, baselineRssMb: baseline, peakRssMb: peakRssMb(), rows: rows.length, digest: digest(rows) };
}

function runChild(kind: Kind, file: string): ChildResult {
	const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', kind, file], {
		encoding: 'utf8',
		maxBuffer: 16 * 1024 * 1024
	});
	if (r.status !== 0) throw new Error(`bench child ${kind} failed:\n${r.stderr}`);
	const line = r.stdout.trim().split('\n').at(-1)!;
	return JSON.parse(line) as ChildResult;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (n: number, ms: number) => (ms > 0 ? `${Math.round((n / ms) * 1000).toLocaleString('en-GB')}/s` : '-');
const pad = (x: string, n: number) => x.padStart(n);

export async function benchEngine(): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'wmca-bench-'));
	const file = join(dir, 'register.csv');
	try {
		let t = performance.now();
		const records = generateRegister(REGISTER);
		const csv = registerCsv(records);
		writeFileSync(file, csv);
		const people = new Set(records.map((r) => r.person_id)).size;
		console.log('Indicator engine benchmark');
		console.log(
			`register: ${records.length.toLocaleString('en-GB')} events, ${people.toLocaleString('en-GB')} synthetic people, ` +
				`${REGISTER.from} to ${REGISTER.to}, ${(mb(Buffer.byteLength(csv))).toFixed(1)} MB CSV ` +
				`(generated in ${s(performance.now() - t)}); computing 8 areas x every month (${8 * 102} area-months)`
		);
		console.log('each runner in its own child process; peak = max RSS of that process; base = RSS before loading\n');

		const kinds: Kind[] = ['check', 'wasm', 'oracle', 'native', 'native-1-thread'];
		const results = new Map<Kind, ChildResult>();
		for (const kind of kinds) {
			t = performance.now();
			results.set(kind, runChild(kind, file));
		}
		const n = records.length;
		const label: Record<Kind, string> = {
			check: 'records checker',
			wasm: 'SQL on duckdb-wasm (Node)',
			oracle: 'plain-TypeScript oracle',
			native: 'SQL on native DuckDB',
			'native-1-thread': 'SQL on native DuckDB, 1 thread'
		};
		console.log(
			`${'runner'.padEnd(32)}${pad('load', 9)}${pad('compute', 10)}${pad('compute ev/s', 15)}${pad('total ev/s', 14)}${pad('base MB', 9)}${pad('peak MB', 9)}`
		);
		for (const kind of kinds) {
			const r = results.get(kind)!;
			console.log(
				`${label[kind].padEnd(32)}${pad(s(r.loadMs), 9)}${pad(kind === 'check' ? '-' : s(r.computeMs), 10)}` +
					`${pad(kind === 'check' ? '-' : rate(n, r.computeMs), 15)}${pad(rate(n, r.loadMs + r.computeMs), 14)}` +
					`${pad(r.baselineRssMb.toFixed(0), 9)}${pad(r.peakRssMb.toFixed(0), 9)}`
			);
		}
		const w = results.get('wasm')!;
		const o = results.get('oracle')!;
		const nat = results.get('native')!;
		const nat1 = results.get('native-1-thread')!;
		const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
		console.log('\nratios (measured in this run)');
		console.log(`  wasm / native      compute ${x(w.computeMs, nat.computeMs)}, load ${x(w.loadMs, nat.loadMs)}, load+compute ${x(w.loadMs + w.computeMs, nat.loadMs + nat.computeMs)}, peak RSS ${x(w.peakRssMb, nat.peakRssMb)}`);
		console.log(`  wasm / native 1 thread  compute ${x(w.computeMs, nat1.computeMs)}, load+compute ${x(w.loadMs + w.computeMs, nat1.loadMs + nat1.computeMs)}`);
		console.log(`  oracle / wasm      compute ${x(o.computeMs, w.computeMs)}, load+compute ${x(o.loadMs + o.computeMs, w.loadMs + w.computeMs)}, peak RSS ${x(o.peakRssMb, w.peakRssMb)}`);
		const digests = new Set([w, o, nat, nat1].map((r) => r.digest));
		console.log(`\nresults: ${w.rows} area-month rows from each runner; identical across all four: ${digests.size === 1 ? 'yes' : 'NO'}`);
		if (digests.size !== 1) process.exitCode = 1;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const i = process.argv.indexOf('--child');
	if (i >= 0) {
		const result = await child(process.argv[i + 1] as Kind, process.argv[i + 2]);
		process.stdout.write(`${JSON.stringify(result)}\n`);
	} else await benchEngine();
}

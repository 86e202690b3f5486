/**
 * The workbench's one DuckDB (duckdb-wasm's AsyncDuckDB in a Web Worker): the dashboard's
 * published tables, with the user's own figures in their place once loaded. Besides the Engine
 * interface every named query runs on, it offers what the console needs: a streamed, cancellable
 * query (AsyncDuckDBConnection.send / cancelSent) and the schema. Import dynamically: nothing of DuckDB loads before it is needed.
 */
import { DuckDBDataProtocol } from '@duckdb/duckdb-wasm';
import { CELLS_FILE, SUPERSEDED_FILE } from '../data/files';
import { normaliseCsvText } from '../data/database';
import type { Cell, Engine, Params, Row } from '../data/engine';
import { queryOn, startDuckDb } from '../data/engine-browser';
import { groupDataFiles, loadStatements } from '../data/load-sql';
import { arrowToRows } from '../data/rows';
import { computeWide, toObservationRows, type ObservationRow } from '../indicators/compute';
import { loadEventsSql } from '../indicators/sql';
import type { CheckedFile, FileKind } from './load-protocol';
import type { UserDataset } from './user-dataset';

const dataUrls = import.meta.glob(['/data/*.csv', '/data/provenance/*.csv'], { query: '?url', import: 'default', eager: true }) as Record<string, string>;

/** The dashboard's own data files (name as in data/, e.g. provenance/observation_cells.csv → bytes), fetched from this site. */
export async function fetchPublishedFiles(): Promise<Record<string, Uint8Array>> {
	const entries = await Promise.all(
		Object.entries(dataUrls).map(async ([path, url]) => {
			const response = await fetch(url);
			if (!response.ok) throw new Error(`Could not load ${path}: HTTP ${response.status}`);
			return [path.slice('/data/'.length), new Uint8Array(await response.arrayBuffer())] as const;
		})
	);
	return Object.fromEntries(entries);
}

export interface QueryResult {
	columns: { name: string; type: string }[];
	/** The first `limit` rows. */
	rows: Row[];
	/** Every row the query returned. */
	total: number;
	ms: number;
}

export interface SchemaTable {
	name: string;
	rows: number;
	columns: { name: string; type: string }[];
}

export class Cancelled extends Error {
	constructor() {
		super('Cancelled');
	}
}

export interface WorkbenchDb extends Engine {
	/** Run one statement, streaming: keep the first `limit` rows, count them all. Cancellable. */
	run(sql: string, limit: number): Promise<QueryResult>;
	/**
	 * Ask DuckDB to stop the statement being run, and wait up to `graceMs` for it to end. False when
	 * it is still running: a single-threaded wasm DuckDB only sees the cancel between tasks, so the
	 * caller then ends the engine (terminate) and starts a new one.
	 */
	cancel(graceMs: number): Promise<boolean>;
	/** End the engine at once: its worker is terminated, whatever it was doing. */
	terminate(): Promise<void>;
	/** Every row of a statement, for a CSV export. */
	all(sql: string): Promise<{ columns: string[]; rows: Cell[][] }>;
	schema(): Promise<SchemaTable[]>;
	/**
	 * Make the user's dataset the tables (observations, and any indicators, areas or sources they
	 * gave), in one transaction: on failure or cancel the tables are as they were.
	 */
	useDataset(dataset: UserDataset): Promise<void>;
	/** Back to the published tables. */
	usePublished(): Promise<void>;
	/**
	 * The framework indicators from a checked contacts file, computed by the same SQL as
	 * `npm run compute`. `cancelled` is asked between steps.
	 */
	computeContacts(file: CheckedFile, onStep: (message: string) => void, cancelled: () => boolean): Promise<ObservationRow[]>;
}

/** The registered name of a user file of `kind` (distinct from the published files' names). */
export const userFileName = (kind: FileKind | 'computed', i = 0) => `user_${kind.replace('.csv', '')}_${i}.csv`;

export async function createWorkbenchDb(): Promise<WorkbenchDb> {
	const { db, conn } = await startDuckDb();

	const published = await fetchPublishedFiles();
	for (const [name, bytes] of Object.entries(published)) await db.registerFileText(name, normaliseCsvText(new TextDecoder().decode(bytes)));
	const publishedNames = groupDataFiles(Object.keys(published));
	let userNames: string[] = [];

	async function rebuild(names: Record<string, string[]>) {
		await conn.query('BEGIN TRANSACTION');
		try {
			for (const sql of loadStatements(names)) await conn.query(sql);
			await conn.query('COMMIT');
		} catch (e) {
			await conn.query('ROLLBACK');
			throw e;
		}
	}
	await rebuild(publishedNames);

	// One statement at a time on the connection: a second statement would end a streamed result
	// still being read (the console's query while the schema panel counts rows, say).
	let queue: Promise<unknown> = Promise.resolve();
	const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
		const next = queue.then(work, work);
		queue = next.catch(() => {});
		return next;
	};
	const sleep = (ms: number) => new Promise<false>((resolve) => setTimeout(() => resolve(false), ms));
	const query = <T extends object>(sql: string, params: Params = []) => queryOn<T>(conn, sql, params);

	const engine: WorkbenchDb = {
		query: (sql, params) => exclusive(() => query(sql, params)),
		async registerText(name, text) {
			await db.registerFileText(name, text);
		},
		async dropFile(name) {
			await db.dropFile(name);
		},
		insertArrowIPC: (name, bytes) => exclusive(() => conn.insertArrowFromIPCStream(bytes, { name, create: true })),
		async close() {
			await conn.close();
			await db.terminate();
		},
		run: (sql, limit) => exclusive(async () => {
			const started = performance.now();
			const reader = await conn.send(sql);
			let columns: QueryResult['columns'] = [];
			const rows: Row[] = [];
			let total = 0;
			for (let next = await reader.next(); !next.done; next = await reader.next()) {
				const batch = next.value;
				if (!columns.length) columns = batch.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
				if (rows.length < limit) rows.push(...arrowToRows(batch).slice(0, limit - rows.length));
				total += batch.numRows;
			}
			if (!columns.length) columns = reader.schema?.fields.map((f) => ({ name: f.name, type: String(f.type) })) ?? [];
			return { columns, rows, total, ms: performance.now() - started };
		}),
		async cancel(graceMs) {
			const idle = queue.then(() => true);
			await conn.cancelSent();
			return Promise.race([idle, sleep(graceMs)]);
		},
		async terminate() {
			await db.terminate();
		},
		all: (sql) => exclusive(async () => {
			const table = await conn.query(sql);
			const names = table.schema.fields.map((f) => f.name);
			return { columns: names, rows: arrowToRows(table).map((r) => names.map((n) => r[n])) };
		}),
		schema: () => exclusive(async () => {
			const columns = await query<{ table_name: string; column_name: string; data_type: string }>(
				`SELECT table_name, column_name, data_type FROM information_schema.columns
				 WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`
			);
			const tables = [...new Set(columns.map((c) => c.table_name))];
			const out: SchemaTable[] = [];
			for (const name of tables) {
				const [{ n }] = await query<{ n: number }>(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`);
				out.push({ name, rows: n, columns: columns.filter((c) => c.table_name === name).map((c) => ({ name: c.column_name, type: c.data_type })) });
			}
			return out;
		}),
		useDataset: (dataset) => exclusive(async () => {
			for (const name of userNames) await db.dropFile(name).catch(() => {});
			userNames = [];
			// The published cells name the published figures: the user's figures have only their own.
			// Nor are they compared with the published earlier editions (they are no edition of those
			// series), nor do the published editions' dates, reasons and commentary describe them.
			const names: Record<string, string[]> = { ...publishedNames, 'observations.csv': [], [CELLS_FILE]: [], [SUPERSEDED_FILE]: [], 'editions.csv': [] };
			for (const [i, f] of dataset.files.entries()) {
				const name = userFileName(f.kind, i);
				await db.registerFileBuffer(name, f.bytes.slice());
				userNames.push(name);
				const contractFile = f.kind === 'observations' || f.kind === 'computed' ? 'observations.csv' : f.kind === 'cells' ? CELLS_FILE : f.kind;
				names[contractFile] = [...(contractFile === 'observations.csv' ? names[contractFile] : []), name];
			}
			await rebuild(names);
		}),
		usePublished: () => exclusive(() => rebuild(publishedNames)),
		computeContacts: (file, onStep, cancelled) => exclusive(async () => {
			const name = userFileName('contacts');
			if (file.source) await db.registerFileHandle(name, file.source, DuckDBDataProtocol.BROWSER_FILEREADER, true);
			else await db.registerFileBuffer(name, file.bytes);
			const step: Engine = {
				...engine,
				query: async (sql, params) => {
					if (cancelled()) throw new Cancelled();
					return query(sql, params);
				}
			};
			try {
				onStep('loading the records into DuckDB');
				await step.query(loadEventsSql(name, file.header));
				const wide = await computeWide(step, { onProgress: onStep });
				if (cancelled()) throw new Cancelled();
				return toObservationRows(wide);
			} finally {
				await db.dropFile(name);
				// computeWide drops its tables itself; a cancel before it started leaves ind_events.
				await conn.query('DROP TABLE IF EXISTS ind_events');
			}
		})
	};
	return engine;
}

/**
 * Browser engine: duckdb-wasm's AsyncDuckDB in a Web Worker. The wasm and worker files are
 * self-hosted through Vite `?url` imports (never a CDN; never the `coi` bundle, which needs
 * cross-origin isolation). This module is only ever loaded with a dynamic import(), on the first
 * interaction that needs SQL, so nothing of DuckDB is downloaded before then.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Engine, Params } from './engine';
import { SAFE_SETTINGS_SQL } from './engine';
import { arrowToRows } from './rows';

/** A started AsyncDuckDB and one connection with the safe settings (also used by the workbench). */
export async function startDuckDb(): Promise<{ db: duckdb.AsyncDuckDB; conn: duckdb.AsyncDuckDBConnection }> {
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
		eh: { mainModule: ehWasm, mainWorker: ehWorker }
	});
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule);
	await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn = await db.connect();
	for (const sql of SAFE_SETTINGS_SQL) await conn.query(sql);
	return { db, conn };
}

/** SQL (with `?` placeholders bound to params) on a connection, as plain rows. */
export async function queryOn<T extends object>(conn: duckdb.AsyncDuckDBConnection, sql: string, params: Params = []): Promise<T[]> {
	if (params.length === 0) return arrowToRows<T>(await conn.query(sql));
	const statement = await conn.prepare(sql);
	try {
		return arrowToRows<T>(await statement.query(...params));
	} finally {
		await statement.close();
	}
}

export async function createBrowserEngine(): Promise<Engine> {
	const { db, conn } = await startDuckDb();
	return {
		query: (sql, params) => queryOn(conn, sql, params),
		async registerText(name: string, text: string) {
			await db.registerFileText(name, text);
		},
		async dropFile(name: string) {
			await db.dropFile(name);
		},
		async insertArrowIPC(name: string, bytes: Uint8Array) {
			await conn.insertArrowFromIPCStream(bytes, { name, create: true });
		},
		async close() {
			await conn.close();
			await db.terminate();
		}
	};
}

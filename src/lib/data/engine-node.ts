/**
 * Node engine: duckdb-wasm's node-blocking build, the same DuckDB as in the browser, so the SQL
 * that prerenders a page is the SQL the browser later runs. Used by load functions at build
 * time, by tests and by scripts.
 */
import { createRequire } from 'node:module';
import type { Engine, Params } from './engine';
import { SAFE_SETTINGS_SQL } from './engine';
import { arrowToRows } from './rows';

const require = createRequire(import.meta.url);

/** The Node engine can also hand back a result as Arrow IPC bytes (to write the data snapshot). */
export interface NodeEngine extends Engine {
	queryArrowIPC(sql: string): Uint8Array;
}

export async function createNodeEngine(): Promise<NodeEngine> {
	const duckdb = require('@duckdb/duckdb-wasm/blocking') as typeof import('@duckdb/duckdb-wasm/blocking');
	const bundles = {
		mvp: { mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'), mainWorker: '' },
		eh: { mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'), mainWorker: '' }
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn = db.connect();
	for (const sql of SAFE_SETTINGS_SQL) conn.query(sql);

	return {
		async query<T extends object>(sql: string, params: Params = []) {
			if (params.length === 0) return arrowToRows<T>(conn.query(sql));
			const statement = conn.prepare(sql);
			try {
				return arrowToRows<T>(statement.query(...params));
			} finally {
				statement.close();
			}
		},
		async registerText(name: string, text: string) {
			db.registerFileText(name, text);
		},
		async dropFile(name: string) {
			db.dropFile(name);
		},
		async insertArrowIPC(name: string, bytes: Uint8Array) {
			conn.insertArrowFromIPCStream(bytes, { name, create: true });
		},
		queryArrowIPC(sql: string) {
			// The CommonJS apache-arrow that duckdb-wasm's CommonJS build itself uses: an ESM import would
			// load a second copy, whose writer does not recognise this copy's tables (and writes nothing).
			const arrow = require('apache-arrow') as typeof import('apache-arrow');
			const bytes = arrow.tableToIPC(conn.query(sql), 'stream');
			if (bytes.length === 0) throw new Error(`No Arrow bytes written for: ${sql}`);
			return bytes;
		},
		async close() {
			conn.close();
			db.reset();
		}
	};
}

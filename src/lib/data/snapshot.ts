/**
 * The data snapshot: the dashboard's tables as the browser engine receives them. At build time
 * the Node engine loads data/ (CSV, validated) and writes each table as an Arrow IPC stream; the
 * browser engine inserts those streams as they are, with no CSV to fetch, sniff or cast.
 *
 * Why Arrow and not Parquet: duckdb-wasm (1.32) has no Parquet reader built in; it would fetch
 * the parquet extension from DuckDB's extension server at run time, a third-party request the CSP
 * forbids. Arrow IPC is DuckDB-wasm's own interchange format (every query result crosses the
 * worker boundary as Arrow), so inserting it is a column copy. scripts/bench-explore.ts measures
 * the two loads (CSV and Arrow) side by side.
 */
import type { Engine } from './engine';
import type { NodeEngine } from './engine-node';
import { FILES } from './files';
import { tableName } from './load-sql';

/** Every table of the contract, in contract order. */
export const SNAPSHOT_TABLES: readonly string[] = FILES.map(tableName);

/** Each loaded table as Arrow IPC bytes, rows in load order (so rowid order survives). */
export function writeSnapshot(engine: NodeEngine): Record<string, Uint8Array> {
	return Object.fromEntries(
		SNAPSHOT_TABLES.map((t) => [t, engine.queryArrowIPC(`SELECT * FROM ${t} ORDER BY rowid`)])
	);
}

/** Create every table from its snapshot bytes. A missing table is an error: nothing half-loaded. */
export async function loadSnapshot(engine: Engine, tables: Record<string, Uint8Array>): Promise<void> {
	const missing = SNAPSHOT_TABLES.filter((t) => !tables[t]);
	if (missing.length) throw new Error(`The data snapshot has no ${missing.join(', ')} table`);
	for (const t of SNAPSHOT_TABLES) await engine.insertArrowIPC(t, tables[t]);
}

/**
 * The one small interface every part of the app uses to reach DuckDB. Two implementations:
 * engine-node (duckdb-wasm's node-blocking build: prerendering, tests, scripts) and
 * engine-browser (AsyncDuckDB in a Web Worker, started on first use). Both return the same
 * plain rows (see rows.ts), so a named query gives identical results on either side.
 */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;
export type Params = readonly (string | number | boolean | null)[];

export interface Engine {
	/** Run SQL (with `?` placeholders bound to params, if any) and return plain rows. */
	query<T extends object = Row>(sql: string, params?: Params): Promise<T[]>;
	/** Make a file's text readable by SQL as `name` (e.g. read_csv('observations.csv')). */
	registerText(name: string, text: string): Promise<void>;
	/** Forget a file registered with registerText. */
	dropFile(name: string): Promise<void>;
	/** Create table `name` from an Arrow IPC stream (the dashboard's data snapshot: ./snapshot). */
	insertArrowIPC(name: string, bytes: Uint8Array): Promise<void>;
	close(): Promise<void>;
}

/**
 * Settings applied to every new connection, on both engines: no extension is fetched or loaded
 * behind our back (the browser must make no request beyond its own origin).
 */
export const SAFE_SETTINGS_SQL = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false'
];

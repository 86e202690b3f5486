/**
 * The dashboard database in the browser: started once, on first use, from the data snapshot the
 * build wrote (./snapshot: one Arrow IPC file per table, content-hashed, fetched from this origin
 * only). The files are fetched while DuckDB starts, so the two overlap. Import this module
 * dynamically (`await import(...)`) so DuckDB stays out of the first page load. A user's own files
 * take another path (registerText + read_csv), untouched by this.
 */
import snapshotUrls from 'virtual:data-snapshot';
import type { Engine } from './engine';
import { loadSnapshot } from './snapshot';

let database: Promise<Engine> | undefined;

export function getBrowserDatabase(): Promise<Engine> {
	database ??= (async () => {
		const files = fetchSnapshot();
		// If the engine fails to start, the fetches' own failure is not left unhandled.
		files.catch(() => {});
		const { createBrowserEngine } = await import('./engine-browser');
		const engine = await createBrowserEngine();
		try {
			await loadSnapshot(engine, await files);
		} catch (e) {
			// Nothing half-loaded: drop this engine (and its worker) so a retry starts clean.
			await engine.close().catch(() => {});
			throw e;
		}
		return engine;
	})();
	// A failed start (say, a network error) may be retried by the next interaction.
	database.catch(() => (database = undefined));
	return database;
}

async function fetchSnapshot(): Promise<Record<string, Uint8Array>> {
	const entries = await Promise.all(
		Object.entries(snapshotUrls).map(async ([table, url]) => {
			const response = await fetch(url);
			if (!response.ok) throw new Error(`Could not load the ${table} data (${url}): HTTP ${response.status}`);
			return [table, new Uint8Array(await response.arrayBuffer())] as const;
		})
	);
	return Object.fromEntries(entries);
}

/**
 * The dashboard database in the browser: started once, on first use, with the same CSVs the
 * build used. The CSVs ship as content-hashed static assets (Vite `?url`), fetched from this
 * origin only. Import this module dynamically (`await import(...)`) so DuckDB stays out of the
 * first page load.
 */
import type { Engine } from './engine';
import { loadDataFiles } from './database';

const dataUrls = import.meta.glob('/data/*.csv', { query: '?url', import: 'default', eager: true }) as Record<
	string,
	string
>;

let database: Promise<Engine> | undefined;

export function getBrowserDatabase(): Promise<Engine> {
	database ??= (async () => {
		const [{ createBrowserEngine }, files] = await Promise.all([import('./engine-browser'), fetchDataFiles()]);
		const engine = await createBrowserEngine();
		try {
			await loadDataFiles(engine, files);
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

async function fetchDataFiles(): Promise<Record<string, string>> {
	const entries = await Promise.all(
		Object.entries(dataUrls).map(async ([path, url]) => {
			const response = await fetch(url);
			if (!response.ok) throw new Error(`Could not load ${path}: HTTP ${response.status}`);
			return [path.split('/').pop()!, await response.text()] as const;
		})
	);
	return Object.fromEntries(entries);
}

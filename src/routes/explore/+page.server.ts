import { getDatabase } from '$lib/server/db';
import { queries, run } from '$lib/data/queries';
import { loadCatalog, loadViewRows } from '$lib/explore/data';
import { defaultState } from '$lib/explore/params';

/** The catalog of choices, and the default view's rows, prerendered: any other view runs in the browser. */
export async function load() {
	const db = await getDatabase();
	const catalog = await loadCatalog(db);
	const state = defaultState(catalog);
	return { catalog, sources: await run(db, queries.sources()), initial: { state, rows: await loadViewRows(db, state) } };
}

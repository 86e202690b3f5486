import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { queries, run } from '$lib/data/queries';
import { loadCatalog, loadViewRows } from '$lib/explore/data';
import { defaultState } from '$lib/explore/params';

/** One embed per indicator with figures, prerendered with its default view. */
export async function entries() {
	const catalog = await loadCatalog(await getDatabase());
	return catalog.indicators.filter((i) => catalog.coverage[i.indicator_id]).map((i) => ({ indicator_id: i.indicator_id }));
}

export async function load({ params }) {
	const db = await getDatabase();
	const catalog = await loadCatalog(db);
	if (!catalog.coverage[params.indicator_id]) error(404, `No figures are held for indicator ${params.indicator_id}`);
	const state = defaultState(catalog, params.indicator_id);
	return { catalog, sources: await run(db, queries.sources()), initial: { state, rows: await loadViewRows(db, state) } };
}

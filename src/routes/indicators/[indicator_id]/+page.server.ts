import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { queries, run } from '$lib/data/queries';
import { loadIndicator } from './load';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One page per row of indicators.csv. */
export const entries: EntryGenerator = async () => {
	const db = await getDatabase();
	return (await run(db, queries.indicators())).map((i) => ({ indicator_id: i.indicator_id }));
};

// /indicators/rs_month/ as issue 8 writes it: a folder with index.html, like the area and embed pages.
export const trailingSlash = 'always';

export const load: PageServerLoad = async ({ params }) => {
	const data = await loadIndicator(await getDatabase(), params.indicator_id);
	if (!data) error(404, `No indicator ${params.indicator_id} in indicators.csv`);
	return data;
};

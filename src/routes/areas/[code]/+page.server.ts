import { getDatabase } from '$lib/server/db';
import { loadSections } from '$lib/content/content';
import { loadOverview, overviewAreas } from './load';
import type { EntryGenerator } from './$types';

// /areas/E08000026/ as the issue writes it: a folder with index.html.
export const trailingSlash = 'always';

/** One page per area in areas.csv that has an overview (WMCA and its authorities). */
export const entries: EntryGenerator = async () =>
	(await overviewAreas(await getDatabase())).map((a) => ({ code: a.area_code }));

export async function load({ params }) {
	return { ...(await loadOverview(await getDatabase(), params.code)), sections: loadSections() };
}

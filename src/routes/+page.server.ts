import { getDatabase } from '$lib/server/db';
import { WMCA } from '$lib/data/contract';
import { loadSections } from '$lib/content/content';
import { loadOverview } from './areas/[code]/load';

/** / is the WMCA overview: the same page as /areas/E47000007/. */
export async function load() {
	return { ...(await loadOverview(await getDatabase(), WMCA)), sections: loadSections() };
}

import { getDatabase } from '$lib/server/db';
import { WMCA } from '$lib/data/contract';
import { loadAreaView, loadOverviewContext } from '$lib/pages/overview';
import { loadSections } from '$lib/content/content';

export async function load() {
	const db = await getDatabase();
	const context = await loadOverviewContext(db);
	const wmca = context.areas.find((a) => a.area_code === WMCA);
	if (!wmca) throw new Error(`areas.csv has no WMCA row (${WMCA})`);
	const view = await loadAreaView(db, wmca);
	return { ...context, view, sections: loadSections() };
}

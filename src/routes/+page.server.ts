import { getDatabase } from '$lib/server/db';
import { WMCA } from '$lib/data/contract';
import { loadAreaView, loadOverviewContext } from '$lib/pages/overview';
import { loadSections } from '$lib/content/content';

export async function load() {
	const db = await getDatabase();
	const [context, view] = await Promise.all([loadOverviewContext(db), loadAreaView(db, WMCA)]);
	return { ...context, view, sections: loadSections() };
}

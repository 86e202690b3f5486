import { getDatabase } from '$lib/server/db';
import { queries, run } from '$lib/data/queries';

export async function load() {
	const db = await getDatabase();
	const [indicators, sources, areas] = await Promise.all([
		run(db, queries.indicators()),
		run(db, queries.sources()),
		run(db, queries.areas())
	]);
	return { indicators, sources, areas };
}

import { getDatabase } from '$lib/server/db';
import { queries, run } from '$lib/data/queries';
import { WMCA } from '$lib/data/contract';

export async function load() {
	const db = await getDatabase();
	const snapshot = await run(db, queries.series('snapshot_single_night', WMCA));
	return { snapshot };
}

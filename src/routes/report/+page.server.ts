import { getDatabase } from '$lib/server/db';
import { WMCA } from '$lib/data/contract';
import { loadReport } from './[code]/load';

// /report/ as the issue writes it.
export const trailingSlash = 'always';

/** /report/ is the WMCA report. */
export async function load() {
	return loadReport(await getDatabase(), WMCA);
}

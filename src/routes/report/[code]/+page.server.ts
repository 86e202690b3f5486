import { getDatabase } from '$lib/server/db';
import { WMCA } from '$lib/data/contract';
import { overviewAreas } from '../../areas/[code]/load';
import { loadReport } from './load';
import type { EntryGenerator } from './$types';

// /report/E08000026/ as the issue writes it: a folder with index.html.
export const trailingSlash = 'always';

/** One report per authority of WMCA in areas.csv; WMCA's own report is /report/. */
export const entries: EntryGenerator = async () =>
	(await overviewAreas(await getDatabase())).filter((a) => a.area_code !== WMCA).map((a) => ({ code: a.area_code }));

export async function load({ params }) {
	return loadReport(await getDatabase(), params.code);
}

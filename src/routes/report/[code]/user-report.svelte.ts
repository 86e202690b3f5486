/**
 * A report's data (/report/ and /report/{code}/), or, while the user shows their own dataset, the
 * same load (./load) re-run on it, as the overview does. ./load is imported only then, so it stays
 * out of the page's first load.
 */
import { withUserData } from '$lib/workbench/user-view.svelte';
import type { ReportData } from './load';

export const userReport = (data: () => ReportData) =>
	withUserData(data, async (engine, published) => (await import('./load')).loadReport(engine, published.area.area_code));

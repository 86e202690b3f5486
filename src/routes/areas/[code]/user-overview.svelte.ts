/**
 * An overview's data (/ and /areas/{code}/), or, while the user shows their own dataset, the same
 * load (./load) re-run on it. ./load is imported only then, so it stays out of the page's first load.
 */
import { withUserData } from '$lib/workbench/user-view.svelte';
import type { OverviewData } from './load';

export const userOverview = <T extends OverviewData>(data: () => T) =>
	withUserData(data, async (engine, published) => ({ ...published, ...(await (await import('./load')).loadOverview(engine, published.area.area_code)) }));

/**
 * The explorer's two questions of the data, on either engine: the catalog of what may be chosen
 * (at build time, prerendered into the page) and the rows of one view (the named indicator
 * series query (./view-query), at build time for default views and in the browser for any other).
 */
import type { Engine } from '$lib/data/engine';
import { queries, run, type IndicatorSeriesRow } from '$lib/data/queries';
import type { ExploreCatalog, ExploreState } from './params';
import { viewQuery } from './view-query';

export async function loadCatalog(engine: Engine): Promise<ExploreCatalog> {
	const [indicators, areas, coverage] = await Promise.all([
		run(engine, queries.indicators()),
		run(engine, queries.areas()),
		run(engine, queries.coverage())
	]);
	return {
		indicators: indicators.map(({ indicator_id, name, unit, frequency }) => ({ indicator_id, name, unit, frequency })),
		areas: areas.map(({ area_code, area_name, area_type }) => ({ area_code, area_name, area_type })),
		coverage: Object.fromEntries(
			coverage.map((c) => [c.indicator_id, { periods: c.periods.split(','), areas: c.areas.split(',') }])
		)
	};
}

export const loadViewRows = (engine: Engine, state: ExploreState): Promise<IndicatorSeriesRow[]> => run(engine, viewQuery(state));

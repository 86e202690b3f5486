/**
 * The explorer's two questions of the data, on either engine: the catalog of what may be chosen
 * (at build time, prerendered into the page) and the rows of one view (the named indicator
 * series query, at build time for default views and in the browser for any other).
 */
import type { Engine } from '$lib/data/engine';
import { WMCA_AUTHORITIES } from '$lib/data/contract';
import { queries, run, type IndicatorSeriesRow } from '$lib/data/queries';
import type { ExploreCatalog, ExploreState } from './params';

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

/** The map is of all seven authorities (one left out would read as "not available"), so it asks for all seven. */
const areasAsked = (state: ExploreState) =>
	state.view === 'map' ? [...new Set([...state.areas, ...WMCA_AUTHORITIES.map((a) => a.code)])] : state.areas;

export const viewQuery = (state: ExploreState) =>
	queries.indicatorSeries({ indicatorId: state.indicator, areaCodes: areasAsked(state), from: state.fromPeriod, to: state.toPeriod });

export const loadViewRows = (engine: Engine, state: ExploreState): Promise<IndicatorSeriesRow[]> => run(engine, viewQuery(state));

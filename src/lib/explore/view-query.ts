/**
 * The named query behind one explorer view, for the chart's "SQL behind this chart" and for the
 * engine that draws it. Imports the one query it needs, not the query module's index, so a page
 * showing the SQL does not ship every other query.
 */
import { WMCA_AUTHORITIES } from '$lib/data/contract';
import { indicatorSeries } from '$lib/data/queries/indicator-series';
import type { ExploreState } from './params';

/** The map is of all seven authorities (one left out would read as "not available"), so it asks for all seven. */
const areasAsked = (state: ExploreState) =>
	state.view === 'map' ? [...new Set([...state.areas, ...WMCA_AUTHORITIES.map((a) => a.code)])] : state.areas;

export const viewQuery = (state: ExploreState) =>
	indicatorSeries({ indicatorId: state.indicator, areaCodes: areasAsked(state), from: state.fromPeriod, to: state.toPeriod });

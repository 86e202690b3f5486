/**
 * What the overview page asks of the data, as one function over any engine: the Node engine
 * prerenders the WMCA view at build time; the browser engine answers the area switcher with the
 * same named queries. Returns plain rows only; the page turns them into cards and charts.
 * (The page's layout, which indicators go where, is in ./pillars, so the page can render without
 * loading this module and its SQL until the first switch.)
 */
import type { Engine } from '../data/engine';
import type { Area, Indicator } from '../data/contract';
import { ENGLAND, WMCA } from '../data/contract';
import { queries, run, type SeriesRow } from '../data/queries';
import { HOUSING_FIRST_FACT_IDS, MONTHLY_IDS } from './pillars';

export interface AreaView {
	area_code: string;
	area_name: string;
	/** Autumn snapshot, every year, for this area. */
	snapshot: SeriesRow[];
	/** Monthly framework indicators for this area, by indicator then period. */
	monthly: SeriesRow[];
}

export async function loadAreaView(engine: Engine, area: Pick<Area, 'area_code' | 'area_name'>): Promise<AreaView> {
	// One after another: the browser engine has a single connection.
	const snapshot = await run(engine, queries.series('snapshot_single_night', area.area_code));
	const monthly = await run(engine, queries.seriesForArea(MONTHLY_IDS, area.area_code));
	return { area_code: area.area_code, area_name: area.area_name, snapshot, monthly };
}

/** The indicator fields the page shows (definitions stay on the methodology page). */
export type IndicatorSummary = Pick<Indicator, 'indicator_id' | 'name' | 'short_name' | 'unit' | 'polarity' | 'frequency' | 'pillar'>;

/** Everything on the overview that does not change with the area switcher. */
export async function loadOverviewContext(engine: Engine) {
	const areas = await run(engine, queries.areas());
	const indicators: IndicatorSummary[] = (await run(engine, queries.indicators())).map(
		({ indicator_id, name, short_name, unit, polarity, frequency, pillar }) => ({ indicator_id, name, short_name, unit, polarity, frequency, pillar })
	);
	const sources = await run(engine, queries.sources());
	const annotations = await run(engine, queries.annotations());
	const englandSnapshot = await run(engine, queries.series('snapshot_single_night', ENGLAND));
	const housingFirst = await run(engine, queries.seriesForArea(HOUSING_FIRST_FACT_IDS, WMCA));
	const latestYear = (await run(engine, queries.latestPeriod('snapshot_single_night', WMCA)))[0]?.period ?? null;
	const byAuthority = latestYear ? await run(engine, queries.snapshotByArea(latestYear, 'local_authority')) : [];
	return {
		areas: areas.filter((a) => a.area_code === WMCA || a.parent_code === WMCA),
		indicators,
		sources,
		annotations,
		englandSnapshot,
		housingFirst,
		latestYear,
		byAuthority
	};
}

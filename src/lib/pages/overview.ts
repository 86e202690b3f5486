/**
 * What the overview page asks of the data, as one function over any engine: the Node engine
 * prerenders the WMCA view at build time; the browser engine answers the area switcher with the
 * same named queries. Returns plain rows only; the page turns them into cards and charts.
 */
import type { Engine } from '../data/engine';
import { ENGLAND, WMCA } from '../data/contract';
import { queries, run, type SeriesRow } from '../data/queries';

/** The headline indicator of each pillar (the scorecard), with its percentage twin. */
export const HEADLINES = [
	{ pillar: 'prevented', indicator: 'new', pct: 'new_pct' },
	{ pillar: 'rare', indicator: 'rs_month', pct: null },
	{ pillar: 'brief', indicator: 'long_term', pct: 'long_term_pct' },
	{ pillar: 'non_recurring', indicator: 'returners', pct: 'returners_pct' }
] as const;

/** The monthly indicators charted for each pillar: one small chart per pillar. */
export const PILLAR_CHARTS = [
	{ pillar: 'prevented', indicators: ['new', 'left_institution'] },
	{ pillar: 'rare', indicators: ['rs_month', 'rs_single_night'] },
	{ pillar: 'brief', indicators: ['long_term', 'accommodated'] },
	{ pillar: 'non_recurring', indicators: ['returners', 'returners_from_settled'] }
] as const;

const MONTHLY_IDS = [
	...new Set([
		...HEADLINES.flatMap((h) => [h.indicator, ...(h.pct ? [h.pct] : [])]),
		...PILLAR_CHARTS.flatMap((c) => c.indicators)
	])
];

export interface AreaView {
	area_code: string;
	area_name: string;
	/** Autumn snapshot, every year, for this area. */
	snapshot: SeriesRow[];
	/** Monthly framework indicators for this area, by indicator then period. */
	monthly: SeriesRow[];
}

export async function loadAreaView(engine: Engine, areaCode: string): Promise<AreaView> {
	// One after another: the browser engine has a single connection.
	const areas = await run(engine, queries.areas());
	const snapshot = await run(engine, queries.series('snapshot_single_night', areaCode));
	const monthly = await run(engine, queries.seriesForArea(MONTHLY_IDS, areaCode));
	const area = areas.find((a) => a.area_code === areaCode);
	if (!area) throw new Error(`Unknown area ${areaCode}`);
	return { area_code: areaCode, area_name: area.area_name, snapshot, monthly };
}

/** Everything on the overview that does not change with the area switcher. */
export async function loadOverviewContext(engine: Engine) {
	const [areas, indicators, sources, annotations, englandSnapshot, englandMonthly, housingFirst, latest] =
		await Promise.all([
			run(engine, queries.areas()),
			run(engine, queries.indicators()),
			run(engine, queries.sources()),
			run(engine, queries.annotations()),
			run(engine, queries.series('snapshot_single_night', ENGLAND)),
			run(engine, queries.seriesForArea(MONTHLY_IDS, ENGLAND)),
			run(engine, queries.seriesForArea(['hf_people_housed', 'hf_target_people', 'hf_funding_gbp_million'], WMCA)),
			run(engine, queries.latestPeriod('snapshot_single_night', WMCA))
		]);
	const latestYear = latest[0]?.period ?? null;
	const byAuthority = latestYear
		? await run(engine, queries.byArea('snapshot_single_night', latestYear, 'local_authority'))
		: [];
	const ratesByAuthority = latestYear
		? await run(engine, queries.snapshotRateByArea(latestYear, 'local_authority'))
		: [];
	return {
		areas: areas.filter((a) => a.area_code === WMCA || a.parent_code === WMCA),
		indicators,
		sources,
		annotations,
		englandSnapshot,
		englandMonthly,
		housingFirst,
		latestYear,
		byAuthority,
		ratesByAuthority
	};
}

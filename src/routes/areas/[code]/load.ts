/**
 * What an area's overview asks of the data, run by the Node engine at build time for every area
 * page (and for /, the WMCA overview). Each chart's rows come with the named query that produced
 * them, so the page can show its SQL. Plain rows only: ./view-model turns them into cards and
 * chart data. The seven authorities and WMCA come from areas.csv, never a hand list.
 */
import type { Engine } from '$lib/data/engine';
import type { Area, Indicator } from '$lib/data/contract';
import { ENGLAND, WMCA } from '$lib/data/contract';
import { queries, run, type IndicatorSeriesRow, type NamedQuery, type SeriesRow } from '$lib/data/queries';
import { HOUSING_FIRST_FACT_IDS, MONTHLY_IDS, SNAPSHOT_INDICATOR } from '$lib/pages/pillars';

/** The indicator fields the page shows (definitions stay on the methodology page). */
export type IndicatorSummary = Pick<Indicator, 'indicator_id' | 'name' | 'short_name' | 'unit' | 'polarity' | 'frequency' | 'pillar'>;

/** Rows of one chart with the queries that produced them. */
export interface Queried<R> {
	queries: NamedQuery<R>[];
	rows: R[];
}


export async function queried<R extends object>(engine: Engine, qs: NamedQuery<R>[]): Promise<Queried<R>> {
	const rows: R[] = [];
	// One after another: an engine may have a single connection.
	for (const q of qs) rows.push(...(await run(engine, q)));
	return { queries: qs, rows };
}

/** The areas that have an overview page: WMCA and its constituent authorities, in areas.csv order. */
export async function overviewAreas(engine: Engine): Promise<Area[]> {
	const areas = await run(engine, queries.areas());
	return areas.filter((a) => a.area_code === WMCA || a.parent_code === WMCA);
}

export async function loadOverview(engine: Engine, areaCode: string) {
	const areas = await overviewAreas(engine);
	const area = areas.find((a) => a.area_code === areaCode);
	if (!area) throw new Error(`No overview for ${areaCode}: it is not WMCA or one of its authorities in areas.csv`);
	const authorities = areas.filter((a) => a.parent_code === WMCA).map((a) => a.area_code);
	const indicators: IndicatorSummary[] = (await run(engine, queries.indicators())).map(
		({ indicator_id, name, short_name, unit, polarity, frequency, pillar }) => ({ indicator_id, name, short_name, unit, polarity, frequency, pillar })
	);
	// The latest year any authority has a figure: the WMCA total is missing in a year one of them is [x].
	const latestYear = (await run(engine, queries.latestPeriod(SNAPSHOT_INDICATOR, authorities)))[0]?.period ?? null;
	return {
		area: { area_code: area.area_code, area_name: area.area_name },
		areas: areas.map((a) => ({ area_code: a.area_code, area_name: a.area_name })),
		indicators,
		sources: await run(engine, queries.sources()),
		annotations: await run(engine, queries.annotations()),
		latestYear,
		/** The autumn snapshot every year, for the area and England (rates with their population year). */
		snapshot: await queried(engine, [queries.indicatorSeries({ indicatorId: SNAPSHOT_INDICATOR, areaCodes: [area.area_code, ENGLAND] })]),
		/** The latest snapshot for each authority, counts and rates. */
		byAuthority: latestYear
			? await queried(engine, [queries.indicatorSeries({ indicatorId: SNAPSHOT_INDICATOR, areaCodes: authorities, from: latestYear, to: latestYear })])
			: { queries: [], rows: [] as IndicatorSeriesRow[] },
		/** Every monthly framework indicator for the area, one query per indicator. */
		monthly: await queried(
			engine,
			MONTHLY_IDS.map((id) => queries.indicatorSeries({ indicatorId: id, areaCodes: [area.area_code] }))
		),
		housingFirst: await queried(engine, [queries.indicatorSeries({ indicatorId: 'hf_people_housed', areaCodes: [WMCA] })]),
		/** Housing First key figures (each with its source), for the facts list. */
		housingFirstFacts: (await run(engine, queries.seriesForArea(HOUSING_FIRST_FACT_IDS, WMCA))) as SeriesRow[]
	};
}

export type OverviewData = Awaited<ReturnType<typeof loadOverview>>;

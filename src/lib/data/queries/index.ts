/**
 * The named queries: every question a page asks of the data, in one place, run unchanged by the
 * Node engine at build time and by the browser engine after an interaction. They return plain
 * rows and know nothing of charts.
 */
import { WMCA_AUTHORITIES, type Annotation, type Area, type Indicator, type Observation, type Source } from '../contract';
import { named, type NamedQuery } from './named';
import { POPULATION_CTE, nearestPopulation, ratePer100k } from './population';
import { indicatorSeries } from './indicator-series';
import { coverage } from './coverage';
import { targetsForArea } from './targets';
import { areaComparison } from './area-comparison';
import { editions, newPeriods, revisions } from './revisions';

export { named, run, sqlWithParams, type NamedQuery } from './named';
export type { IndicatorSeriesRow, IndicatorSeriesParams } from './indicator-series';
export type { CoverageRow } from './coverage';
export type { TargetRow } from './targets';
export type { AreaComparisonRow, AreaComparisonParams } from './area-comparison';
export type { EditionRow, NewPeriodRow, RevisionRow, RevisionsParams } from './revisions';

/** An observation joined to its source's kind, so every figure can say whether it is illustrative. */
export interface SeriesRow extends Observation {
	source_kind: string;
}

const SERIES_COLUMNS = `o.indicator_id, o.area_code, o.period, o.value, o.marker, o.source_id, o.note,
	coalesce(s.kind, '') AS source_kind`;
const SERIES_SELECT = `SELECT ${SERIES_COLUMNS} FROM observations o LEFT JOIN sources s USING (source_id)`;

export interface SnapshotByAreaRow {
	area_code: string;
	area_name: string;
	value: number | null;
	marker: string;
	source_id: string;
	rate_per_100k: number | null;
	population: number | null;
	denominator_year: number | null;
	denominator_source_id: string;
}

export const queries = {
	areas: () =>
		named<Area>(
			'areas',
			`SELECT * FROM areas ORDER BY CASE area_type WHEN 'country' THEN 0 WHEN 'region' THEN 1
			 WHEN 'combined_authority' THEN 2 ELSE 3 END, area_name`
		),
	indicators: () => named<Indicator>('indicators', `SELECT * FROM indicators ORDER BY rowid`),
	sources: () => named<Source>('sources', `SELECT * FROM sources ORDER BY source_id`),
	annotations: () => named<Annotation>('annotations', `SELECT * FROM annotations ORDER BY period`),

	/** One indicator for one area, oldest period first. */
	series: (indicatorId: string, areaCode: string) =>
		named<SeriesRow>(
			'series',
			`${SERIES_SELECT} WHERE o.indicator_id = ? AND o.area_code = ? ORDER BY o.period`,
			[indicatorId, areaCode]
		),

	/** Several indicators for one area (e.g. all monthly framework indicators), by indicator then period. */
	seriesForArea: (indicatorIds: readonly string[], areaCode: string) =>
		named<SeriesRow>(
			'seriesForArea',
			`${SERIES_SELECT} WHERE list_contains(string_split(?, ','), o.indicator_id) AND o.area_code = ?
			 ORDER BY o.indicator_id, o.period`,
			[indicatorIds.join(','), areaCode]
		),

	/** Latest period holding a value for an indicator in any of the areas (NULL when none). */
	latestPeriod: (indicatorId: string, areaCodes: readonly string[]) =>
		named<{ period: string | null }>(
			'latestPeriod',
			`SELECT max(period) AS period FROM observations
			 WHERE indicator_id = ? AND list_contains(string_split(?, ','), area_code) AND value IS NOT NULL`,
			[indicatorId, areaCodes.join(',')]
		),

	/**
	 * One count indicator in one year for every area of a type (e.g. the autumn snapshot for the seven authorities): the
	 * count with its marker and source, and the rate per 100,000 residents where the area has a
	 * published population (of the snapshot's year, else the nearest held: see ./population).
	 */
	snapshotByArea: (indicatorId: string, year: string, areaType: string) =>
		named<SnapshotByAreaRow>(
			'snapshotByArea',
			`WITH ${POPULATION_CTE}
			 SELECT a.area_code, a.area_name, o.value, coalesce(o.marker, 'x') AS marker,
			        coalesce(o.source_id, '') AS source_id,
			        ${ratePer100k('o.value')} AS rate_per_100k, p.population,
			        p.population_year AS denominator_year, coalesce(p.population_source_id, '') AS denominator_source_id
			 FROM areas a
			 LEFT JOIN observations o
			   ON o.area_code = a.area_code AND o.indicator_id = ? AND o.period = ?
			 LEFT JOIN population p ON p.area_code = a.area_code
			 WHERE a.area_type = ?
			 ${nearestPopulation('a.area_code', 'CAST(? AS INTEGER)')}
			 ORDER BY a.area_name`,
			[indicatorId, year, areaType, year]
		),

	/** One indicator for a set of areas and a period range, with provenance and rates (./indicator-series). */
	indicatorSeries,

	/** Periods and areas held per indicator (./coverage). */
	coverage,

	/** The targets set for an area, with their sources' kinds (./targets). */
	targetsForArea,

	/** A count indicator across areas in one month as rates per 100,000 (./area-comparison). */
	areaComparison,

	/** Revised figures, editions and the periods an edition added (./revisions). */
	revisions,
	newPeriods,
	editions
};

/**
 * A fixed set of named queries with arguments, run on both engines by the workbench's engine check and
 * the browser tests to show the two engines answer identically.
 */
export function diagnosticQueries(): NamedQuery<object>[] {
	return [
		queries.areas(),
		queries.indicators(),
		queries.sources(),
		queries.annotations(),
		queries.series('snapshot_single_night', 'E47000007'),
		queries.series('snapshot_single_night', 'E08000025'),
		queries.seriesForArea(['rs_month', 'new_pct', 'long_term'], 'E92000001'),
		queries.latestPeriod('snapshot_single_night', ['E47000007']),
		// Every year held for the seven authorities, counts and rates, so no year is fixed here.
		queries.indicatorSeries({ indicatorId: 'snapshot_single_night', areaCodes: WMCA_AUTHORITIES.map((a) => a.code) })
	];
}

/**
 * The named queries: every question a page asks of the data, in one place, run unchanged by the
 * Node engine at build time and by the browser engine after an interaction. They return plain
 * rows and know nothing of charts.
 */
import type { Engine, Params } from './engine';
import type { Annotation, Area, Indicator, Observation, Source } from './contract';

export interface NamedQuery<T> {
	name: string;
	sql: string;
	params: Params;
	/** Phantom field so a query carries its row type to run(). */
	readonly _row?: T;
}

const named = <T>(name: string, sql: string, params: Params = []): NamedQuery<T> => ({ name, sql, params });

export async function run<T extends object>(engine: Engine, query: NamedQuery<T>): Promise<T[]> {
	return engine.query<T>(query.sql, query.params);
}

/** An observation joined to its source's kind, so every figure can say whether it is illustrative. */
export interface SeriesRow extends Observation {
	source_kind: string;
}

const SERIES_COLUMNS = `o.indicator_id, o.area_code, o.period, o.value, o.marker, o.source_id, o.note,
	coalesce(s.kind, '') AS source_kind`;
const SERIES_SELECT = `SELECT ${SERIES_COLUMNS} FROM observations o LEFT JOIN sources s USING (source_id)`;

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

	/** One indicator in one period for every area of a type (e.g. the seven authorities). */
	byArea: (indicatorId: string, period: string, areaType: string) =>
		named<SeriesRow & { area_name: string }>(
			'byArea',
			`SELECT ${SERIES_COLUMNS}, a.area_name
			 FROM observations o LEFT JOIN sources s USING (source_id) JOIN areas a USING (area_code)
			 WHERE o.indicator_id = ? AND o.period = ? AND a.area_type = ? ORDER BY a.area_name`,
			[indicatorId, period, areaType]
		),

	/** Latest period holding a value for an indicator and area (NULL when none). */
	latestPeriod: (indicatorId: string, areaCode: string) =>
		named<{ period: string | null }>(
			'latestPeriod',
			`SELECT max(period) AS period FROM observations
			 WHERE indicator_id = ? AND area_code = ? AND value IS NOT NULL`,
			[indicatorId, areaCode]
		),

	/**
	 * Snapshot rate per 100,000 residents in one period for every area of a type, where the area has
	 * a published population; the rate is NULL (never a guess) where it has none, or no count.
	 */
	snapshotRateByArea: (period: string, areaType: string) =>
		named<{ area_code: string; area_name: string; value: number | null; marker: string; rate_per_100k: number | null; population: number | null; denominator_year: number | null; source_id: string; denominator_source_id: string }>(
			'snapshotRateByArea',
			`SELECT a.area_code, a.area_name, o.value, coalesce(o.marker, 'x') AS marker,
			        round(o.value / d.value * 100000, 1) AS rate_per_100k, d.value AS population,
			        d.year AS denominator_year, coalesce(o.source_id, '') AS source_id,
			        coalesce(d.source_id, '') AS denominator_source_id
			 FROM areas a
			 LEFT JOIN observations o ON o.area_code = a.area_code AND o.indicator_id = 'snapshot_single_night' AND o.period = ?
			 LEFT JOIN denominators d ON d.area_code = a.area_code AND d.measure = 'population'
			 WHERE a.area_type = ? ORDER BY a.area_name`,
			[period, areaType]
		),

	/**
	 * Snapshot rate per 100,000 residents, only where the area has a published population
	 * (mid-2020); otherwise the rate is NULL, never a guess.
	 */
	snapshotRate: (areaCode: string) =>
		named<{ period: string; value: number | null; rate_per_100k: number | null; denominator_year: number | null }>(
			'snapshotRate',
			`SELECT o.period, o.value,
			        round(o.value / d.value * 100000, 1) AS rate_per_100k, d.year AS denominator_year
			 FROM observations o
			 LEFT JOIN denominators d ON d.area_code = o.area_code AND d.measure = 'population'
			 WHERE o.indicator_id = 'snapshot_single_night' AND o.area_code = ?
			 ORDER BY o.period`,
			[areaCode]
		)
};

/**
 * A fixed set of named queries with arguments, run on both engines by the diagnostics page and
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
		queries.byArea('snapshot_single_night', '2025', 'local_authority'),
		queries.latestPeriod('snapshot_single_night', 'E47000007'),
		queries.snapshotRate('E08000025'),
		queries.snapshotRateByArea('2025', 'local_authority')
	];
}

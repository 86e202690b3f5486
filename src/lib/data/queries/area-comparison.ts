/**
 * One count indicator across a set of areas in one month, as rates per 100,000 residents: the
 * report's comparison of each authority with WMCA and England. The month is the latest in which
 * the reference area (England) and at least one other area both have a figure, so every rate is
 * of the same month; where the reference area has none, the latest month any other area has.
 * Every area asked for gets a row (its value NULL, marker x, when it has no figure that month).
 */
import { named } from './named';
import { POPULATION_CTE, nearestPopulation, ratePer100k } from './population';
import type { IndicatorSeriesRow } from './indicator-series';

export interface AreaComparisonParams {
	indicatorId: string;
	/** Every area to compare, the reference area among them. */
	areaCodes: readonly string[];
	/** The area whose month decides the comparison's month (England). */
	referenceCode: string;
}

/** The provenance and rate columns are those of an indicatorSeries row; the month is NULL when no area holds one. */
export interface AreaComparisonRow
	extends Pick<
		IndicatorSeriesRow,
		| 'area_code' | 'area_name' | 'area_type' | 'value' | 'marker' | 'source_id' | 'source_kind' | 'source_title'
		| 'source_published' | 'cell' | 'population' | 'population_year' | 'population_source_id' | 'rate_per_100k'
	> {
	period: string | null;
}

export const areaComparison = ({ indicatorId, areaCodes, referenceCode }: AreaComparisonParams) =>
	named<AreaComparisonRow>(
		'areaComparison',
		`WITH ${POPULATION_CTE},
		 held AS (
		   SELECT area_code, period FROM observations
		   WHERE indicator_id = ? AND value IS NOT NULL AND list_contains(string_split(?, ','), area_code)
		 ),
		 month AS (
		   SELECT coalesce(
		     (SELECT max(r.period) FROM held r WHERE r.area_code = ?
		        AND r.period IN (SELECT period FROM held WHERE area_code <> ?)),
		     (SELECT max(period) FROM held WHERE area_code <> ?)
		   ) AS period
		 )
		 SELECT a.area_code, a.area_name, a.area_type, month.period, o.value,
		        CASE WHEN o.value IS NULL THEN coalesce(nullif(o.marker, ''), 'x') ELSE o.marker END AS marker,
		        coalesce(o.source_id, '') AS source_id, coalesce(s.kind, '') AS source_kind,
		        coalesce(s.title, '') AS source_title, coalesce(s.published, '') AS source_published,
		        coalesce(c.cell, '') AS cell,
		        p.population, p.population_year, coalesce(p.population_source_id, '') AS population_source_id,
		        ${ratePer100k('o.value')} AS rate_per_100k
		 FROM areas a
		 CROSS JOIN month
		 LEFT JOIN observations o ON o.area_code = a.area_code AND o.indicator_id = ? AND o.period = month.period
		 LEFT JOIN sources s ON s.source_id = o.source_id
		 -- One cell per observation at most, from the observation's own source (both checked by validation).
		 LEFT JOIN observation_cells c ON c.indicator_id = o.indicator_id AND c.area_code = o.area_code AND c.period = o.period
		 LEFT JOIN population p ON p.area_code = a.area_code
		 WHERE list_contains(string_split(?, ','), a.area_code)
		 ${nearestPopulation('a.area_code', 'CAST(left(month.period, 4) AS INTEGER)')}
		 ORDER BY a.area_code`,
		[indicatorId, areaCodes.join(','), referenceCode, referenceCode, referenceCode, indicatorId, areaCodes.join(',')]
	);

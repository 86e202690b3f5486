/**
 * One indicator for any set of areas and period range: the tidy rows behind indicator pages,
 * /explore and embeds. Every row carries its provenance (marker, source title, kind and
 * publication date, and the spreadsheet cell it was read from where it was imported) and, for
 * counts of people, the rate per 100,000 residents with the population and the population year
 * used (./population). Parameterised: no indicator or area is written into the SQL.
 */
import { named } from './named';
import { POPULATION_CTE, nearestPopulation, ratePer100k } from './population';

export interface IndicatorSeriesParams {
	indicatorId: string;
	/** GSS codes; empty means every area holding a figure. */
	areaCodes: readonly string[];
	/** First and last period to include, as in the data (YYYY, YYYY-Qn, YYYY-MM); null for open. */
	from?: string | null;
	to?: string | null;
}

export interface IndicatorSeriesRow {
	indicator_id: string;
	area_code: string;
	area_name: string;
	area_type: string;
	period: string;
	value: number | null;
	marker: string;
	note: string;
	source_id: string;
	source_kind: string;
	source_title: string;
	source_published: string;
	/** The spreadsheet cell the value was read from (SHEET!A1, or several joined by " + "); '' when none is recorded. */
	cell: string;
	/** Residents of the area in population_year; NULL where none is held. */
	population: number | null;
	population_year: number | null;
	population_source_id: string;
	/** value per 100,000 residents, for counts of people only; NULL otherwise or without a population. */
	rate_per_100k: number | null;
}

export const indicatorSeries = ({ indicatorId, areaCodes, from = null, to = null }: IndicatorSeriesParams) =>
	named<IndicatorSeriesRow>(
		'indicatorSeries',
		`WITH ${POPULATION_CTE}
		 SELECT o.indicator_id, o.area_code, a.area_name, a.area_type, o.period, o.value, o.marker, o.note,
		        o.source_id, coalesce(s.kind, '') AS source_kind, coalesce(s.title, '') AS source_title,
		        coalesce(s.published, '') AS source_published, coalesce(c.cell, '') AS cell,
		        CASE WHEN i.unit = 'people' THEN p.population END AS population,
		        CASE WHEN i.unit = 'people' THEN p.population_year END AS population_year,
		        CASE WHEN i.unit = 'people' THEN coalesce(p.population_source_id, '') ELSE '' END AS population_source_id,
		        CASE WHEN i.unit = 'people' THEN ${ratePer100k('o.value')} END AS rate_per_100k
		 FROM observations o
		 JOIN indicators i USING (indicator_id)
		 JOIN areas a USING (area_code)
		 LEFT JOIN sources s ON s.source_id = o.source_id
		 -- One cell per observation at most, from the observation's own source (both checked by validation).
		 LEFT JOIN observation_cells c ON c.indicator_id = o.indicator_id AND c.area_code = o.area_code AND c.period = o.period
		 LEFT JOIN population p ON p.area_code = o.area_code
		 WHERE o.indicator_id = ?
		   AND (? = '' OR list_contains(string_split(?, ','), o.area_code))
		   AND (? IS NULL OR o.period >= ?)
		   AND (? IS NULL OR o.period <= ?)
		 ${nearestPopulation('o.area_code, o.period', 'CAST(left(o.period, 4) AS INTEGER)')}
		 ORDER BY o.area_code, o.period`,
		[indicatorId, areaCodes.join(','), areaCodes.join(','), from, from, to, to]
	);

/**
 * How every rate finds its population, in one place. A rate per 100,000 uses the ONS mid-year
 * population of the count's own year; where that year is not held, the nearest year held (the
 * latest, for counts after the last population year) — and the row carries the year used, so the
 * page prints it. No population, no rate: never a guess.
 */

/** A CTE `population (area_code, population_year, population, population_source_id)`. */
export const POPULATION_CTE = `population AS (
	SELECT area_code, year AS population_year, value AS population, source_id AS population_source_id
	FROM denominators WHERE measure = 'population'
)`;

/**
 * Keeps, for each row of `alias` (partitioned by `key`), the population row of the nearest year to
 * `yearExpr` (the later year on a tie). Use after `LEFT JOIN population p USING (area_code)`.
 */
export const nearestPopulation = (key: string, yearExpr: string) =>
	`QUALIFY row_number() OVER (PARTITION BY ${key}
	   ORDER BY abs(p.population_year - (${yearExpr})) NULLS LAST, p.population_year DESC) = 1`;

/** Rate per 100,000 residents to one decimal place; NULL without a count or a population. */
export const ratePer100k = (value: string) => `round(${value} / p.population * 100000, 1)`;

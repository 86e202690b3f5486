/**
 * The framework indicators in DuckDB SQL: one module, run unchanged by both engines (duckdb-wasm
 * in the browser and in Node; native DuckDB in the benchmark). Set-based throughout: hash
 * aggregations and joins, and one window pass over person-months sorted by month; never a per-row
 * correlated subquery.
 *
 * Dates are carried as integer day numbers (days since 1970-01-01) and months as an integer
 * month index (year * 12 + month - 1). Areas are the seven authorities plus WMCA (E47000007),
 * whose sightings are the authorities' sightings taken together (so a person seen in two
 * authorities is one WMCA person and counts once).
 *
 * Every table this module makes starts with `ind_`, so it can share a database with the
 * dashboard's tables without a collision.
 */
import { WMCA, WMCA_AUTHORITIES } from '../data/contract';
import { INSTITUTIONS, type Institution } from './records';

/**
 * The areas the engine computes for: authorities, each person's events counted in each, and the
 * area they make up together (each person counted once). The dashboard's is the WMCA; the scale
 * benchmark passes England-sized lists.
 */
export interface Geography {
	authorities: readonly string[];
	total: string;
}
export const WMCA_GEOGRAPHY: Geography = { authorities: WMCA_AUTHORITIES.map((a) => a.code), total: WMCA };

/** Areas computed, in output order: the seven authorities, then WMCA. */
export const AREAS: readonly string[] = [...WMCA_GEOGRAPHY.authorities, WMCA_GEOGRAPHY.total];

/**
 * A person in an area is the key k = pid * stride + area, area 1 to n for the n authorities and
 * 0 for the total: stride is n + 1 (8 for the WMCA). k is a 32-bit integer, so people times
 * stride must stay under 2^31 (DuckDB stops with an overflow error rather than wrap).
 */
const strideOf = (g: Geography) => g.authorities.length + 1;

/** Bit of each institution in the per-sighting mask of qualifying institution leavers. */
export const INSTITUTION_BITS: Record<Institution, number> = Object.fromEntries(
	INSTITUTIONS.map((inst, i) => [inst, 1 << i])
) as Record<Institution, number>;

/** Count indicators (indicator ids of indicators.csv), in the column order of the result. */
export const COUNT_INDICATORS = [
	'rs_month',
	'new',
	'left_institution',
	...INSTITUTIONS.map((i) => `left_institution_${i}`),
	'long_term',
	'returners',
	'returners_from_settled',
	'accommodated',
	'nights_1',
	'nights_2',
	'nights_3_5',
	'nights_6_10',
	'nights_11_plus'
] as const;

/** Percentages MHCLG publishes: numerator over denominator, to one decimal place. */
export const PERCENT_INDICATORS = [
	{ id: 'new_pct', numerator: 'new', denominator: 'rs_month' },
	{ id: 'left_institution_pct', numerator: 'left_institution', denominator: 'rs_month' },
	{ id: 'long_term_pct', numerator: 'long_term', denominator: 'rs_month' },
	{ id: 'returners_pct', numerator: 'returners', denominator: 'rs_month' },
	{ id: 'accommodated_pct', numerator: 'accommodated', denominator: 'rs_month' },
	{ id: 'returners_from_settled_pct', numerator: 'returners_from_settled', denominator: 'returners' }
] as const;

export type CountIndicator = (typeof COUNT_INDICATORS)[number];
export type PercentIndicator = (typeof PERCENT_INDICATORS)[number]['id'];

/**
 * One area and month, as returned by the final query (and by the oracle): every count, and every
 * percentage in tenths of a per cent, rounded half up (null when the denominator is 0).
 */
export type WideRow = { area_code: string; period: string } & Record<CountIndicator, number> &
	Record<`${PercentIndicator}_tenths`, number | null>;

/** Month index (year * 12 + month - 1) of a YYYY-MM string. */
export function monthIndex(period: string): number {
	return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * DuckDB's CSV read buffer for the contacts file: 1 MiB rather than its default (16 times the
 * 2 MB longest line), which in the browser's single-threaded DuckDB held over 100 MB for a 100 MB
 * file. A checked contacts line is a few hundred bytes at most.
 */
const CSV_BUFFER_BYTES = 1024 * 1024;

/**
 * Load a registered contacts CSV (already checked, see records.ts) into ind_events. `header` is
 * the file's own column order; columns are then picked by name, so any order is accepted.
 *
 * ind_events: pid (a small integer per person_id), area (1-7, the index of the authority in
 * AREAS plus one; 0 stands for WMCA later), day (days since 1970-01-01), m (month index), dom
 * (day of the month - 1), seen (a sighting, else accommodated), settled, mask (the institutions
 * this sighting counts the person as having left: care leaver, or left 0 to 85 days before).
 */
export function loadEventsSql(fileName: string, header: readonly string[], geography: Geography = WMCA_GEOGRAPHY): string {
	const columns = header.map((c) => `${q(c)}: 'VARCHAR'`).join(', ');
	const maskCase = INSTITUTIONS.map((inst) => `WHEN ${q(inst)} THEN ${INSTITUTION_BITS[inst]}`).join(' ');
	const areaCase = geography.authorities.map((code, i) => `WHEN ${q(code)} THEN ${i + 1}`).join(' ');
	// raw is read once and used twice (the distinct people, then the join), so it is held in
	// memory: it keeps each event's person string and the small values worked out from its other
	// strings, not the strings themselves. Keeping them all was the peak of the workbench's memory.
	return `CREATE OR REPLACE TABLE ind_events AS
WITH csv AS (
	SELECT person_id AS person, area_code, CAST(event_date AS DATE) AS d, event,
		coalesce(accommodation, '') AS accommodation, coalesce(institution, '') AS institution,
		CAST(institution_left_date AS DATE) AS left_date
	FROM read_csv(${q(fileName)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
		columns = {${columns}}, buffer_size = ${CSV_BUFFER_BYTES})
),
raw AS MATERIALIZED (
	SELECT person,
		CAST(CASE area_code ${areaCase} END AS SMALLINT) AS area,
		d,
		event = 'seen_rough_sleeping' AS seen,
		accommodation = 'settled' AS settled,
		CAST(CASE
			WHEN institution = 'care_leaver' OR (institution <> '' AND d - left_date BETWEEN 0 AND 85)
			THEN CASE institution ${maskCase} END
			ELSE 0 END AS TINYINT) AS mask
	FROM csv
),
ids AS (SELECT person, CAST(row_number() OVER () AS INTEGER) AS pid FROM (SELECT DISTINCT person FROM raw))
SELECT
	ids.pid,
	CAST(raw.area AS INTEGER) AS area,
	CAST(raw.d - DATE '1970-01-01' AS INTEGER) AS day,
	CAST(year(raw.d) * 12 + month(raw.d) - 1 AS INTEGER) AS m,
	CAST(day(raw.d) - 1 AS INTEGER) AS dom,
	raw.seen,
	raw.settled,
	CAST(raw.mask AS INTEGER) AS mask
FROM raw JOIN ids USING (person)`;
}

/** First and last month index with any event: the default range. */
export const MONTH_RANGE_SQL = 'SELECT min(m) AS first, max(m) AS last FROM ind_events';

/** Day number of the first day of month index `m`, as SQL. */
const monthStart = (m: string) =>
	`CAST(make_date(CAST((${m}) // 12 AS BIGINT), CAST((${m}) % 12 + 1 AS BIGINT), 1) - DATE '1970-01-01' AS INTEGER)`;
/** Day number of day `d` minus `k` calendar months, clamped to the end of a shorter month. */
const minusMonths = (d: string, k: number) =>
	`CAST(CAST((DATE '1970-01-01' + ${d}) - INTERVAL ${k} MONTH AS DATE) - DATE '1970-01-01' AS INTEGER)`;

/**
 * Rows of ind_events as (k, ...) for the authorities and again for the total, where k = pid *
 * stride + area identifies a person in an area (area 0 = the total: all the authorities taken
 * together; for the dashboard, the WMCA).
 */
const withTotal = (stride: number, columns: string, where: string) =>
	`SELECT pid * ${stride} + area AS k, ${columns} FROM ind_events WHERE ${where}
	UNION ALL
	SELECT pid * ${stride} AS k, ${columns} FROM ind_events WHERE ${where}`;

/**
 * A percentage in tenths of a per cent, rounded half up, NULL when the denominator is 0, as SQL.
 * In 64-bit integers: 2000 times a count of a few million people overflows 32 bits, and a ratio
 * such as accommodated_pct can run to billions of tenths.
 */
export function percentTenthsSql(numerator: string, denominator: string): string {
	const num = `CAST(${numerator} AS BIGINT)`;
	const den = `CAST(${denominator} AS BIGINT)`;
	return `CASE WHEN ${den} = 0 THEN NULL ELSE (2000 * ${num} + ${den}) // (2 * ${den}) END`;
}

export interface Step {
	name: string;
	sql: string;
}

/**
 * The statements that compute every indicator from ind_events, for months `from` to `to`
 * (month indexes, inclusive). History before `from` is used for the look-backs. The last
 * statement returns the WideRow rows, ordered by area (AREAS order) and period.
 *
 * The plan: one hash aggregation to person-area-months (first and last sighting day, the
 * institution mask, and a 31-bit mask of the days of the month with a sighting), then one
 * window pass over them in month order, which gives everything else:
 * - the last sighting before d (the first sighting of the month) is the previous
 *   person-month's last sighting (lag);
 * - distinct months in M-11..M: a count over RANGE 11 PRECEDING;
 * - nights in [end of M - 179, end of M]: that window always starts inside month M-5 (months
 *   M-5..M hold at least 181 days, M-4..M at most 155), so it is the days of M-4..M (sum over
 *   RANGE 4 PRECEDING) plus the days of M-5 from the window's start on (bit count of M-5's
 *   day mask shifted by the start's day of the month);
 * - settled accommodation in [d - 12 months, d), for returners only: a hash join on the
 *   person-area key with a range condition (a person has few settled moves);
 * - d - 60 months and d - 12 months: from a calendar of the (few thousand) sighting days.
 */
export function indicatorSteps(from: number, to: number, geography: Geography = WMCA_GEOGRAPHY): Step[] {
	const bits = INSTITUTION_BITS;
	const stride = strideOf(geography);
	const areaValues = [...geography.authorities.map((a, i) => `(${q(a)}, ${i + 1}, ${i})`), `(${q(geography.total)}, 0, ${geography.authorities.length})`].join(', ');
	return [
		{
			name: 'calendar',
			sql: `CREATE OR REPLACE TABLE ind_cal AS
SELECT day, ${minusMonths('day', 60)} AS d60, ${minusMonths('day', 12)} AS d12
FROM (SELECT DISTINCT day FROM ind_events WHERE seen)`
		},
		{
			// For each month: where (which day of month M-5, from 0) its nights window starts.
			name: 'month calendar',
			sql: `CREATE OR REPLACE TABLE ind_cal_m AS
SELECT m, CAST(${monthStart('m + 1')} - 1 - 179 - ${monthStart('m - 5')} AS INTEGER) AS start_dom
FROM (SELECT DISTINCT m FROM ind_events WHERE seen)`
		},
		{
			name: 'person months',
			// The authorities' person-months from the sightings; the WMCA's from those (minimum,
			// maximum and bitwise OR combine exactly, and the OR of day masks is the union of days).
			sql: `CREATE OR REPLACE TABLE ind_pm AS
WITH a AS MATERIALIZED (
	SELECT pid * ${stride} + area AS k, m, min(day) AS d, max(day) AS last, bit_or(mask) AS mask,
		bit_or(CAST(1 AS INTEGER) << dom) AS days
	FROM ind_events WHERE seen
	GROUP BY pid, area, m
)
SELECT k, m, d, last, mask, days FROM a
UNION ALL
SELECT k // ${stride} * ${stride} AS k, m, min(d) AS d, max(last) AS last, bit_or(mask) AS mask, bit_or(days) AS days
FROM a GROUP BY k // ${stride}, m`
		},
		{
			name: 'settled moves',
			sql: `CREATE OR REPLACE TABLE ind_settled AS
SELECT DISTINCT k, day FROM (${withTotal(stride, 'day', 'NOT seen AND settled')})`
		},
		{
			name: 'flags',
			sql: `CREATE OR REPLACE TABLE ind_flags AS
WITH w AS (
	SELECT k, m, d, mask, days,
		lag(last) OVER p AS prev_day,
		count(*) OVER (p RANGE BETWEEN 11 PRECEDING AND CURRENT ROW) AS months12,
		sum(bit_count(days)) OVER (p RANGE BETWEEN 4 PRECEDING AND CURRENT ROW) AS recent,
		any_value(days) OVER (p RANGE BETWEEN 5 PRECEDING AND 5 PRECEDING) AS days5
	FROM ind_pm
	WINDOW p AS (PARTITION BY k ORDER BY m)
)
SELECT w.k, CAST(w.k % ${stride} AS INTEGER) AS area, w.m, w.d, c.d12, w.mask,
	CAST(w.recent + coalesce(bit_count(w.days5 >> cm.start_dom), 0) AS INTEGER) AS nights,
	w.prev_day IS NULL OR w.prev_day < c.d60 AS is_new,
	coalesce(w.prev_day >= c.d60 AND w.prev_day < w.d - 180, false) AS is_returner,
	w.months12 >= 3 AS is_long_term
FROM w
JOIN ind_cal c ON c.day = w.d
JOIN ind_cal_m cm ON cm.m = w.m
WHERE w.m BETWEEN ${from} AND ${to}`
		},
		{
			name: 'results',
			sql: `WITH areas(area_code, area, ord) AS (VALUES ${areaValues}),
months AS (SELECT CAST(range AS INTEGER) AS m FROM range(${from}, ${to + 1})),
seen AS (
	SELECT area, m,
		count(*) AS rs_month,
		count(*) FILTER (WHERE is_new) AS new,
		count(*) FILTER (WHERE mask <> 0) AS left_institution,
		${INSTITUTIONS.map((i) => `count(*) FILTER (WHERE mask & ${bits[i]} <> 0) AS left_institution_${i}`).join(',\n\t\t')},
		count(*) FILTER (WHERE is_long_term) AS long_term,
		count(*) FILTER (WHERE is_returner) AS returners,
		count(*) FILTER (WHERE nights = 1) AS nights_1,
		count(*) FILTER (WHERE nights = 2) AS nights_2,
		count(*) FILTER (WHERE nights BETWEEN 3 AND 5) AS nights_3_5,
		count(*) FILTER (WHERE nights BETWEEN 6 AND 10) AS nights_6_10,
		count(*) FILTER (WHERE nights >= 11) AS nights_11_plus
	FROM ind_flags
	GROUP BY area, m
),
-- Returners with a settled move in [d - 12 months, d): a hash join on the person-area key,
-- for the returners only.
from_settled AS (
	SELECT f.area, f.m, count(DISTINCT f.k) AS returners_from_settled
	FROM ind_flags f JOIN ind_settled st ON st.k = f.k AND st.day >= f.d12 AND st.day < f.d
	WHERE f.is_returner
	GROUP BY f.area, f.m
),
accommodated AS (
	SELECT CAST(k % ${stride} AS INTEGER) AS area, m, count(DISTINCT k) AS accommodated
	FROM (${withTotal(stride, 'm', `NOT seen AND m BETWEEN ${from} AND ${to}`)})
	GROUP BY ALL
),
counts AS (
	SELECT a.ord, a.area_code, mo.m,
		${COUNT_INDICATORS.map((c) => {
			const from = c === 'accommodated' ? 'ac' : c === 'returners_from_settled' ? 'fs' : 's';
			return `CAST(coalesce(${from}.${c}, 0) AS INTEGER) AS ${c}`;
		}).join(',\n\t\t')}
	FROM areas a CROSS JOIN months mo
	LEFT JOIN seen s ON s.area = a.area AND s.m = mo.m
	LEFT JOIN from_settled fs ON fs.area = a.area AND fs.m = mo.m
	LEFT JOIN accommodated ac ON ac.area = a.area AND ac.m = mo.m
)
SELECT area_code,
	printf('%04d-%02d', m // 12, m % 12 + 1) AS period,
	${COUNT_INDICATORS.join(', ')},
	${PERCENT_INDICATORS.map((p) => `${percentTenthsSql(p.numerator, p.denominator)} AS ${p.id}_tenths`).join(',\n\t')}
FROM counts
ORDER BY ord, m`
		}
	];
}

/** Drop every table this module makes (the registered file is dropped by the caller). */
export const DROP_SQL = ['ind_flags', 'ind_settled', 'ind_pm', 'ind_cal_m', 'ind_cal', 'ind_events'].map(
	(t) => `DROP TABLE IF EXISTS ${t}`
);

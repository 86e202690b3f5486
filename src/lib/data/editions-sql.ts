/**
 * Editions compared in SQL: the common table expressions behind the revision marker set at load
 * (MARK_REVISIONS_SQL, run by lib/data/load-sql on both engines, so the Arrow snapshot and the
 * workbench hold the same markers) and behind the revisions queries (queries/revisions). One
 * definition of "revised", so the [r] on a figure and the revisions log cannot disagree.
 *
 * An edition is a row of editions.csv (a source with a published date, in a series). Its figures
 * are the current observations naming it as source_id (the series' latest edition) or the rows
 * of observations_superseded naming it (earlier editions). A figure of an edition is revised when
 * the previous edition of its series (the one published just before it) holds the same
 * indicator, area and period with another value, or, for a gap, another reason for it ([x]
 * became [c]); a qualifying marker alone ([p] dropped once confirmed) is no revision.
 */

import { VALUE_REPLACING_MARKERS } from './contract';

/**
 * The value-replacing marker letters of `expr` (x, c, z), sorted: with the value, what two
 * editions' figures are compared by. A figure whose value stands and only loses or gains a
 * qualifying marker (a provisional [p] confirmed) is not revised: [r] says the value changed.
 */
const markerSet = (expr: string) =>
	`list_sort(list_filter(string_split(${expr}, ' '), m -> m IN (${VALUE_REPLACING_MARKERS.map((m) => `'${m}'`).join(', ')})))`;

/**
 * edition_order: every edition with its series, date, title, kind, reason and commentary, the
 *   edition before it in its series (previous_source_id, NULL for the first) and is_latest.
 * edition_figures: every figure of every edition (indicator_id, area_code, period, value, marker, source_id).
 * edition_pairs: every figure of an edition that has a previous one, with the previous edition's
 *   figure for the same key where it has one (in_earlier), and whether it was revised.
 */
export const EDITION_CTES = `edition_order AS (
	SELECT e.source_id, e.series, e.reason, e.commentary, s.published, s.title, s.kind AS source_kind,
	       lag(e.source_id) OVER w AS previous_source_id, lead(e.source_id) OVER w IS NULL AS is_latest
	FROM editions e JOIN sources s USING (source_id)
	WINDOW w AS (PARTITION BY e.series ORDER BY s.published, e.source_id)
),
edition_figures AS (
	SELECT indicator_id, area_code, period, value, marker, source_id FROM observations
	WHERE source_id IN (SELECT source_id FROM editions)
	UNION ALL
	SELECT indicator_id, area_code, period, value, marker, source_id FROM observations_superseded
),
edition_pairs AS (
	SELECT n.indicator_id, n.area_code, n.period, eo.series,
	       eo.previous_source_id AS earlier_source_id, n.source_id AS later_source_id,
	       p.value AS old_value, coalesce(p.marker, '') AS old_marker, n.value AS new_value, n.marker AS new_marker,
	       p.source_id IS NOT NULL AS in_earlier,
	       p.source_id IS NOT NULL
	         AND (p.value IS DISTINCT FROM n.value OR ${markerSet('p.marker')} <> ${markerSet('n.marker')}) AS revised
	FROM edition_figures n
	JOIN edition_order eo ON eo.source_id = n.source_id AND eo.previous_source_id IS NOT NULL
	LEFT JOIN edition_figures p ON p.source_id = eo.previous_source_id AND p.indicator_id = n.indicator_id
	     AND p.area_code = n.area_code AND p.period = n.period
)`;

/**
 * Mark r on every current figure revised since the previous edition of its series (unless it
 * carries r already, as an import with --previous writes it).
 */
export const MARK_REVISIONS_SQL = `UPDATE observations SET marker = CASE WHEN marker = '' THEN 'r' ELSE marker || ' r' END
FROM (WITH ${EDITION_CTES} SELECT indicator_id, area_code, period, later_source_id FROM edition_pairs WHERE revised) revised
WHERE observations.indicator_id = revised.indicator_id AND observations.area_code = revised.area_code
  AND observations.period = revised.period AND observations.source_id = revised.later_source_id
  AND NOT list_contains(string_split(observations.marker, ' '), 'r')`;

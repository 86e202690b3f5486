/**
 * Revisions: what each edition of a series changed from the one before it, computed by SQL
 * comparing the editions' figures (../editions-sql, the same definition the load uses for [r]).
 * Behind the revisions log (/revisions/) and "What changed since the last edition" on the report.
 */
import { EDITION_CTES } from '../editions-sql';
import { named } from './named';

export interface RevisionRow {
	series: string;
	indicator_id: string;
	indicator_name: string;
	unit: string;
	area_code: string;
	area_name: string;
	period: string;
	earlier_source_id: string;
	earlier_title: string;
	earlier_published: string;
	later_source_id: string;
	later_title: string;
	later_published: string;
	/** The later edition's kind of source (illustrative figures say so). */
	source_kind: string;
	old_value: number | null;
	old_marker: string;
	new_value: number | null;
	new_marker: string;
	/** new - old; NULL when either is a gap. */
	difference: number | null;
	/** (new - old) / old, as a percentage; NULL when either is a gap or old is 0. */
	pct_difference: number | null;
	/** Why the later edition revised its figures, where it says. */
	reason: string;
}

export interface RevisionsParams {
	/** Only this indicator ('' or absent: all). */
	indicatorId?: string;
	/** Only this area ('' or absent: all). */
	areaCode?: string;
	/** Only revisions made by each series' latest edition (what changed since the last edition). */
	latestOnly?: boolean;
}

/** Every revised figure, newest edition first, then by indicator (catalogue order), area and period. */
export const revisions = ({ indicatorId = '', areaCode = '', latestOnly = false }: RevisionsParams = {}) =>
	named<RevisionRow>(
		'revisions',
		`WITH ${EDITION_CTES}
		 SELECT r.series, r.indicator_id, coalesce(i.name, r.indicator_id) AS indicator_name, coalesce(i.unit, '') AS unit,
		        r.area_code, coalesce(a.area_name, r.area_code) AS area_name, r.period,
		        r.earlier_source_id, e.title AS earlier_title, e.published AS earlier_published,
		        r.later_source_id, l.title AS later_title, l.published AS later_published, l.source_kind,
		        r.old_value, r.old_marker, r.new_value, r.new_marker,
		        round(r.new_value - r.old_value, 9) AS difference,
		        CASE WHEN r.old_value <> 0 THEN (r.new_value - r.old_value) / r.old_value * 100 END AS pct_difference,
		        l.reason
		 FROM edition_pairs r
		 JOIN edition_order l ON l.source_id = r.later_source_id
		 JOIN edition_order e ON e.source_id = r.earlier_source_id
		 LEFT JOIN indicators i ON i.indicator_id = r.indicator_id
		 LEFT JOIN areas a ON a.area_code = r.area_code
		 WHERE r.revised AND (? = '' OR r.indicator_id = ?) AND (? = '' OR r.area_code = ?) AND (NOT ? OR l.is_latest)
		 ORDER BY l.published DESC, r.series, i.rowid, a.area_name, r.period`,
		[indicatorId, indicatorId, areaCode, areaCode, latestOnly]
	);

export interface NewPeriodRow {
	series: string;
	period: string;
	/** Figures the latest edition gives for the period (for the area). */
	figures: number;
}

/**
 * Periods each series' latest edition holds for an area that its previous edition held no figure
 * for at all (the periods it added), oldest first.
 */
export const newPeriods = (areaCode: string) =>
	named<NewPeriodRow>(
		'newPeriods',
		`WITH ${EDITION_CTES}
		 SELECT r.series, r.period, count(*)::INTEGER AS figures
		 FROM edition_pairs r JOIN edition_order l ON l.source_id = r.later_source_id AND l.is_latest
		 WHERE r.area_code = ? AND r.period NOT IN (
		   SELECT f.period FROM edition_figures f WHERE f.source_id = r.earlier_source_id AND f.area_code = r.area_code)
		 GROUP BY r.series, r.period ORDER BY r.series, r.period`,
		[areaCode]
	);

export interface EditionRow {
	series: string;
	source_id: string;
	title: string;
	published: string;
	source_kind: string;
	reason: string;
	/** Markdown, as written in editions.csv (render it with lib/content's safe renderer). */
	commentary: string;
	previous_source_id: string | null;
	is_latest: boolean;
	/** How many figures this edition revised from the one before it. */
	revised: number;
}

/** Every edition, by series then date (newest first). */
export const editions = () =>
	named<EditionRow>(
		'editions',
		`WITH ${EDITION_CTES}
		 SELECT o.series, o.source_id, o.title, o.published, o.source_kind, o.reason, o.commentary,
		        o.previous_source_id, o.is_latest,
		        (SELECT count(*) FROM edition_pairs r WHERE r.later_source_id = o.source_id AND r.revised)::INTEGER AS revised
		 FROM edition_order o ORDER BY o.series, o.published DESC`
	);

/**
 * Revised figures in words, for the revisions log (/revisions/) and "What changed since the last
 * edition" (lib/report/WhatChanged): old and new as table cells (markers, never 0 for a gap), the
 * difference in the indicator's unit with its sign, the percentage difference, the edition dates;
 * and the CSV download. Pure: rows in (queries/revisions), words out.
 */
import type { Unit } from '$lib/data/contract';
import type { RevisionRow } from '$lib/data/queries/revisions';
import type { CsvData } from '$lib/charts/types';
import { formatCell, formatChange, formatNumber, formatPeriod } from '$lib/format';

export interface RevisionView {
	indicatorId: string;
	indicator: string;
	areaCode: string;
	area: string;
	/** "July 2026", "Autumn 2017". */
	period: string;
	/** The edition dates, e.g. "10 August 2026". */
	earlierDate: string;
	laterDate: string;
	earlierSourceId: string;
	laterSourceId: string;
	old: string;
	new: string;
	/** "+12", "−1.5 percentage points"; "[z]" where a figure is a gap. */
	difference: string;
	/** "+8.8%"; "[z]" where it cannot be worked out (a gap, or an old value of 0). */
	pctDifference: string;
	reason: string;
	illustrative: boolean;
}

const MINUS = '\u2212';
const signed = (n: number, text: string) => (n > 0 ? `+${text}` : n < 0 ? `${MINUS}${text}` : text);

/** An edition's date in words: "2020-02-27" → "27 February 2020"; empty stays "[x]". */
export function editionDate(published: string): string {
	return published ? formatPeriod(published) : '[x]';
}

export function revisionView(r: RevisionRow): RevisionView {
	const unit = r.unit as Unit;
	const annual = /^\d{4}$/.test(r.period);
	return {
		indicatorId: r.indicator_id,
		indicator: r.indicator_name,
		areaCode: r.area_code,
		area: r.area_name,
		period: formatPeriod(r.period, { snapshot: annual && r.series === 'snapshot' }),
		earlierDate: editionDate(r.earlier_published),
		laterDate: editionDate(r.later_published),
		earlierSourceId: r.earlier_source_id,
		laterSourceId: r.later_source_id,
		old: formatCell(r.old_value, r.old_marker, unit),
		new: formatCell(r.new_value, r.new_marker, unit),
		difference: r.difference === null ? '[z]' : signed(r.difference, formatChange(r.difference, unit)),
		pctDifference: r.pct_difference === null ? '[z]' : signed(r.pct_difference, `${formatNumber(Math.abs(r.pct_difference), 1)}%`),
		reason: r.reason,
		illustrative: r.source_kind === 'illustrative'
	};
}

/** The revisions as a CSV download (raw values and markers, one row per revised figure). */
export function revisionsCsv(rows: readonly RevisionRow[], filename = 'revisions.csv'): CsvData {
	const header = [
		'series', 'indicator_id', 'indicator_name', 'area_code', 'area_name', 'period',
		'earlier_source_id', 'earlier_published', 'later_source_id', 'later_published', 'source_kind',
		'old_value', 'old_marker', 'new_value', 'new_marker', 'difference', 'pct_difference', 'reason'
	];
	return {
		filename,
		header,
		rows: rows.map((r) => [
			r.series, r.indicator_id, r.indicator_name, r.area_code, r.area_name, r.period,
			r.earlier_source_id, r.earlier_published, r.later_source_id, r.later_published, r.source_kind,
			r.old_value, r.old_marker, r.new_value, r.new_marker, r.difference,
			r.pct_difference === null ? null : Math.round(r.pct_difference * 100) / 100, r.reason
		])
	};
}

/** Words for the series of editions.csv; another series is named from its id. */
const SERIES_WORDS: Record<string, string> = {
	snapshot: 'Autumn rough sleeping snapshot',
	framework: 'Monthly framework figures (management information)',
	framework_illustrative: 'Monthly framework figures (illustrative)'
};

export function seriesLabel(series: string): string {
	return SERIES_WORDS[series] ?? series.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

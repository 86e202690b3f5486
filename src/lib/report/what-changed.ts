/**
 * "What changed since the last edition" for an area: for each series whose latest edition has an
 * earlier one to compare with, the two editions' dates, the periods the latest added and every
 * figure it revised (old, new, difference, % difference), computed by SQL comparing the editions
 * (queries/revisions). The commentary's markdown is rendered here, at build time, by the site's
 * safe renderer (lib/content: raw HTML escaped, only http(s), mailto and relative links kept).
 *
 * For a report page's load:  whatChanged: await loadWhatChanged(db, code)
 * and in the page:           <WhatChanged changes={data.whatChanged} />
 */
import { renderMarkdown } from '$lib/content/content';
import type { Engine } from '$lib/data/engine';
import { queries, run, type EditionRow, type NewPeriodRow, type RevisionRow } from '$lib/data/queries';
import { formatPeriod } from '$lib/format';
import { editionDate, revisionView, seriesLabel, type RevisionView } from '$lib/pages/revisions';

export interface EditionRef {
	sourceId: string;
	title: string;
	/** "10 November 2026". */
	date: string;
}

export interface WhatChangedSeries {
	series: string;
	/** "Autumn rough sleeping snapshot". */
	label: string;
	illustrative: boolean;
	latest: EditionRef;
	previous: EditionRef;
	/** Why the latest edition revised figures ('' when it does not say). */
	reason: string;
	/** The latest edition's commentary as sanitised HTML ('' when none). */
	commentaryHtml: string;
	/** Periods the latest edition added for the area, oldest first, with how many figures each. */
	newPeriods: { period: string; label: string; figures: number }[];
	/** Every figure for the area the latest edition revised. */
	revisions: RevisionView[];
}

export interface WhatChanged {
	areaCode: string;
	areaName: string;
	series: WhatChangedSeries[];
}

const ref = (e: EditionRow): EditionRef => ({ sourceId: e.source_id, title: e.title, date: editionDate(e.published) });

/** Pure: the section's content from the query rows (editions, the area's new periods and revisions). */
export function whatChanged(
	area: { area_code: string; area_name: string },
	editions: readonly EditionRow[],
	added: readonly NewPeriodRow[],
	revised: readonly RevisionRow[],
	render: (markdown: string) => string = renderMarkdown
): WhatChanged {
	const series: WhatChangedSeries[] = [];
	for (const latest of editions.filter((e) => e.is_latest && e.previous_source_id)) {
		const previous = editions.find((e) => e.source_id === latest.previous_source_id)!;
		series.push({
			series: latest.series,
			label: seriesLabel(latest.series),
			illustrative: latest.source_kind === 'illustrative',
			latest: ref(latest),
			previous: ref(previous),
			reason: latest.reason,
			commentaryHtml: latest.commentary ? render(latest.commentary) : '',
			newPeriods: added
				.filter((p) => p.series === latest.series)
				.map((p) => ({ period: p.period, label: formatPeriod(p.period, { snapshot: latest.series === 'snapshot' }), figures: p.figures })),
			revisions: revised.filter((r) => r.later_source_id === latest.source_id).map(revisionView)
		});
	}
	return { areaCode: area.area_code, areaName: area.area_name, series };
}

/**
 * The section for one area, from the database (at build time, or in the browser). The caller
 * already holds the area's row (the report's load reads areas.csv once).
 */
export async function loadWhatChanged(db: Engine, area: { area_code: string; area_name: string }): Promise<WhatChanged> {
	const [editions, added, revised] = await Promise.all([
		run(db, queries.editions()),
		run(db, queries.newPeriods(area.area_code)),
		run(db, queries.revisions({ areaCode: area.area_code, latestOnly: true }))
	]);
	return whatChanged(area, editions, added, revised);
}

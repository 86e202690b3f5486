/**
 * The revisions log: revised figures grouped by the edition that revised them, the filter's
 * choices (only indicators and areas that have a revision) and the filter itself, pure.
 */
import type { EditionRow, RevisionRow } from '$lib/data/queries/revisions';
import { editionDate, revisionView, type RevisionView } from '$lib/pages/revisions';

export interface Choice {
	value: string;
	label: string;
}

export interface RevisionFilter {
	indicator: string;
	area: string;
}

export interface EditionGroup {
	laterSourceId: string;
	title: string;
	laterDate: string;
	earlierDate: string;
	earlierTitle: string;
	reason: string;
	illustrative: boolean;
	rows: RevisionView[];
}

const unique = (pairs: Choice[]) => [...new Map(pairs.map((p) => [p.value, p])).values()];

/** Indicators (catalogue order, as the rows come) and areas (by name) that have a revision. */
export function choices(rows: readonly RevisionRow[]): { indicators: Choice[]; areas: Choice[] } {
	return {
		indicators: unique(rows.map((r) => ({ value: r.indicator_id, label: r.indicator_name }))),
		areas: unique(rows.map((r) => ({ value: r.area_code, label: r.area_name }))).sort((a, b) => a.label.localeCompare(b.label))
	};
}

/** The filter in the address (?indicator=&area=); a value with no revision is dropped (shows all). */
export function parseFilter(search: URLSearchParams | null, options: ReturnType<typeof choices>): RevisionFilter {
	const pick = (name: string, list: Choice[]) => {
		const v = search?.get(name) ?? '';
		return list.some((c) => c.value === v) ? v : '';
	};
	return { indicator: pick('indicator', options.indicators), area: pick('area', options.areas) };
}

export function matches(r: RevisionRow, f: RevisionFilter): boolean {
	return (f.indicator === '' || r.indicator_id === f.indicator) && (f.area === '' || r.area_code === f.area);
}

/** Revisions by the edition that made them, newest first (the rows' order). */
export function groupByEdition(rows: readonly RevisionRow[]): EditionGroup[] {
	const groups = new Map<string, EditionGroup>();
	for (const r of rows) {
		let g = groups.get(r.later_source_id);
		if (!g)
			groups.set(
				r.later_source_id,
				(g = {
					laterSourceId: r.later_source_id,
					title: r.later_title,
					laterDate: editionDate(r.later_published),
					earlierDate: editionDate(r.earlier_published),
					earlierTitle: r.earlier_title,
					reason: r.reason,
					illustrative: r.source_kind === 'illustrative',
					rows: []
				})
			);
		g.rows.push(revisionView(r));
	}
	return [...groups.values()];
}

export type EditionItem = EditionRow & { commentaryHtml: string };

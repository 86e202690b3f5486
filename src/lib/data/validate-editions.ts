/**
 * The rules that tie editions together (editions.csv, sources.csv and the figures), checked by the
 * validator (./validate) once every file is read. Kept apart from the per-row rules: they need
 * every file at once, and they are what stops an earlier edition's figure being shown as current.
 */
import { SUPERSEDED_FILE } from './files';

/** Where a source_id is first used by the figures of one file. */
export interface EditionUse {
	file: string;
	path: string;
	line: number;
	column: number;
	sourceId: string;
}

export interface EditionRow {
	sourceId: string;
	series: string;
	path: string;
	line: number;
	column: number;
}

type Add = (file: string, line: number, column: number, problem: string, fix: string) => void;

/**
 * - every edition names a source with a published date (an edition's place in its series is its date);
 * - no two editions of a series share a date (their order would be a guess);
 * - current figures (observations*.csv) name no edition but the latest of its series;
 * - an earlier edition's figures (observations_superseded*.csv) name an edition that is not the latest.
 */
export function checkEditions(
	editions: readonly EditionRow[],
	published: ReadonlyMap<string, string>,
	uses: readonly EditionUse[],
	add: Add
): void {
	const dated = editions.filter((e) => {
		const date = published.get(e.sourceId);
		if (date === undefined) return false; // an unknown source is reported by the reference check
		if (date !== '') return true;
		add(e.path, e.line, e.column, `edition "${e.sourceId}" has no published date in sources.csv`, 'give the source its published date (YYYY-MM-DD): editions of a series are ordered by it');
		return false;
	});
	const latest = new Map<string, EditionRow>();
	for (const e of dated) {
		const date = published.get(e.sourceId)!;
		const same = dated.find((o) => o !== e && o.series === e.series && published.get(o.sourceId) === date);
		if (same && dated.indexOf(same) < dated.indexOf(e))
			add(e.path, e.line, e.column, `editions "${same.sourceId}" and "${e.sourceId}" of series "${e.series}" have the same published date, ${date}`, 'correct one of the dates in sources.csv: the order of a series\' editions is their date');
		const best = latest.get(e.series);
		if (!best || published.get(best.sourceId)! < date) latest.set(e.series, e);
	}
	const edition = new Map(dated.map((e) => [e.sourceId, e]));
	for (const use of uses) {
		const e = edition.get(use.sourceId);
		const isLatest = e !== undefined && latest.get(e.series) === e;
		if (use.file === SUPERSEDED_FILE) {
			if (e && isLatest)
				add(use.path, use.line, use.column, `source_id "${use.sourceId}" is the latest edition of series "${e.series}", but this file holds earlier editions' figures`, `put the current figures in observations.csv (or observations_NAME.csv); keep only earlier editions here`);
		} else if (e && !isLatest) {
			const newest = latest.get(e.series)!.sourceId;
			add(use.path, use.line, use.column, `source_id "${use.sourceId}" is an earlier edition of series "${e.series}" (the latest is "${newest}"), so this figure is not current`, `move the earlier edition's figures to ${SUPERSEDED_FILE}, and give the current figures the latest edition's source_id`);
		}
	}
}

/**
 * Where a figure comes from, in words: the source's kind, title and publication date, and the
 * meaning of its GSS markers. Used by tooltips, data tables and the methodology page, so every
 * place says it the same way.
 */
import { MARKERS, type SourceKind } from '$lib/data/contract';
import { parseMarkers } from './markers';
import { formatPeriod } from './periods';
import { formatNumber } from './numbers';

/** Each kind of source in words, for tooltips, tables, the methodology and indicator pages. */
export const SOURCE_KIND_WORDS: Record<SourceKind, string> = {
	official_statistics: 'Official statistics',
	management_information: 'Management information',
	secondary: 'Secondary (quotes an official figure)',
	illustrative: 'Illustrative (generated, not real data)'
};

/** What one figure rests on: its source (and, for a rate, the population used). */
export interface Provenance {
	source_id: string;
	source_title: string;
	source_kind: string;
	/** ISO date (or YYYY-MM) of publication; empty when not stated. */
	source_published: string;
	/** Residents in population_year, for a rate per 100,000. */
	population?: number | null;
	population_year?: number | null;
	/** The spreadsheet cell the value was read from (SHEET!A1, or several joined by " + "); empty or absent for none. */
	cell?: string;
}

/**
 * A figure's cell in words: "cell Table_1!R14", or for a figure added up from several cells of one
 * sheet "the sum of cells Table 1 Total!K34 + K82 + K95" (the sheet named once); "" for none.
 */
export function cellWords(cell: string | null | undefined): string {
	if (!cell) return '';
	const refs = cell.split(' + ');
	if (refs.length === 1) return `cell ${cell}`;
	const sheet = (ref: string) => ref.slice(0, ref.lastIndexOf('!'));
	const one = refs.every((r) => sheet(r) === sheet(refs[0]));
	return `the sum of cells ${one ? `${refs[0]} + ${refs.slice(1).map((r) => r.slice(r.lastIndexOf('!') + 1)).join(' + ')}` : cell}`;
}

/** "provisional, low reliability" from "p u"; "" when there is no marker. */
export function markerWords(marker: string | null | undefined): string {
	return parseMarkers(marker)
		.map((m) => MARKERS[m])
		.join(', ');
}

export const kindWords = (kind: string) => SOURCE_KIND_WORDS[kind as SourceKind] ?? (kind || 'Source kind not stated');

/**
 * One line about a figure, e.g. "Official statistics: Rough sleeping snapshot in England: autumn
 * 2019, published 27 February 2020, cell Table 1 Total!N34. Provisional. Rate uses a mid-2019
 * population of 1,141,816."
 */
export function provenanceText(p: Provenance, marker?: string | null): string {
	const words = markerWords(marker);
	// A gap with no source (e.g. a total that cannot be summed) says only why it is missing.
	if (!p.source_id && !p.source_title) return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}.` : 'No figure held.';
	const published = p.source_published ? `, published ${formatPeriod(p.source_published)}` : '';
	const cell = cellWords(p.cell);
	const parts = [`${kindWords(p.source_kind)}: ${p.source_title || p.source_id || 'source not stated'}${published}${cell ? `, ${cell}` : ''}.`];
	if (words) parts.push(`${words.charAt(0).toUpperCase()}${words.slice(1)}.`);
	if (p.population != null && p.population_year != null) {
		parts.push(`Rate per 100,000 uses the mid-${p.population_year} population (${formatNumber(p.population)}).`);
	}
	return parts.join(' ');
}

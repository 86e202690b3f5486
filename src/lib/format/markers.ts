/**
 * GSS statistical shorthand in cells: [x] not available, [c] confidential, [z] not applicable,
 * [p] provisional, [r] revised, [e] estimated, [u] low reliability.
 *
 * A missing value is never written as 0: a null with no marker, or with only qualifying markers,
 * is shown as [x].
 */
import { MARKERS, VALUE_REPLACING_MARKERS, type Marker, type Unit } from '$lib/data/contract';
import { formatNumber, formatValue } from './numbers';

const ORDER = Object.keys(MARKERS) as Marker[];

export function isMarker(letter: string): letter is Marker {
	return Object.hasOwn(MARKERS, letter);
}

/**
 * The markers in a marker field ("p u", "[p] [u]", "pu" or "p,u"), in GSS order, each once.
 * Letters that are not GSS markers are ignored.
 */
export function parseMarkers(marker: string | null | undefined): Marker[] {
	if (!marker) return [];
	const found = new Set(
		marker
			.toLowerCase()
			.replace(/[^a-z]/g, '')
			.split('')
			.filter(isMarker)
	);
	return ORDER.filter((m) => found.has(m));
}

/** "[p] [u]" from ["p", "u"]. */
export function markerText(markers: readonly Marker[]): string {
	return markers.map((m) => `[${m}]`).join(' ');
}

/**
 * A table cell: the value formatted in its unit (thousands separators when no unit), then its
 * markers.
 *
 *   formatCell(52, '')        → "52"
 *   formatCell(39, 'u')       → "39 [u]"
 *   formatCell(null, 'x')     → "[x]"
 *   formatCell(null, 'c')     → "[c]"
 *   formatCell(null, '')      → "[x]"         (never 0)
 *   formatCell(null, 'p')     → "[x] [p]"
 *   formatCell(12.34, 'p', 'percent') → "12.3% [p]"
 *
 * When a value is given alongside x, c or z, the value-replacing marker wins and the value is
 * not shown (it should not have been published).
 */
export function formatCell(
	value: number | null | undefined,
	marker?: string | null,
	unit?: Unit
): string {
	const markers = parseMarkers(marker);
	const replacing = markers.filter((m) => VALUE_REPLACING_MARKERS.includes(m));
	const qualifying = markers.filter((m) => !VALUE_REPLACING_MARKERS.includes(m));
	const missing = value === null || value === undefined || Number.isNaN(value);
	if (missing || replacing.length > 0) {
		const head = replacing.length > 0 ? replacing : (['x'] as Marker[]);
		return markerText([...head, ...qualifying]);
	}
	const text = unit ? formatValue(value, unit) : formatNumber(value);
	return qualifying.length > 0 ? `${text} ${markerText(qualifying)}` : text;
}

/** Markers that appear in formatted cells such as "39 [u]" or "[x]", in GSS order. */
export function markersIn(cells: Iterable<string | number | null | undefined>): Marker[] {
	const found = new Set<Marker>();
	for (const cell of cells) {
		if (typeof cell !== 'string') continue;
		for (const match of cell.matchAll(/\[([a-z])\]/g)) {
			if (isMarker(match[1])) found.add(match[1]);
		}
	}
	return ORDER.filter((m) => found.has(m));
}

export interface MarkerKeyEntry {
	marker: Marker;
	/** "[x]" */
	symbol: string;
	/** "not available" */
	meaning: string;
}

/**
 * The key to show under a table: one entry per marker used, in GSS order. Pass marker letters or
 * formatted cells (their markers are found).
 */
export function markerKey(used: Iterable<string>): MarkerKeyEntry[] {
	const letters = new Set<Marker>();
	for (const item of used) {
		if (isMarker(item)) letters.add(item);
		else for (const m of markersIn([item])) letters.add(m);
	}
	return ORDER.filter((m) => letters.has(m)).map((m) => ({
		marker: m,
		symbol: `[${m}]`,
		meaning: MARKERS[m]
	}));
}

/**
 * Small-number suppression for figures computed from person-level records, before they are
 * published. Pure: rows in the observations format in, the same rows out with `[c]` where a
 * figure could identify people.
 *
 * The rule (stated on the methodology page):
 * 1. Primary: a count below the threshold (default 5) is suppressed.
 * 2. Secondary, so no suppressed count can be recovered by subtraction: in every set of figures
 *    that add up (an indicator's WMCA figure and its seven authorities; an area's month total
 *    rs_month and its nights bands), a set holding exactly one suppressed figure has its
 *    smallest published figure suppressed too. WMCA counts a person seen in two authorities once,
 *    so its figures are at most the authorities' sum; they are treated as equal, the safe side.
 * 3. A percentage is suppressed when its count or the count it is taken of is, so a count cannot
 *    be recovered from its percentage and the month's total (or the total from a count and its
 *    percentage).
 * Steps 2 and 3 repeat until nothing changes, since one suppression can open a route elsewhere.
 */
import { WMCA, WMCA_AUTHORITIES } from '../data/contract';
import { COUNT_INDICATORS, PERCENT_INDICATORS } from '../indicators/sql';

export const DEFAULT_THRESHOLD = 5;

/** The figures that add up, and the percentages built on counts. */
export interface SuppressionStructure {
	/** Indicator ids that are counts of people. */
	counts: readonly string[];
	/** Percentages: id, the count it is a percentage of (numerator) and the count it is taken of. */
	percentages: readonly { id: string; numerator: string; denominator: string }[];
	/** An area that is the sum of other areas (for every count indicator). */
	areaTotal: { total: string; parts: readonly string[] };
	/** Indicators that are the sum of others, in every area (e.g. rs_month = the nights bands). */
	indicatorTotals: readonly { total: string; parts: readonly string[] }[];
}

const NIGHT_BANDS = COUNT_INDICATORS.filter((id) => id.startsWith('nights_'));

/** The framework's structure (lib/indicators/sql.ts). */
export const FRAMEWORK_STRUCTURE: SuppressionStructure = {
	counts: COUNT_INDICATORS,
	percentages: PERCENT_INDICATORS,
	areaTotal: { total: WMCA, parts: WMCA_AUTHORITIES.map((a) => a.code) },
	indicatorTotals: [{ total: 'rs_month', parts: NIGHT_BANDS }]
};

export interface SuppressibleRow {
	indicator_id: string;
	area_code: string;
	period: string;
	value: number | null;
	marker: string;
}

export interface SuppressionResult<T> {
	rows: T[];
	/** Counts below the threshold. */
	primary: number;
	/** Counts suppressed to protect them. */
	secondary: number;
	/** Percentages suppressed with their counts. */
	percentages: number;
}

const key = (indicator: string, area: string, period: string) => `${indicator}\u0000${area}\u0000${period}`;

/** The marker of a suppressed figure: c, keeping letters that qualify rather than replace a value. */
function suppressedMarker(marker: string): string {
	const kept = marker.split(/\s+/).filter((m) => m !== '' && !['x', 'c', 'z'].includes(m));
	return ['c', ...kept].join(' ');
}

/**
 * Suppress `rows` for publication. Rows not named by the structure pass through unchanged; a
 * figure that already has no value (x, z) is never counted as hiding anything.
 */
export function suppress<T extends SuppressibleRow>(
	rows: readonly T[],
	threshold = DEFAULT_THRESHOLD,
	structure: SuppressionStructure = FRAMEWORK_STRUCTURE
): SuppressionResult<T> {
	if (!Number.isFinite(threshold) || threshold < 1) throw new RangeError(`threshold ${threshold} must be at least 1`);
	const byKey = new Map(rows.map((r) => [key(r.indicator_id, r.area_code, r.period), r]));
	const counts = new Set(structure.counts);
	const hidden = new Set<string>();
	let primary = 0;
	for (const r of rows) {
		if (counts.has(r.indicator_id) && r.value !== null && r.value < threshold) {
			hidden.add(key(r.indicator_id, r.area_code, r.period));
			primary++;
		}
	}

	// The sets of figures that add up, as keys of the rows present.
	const periods = [...new Set(rows.map((r) => r.period))];
	const areas = [...new Set(rows.map((r) => r.area_code))];
	const relations: string[][] = [];
	const present = (keys: string[]) => keys.filter((k) => byKey.has(k));
	const { total, parts } = structure.areaTotal;
	for (const p of periods) {
		for (const id of structure.counts) relations.push(present([total, ...parts].map((a) => key(id, a, p))));
		for (const t of structure.indicatorTotals)
			for (const a of areas) relations.push(present([t.total, ...t.parts].map((id) => key(id, a, p))));
	}

	const isPublished = (k: string) => !hidden.has(k) && byKey.get(k)!.value !== null;
	let secondary = 0;
	for (let changed = true; changed; ) {
		changed = false;
		for (const relation of relations) {
			if (relation.filter((k) => hidden.has(k)).length !== 1) continue;
			const candidates = relation.filter(isPublished);
			if (!candidates.length) continue;
			const smallest = candidates.reduce((a, b) => (byKey.get(b)!.value! < byKey.get(a)!.value! ? b : a));
			hidden.add(smallest);
			secondary++;
			changed = true;
		}
	}

	let percentages = 0;
	for (const pct of structure.percentages) {
		for (const r of rows) {
			if (r.indicator_id !== pct.id || r.value === null) continue;
			const on = [pct.numerator, pct.denominator].some((id) => hidden.has(key(id, r.area_code, r.period)));
			if (on) {
				hidden.add(key(r.indicator_id, r.area_code, r.period));
				percentages++;
			}
		}
	}

	return {
		rows: rows.map((r) =>
			hidden.has(key(r.indicator_id, r.area_code, r.period)) ? { ...r, value: null, marker: suppressedMarker(r.marker) } : r
		),
		primary,
		secondary,
		percentages
	};
}

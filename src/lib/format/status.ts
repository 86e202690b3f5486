/**
 * Whether an indicator is improving, judged from two values and the indicator's polarity.
 *
 * The rule:
 * 1. If either value is null, undefined or NaN: "No comparison", no arrow.
 * 2. The relative change is (current − previous) / |previous|. The change is "little" when its
 *    size is below the threshold (default 0.05, that is 5%). When previous is 0 the relative change
 *    is undefined: no change (0 → 0) is little, any other change is not.
 * 3. A little change: "Little change" and the arrow "→", whatever the polarity.
 * 4. Otherwise the arrow gives the direction of the value (↑ up, ↓ down), and the word follows the
 *    polarity: lower_is_better → a fall is "Improving", a rise "Worsening"; higher_is_better → the
 *    reverse; neutral → "No comparison" (no judgement is made; the arrow and the sentence still say
 *    which way the value moved).
 */
import type { Polarity, Unit } from '$lib/data/contract';
import { formatChange, formatValue } from './numbers';
import { formatPeriod } from './periods';

export type StatusWord = 'Improving' | 'Worsening' | 'Little change' | 'No comparison';
export type StatusArrow = '↑' | '↓' | '→' | '';

export interface Status {
	word: StatusWord;
	arrow: StatusArrow;
	/** current − previous; null when either is missing. */
	change: number | null;
	/** Relative change in per cent (−23.1 for a 23.1% fall); null when missing or previous is 0. */
	changePct: number | null;
	/** e.g. "Down 12 (from 52 to 40) since May 2024". */
	sentence: string;
}

export interface StatusOptions {
	/** Size of relative change below which it is "Little change", as a fraction. Default 0.05 (5%). */
	threshold?: number;
	/** Unit of the values, for the sentence. Default "people". */
	unit?: Unit;
	/** The period of the previous value, e.g. "2024-05": the sentence ends "since May 2024". */
	since?: string;
	/** Annual periods are autumn snapshots ("since Autumn 2023"). */
	snapshot?: boolean;
}

const missing = (v: number | null | undefined): v is null | undefined =>
	v === null || v === undefined || Number.isNaN(v);

/** Removes floating-point noise (12.3 − 10.1 = 2.2000000000000006). */
const clean = (n: number) => Math.round(n * 1e9) / 1e9;

export function status(
	current: number | null | undefined,
	previous: number | null | undefined,
	polarity: Polarity,
	options: StatusOptions = {}
): Status {
	const threshold = options.threshold ?? 0.05;
	if (!(threshold >= 0 && threshold < 1)) {
		throw new RangeError(`status threshold is a fraction between 0 and 1 (0.05 for 5%), not ${threshold}`);
	}
	const unit = options.unit ?? 'people';
	const since = options.since ? ` since ${formatPeriod(options.since, { snapshot: options.snapshot })}` : '';
	const then = options.since ? formatPeriod(options.since, { snapshot: options.snapshot }) : 'the earlier period';

	if (missing(current) || missing(previous)) {
		const sentence = missing(current)
			? 'The latest figure is not available'
			: `No figure for ${then} to compare with`;
		return { word: 'No comparison', arrow: '', change: null, changePct: null, sentence };
	}

	const change = clean(current - previous);
	const changePct = previous === 0 ? null : clean((change / Math.abs(previous)) * 100);
	const little = previous === 0 ? change === 0 : Math.abs(change / previous) < threshold;

	const from = formatValue(previous, unit);
	const to = formatValue(current, unit);
	const sentence =
		change === 0
			? `Unchanged at ${to}${since}`
			: `${change > 0 ? 'Up' : 'Down'} ${formatChange(change, unit)} (from ${from} to ${to})${since}`;

	if (little) return { word: 'Little change', arrow: '→', change, changePct, sentence };

	const arrow: StatusArrow = change > 0 ? '↑' : '↓';
	let word: StatusWord;
	if (polarity === 'neutral') word = 'No comparison';
	else if (polarity === 'lower_is_better') word = change < 0 ? 'Improving' : 'Worsening';
	else word = change > 0 ? 'Improving' : 'Worsening';
	return { word, arrow, change, changePct, sentence };
}

/**
 * Numbers the GSS way: thousands separators (1,245), percentages to one decimal place (12.3%),
 * money as £9.6 million, and a true minus sign (−) for negatives.
 */
import { formatLocale } from 'd3';
import { UNITS, unitSpec, type Unit } from '$lib/data/contract';

const locale = formatLocale({
	decimal: '.',
	thousands: ',',
	grouping: [3],
	currency: ['£', ''],
	minus: '\u2212'
});

const fixed = new Map<number, (n: number) => string>();
function fixedFormat(decimals: number): (n: number) => string {
	let f = fixed.get(decimals);
	if (!f) {
		f = locale.format(`,.${decimals}f`);
		fixed.set(decimals, f);
	}
	return f;
}

/** Removes -0 so we never print "−0". */
function tidy(text: string): string {
	return /^\u2212[0.,]*$/.test(text) ? text.slice(1) : text;
}

/**
 * Format a number with thousands separators. With no `decimals`, whole numbers show none and
 * other numbers one decimal place (1,245 / 12.3).
 */
export function formatNumber(value: number, decimals?: number): string {
	const d = decimals ?? (Number.isInteger(value) ? 0 : 1);
	return tidy(fixedFormat(d)(value));
}

/** Default decimal places for each unit (from the unit's record in the contract). */
export const UNIT_DECIMALS = Object.fromEntries(UNITS.map((u) => [u, unitSpec(u).decimals])) as Record<Unit, number>;

export interface FormatValueOptions {
	/** Override the unit's default decimal places. */
	decimals?: number;
	/** Add the unit in words: "52 people", "3 nights", "12.3 per 100,000". */
	withUnit?: boolean;
}

const plural = (n: number, one: string, many: string) => (Math.abs(n) === 1 ? one : many);

/** A formatted number with a prefix and suffix around it, the minus sign kept in front ("−£1.2 million"). */
function around(n: string, prefix = '', suffix = ''): string {
	const negative = n.startsWith('\u2212');
	return `${negative ? '\u2212' : ''}${prefix}${negative ? n.slice(1) : n}${suffix}`;
}

/**
 * Format a value in its unit. A null (or NaN) is never shown as 0: it gives "[x]" (not available).
 *
 *   people 1245 → "1,245"        percent 12.34 → "12.3%"      rate_per_100k 4.56 → "4.6"
 *   nights 52 → "52"             days 3 → "3"                  gbp_million 9.62 → "£9.6 million"
 */
export function formatValue(
	value: number | null | undefined,
	unit: Unit,
	options: FormatValueOptions = {}
): string {
	if (value === null || value === undefined || Number.isNaN(value)) return '[x]';
	const spec = unitSpec(unit);
	const n = formatNumber(value, options.decimals ?? spec.decimals);
	if (spec.prefix !== undefined || spec.suffix !== undefined) return around(n, spec.prefix, spec.suffix);
	return options.withUnit ? `${n} ${plural(value, spec.singular, spec.plural)}` : n;
}

/**
 * The size of a change in its unit, with no sign: percentages change by percentage points.
 *   people 12 → "12"   percent 2.14 → "2.1 percentage points"   gbp_million 1.2 → "£1.2 million"
 */
export function formatChange(change: number, unit: Unit, options: { decimals?: number } = {}): string {
	const size = Math.abs(change);
	const spec = unitSpec(unit);
	const d = options.decimals ?? spec.decimals;
	if (spec.change === null) return formatNumber(size, d);
	if (spec.change) {
		const n = formatNumber(size, d);
		return `${n} ${/^1(\.0+)?$/.test(n) ? spec.change.singular : spec.change.plural}`;
	}
	return formatValue(size, unit, { decimals: d, withUnit: true });
}

/** Words for a unit, for column headings and axis labels. */
export function unitLabel(unit: Unit): string {
	return unitSpec(unit).label;
}

/**
 * A tick formatter for an axis in a unit: no trailing zeros, separators kept
 * (1,000 / 2.5% / £10m).
 */
export function axisFormat(unit: Unit | undefined): (value: number) => string {
	const base = locale.format(',~f');
	const f = (v: number) => tidy(base(Math.round(v * 1e9) / 1e9));
	if (!unit) return f;
	const spec = unitSpec(unit);
	const prefix = spec.tick?.prefix ?? spec.prefix;
	const suffix = spec.tick?.suffix ?? spec.suffix;
	if (prefix === undefined && suffix === undefined) return f;
	return (v) => around(f(v), prefix, suffix);
}

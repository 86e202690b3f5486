/**
 * Choropleth classes: nice equal-interval classes (4 or 5 where the values allow), coloured from a
 * light-to-dark ramp of the Analysis Function's sequential blues. One hue, lightness rising with the
 * value, so the order reads the same with any colour vision; every class also has a text label.
 */
import type { Unit } from '$lib/data/contract';
import { axisFormat, UNIT_DECIMALS } from '$lib/format/numbers';

/**
 * Light to dark: a light tint, the Analysis Function's light, mid and dark blues (#6BACE6,
 * #2073BC, #12436D), and a darker shade of the dark blue. Neighbours (and the lightest and white) differ by at least 1.5:1 in
 * contrast and the light end is outlined (see ChoroplethMap), since no tint of one hue can give
 * every pair 3:1.
 */
export const SEQUENTIAL_RAMP = ['#B0D3F1', '#6BACE6', '#2073BC', '#12436D', '#09233B'] as const;

/** Which colours of the ramp a number of classes uses, spread light to dark. */
const RAMP_FOR: Record<number, readonly number[]> = {
	1: [2],
	2: [1, 3],
	3: [1, 2, 3],
	4: [0, 1, 2, 3],
	5: [0, 1, 2, 3, 4]
};

export interface MapClass {
	/** Lower bound, included. */
	lo: number;
	/** Upper bound: excluded, except by the last class. */
	hi: number;
	colour: string;
	/** "5 to under 10"; the last class "20 to 25". */
	label: string;
}

/** Units whose values are whole numbers: class breaks are whole numbers too. */
const WHOLE: ReadonlySet<Unit> = new Set(Object.entries(UNIT_DECIMALS).filter(([, d]) => d === 0).map(([u]) => u as Unit));

/**
 * Equal-interval breaks on a nice step (1, 2, 2.5 or 5 times a power of ten; whole numbers for whole
 * units) giving 4 or 5 classes from a multiple of the step below the smallest value to one above the
 * largest; where no nice step gives 4 or 5, the step giving the most classes under 6.
 */
function breaksFor(lo: number, hi: number, whole: boolean): number[] {
	const power = 10 ** Math.floor(Math.log10(hi - lo));
	const steps = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10]
		.map((m) => m * power)
		.filter((step) => !whole || (Number.isInteger(step) && step >= 1));
	if (whole && !steps.includes(1) && power < 10) steps.unshift(1);
	let best: number[] | undefined;
	for (const step of steps) {
		// Scaled to whole steps first, so 0.1 + 0.2 never becomes 0.30000000000000004.
		const a = Math.floor(lo / step + 1e-9);
		const b = Math.max(Math.ceil(hi / step - 1e-9), a + 1);
		const n = b - a;
		if (n > 5) continue;
		const breaks = Array.from({ length: n + 1 }, (_, i) => Number(((a + i) * step).toPrecision(12)));
		if (n >= 4) return breaks;
		if (!best || n > best.length - 1) best = breaks;
	}
	return best ?? [lo, hi];
}

/**
 * Classes for the values (nulls and non-finite values are ignored: they are drawn hatched, never in
 * a class). No values, no classes.
 */
export function mapClasses(values: readonly (number | null)[], unit: Unit): MapClass[] {
	const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
	if (known.length === 0) return [];
	const lo = Math.min(...known);
	const hi = Math.max(...known);
	const fmt = axisFormat(unit);
	if (lo === hi) return [{ lo, hi, colour: SEQUENTIAL_RAMP[RAMP_FOR[1][0]], label: fmt(lo) }];
	const breaks = breaksFor(lo, hi, WHOLE.has(unit));
	const n = breaks.length - 1;
	return breaks.slice(0, -1).map((b, i) => ({
		lo: b,
		hi: breaks[i + 1],
		colour: SEQUENTIAL_RAMP[RAMP_FOR[n][i]],
		label: i === n - 1 ? `${fmt(b)} to ${fmt(breaks[i + 1])}` : `${fmt(b)} to under ${fmt(breaks[i + 1])}`
	}));
}

/** The class a value falls in, or undefined for a missing value. */
export function classOf(value: number | null, classes: readonly MapClass[]): MapClass | undefined {
	if (value === null || !Number.isFinite(value) || classes.length === 0) return undefined;
	return classes.find((c, i) => value >= c.lo && (value < c.hi || (i === classes.length - 1 && value <= c.hi)));
}

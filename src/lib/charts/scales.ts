/**
 * Scales inferred in one place (as Observable Plot's scales.js): the value domains, the margins
 * that fit the tick labels, and the style (colour, dash, shape) of each series. The presets
 * (LineChart, BarChart, SmallMultiples) call these and only draw; a new preset reuses them.
 * Pure functions, unit-tested.
 */
import { extent, max, min, scaleLinear } from 'd3';
import type { Unit } from '$lib/data/contract';
import { axisFormat } from '$lib/format/numbers';
import { periodToDate, tryParsePeriod } from '$lib/format/periods';
import { CONTEXT_GREY, colourAt, dashAt, shapeAt, textWidth, type Shape } from './palette';
import type { LineSeries, Margin, SeriesPoint } from './types';

/** The finite values of some series (nulls are gaps, never zeros). */
export const finiteValues = (series: readonly Pick<LineSeries, 'points'>[]): number[] =>
	series.flatMap((s) => s.points.map((p) => p.y)).filter((y): y is number => y !== null && Number.isFinite(y));

/** A value domain, niced to about `ticks` ticks; includes zero when `zero` (counts should). */
export function valueDomain(values: readonly number[], options: { zero?: boolean; ticks?: number; nice?: boolean } = {}): [number, number] {
	const { zero = true, ticks = 5, nice = true } = options;
	let lo = min(values) ?? 0;
	let hi = max(values) ?? 1;
	if (zero) {
		lo = Math.min(0, lo);
		hi = Math.max(0, hi);
	}
	if (lo === hi) hi = lo + 1;
	const scale = scaleLinear().domain([lo, hi]);
	const d = (nice ? scale.nice(ticks) : scale).domain();
	return [d[0], d[1]];
}

/** The time domain of some series; a single date is widened by a month so it has a width. */
export function timeDomain(series: readonly Pick<LineSeries, 'points'>[]): [Date, Date] {
	const [a, b] = extent(series.flatMap((s) => s.points.map((p) => periodToDate(p.x))));
	if (!a || !b) return [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2001, 0, 1))];
	return a.getTime() === b.getTime() ? [a, new Date(b.getTime() + 86_400_000 * 31)] : [a, b];
}

/** The finest period in the data, so an axis never ticks between years of annual data. */
export function periodInterval(points: readonly Pick<SeriesPoint, 'x'>[]): 'year' | 'quarter' | 'month' | 'day' {
	const kinds = new Set(points.map((p) => (typeof p.x === 'string' ? (tryParsePeriod(p.x)?.kind ?? 'date') : 'date')));
	if (kinds.has('date')) return 'day';
	if (kinds.has('month')) return 'month';
	if (kinds.has('quarter')) return 'quarter';
	return 'year';
}

/** Left margin that fits the widest y tick label of a linear domain. */
export function tickLabelMargin(domain: [number, number], ticks: number, unit: Unit | undefined, fontSize: number): number {
	const format = axisFormat(unit);
	const widest = Math.max(...scaleLinear().domain(domain).ticks(ticks).map((t) => textWidth(format(t), fontSize)), 16);
	return widest + 14;
}

export interface SeriesStyle {
	colour: string;
	dash: string;
	shape: Shape;
	/** The highlighted series (drawn thicker, on top). */
	emphasis: boolean;
}

/**
 * Style of each series by its position in `order` (ids), so a series looks the same in every panel
 * of small multiples; with `highlight`, every other series turns grey.
 */
export function seriesStyles<S extends Pick<LineSeries, 'id' | 'colour' | 'dash' | 'shape'>>(
	series: readonly S[],
	options: { highlight?: string; order?: readonly string[] } = {}
): (S & { style: SeriesStyle })[] {
	const order = options.order ?? series.map((s) => s.id);
	return series.map((s) => {
		const i = Math.max(0, order.indexOf(s.id));
		const grey = options.highlight !== undefined && s.id !== options.highlight;
		return {
			...s,
			style: {
				colour: grey ? CONTEXT_GREY : (s.colour ?? colourAt(i)),
				dash: s.dash ?? dashAt(i),
				shape: s.shape ?? shapeAt(i),
				emphasis: options.highlight !== undefined && s.id === options.highlight
			}
		};
	});
}

/** Margins of a line chart: y tick labels on the left, end labels (if any) on the right. */
export function lineMargins(options: {
	yDomain: [number, number];
	yTicks: number;
	unit: Unit | undefined;
	fontSize: number;
	yLabel?: string;
	/** Labels written at the right-hand ends of the lines. */
	endLabels?: readonly string[];
}): Margin {
	const { yDomain, yTicks, unit, fontSize, yLabel, endLabels = [] } = options;
	return {
		top: yLabel ? fontSize + 16 : 12,
		right: endLabels.length > 0 ? Math.min(200, Math.max(...endLabels.map((l) => textWidth(l, fontSize)), 0) + 14) : 24,
		bottom: 32,
		left: tickLabelMargin(yDomain, yTicks, unit, fontSize)
	};
}

/** Margins of a bar chart: category labels on one side, value labels at the bar ends. */
export function barMargins(options: {
	horizontal: boolean;
	categoryLabels: readonly string[];
	valueTexts: readonly string[];
	valueLabels: boolean;
	showAxis: boolean;
	valueLabel?: string;
	domain: [number, number];
	unit: Unit | undefined;
	width: number;
	fontSize: number;
}): Margin {
	const { horizontal, valueLabels, showAxis, valueLabel, fontSize } = options;
	const longestLabel = Math.max(...options.categoryLabels.map((l) => textWidth(l, fontSize)), 20);
	const longestValue = Math.max(...options.valueTexts.map((t) => textWidth(t, fontSize)), 10);
	if (horizontal) {
		return {
			top: valueLabel && !showAxis ? fontSize + 14 : 4,
			right: valueLabels ? longestValue + 12 : 20,
			bottom: showAxis ? (valueLabel ? 50 : 32) : 4,
			left: Math.min(longestLabel + 12, Math.round(options.width * 0.4))
		};
	}
	return {
		top: valueLabels ? fontSize + 12 : 12,
		right: 12,
		bottom: 44,
		left: showAxis ? tickLabelMargin(options.domain, 5, options.unit, fontSize) : 12
	};
}

/**
 * The chart context (Layer Cake style): Chart owns the size, margins and scales and shares them;
 * axes and marks are small components that read them.
 */
import { createContext } from 'svelte';
import type { ScaleBand, ScaleLinear, ScaleTime } from 'd3';
import type { Unit } from '$lib/data/contract';
import type { Margin, XValue } from './types';
import { periodToDate } from '$lib/format/periods';

export type ScaleKind = 'time' | 'linear' | 'band';
export type AnyScale = ScaleTime<number, number> | ScaleLinear<number, number> | ScaleBand<string>;

export interface ChartContext {
	/** Unique id for this chart (for clip paths and the like). */
	readonly id: string;
	/** Whole SVG size (the viewBox). */
	readonly outerWidth: number;
	readonly outerHeight: number;
	/** Plot area inside the margins. */
	readonly width: number;
	readonly height: number;
	readonly margin: Margin;
	readonly xKind: ScaleKind;
	readonly yKind: ScaleKind;
	readonly xScale: AnyScale;
	readonly yScale: AnyScale;
	/** Band width of a band scale, 0 otherwise. */
	readonly xBandwidth: number;
	readonly yBandwidth: number;
	readonly unit: Unit | undefined;
	readonly fontSize: number;
	/** Position of a data value along x (period strings become dates; start of band for bands). */
	x(value: XValue): number;
	y(value: XValue): number;
}

/** Set by Chart; read by every axis and mark inside it (a mark outside a Chart throws). */
export const [getChartContext, setChartContext] = createContext<ChartContext>();

/** Set by ChartFrame: whether its graphic is exposed (interactive) or aria-hidden. */
export interface FrameContext {
	readonly interactive: boolean;
}

const [readFrameContext, setFrameContextValue, hasFrameContext] = createContext<FrameContext>();
export const setFrameContext = setFrameContextValue;
/** The enclosing frame's context, or undefined for a chart drawn outside a ChartFrame. */
export const getFrameContext = (): FrameContext | undefined => (hasFrameContext() ? readFrameContext() : undefined);

/** Converts a value for a scale of a kind: period strings to dates, anything to a band key. */
export function toScaleValue(kind: ScaleKind, value: XValue): Date | number | string {
	if (kind === 'band') return value instanceof Date ? value.toISOString() : String(value);
	if (kind === 'time') return typeof value === 'string' ? periodToDate(value) : value;
	return value instanceof Date ? value.getTime() : typeof value === 'string' ? Number(value) : value;
}

/** Rounds to 0.01px: plenty for SVG, and keeps the prerendered HTML small. */
const round = (n: number) => Math.round(n * 100) / 100;

export function positionOn(scale: AnyScale, kind: ScaleKind, value: XValue): number {
	const v = toScaleValue(kind, value);
	if (kind === 'band') return round((scale as ScaleBand<string>)(v as string) ?? NaN);
	if (kind === 'time') return round((scale as ScaleTime<number, number>)(v as Date | number));
	return round((scale as ScaleLinear<number, number>)(v as number));
}

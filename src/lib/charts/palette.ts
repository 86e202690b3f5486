/**
 * Government Analysis Function colours, line dashes and marker shapes. Series are told apart by
 * colour AND dash AND shape, so colour is never the only cue.
 */
import {
	symbol,
	symbolCircle,
	symbolDiamond,
	symbolSquare,
	symbolTriangle,
	symbolCross,
	symbolStar,
	type SymbolType
} from 'd3';

/** Categorical palette, in order of use. */
export const PALETTE = ['#12436D', '#28A197', '#801650', '#F46A25', '#3D3D3D', '#A285D1'] as const;
/** Highlight one thing against the rest. */
export const HIGHLIGHT = '#12436D';
/** The comparator (England beside an area): the palette's dark grey, so the area stays the figure. */
export const COMPARATOR = '#3D3D3D';
export const CONTEXT_GREY = '#BFBFBF';
/** Text and rules. */
export const TEXT = '#0B0C0C';
export const TEXT_SECONDARY = '#505A5F';
export const GRID = '#E1E1E1';
export const AXIS = '#6F777B';
export const FONT_FAMILY = 'Arial, Helvetica, sans-serif';

/** stroke-dasharray per series: solid, dashed, dotted, dash-dot, long dash, dense dots. */
export const DASHES = ['', '8 4', '2 3', '10 3 2 3', '14 5', '1 2'] as const;

export type Shape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star';
export const SHAPES: readonly Shape[] = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star'];

const SYMBOLS: Record<Shape, SymbolType> = {
	circle: symbolCircle,
	square: symbolSquare,
	triangle: symbolTriangle,
	diamond: symbolDiamond,
	cross: symbolCross,
	star: symbolStar
};

/** SVG path data for a marker shape centred on 0,0 with the given area in square pixels. */
export function shapePath(shape: Shape, area = 48): string {
	return symbol(SYMBOLS[shape], area)() ?? '';
}

export const colourAt = (i: number) => PALETTE[i % PALETTE.length];
export const dashAt = (i: number) => DASHES[i % DASHES.length];
export const shapeAt = (i: number) => SHAPES[i % SHAPES.length];

function luminance(hex: string): number {
	const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
	if (!m) return 0;
	const n = parseInt(m[1], 16);
	const channel = (c: number) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio between two #rrggbb colours. */
export function contrast(a: string, b: string): number {
	const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (l1 + 0.05) / (l2 + 0.05);
}

/**
 * A colour to write text in, for a label beside a mark of `colour` on `background`: the mark's
 * colour when it reaches 4.5:1, otherwise near-black (so labels always meet WCAG AA).
 */
export function textColour(colour: string, background = '#FFFFFF'): string {
	return contrast(colour, background) >= 4.5 ? colour : TEXT;
}

/** Rough width of a text in pixels (Arial averages a little over half the font size a character). */
export function textWidth(text: string, fontSize = 14): number {
	return Math.ceil(text.length * fontSize * 0.58);
}

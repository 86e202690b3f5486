/**
 * WCAG 2.x contrast ratio of text against its background, from CSS colours as the browser
 * computes them ("rgb(11, 12, 12)", "rgba(0, 0, 0, 0.5)"). Written from the WCAG definition of
 * relative luminance, for tests that must be able to fail on a poor colour.
 */
export type Rgba = [number, number, number, number];

export function parseColour(css: string): Rgba {
	const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(css.trim());
	if (!m) throw new Error(`not an rgb() colour: ${css}`);
	const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
	return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** `top` painted over the opaque colour `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
	const a = top[3];
	return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1) as Rgba;
}

/** The colour seen behind an element: its and its ancestors' backgrounds (innermost first) over a white canvas. */
export function effectiveBackground(layers: readonly string[]): Rgba {
	let colour: Rgba = [255, 255, 255, 1];
	for (const layer of [...layers].reverse()) colour = over(parseColour(layer), colour);
	return colour;
}

function luminance([r, g, b]: Rgba): number {
	const channel = (v: number) => {
		const s = v / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** (L1 + 0.05) / (L2 + 0.05), the lighter over the darker: 1 to 21. */
export function contrastRatio(text: Rgba, background: Rgba): number {
	const [a, b] = [luminance(over(text, background)), luminance(background)];
	return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

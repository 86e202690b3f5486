/**
 * Label layout: where annotation labels and end-of-line labels go so that none overlaps another.
 * Pure geometry on boxes in plot pixels; the marks (Annotations, DirectLabels) only draw the
 * result. Text widths are estimates (palette.textWidth), so boxes carry a small padding.
 */

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Whether two boxes share any area (touching edges do not count). */
export const overlaps = (a: Box, b: Box): boolean =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export interface AnnotationInput {
	/** Position of the rule. */
	x: number;
	/** Estimated label width. */
	width: number;
}

export interface PlacedAnnotation {
	/** Where the text starts (its left edge). */
	left: number;
	/** Top of the text box. */
	top: number;
	/** Whether the label is written leftwards from the rule (near the right edge). */
	end: boolean;
	row: number;
}

/**
 * Places annotation labels along the top of the plot, each beside its rule (to its right, or to
 * its left near the right edge), in the first row where it overlaps neither an earlier label nor
 * any obstacle (data labels). Rows are `rowHeight` apart from the top; `gap` pads every box.
 */
export function placeAnnotations(
	items: readonly AnnotationInput[],
	options: { plotWidth: number; rowHeight: number; obstacles?: readonly Box[]; gap?: number; maxRows?: number }
): PlacedAnnotation[] {
	const { plotWidth, rowHeight, obstacles = [], gap = 4, maxRows = 50 } = options;
	const taken: Box[] = [];
	return items.map((item) => {
		const end = item.x + gap + item.width > plotWidth;
		const left = end ? item.x - gap - item.width : item.x + gap;
		let row = 0;
		const boxAt = (r: number): Box => ({ x: left - gap, y: r * rowHeight, width: item.width + 2 * gap, height: rowHeight });
		while (row < maxRows && [...taken, ...obstacles].some((b) => overlaps(boxAt(row), b))) row++;
		taken.push(boxAt(row));
		return { left, top: row * rowHeight, end, row };
	});
}

/**
 * End-of-line labels, nudged apart vertically: each at its line's y where it can be, pushed
 * down past the label above, then back up from `bottom` if the last one would fall off.
 * Returns the label centres, in the order given.
 */
export function nudgeApart(ys: readonly number[], options: { gap: number; bottom: number }): number[] {
	const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
	const placed = order.map((o) => o.y);
	for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k], placed[k - 1] + options.gap);
	if (placed.length > 0) placed[placed.length - 1] = Math.min(placed[placed.length - 1], options.bottom);
	for (let k = placed.length - 2; k >= 0; k--) placed[k] = Math.min(placed[k], placed[k + 1] - options.gap);
	const out = new Array<number>(ys.length);
	order.forEach((o, k) => (out[o.i] = placed[k]));
	return out;
}

export interface EndLabel<X> {
	text: string;
	x: X;
	y: number;
}

/**
 * Where end-of-line labels are drawn (text starting 8px right of the last point, vertically
 * nudged apart) and the box each occupies, from the chart's scales: DirectLabels draws them,
 * Annotations avoids their boxes.
 */
export function endLabelLayout<X, L extends EndLabel<X>>(
	labels: readonly L[],
	scales: { x: (v: X) => number; y: (v: number) => number; fontSize: number; bottom: number },
	textWidth: (text: string, fontSize: number) => number
): (L & { px: number; py: number; box: Box })[] {
	const gap = scales.fontSize + 3;
	const usable = labels
		.map((l) => ({ ...l, px: scales.x(l.x) + 8, py: scales.y(l.y) }))
		.filter((l) => Number.isFinite(l.px) && Number.isFinite(l.py));
	const ys = nudgeApart(
		usable.map((l) => l.py),
		{ gap, bottom: scales.bottom - gap / 2 }
	);
	// Top to bottom, so the labels read in the order they appear.
	return usable
		.map((l, i) => {
			const width = textWidth(l.text, scales.fontSize);
			return { ...l, py: ys[i], box: { x: l.px, y: ys[i] - gap / 2, width, height: gap } };
		})
		.sort((a, b) => a.py - b.py);
}

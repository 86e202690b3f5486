/**
 * Arrow keys between districts: from the focused district, the nearest district whose label point
 * lies in the arrow's direction (within 60° either side of it), nearer and straighter first.
 */
export interface Point {
	x: number;
	y: number;
}

const DIRECTIONS: Record<string, Point> = {
	ArrowRight: { x: 1, y: 0 },
	ArrowLeft: { x: -1, y: 0 },
	ArrowDown: { x: 0, y: 1 },
	ArrowUp: { x: 0, y: -1 }
};

/** Index of the district to move to, or undefined when the key is not an arrow or none lies that way. */
export function neighbourIndex(points: readonly Point[], from: number, key: string): number | undefined {
	const dir = DIRECTIONS[key];
	const here = points[from];
	if (!dir || !here) return undefined;
	let best: { i: number; score: number } | undefined;
	points.forEach((p, i) => {
		if (i === from) return;
		const dx = p.x - here.x;
		const dy = p.y - here.y;
		const distance = Math.hypot(dx, dy);
		const along = (dx * dir.x + dy * dir.y) / distance;
		if (distance === 0 || along < Math.cos(Math.PI / 3)) return;
		// Distance, stretched for districts off the straight line.
		const score = distance * (2 - along);
		if (!best || score < best.score) best = { i, score };
	});
	return best?.i;
}

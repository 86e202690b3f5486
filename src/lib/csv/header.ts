/**
 * A header row against the exact columns a file must have, in order. Part of the CSV toolkit
 * (lib/csv), used by the strict table reader (./table).
 */
import { escapeUnprintable } from '../data/problems';

/**
 * Compare a header with the expected columns. Fills `index` (expected name -> field index) and
 * reports missing, extra, misnamed, repeated and out-of-order columns.
 */
export function checkExactHeader(
	header: readonly string[],
	expected: readonly string[],
	index: Record<string, number>,
	report: (column: number, problem: string, fix: string) => void
): void {
	const expectedSet = new Set(expected);
	const extras: number[] = [];
	for (let i = 0; i < header.length; i++) {
		const h = header[i];
		if (expectedSet.has(h) && index[h] === -1) index[h] = i;
		else if (expectedSet.has(h)) report(i + 1, `column "${h}" appears more than once in the header`, 'remove the repeated column');
		else extras.push(i);
	}
	const missing = new Set(expected.filter((e) => index[e] === -1));
	// Pair an unexpected header cell with a missing column: same name but for case or spaces,
	// else the column expected at that position.
	const misnamed = new Map<number, string>();
	const norm = (s: string) => s.trim().toLowerCase().replace(/[\s-]+/g, '_');
	for (const i of extras) {
		const match = [...missing].find((m) => norm(m) === norm(header[i]));
		if (match) {
			misnamed.set(i, match);
			missing.delete(match);
		}
	}
	for (const i of extras) {
		if (misnamed.has(i)) continue;
		if (i < expected.length && missing.has(expected[i])) {
			misnamed.set(i, expected[i]);
			missing.delete(expected[i]);
		}
	}
	for (const i of extras) {
		const should = misnamed.get(i);
		if (should !== undefined) {
			index[should] = i;
			report(i + 1, `column "${escapeUnprintable(header[i])}" should be named "${should}"`, `rename the header cell to ${should}`);
		} else {
			report(i + 1, `unexpected column "${escapeUnprintable(header[i])}"`, 'remove the column or correct its name');
		}
	}
	for (const m of missing) {
		report(expected.indexOf(m) + 1, `column "${m}" is missing`, 'add the column');
	}
	// Order: the columns present must come in the contract's order.
	const present = expected.filter((e) => index[e] !== -1);
	const inFileOrder = [...present].sort((a, b) => index[a] - index[b]);
	for (let k = 0; k < present.length; k++) {
		if (present[k] !== inFileOrder[k]) {
			report(index[inFileOrder[k]] + 1, `column "${inFileOrder[k]}" is out of order`, 'put the columns in the order given');
		}
	}
}

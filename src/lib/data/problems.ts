/**
 * A problem found in an input file, and its one printed form:
 *   data/FILE.csv:LINE:COLUMN: problem (fix)
 * LINE is the 1-based physical line in the file (the header is line 1); COLUMN is the 1-based
 * field number. Shared by the data validator and the contact-records checker so every bad-input
 * message in the project reads the same way.
 *
 * A file can hold millions of problems (one per row of a file saved wrongly). Keeping them all
 * would exhaust memory, and printing them all helps nobody, so problems are collected in a
 * ProblemLog, which keeps the first few of each kind and counts the rest: the list it returns
 * ends each kind with one entry `… and 129,871 more problems of the same kind`.
 */
export interface Problem {
	/** Path as shown to the user, e.g. data/observations.csv or the name of an uploaded file. */
	file: string;
	line: number;
	column: number;
	problem: string;
	fix: string;
	/**
	 * Set only on a summary entry: the number of further problems of the same kind as the entry
	 * before it that were counted but not kept. Its file, line and column are that entry's.
	 */
	more?: number;
}

/** A problem with one cell, before its place is known. */
export interface CellProblem {
	problem: string;
	fix: string;
}

/** Problems of one kind kept in full; the rest of that kind are counted. */
export const MAX_PROBLEMS_PER_KIND = 100;
/** Problems kept in full in all (the first problem of each further kind is kept regardless). */
export const MAX_PROBLEMS_KEPT = 300;

const count = (n: number) => n.toLocaleString('en-GB');

export function formatProblem(p: Problem): string {
	if (p.more !== undefined)
		return `… and ${count(p.more)} more problem${p.more === 1 ? '' : 's'} of the same kind`;
	return `${p.file}:${p.line}:${p.column}: ${p.problem} (${p.fix})`;
}

/** How many problems a list stands for: its entries, with each summary entry's count. */
export function problemCount(problems: readonly Problem[]): number {
	let n = 0;
	for (const p of problems) n += p.more ?? 1;
	return n;
}

/** "1 problem", "12,345 problems": the count a list stands for. */
export function problemTotal(problems: readonly Problem[]): string {
	const n = problemCount(problems);
	return `${count(n)} problem${n === 1 ? '' : 's'}`;
}

const byPlace = (a: Problem, b: Problem) =>
	a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

/** Order problems by file, then line, then column, so output is stable. */
export function sortProblems(problems: Problem[]): Problem[] {
	return [...problems].sort(byPlace);
}

/**
 * Control characters and bidirectional controls (which reorder text in a terminal or on a page)
 * written as \uXXXX, so a message always shows what is really in the file.
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export function escapeUnprintable(value: string): string {
	return value.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The kind of a problem: its file, column and message with every quoted value and number
 * blanked, so "value "-5" ... line 7" and "value "-9" ... line 8" are one kind.
 */
function kindOf(p: Problem): string {
	const shape = p.problem.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/[0-9]+/g, '0');
	return `${p.file}\u0000${p.column}\u0000${shape}`;
}

/**
 * Collects problems with bounded memory: keeps the first MAX_PROBLEMS_PER_KIND of each kind (and
 * at most MAX_PROBLEMS_KEPT in all), and counts every one.
 */
export class ProblemLog {
	/** Every problem added, kept or not. */
	count = 0;
	private kept: Problem[] = [];
	private kinds = new Map<string, { kept: number; more: number; last: Problem }>();

	constructor(
		private readonly perKind = MAX_PROBLEMS_PER_KIND,
		private readonly maxKept = MAX_PROBLEMS_KEPT
	) {}

	add(p: Problem): void {
		this.count++;
		const kind = kindOf(p);
		const seen = this.kinds.get(kind);
		if (!seen) {
			this.kinds.set(kind, { kept: 1, more: 0, last: p });
			this.kept.push(p);
		} else if (seen.kept < this.perKind && this.kept.length < this.maxKept) {
			seen.kept++;
			seen.last = p;
			this.kept.push(p);
		} else seen.more++;
	}

	/** The kept problems sorted by place, each kind's summary entry after its last kept problem. */
	list(): Problem[] {
		const sorted = sortProblems(this.kept);
		const summaries = new Map<Problem, number>();
		for (const k of this.kinds.values()) if (k.more > 0) summaries.set(k.last, k.more);
		if (summaries.size === 0) return sorted;
		const out: Problem[] = [];
		for (const p of sorted) {
			out.push(p);
			const more = summaries.get(p);
			if (more !== undefined) out.push({ ...p, more });
		}
		return out;
	}
}

/** The problem of a file larger than `limit` bytes, with the fix `fix`. */
export function fileTooLarge(file: string, size: number, limit: number, fix: string): Problem {
	return {
		file,
		line: 1,
		column: 1,
		problem: `the file is ${mebibytes(size)} (${count(size)} bytes), larger than the limit of ${mebibytes(limit)} (${count(limit)} bytes)`,
		fix
	};
}

function mebibytes(bytes: number): string {
	const mib = bytes / 1024 / 1024;
	return `${Number.isInteger(mib) ? count(mib) : mib.toLocaleString('en-GB', { maximumFractionDigits: 1 })} MiB`;
}

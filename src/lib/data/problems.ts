/**
 * A problem found in an input file, and its one printed form:
 *   data/FILE.csv:LINE:COLUMN: problem (fix)
 * LINE is the 1-based physical line in the file (the header is line 1); COLUMN is the 1-based
 * field number. Shared by the data validator and the contact-records checker so every bad-input
 * message in the project reads the same way.
 */
export interface Problem {
	/** Path as shown to the user, e.g. data/observations.csv or the name of an uploaded file. */
	file: string;
	line: number;
	column: number;
	problem: string;
	fix: string;
}

export function formatProblem(p: Problem): string {
	return `${p.file}:${p.line}:${p.column}: ${p.problem} (${p.fix})`;
}

/** Order problems by file, then line, then column, so output is stable. */
export function sortProblems(problems: Problem[]): Problem[] {
	return [...problems].sort(
		(a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column
	);
}

/**
 * Files the workbench offers for download, made in the page (blob: URLs, never a request), and
 * the CSV texts it writes: formula-like cells neutralised (lib/data/csv) as in every download.
 */
import { toCsv } from '../data/csv';
import { formatProblem, type Problem } from '../data/problems';

/** Save `data` as a file named `name` (a click on a temporary link; the blob is freed after). */
export function saveFile(name: string, data: BlobPart, type: string): void {
	const url = URL.createObjectURL(new Blob([data], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Every problem as CSV: file, line, column, problem, fix, and the one-line message. */
export function problemsCsv(problems: readonly Problem[]): string {
	return toCsv(
		['file', 'line', 'column', 'problem', 'fix', 'message'],
		problems.map((p) => [p.file, p.line, p.column, p.problem, p.fix, formatProblem(p)]),
		{ neutralise: true }
	);
}

/** A query result as CSV (booleans as true/false). */
export function resultCsv(columns: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string {
	return toCsv(
		columns,
		rows.map((r) => r.map((v) => (typeof v === 'boolean' ? String(v) : v))),
		{ neutralise: true }
	);
}

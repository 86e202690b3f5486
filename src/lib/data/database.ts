/**
 * Opening the dashboard database on either engine: register the data files' text, then build
 * the typed tables with the contract's load SQL. The build's loader (lib/server/db) passes the
 * files through validatedTexts first, which refuses any that do not validate, so bad data cannot
 * be loaded whatever runs the build (`npm run build`, a bare `vite build` or `vite dev`).
 * loadDataFiles alone is for text that has passed already (the site's own files, fetched by
 * the browser).
 */
import type { Engine } from './engine';
import { groupDataFiles, loadStatements } from './load-sql';
import { formatProblem, problemTotal, type Problem } from './problems';
import { checkDataFiles, type DataFile } from './validate';

/**
 * The contract accepts a BOM and CRLF (even mixed with LF); DuckDB's CSV reader detects one line
 * end per file and fails on a mix. So every file reaches DuckDB as LF text without a BOM.
 * Line count is unchanged (each line end becomes one LF), so line numbers still agree.
 */
export function normaliseCsvText(text: string): string {
	return normaliseLineEnds(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** CRLF and CR line ends as LF (for a later piece of a file, where U+FEFF is text). */
export function normaliseLineEnds(text: string): string {
	return text.replace(/\r\n?/g, '\n');
}

export async function loadDataFiles(engine: Engine, files: Record<string, string>): Promise<void> {
	const names = Object.keys(files);
	for (const name of names) await engine.registerText(name, normaliseCsvText(files[name]));
	for (const sql of loadStatements(groupDataFiles(names))) await engine.query(sql);
}

/** Data that does not validate: the message lists every problem, one per line. */
export class DataValidationError extends Error {
	constructor(readonly problems: Problem[]) {
		super(
			`the data files do not validate (${problemTotal(problems)}); nothing was loaded. Fix them and run npm run check:data:\n` +
				problems.map(formatProblem).join('\n')
		);
		this.name = 'DataValidationError';
	}
}

/**
 * The files' text for loadDataFiles, once they validate; throws DataValidationError (with every
 * problem) if they do not, so nothing is loaded.
 */
export function validatedTexts(files: DataFile[], dir?: string): Record<string, string> {
	const { problems } = checkDataFiles(files, { dir });
	if (problems.length > 0) throw new DataValidationError(problems);
	const decoder = new TextDecoder();
	return Object.fromEntries(files.map((f) => [f.name, decoder.decode(f.bytes)]));
}

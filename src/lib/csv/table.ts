/**
 * A whole CSV file read strictly into rows, with a header that must be exactly the expected
 * columns. Part of the CSV toolkit (lib/csv); the data validator checks the cells of these rows.
 */
import type { ProblemLog, Problem } from '../data/problems';
import { checkExactHeader } from './header';
import { readCsv, type CsvRow } from './read';

export interface CsvTable {
	path: string;
	/** The header as written in the file ([] when it could not be read). */
	header: string[];
	headerLine: number;
	/** 0-based field index of each expected column, or -1 when the header lacks it. */
	index: Record<string, number>;
	/** Data rows (including rows with a wrong number of fields, marked not complete). */
	rows: CsvRow[];
	/**
	 * False when the file could not be read as a whole: not UTF-8, empty, wrong delimiter, or an
	 * unclosed quote (then `rows` holds only the rows before it).
	 */
	readable: boolean;
	problems: Problem[];
}

/**
 * Read one CSV file strictly (see readCsv), with a header that must be exactly `expectedColumns`
 * in order. Returns the rows with their physical line numbers and every problem found. Rows are
 * returned even when there are problems, so callers can go on to check their cells.
 */
export function parseCsvStrict(
	path: string,
	input: Uint8Array | string,
	expectedColumns: readonly string[],
	log?: ProblemLog
): CsvTable {
	const index: Record<string, number> = {};
	for (const name of expectedColumns) index[name] = -1;
	const rows: CsvRow[] = [];
	const mustBe = `the header row must be ${expectedColumns.join(',')}`;
	const read = readCsv(path, input, {
		columns: expectedColumns,
		checkHeader: (header, report) =>
			checkExactHeader(header, expectedColumns, index, (column, problem, fix) => report(column, problem, `${fix}; ${mustBe}`)),
		onRow: (row) => void rows.push(row),
		log
	});
	return { path, header: read.header, headerLine: read.headerLine, index, rows, readable: read.readable, problems: read.problems };
}

/**
 * Reads one official table (snapshot Table 1 or a framework monthly table) from its grid: the
 * header row found by its text (at least three year or month headers), each column found by its
 * content (the column of authority GSS codes is the one where most cells match E06-E09 codes,
 * wherever it stands and whatever its header says), aggregates recognised by their codes (E92
 * England, E12 regions) or name ("Rest of England"). A table that fits none of this is refused
 * with what was searched and what was expected; nothing of it is kept.
 */
import { cellRef, gssCode, readValue, text, type CellValue, type Grid, type Reading } from './grid.ts';
import { ImportError } from './limits.ts';

/** Rows searched for the header, from the top of the sheet. */
export const HEADER_SEARCH_ROWS = 40;

export interface TableCell {
	area_code: string;
	period: string;
	reading: Reading;
	cell: string;
}

export interface TableRead {
	sheet: string;
	/** Text of the rows above the header (the table's title and notes). */
	title: string;
	periods: string[];
	/** Area code -> name as published (the first text cell of the row that is not a code). */
	areas: Map<string, { name: string; aggregate: boolean }>;
	cells: TableCell[];
	/** Rows skipped for having no area code, e.g. "% change" lines and "Rest of England". */
	skippedRows: number;
}

const AUTHORITY = /^E0[6-9]\d{6}$/;
const AGGREGATE_NAME = /^(england|rest of england)$/i;

/**
 * Every value cell is checked; only the cells of areas `keep` accepts are returned (a framework
 * workbook has 600,000 value cells, of which an import keeps a few thousand).
 */
export function readTable(
	grid: Grid,
	file: string,
	parsePeriod: (v: CellValue) => string | undefined,
	expected: string,
	keep: (code: string) => boolean = () => true
): TableRead {
	const searched = Math.min(HEADER_SEARCH_ROWS, grid.rows.length);
	let header = -1;
	let periodCols: { col: number; period: string }[] = [];
	for (let i = 0; i < searched && header < 0; i++) {
		const found = (grid.rows[i] ?? []).flatMap((v, col) => {
			const period = parsePeriod(v);
			return period ? [{ col, period }] : [];
		});
		if (found.length >= 3) {
			header = i;
			periodCols = found;
		}
	}
	const refuse = (problem: string): never => {
		throw new ImportError(
			file,
			`sheet "${grid.sheet}" does not match any known layout: ${problem}`,
			`Expected ${expected}. Check the file is an unedited MHCLG table`
		);
	};
	if (header < 0) refuse(`rows 1-${searched} hold no header row with three or more ${expected.includes('month') ? 'month' : 'year'} columns`);
	const periods = periodCols.map((p) => p.period);
	const duplicate = periods.find((p, i) => periods.indexOf(p) !== i);
	if (duplicate) refuse(`the header row (row ${grid.origin.r + header + 1}) names ${duplicate} twice`);

	const periodSet = new Set(periodCols.map((p) => p.col));
	const body = grid.rows.slice(header + 1);
	// The authority code column: most cells holding an E06-E09 code, whatever its header says.
	const votes = new Map<number, number>();
	for (const row of body) {
		row.forEach((v, col) => {
			if (!periodSet.has(col) && AUTHORITY.test(gssCode(v) ?? '')) votes.set(col, (votes.get(col) ?? 0) + 1);
		});
	}
	const codeCol = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
	if (codeCol === undefined) refuse(`no column below the header (row ${grid.origin.r + header + 1}) holds local authority GSS codes (E06-E09 followed by six digits)`);

	const title = grid.rows.slice(0, header).flat().map(text).filter(Boolean).join(' ');
	const areas = new Map<string, { name: string; aggregate: boolean }>();
	const cells: TableCell[] = [];
	let skippedRows = 0;
	body.forEach((row, k) => {
		const i = header + 1 + k;
		const labels = row.slice(0, Math.max(codeCol!, periodCols[0].col) + 4).filter((_, col) => !periodSet.has(col));
		let code = gssCode(row[codeCol!] ?? null);
		// Aggregate rows leave the authority code blank (or [z], or "-") and give theirs elsewhere.
		if (!code) code = labels.map(gssCode).find((c) => c && /^E(92|12)/.test(c));
		if (!code) {
			if (row.some((v) => text(v) !== '')) skippedRows++;
			return;
		}
		if (areas.has(code)) refuse(`area ${code} appears twice (again at row ${grid.origin.r + i + 1})`);
		const name = labels.map(text).find((t) => t && !gssCode(t) && !/^\[[a-z]\]$/i.test(t)) ?? '';
		const aggregate = /^E(92|12)/.test(code) || AGGREGATE_NAME.test(name);
		areas.set(code, { name, aggregate });
		const kept = keep(code);
		for (const { col, period } of periodCols) {
			const reading = readValue(row[col] ?? null);
			if (reading.kind === 'unreadable') {
				throw new ImportError(file, `${cellRef(grid, i, col)} (${code}, ${period}) holds "${reading.text}", which is neither a number nor a GSS marker`, 'Use the file as published; markers the importer knows are [x] [z] [c] [n] .. and -');
			}
			if (reading.kind === 'value' && reading.value < 0) {
				throw new ImportError(file, `${cellRef(grid, i, col)} (${code}, ${period}) holds a negative count, ${reading.value}`, 'Use the file as published by MHCLG');
			}
			if (kept) cells.push({ area_code: code, period, reading, cell: cellRef(grid, i, col) });
		}
	});
	return { sheet: grid.sheet, title, periods, areas, cells, skippedRows };
}

/**
 * A sheet as the layouts see it: a plain grid of cached cell values with its origin, so a value
 * can be traced to its cell (`Table_1_Total!R14`). Layout code never sees SheetJS.
 */
export type CellValue = string | number | boolean | Date | null;

export interface Grid {
	/** Sheet name as in the workbook. */
	sheet: string;
	/** rows[i][j] is the cell at row origin.r + i, column origin.c + j (0-based). */
	rows: CellValue[][];
	origin: { r: number; c: number };
}

export function columnName(c: number): string {
	let s = '';
	for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

/** A1-style reference of grid cell (i, j), with the sheet: `Table 1 Total!E5`. */
export function cellRef(grid: Grid, i: number, j: number): string {
	return `${grid.sheet}!${columnName(grid.origin.c + j)}${grid.origin.r + i + 1}`;
}

export const text = (v: CellValue): string => (v === null ? '' : v instanceof Date ? v.toISOString() : String(v)).replace(/\s+/g, ' ').trim();

export const GSS_CODE = /^E\d{8}$/;
export const gssCode = (v: CellValue): string | undefined => {
	const t = text(v).toUpperCase();
	return GSS_CODE.test(t) ? t : undefined;
};

/** What a value cell holds: a number, or a GSS marker standing in for one (never 0). */
export type Reading =
	| { kind: 'value'; value: number }
	| { kind: 'marker'; marker: 'x' | 'c' | 'z'; note: string }
	| { kind: 'unreadable'; text: string };

const MARKER_CELLS: Record<string, { marker: 'x' | 'c' | 'z'; note: string }> = {
	'[x]': { marker: 'x', note: 'Published as [x]: not available' },
	'[z]': { marker: 'z', note: 'Published as [z]: not applicable' },
	'[c]': { marker: 'c', note: 'Published as [c]: confidential' },
	'[n]': { marker: 'z', note: 'Published as [n]: the authority did not exist in this form (created by local government reorganisation)' },
	'..': { marker: 'x', note: 'Published as "..": not available' },
	'-': { marker: 'x', note: 'Published as "-": no figure' },
	'': { marker: 'x', note: 'Blank in the published table' }
};

export function readValue(v: CellValue): Reading {
	if (typeof v === 'number' && Number.isFinite(v)) return { kind: 'value', value: v };
	const t = text(v).toLowerCase();
	const marker = MARKER_CELLS[t];
	if (marker) return { kind: 'marker', ...marker };
	// Some tables hold numbers as text, sometimes with thousands separators.
	if (/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(t)) return { kind: 'value', value: Number(t.replaceAll(',', '')) };
	return { kind: 'unreadable', text: text(v) };
}

/** A year header: 2019, "2019", "2019 [note 3]" (not "2017 rough sleeping rate"). */
export function parseYear(v: CellValue): string | undefined {
	if (typeof v === 'number') return Number.isInteger(v) && v >= 2000 && v <= 2100 ? String(v) : undefined;
	const m = /^(20\d\d)(\s*\[[^\]]*\])?$/.exec(text(v));
	return m?.[1];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A month header: "October 2020", "Oct 2020", "2024_03_01", "2024-03", or a date cell. Returns YYYY-MM. */
export function parseMonth(v: CellValue): string | undefined {
	const pad = (n: number) => String(n).padStart(2, '0');
	if (v instanceof Date) {
		// SheetJS may build the date at local or UTC midnight; noon either way is the same day.
		const noon = new Date(v.getTime() + 12 * 3600 * 1000);
		return `${noon.getUTCFullYear()}-${pad(noon.getUTCMonth() + 1)}`;
	}
	const t = text(v).toLowerCase();
	let m = /^([a-z]+)\.? (20\d\d)(\s*\[[^\]]*\])?$/.exec(t);
	if (m) {
		const i = MONTHS.findIndex((name) => name === m![1] || (m![1].length >= 3 && name.startsWith(m![1])));
		return i >= 0 ? `${m[2]}-${pad(i + 1)}` : undefined;
	}
	m = /^(20\d\d)[_-](\d\d)([_-]\d\d)?$/.exec(t);
	if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2]}`;
	return undefined;
}

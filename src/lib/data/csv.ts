/**
 * Writing CSV: RFC 4180 quoting, LF line ends, and (for files people download and open in a
 * spreadsheet) neutralising cells a spreadsheet would run as a formula.
 */

/** Cells starting with these are formulas to Excel, LibreOffice and Google Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function quoteCell(value: string): string {
	return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Prefix a formula-like text cell with a single quote so a spreadsheet shows it as text (OWASP
 * CSV injection advice). toCsv applies it to text cells only: a JS number such as -5 is written
 * as a number, since a number cannot carry a formula.
 */
export function neutraliseFormula(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

export interface CsvOptions {
	/** Neutralise formula-like cells (for downloads). Off for the project's own data files. */
	neutralise?: boolean;
}

export function toCsv(
	header: readonly string[],
	rows: readonly (readonly (string | number | null | undefined)[])[],
	options: CsvOptions = {}
): string {
	const cell = (v: string | number | null | undefined) => {
		if (v === null || v === undefined) return '';
		if (typeof v === 'number') return String(v);
		return quoteCell(options.neutralise ? neutraliseFormula(v) : v);
	};
	return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

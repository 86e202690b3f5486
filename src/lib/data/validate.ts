/**
 * The data validator: checks a set of data files against the contract (lib/data/contract) and
 * returns every problem found, in the one printed form `path:LINE:COLUMN: problem (fix)`.
 *
 * Pure and browser-safe (no node: imports): `npm run check:data` runs it on data/ at build
 * time, and the dashboard runs it on files a user loads. Nothing should be loaded unless it
 * returns no problems.
 *
 * LINE is the 1-based physical line (a quoted field holding a line break makes later lines
 * larger; CRLF counts as one line end), COLUMN the 1-based field number within the row.
 * Runs in time linear in the size of the files.
 *
 * Why a scanner of our own rather than papaparse here: the validator must name the physical line
 * and field of every problem and then carry on to list the rest. papaparse picks one line-end
 * style per file (a file mixing CRLF and LF is mis-split), reports quote errors as an offset
 * after swallowing the rest of the file into one field, and accepts a stray quote inside an
 * unquoted value silently. The scanner below is RFC 4180 with exact line tracking; papaparse
 * still reads the project's well-formed inputs elsewhere (import script, tests).
 */
import {
	FILES,
	MARKERS,
	VALUE_REPLACING_MARKERS,
	fileSpec,
	type ColumnKind,
	type ColumnSpec,
	type FileSpec,
	type Marker
} from './contract';
import { isRealDate, isRealMonth } from './calendar';
import { sortProblems, type Problem } from './problems';

// ---------------------------------------------------------------------------------------------
// Rules shared with the data dictionary (scripts/generate-data-readme), so the two cannot drift.

/** Indicator units whose values are counts (or amounts) and so can never be negative. */
export const COUNT_UNITS: readonly string[] = ['people', 'nights', 'days', 'gbp_million', 'rate_per_100k'];
/** Indicator units whose values are percentages, between 0 and 100. */
export const PERCENT_UNITS: readonly string[] = ['percent'];
/** Delimiters recognised when a file is not comma-separated. */
const OTHER_DELIMITERS = [';', '\t', '|'] as const;

/**
 * The form each column kind must take, as a phrase that follows "write" in a fix, e.g. "a GSS
 * code: one capital letter and eight digits, e.g. E08000025". Also used by the data dictionary.
 */
export function describeKind(type: ColumnKind): string {
	switch (type.kind) {
		case 'text':
			return type.maxLength ? `text of ${type.maxLength} characters at most` : 'any text';
		case 'id':
			return 'an identifier: lower case letters, digits and underscores, starting with a letter, e.g. mhclg_rsdf';
		case 'gss':
			return 'a GSS code: one capital letter and eight digits, e.g. E08000025';
		case 'enum':
			return `one of: ${type.values.join(', ')}`;
		case 'ref':
			return `${an(type.column)} listed in ${type.file}`;
		case 'decimal':
			return 'a plain decimal number like 12.5 or -3, with no thousands separators, % sign, exponent or spaces';
		case 'year':
			return 'the year as four digits, e.g. 2024';
		case 'date':
			return 'a real date as YYYY-MM-DD, e.g. 2024-05-31';
		case 'month_or_date':
			return 'a real year, month or date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024, 2024-05 or 2024-05-31';
		case 'period':
			return "a period of the indicator's frequency: YYYY (annual), YYYY-Qn with n from 1 to 4 (quarterly) or YYYY-MM with month 01 to 12 (monthly)";
		case 'markers':
			return `nothing, or marker letters separated by single spaces, each at most once: ${markerList()}`;
		case 'url':
			return 'a web address starting with https://, or nothing';
	}
}

/** The validation rules in plain English, for the data dictionary. */
export function validationRules(): string[] {
	const files = FILES.map((f) => f.file).join(', ');
	return [
		'Every file is UTF-8 text, comma-separated, with a header row. A byte order mark (BOM) and Windows (CRLF) line ends are accepted; blank lines are ignored.',
		'A value holding a comma, a double quote or a line break is enclosed in double quotes, and a double quote inside it is written twice (""). Every opened quote must be closed.',
		`The files ${files} must all be present. Files named observations_NAME.csv are read together with observations.csv. Any other .csv file in data/ is an error.`,
		'The header row holds exactly the columns listed for the file, spelled exactly so and in that order; no column may be missing, added, misnamed or repeated.',
		'Every row has exactly as many fields as the header (an empty value still needs its comma).',
		'A required column is never empty. Every value has the form its column kind asks for (see the column tables).',
		'A reference column names a key that exists in the file it refers to (e.g. every source_id in observations.csv is a source_id in sources.csv).',
		'The key columns of a file are unique together: no two rows share them. For observations the key (indicator_id, area_code, period) is unique across observations.csv and all observations_*.csv files together.',
		"An observation's period has the form of its indicator's frequency (annual YYYY, quarterly YYYY-Qn, monthly YYYY-MM) and is a real quarter or month.",
		`An observation's value is empty only when its marker holds ${VALUE_REPLACING_MARKERS.join(', ')}, and a value is never given together with ${VALUE_REPLACING_MARKERS.join(', ')}.`,
		'An observation with a value names its source_id.',
		`Values of indicators counted in ${COUNT_UNITS.join(', ')} are never negative; values of indicators in ${PERCENT_UNITS.join(', ')} lie between 0 and 100. The unit is the indicator's unit in indicators.csv.`,
		'Markers are single letters from the marker key, separated by single spaces, each used at most once.'
	];
}

const markerList = () =>
	Object.entries(MARKERS)
		.map(([letter, meaning]) => `${letter} ${meaning}`)
		.join(', ');

// ---------------------------------------------------------------------------------------------
// Decoding and CSV parsing.

/** Quote a value for a message. */
const q = (value: string): string => JSON.stringify(value.length > 120 ? value.slice(0, 117) + '...' : value);
/** "a" or "an" before a word. */
const an = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);
const quoteNames = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/**
 * Byte offsets at which strict UTF-8 decoding of `bytes` fails, one per invalid sequence (a
 * truncated, overlong or surrogate sequence counts from its first byte; the bytes it did accept
 * are skipped).
 */
export function invalidUtf8Offsets(bytes: Uint8Array): number[] {
	const bad: number[] = [];
	const n = bytes.length;
	let i = 0;
	while (i < n) {
		const c = bytes[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let lo = 0x80;
		let hi = 0xbf;
		if (c >= 0xc2 && c <= 0xdf) need = 1;
		else if (c >= 0xe0 && c <= 0xef) {
			need = 2;
			if (c === 0xe0) lo = 0xa0;
			if (c === 0xed) hi = 0x9f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3;
			if (c === 0xf0) lo = 0x90;
			if (c === 0xf4) hi = 0x8f;
		} else {
			bad.push(i++);
			continue;
		}
		let k = 1;
		for (; k <= need; k++) {
			const d = i + k < n ? bytes[i + k] : -1;
			if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) break;
		}
		if (k <= need) bad.push(i);
		i += k;
	}
	return bad;
}

/** A byte that is not UTF-8: the 1-based physical line and field holding it, and its value. */
export interface BadUtf8 {
	line: number;
	column: number;
	byte: number;
}

/**
 * Decode UTF-8 bytes strictly (a leading BOM is dropped). `text` has U+FFFD for each sequence
 * that is not UTF-8; `bad` locates the first such byte on each line holding one, for at most
 * `maxLines` lines, in file order (empty when the bytes are all UTF-8).
 */
export function decodeUtf8(bytes: Uint8Array, maxLines = Infinity): { text: string; bad: BadUtf8[] } {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bad: [] };
	} catch {
		const bad: BadUtf8[] = [];
		let line = 1;
		let lineStart = 0;
		let scanned = 0;
		for (const offset of invalidUtf8Offsets(bytes)) {
			for (; scanned < offset; scanned++) {
				if (bytes[scanned] === 0x0a) {
					line++;
					lineStart = scanned + 1;
				}
			}
			if (bad.length > 0 && bad[bad.length - 1].line === line) continue;
			if (bad.length >= maxLines) break;
			// The field: commas outside double quotes from the start of the physical line.
			let column = 1;
			let quoted = false;
			for (let k = lineStart; k < offset; k++) {
				if (bytes[k] === 0x22) quoted = !quoted;
				else if (bytes[k] === 0x2c && !quoted) column++;
			}
			bad.push({ line, column, byte: bytes[offset] });
		}
		return { text: new TextDecoder('utf-8').decode(bytes), bad };
	}
}

/** One record of a CSV file. */
export interface CsvRecord {
	/** 1-based physical line the record starts on. */
	line: number;
	fields: string[];
	/** Physical line each field starts on; only present when the record spans several lines. */
	fieldLines?: number[];
}

/** A low-level CSV syntax problem; `field` is the 0-based field index within its record. */
export type CsvSyntaxIssue =
	| { kind: 'unclosed_quote'; line: number; field: number }
	| { kind: 'stray_quote'; line: number; field: number; value: string }
	| { kind: 'text_after_quote'; line: number; field: number; value: string };

/**
 * Read CSV text (RFC 4180: comma delimiter, double quotes, "" for a quote inside quotes; line
 * ends LF, CRLF or CR) one record at a time, in file order, with its physical line number,
 * without keeping the records. Completely blank lines are skipped; a leading BOM is skipped.
 * `onIssue` hears of each syntax problem before `onRecord` hears of the record holding it.
 * Reading stops when `onRecord` returns false, or at an unclosed quote (everything after it
 * would be inside the quote).
 */
export function scanCsvRecords(
	text: string,
	onRecord: (record: CsvRecord) => boolean | void,
	onIssue: (issue: CsvSyntaxIssue) => void
): void {
	const n = text.length;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	let line = 1;
	const COMMA = 44;
	const QUOTE = 34;
	const LF = 10;
	const CR = 13;

	while (i < n) {
		let c = text.charCodeAt(i);
		if (c === LF) {
			i++;
			line++;
			continue;
		}
		if (c === CR) {
			i++;
			if (text.charCodeAt(i) === LF) i++;
			line++;
			continue;
		}
		const recordLine = line;
		const fields: string[] = [];
		let fieldLines: number[] | undefined;
		for (;;) {
			const fieldLine = line;
			let value: string;
			if (text.charCodeAt(i) === QUOTE) {
				i++;
				value = '';
				let segment = i;
				for (;;) {
					const j = text.indexOf('"', i);
					if (j === -1) {
						onIssue({ kind: 'unclosed_quote', line: fieldLine, field: fields.length });
						return;
					}
					for (let k = i; k < j; k++) {
						const d = text.charCodeAt(k);
						if (d === LF) line++;
						else if (d === CR && text.charCodeAt(k + 1) !== LF) line++;
					}
					if (text.charCodeAt(j + 1) === QUOTE) {
						value += text.slice(segment, j + 1);
						i = j + 2;
						segment = i;
						continue;
					}
					value += text.slice(segment, j);
					i = j + 1;
					break;
				}
				c = text.charCodeAt(i);
				if (i < n && c !== COMMA && c !== LF && c !== CR) {
					const start = i;
					while (i < n) {
						c = text.charCodeAt(i);
						if (c === COMMA || c === LF || c === CR) break;
						i++;
					}
					value += text.slice(start, i);
					onIssue({ kind: 'text_after_quote', line: fieldLine, field: fields.length, value });
				}
			} else {
				const start = i;
				while (i < n) {
					c = text.charCodeAt(i);
					if (c === COMMA || c === LF || c === CR) break;
					i++;
				}
				value = text.slice(start, i);
				if (value.includes('"')) onIssue({ kind: 'stray_quote', line: fieldLine, field: fields.length, value });
			}
			if (fieldLine !== recordLine && !fieldLines) fieldLines = fields.map(() => recordLine);
			fields.push(value);
			fieldLines?.push(fieldLine);
			if (i < n && text.charCodeAt(i) === COMMA) {
				i++;
				continue;
			}
			// End of record: line end or end of text.
			if (i < n) {
				const end = text.charCodeAt(i++);
				if (end === CR && text.charCodeAt(i) === LF) i++;
				line++;
			}
			break;
		}
		if (onRecord(fieldLines ? { line: recordLine, fields, fieldLines } : { line: recordLine, fields }) === false) return;
	}
}

/** A data row of a parsed file. */
export interface CsvRow extends CsvRecord {
	/** The row has exactly as many fields as the header. */
	complete: boolean;
}

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

/** The physical line field `i` of a record starts on. */
export function fieldLine(record: CsvRecord, i: number): number {
	return record.fieldLines?.[i] ?? record.line;
}

/** Places a problem in the header row, at a 1-based column. */
export type HeaderReport = (column: number, problem: string, fix: string) => void;

export interface ReadCsvOptions {
	/** The columns the file should have, shown as the header row in fixes. */
	columns: readonly string[];
	/** Check the header row; each problem reported is placed on the header's line. */
	checkHeader: (header: readonly string[], report: HeaderReport) => void;
	/**
	 * Bytes that are not UTF-8. 'stop' (the default): report the first line holding one, at
	 * column 1, and read no further. 'continue': report each line holding one, at the field
	 * holding the byte, and read on with U+FFFD in place of each bad sequence.
	 */
	badUtf8?: 'stop' | 'continue';
	/**
	 * Called with each data row (not the header) in file order, as it is read. `clean` is false
	 * when the row has a quoting problem or the wrong number of fields (both already reported).
	 */
	onRow?: (row: CsvRow, clean: boolean) => void;
}

export interface CsvRead {
	/** The decoded text, BOM removed ('' when reading stopped at bytes that are not UTF-8). */
	text: string;
	/** The header as written in the file ([] when it could not be read). */
	header: string[];
	headerLine: number;
	/** False when the file could not be read as a whole: see CsvTable.readable. */
	readable: boolean;
	/** The reading problems, in file order (header problems where the header is read). */
	problems: Problem[];
}

/**
 * Read one CSV file strictly, streaming its rows to `options.onRow`: UTF-8 (BOM accepted),
 * comma-separated, CRLF or LF, a header checked by `options.checkHeader`, and every row with as
 * many fields as the header. Reports, with physical lines: bytes that are not UTF-8, an empty
 * file, another delimiter, quoting problems and rows of the wrong width. The layer shared by
 * parseCsvStrict and the contact-records checker (lib/indicators/records).
 */
export function readCsv(path: string, input: Uint8Array | string, options: ReadCsvOptions): CsvRead {
	const problems: Problem[] = [];
	const out: CsvRead = { text: '', header: [], headerLine: 1, readable: false, problems };
	const add = (line: number, column: number, problem: string, fix: string) =>
		problems.push({ file: path, line, column, problem, fix });
	const headerText = options.columns.join(',');

	let text: string;
	let allUtf8 = true;
	if (typeof input === 'string') text = input;
	else {
		const stop = (options.badUtf8 ?? 'stop') === 'stop';
		const decoded = decodeUtf8(input, stop ? 1 : Infinity);
		for (const bad of decoded.bad) {
			const hex = bad.byte.toString(16).toUpperCase().padStart(2, '0');
			add(
				bad.line,
				stop ? 1 : bad.column,
				`the file is not UTF-8: byte 0x${hex} on this line is not valid UTF-8`,
				'save the file with UTF-8 encoding; in Excel: Save As, CSV UTF-8'
			);
		}
		if (decoded.bad.length > 0) {
			if (stop) return out;
			allUtf8 = false;
		}
		text = decoded.text;
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	out.text = text;
	if (/^\s*$/.test(text)) {
		add(1, 1, 'the file is empty', `it needs at least the header row: ${headerText}`);
		return out;
	}

	let header: string[] | undefined;
	let pending: CsvSyntaxIssue[] = [];
	let unclosed = false;
	let wrongDelimiter = false;
	const colName = (field: number) =>
		header && field < header.length ? `column "${header[field]}"` : `field ${field + 1}`;
	/** Report the syntax issues heard of since the last record; true if there were any. */
	const reportIssues = (): boolean => {
		if (pending.length === 0) return false;
		for (const issue of pending) {
			if (issue.kind === 'unclosed_quote') {
				add(
					issue.line,
					issue.field + 1,
					`the double quote opening the value in ${colName(issue.field)} on line ${issue.line} is never closed`,
					'close the quoted value with a double quote, and write a double quote inside it as ""'
				);
			} else {
				const is =
					issue.kind === 'stray_quote'
						? 'holds a double quote but is not enclosed in double quotes'
						: 'has text after its closing double quote';
				add(
					issue.line,
					issue.field + 1,
					`value ${q(issue.value)} in ${colName(issue.field)} ${is}`,
					'enclose the whole value in double quotes and write each double quote inside it as ""'
				);
			}
		}
		pending = [];
		return true;
	};

	scanCsvRecords(
		text,
		(record) => {
			if (!header) {
				header = out.header = record.fields;
				out.headerLine = record.line;
				// A header with one field holding another delimiter: the file is not comma-separated.
				const delimiter =
					header.length === 1 && options.columns.length > 1
						? OTHER_DELIMITERS.find((d) => header![0].includes(d))
						: undefined;
				if (delimiter) {
					const shown = delimiter === '\t' ? 'a tab' : `'${delimiter}'`;
					add(
						record.line,
						1,
						`the file seems to use ${shown} as its delimiter; data files must be comma-separated`,
						`save it as comma-separated CSV, with the header row ${headerText}`
					);
					wrongDelimiter = true;
					return false;
				}
				reportIssues();
				options.checkHeader(header, (column, problem, fix) => add(record.line, column, problem, fix));
				return;
			}
			const quoting = reportIssues();
			const width = header.length;
			const count = record.fields.length;
			const row = record as CsvRow;
			row.complete = count === width;
			if (count > width) {
				add(
					fieldLine(record, width),
					width + 1,
					`row has ${count} fields but the header has ${width}; the first extra field is ${q(record.fields[width])}`,
					'enclose any value holding a comma in double quotes, or remove the extra fields'
				);
			} else if (count < width) {
				const missing = header.slice(count);
				add(
					fieldLine(record, count - 1),
					count + 1,
					`row has ${count} field${count === 1 ? '' : 's'} but the header has ${width}; no value for ${missing.length === 1 ? 'column' : 'columns'} ${quoteNames(missing)}`,
					'add the missing fields; an empty value still needs its comma'
				);
			}
			options.onRow?.(row, row.complete && !quoting);
		},
		(issue) => {
			pending.push(issue);
			if (issue.kind === 'unclosed_quote') unclosed = true;
		}
	);
	if (!wrongDelimiter) reportIssues();
	out.readable = allUtf8 && !unclosed && !wrongDelimiter;
	return out;
}

/**
 * Read one CSV file strictly (see readCsv), with a header that must be exactly `expectedColumns`
 * in order. Returns the rows with their physical line numbers and every problem found. Rows are
 * returned even when there are problems, so callers can go on to check their cells.
 */
export function parseCsvStrict(path: string, input: Uint8Array | string, expectedColumns: readonly string[]): CsvTable {
	const index: Record<string, number> = {};
	for (const name of expectedColumns) index[name] = -1;
	const rows: CsvRow[] = [];
	const mustBe = `the header row must be ${expectedColumns.join(',')}`;
	const read = readCsv(path, input, {
		columns: expectedColumns,
		checkHeader: (header, report) =>
			checkHeader(header, expectedColumns, index, (column, problem, fix) => report(column, problem, `${fix}; ${mustBe}`)),
		onRow: (row) => void rows.push(row)
	});
	return { path, header: read.header, headerLine: read.headerLine, index, rows, readable: read.readable, problems: read.problems };
}

/**
 * Compare a header with the expected columns. Fills `index` (expected name -> field index) and
 * reports missing, extra, misnamed, repeated and out-of-order columns.
 */
function checkHeader(
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
			report(i + 1, `column "${header[i]}" should be named "${should}"`, `rename the header cell to ${should}`);
		} else {
			report(i + 1, `unexpected column "${header[i]}"`, 'remove the column or correct its name');
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

// ---------------------------------------------------------------------------------------------
// Cell checks.

const ID = /^[a-z][a-z0-9_]*$/;
const GSS = /^[A-Z][0-9]{8}$/;
const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;
const YEAR = /^[0-9]{4}$/;
const DATE_SHAPE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const QUARTER_SHAPE = /^[0-9]{4}-Q[0-9]$/;
const MONTH_SHAPE = /^[0-9]{4}-[0-9]{2}$/;

/** A problem with one cell, before its place is known. */
interface CellProblem {
	problem: string;
	fix: string;
}

/** Check a non-empty cell against its column kind (ref and period are checked elsewhere). */
function checkKind(column: ColumnSpec, v: string): CellProblem | null {
	const t = column.type;
	const what = `value ${q(v)} in column "${column.name}"`;
	const bad = (is: string): CellProblem => ({ problem: `${what} ${is}`, fix: `write ${describeKind(t)}` });
	switch (t.kind) {
		case 'text': {
			if (t.maxLength === undefined) return null;
			const length = [...v].length;
			return length > t.maxLength
				? { problem: `${what} is ${length} characters long`, fix: `shorten it to ${t.maxLength} characters at most` }
				: null;
		}
		case 'id':
			return ID.test(v) ? null : bad('is not a valid identifier');
		case 'gss':
			return GSS.test(v) ? null : bad('is not a GSS code');
		case 'enum':
			return t.values.includes(v)
				? null
				: { problem: `${what} is not one of the allowed values`, fix: `use one of: ${t.values.join(', ')}` };
		case 'decimal':
			if (!DECIMAL.test(v))
				return {
					problem: `${what} is not a plain decimal number`,
					fix: 'write numbers like 12.5, with no thousands separators, % sign or spaces'
				};
			return Number.isFinite(Number(v))
				? null
				: { problem: `${what} is too large to be a finite number`, fix: 'check the figure' };
		case 'year':
			return YEAR.test(v) ? null : bad('is not a year');
		case 'date':
			if (!DATE_SHAPE.test(v)) return bad('is not a date');
			return isRealDate(v) ? null : bad('is not a real date');
		case 'month_or_date': {
			if (YEAR.test(v)) return null;
			const real = MONTH_SHAPE.test(v) ? isRealMonth(v) : DATE_SHAPE.test(v) ? isRealDate(v) : null;
			return real ? null : bad(real === null ? 'is not a year, month or date' : 'is not a real month or date');
		}
		case 'url':
			return /^https:\/\/\S+$/.test(v) ? null : bad('is not an https address');
		case 'markers':
		case 'ref':
		case 'period':
			return null; // need the rest of the row or other files: checked in checkDataFiles
	}
}

/** Parse a marker cell: its letters, or the problems with it. */
function checkMarkers(column: string, v: string): { letters: Set<string>; problems: CellProblem[] } {
	const letters = new Set<string>();
	const problems: CellProblem[] = [];
	const what = `marker ${q(v)} in column "${column}"`;
	const fix = `write single letters separated by single spaces, each at most once, from: ${markerList()}`;
	const tokens = v.split(' ');
	if (tokens.some((t) => t.length !== 1)) {
		problems.push({ problem: `${what} is not single letters separated by single spaces`, fix });
		for (const t of v.split(/[\s,;]+/)) if (t.length === 1 && t in MARKERS) letters.add(t);
		return { letters, problems };
	}
	for (const t of tokens) {
		if (!(t in MARKERS)) problems.push({ problem: `${what} holds unknown marker letter ${q(t)}`, fix });
		else if (letters.has(t)) problems.push({ problem: `${what} repeats the letter ${q(t)}`, fix });
		else letters.add(t);
	}
	return { letters, problems };
}

const PERIOD_FORM: Record<string, { shape: RegExp; form: string; real: (v: string) => boolean; what: string }> = {
	annual: { shape: YEAR, form: 'YYYY, e.g. 2024', real: () => true, what: 'year' },
	quarterly: { shape: QUARTER_SHAPE, form: 'YYYY-Qn with n from 1 to 4, e.g. 2024-Q2', real: (v) => /Q[1-4]$/.test(v), what: 'quarter' },
	monthly: { shape: MONTH_SHAPE, form: 'YYYY-MM with month 01 to 12, e.g. 2024-05', real: isRealMonth, what: 'month' }
};

function checkPeriod(column: string, v: string, indicator: string, frequency: string): CellProblem | null {
	const want = PERIOD_FORM[frequency];
	if (!want) return null;
	const what = `period ${q(v)} in column "${column}"`;
	const fix = `write ${frequency} periods as ${want.form}`;
	if (want.shape.test(v)) return want.real(v) ? null : { problem: `${what} is not a real ${want.what}`, fix };
	const other = Object.keys(PERIOD_FORM).find((f) => PERIOD_FORM[f].shape.test(v));
	if (other) return { problem: `${what} is ${other === 'annual' ? 'an' : 'a'} ${other} period, but indicator "${indicator}" is ${frequency}`, fix };
	return { problem: `${what} is not a period`, fix };
}

// ---------------------------------------------------------------------------------------------
// Validating a set of data files.

export interface DataFile {
	/** File name, e.g. observations.csv. */
	name: string;
	/** Path as shown in messages, e.g. data/observations.csv. */
	path: string;
	bytes: Uint8Array;
}

export interface ValidateOptions {
	/** Prefix for the paths of missing files, e.g. "data/". Default: taken from the first file's path. */
	dir?: string;
	/** Report each contract file that is not given (default true). */
	requireAllFiles?: boolean;
}

export interface ValidationResult {
	/** Every problem, sorted by file, line and column. */
	problems: Problem[];
	/** Files checked (known data files only). */
	files: number;
	/** Data rows read (header rows not counted). */
	rows: number;
}

interface Loaded {
	spec: FileSpec;
	table: CsvTable;
}

/** Validate a set of data files against the contract; see checkDataFiles for counts too. */
export function validateDataFiles(files: DataFile[], options: ValidateOptions = {}): Problem[] {
	return checkDataFiles(files, options).problems;
}

/**
 * Validate a set of data files (names as in data/: the contract's files and observations_*.csv)
 * against the contract and each other: every file is read, then references, observation
 * periods and values, and keys (observation keys across all observation files) are checked.
 */
export function checkDataFiles(files: DataFile[], options: ValidateOptions = {}): ValidationResult {
	const problems: Problem[] = [];
	const add = (file: string, line: number, column: number, problem: string, fix: string) =>
		problems.push({ file, line, column, problem, fix });
	const dir =
		options.dir ?? (files.length > 0 && files[0].path.endsWith(files[0].name) ? files[0].path.slice(0, -files[0].name.length) : '');
	const knownNames = FILES.map((f) => f.file).join(', ');

	// 1. Read every file.
	const loaded: Loaded[] = [];
	for (const f of files) {
		const spec = fileSpec(f.name);
		if (!spec) {
			add(
				f.path,
				1,
				1,
				`unknown data file "${f.name}"`,
				`rename it to one of ${knownNames} or observations_NAME.csv, or remove it`
			);
			continue;
		}
		const table = parseCsvStrict(
			f.path,
			f.bytes,
			spec.columns.map((c) => c.name)
		);
		problems.push(...table.problems);
		loaded.push({ spec, table });
	}
	if (options.requireAllFiles ?? true) {
		for (const spec of FILES) {
			if (!files.some((f) => f.name === spec.file)) {
				add(
					`${dir}${spec.file}`,
					1,
					1,
					`required file ${spec.file} is missing`,
					`add it, with the header row ${spec.columns.map((c) => c.name).join(',')}`
				);
			}
		}
	}
	const group = (file: string) => loaded.filter((l) => l.spec.file === file);

	// 2. Keys that references point at, or why they cannot be known.
	const refKeys = new Map<string, Set<string> | string>();
	const refTarget = (file: string, column: string): Set<string> | string => {
		const id = `${file}\u0000${column}`;
		let found = refKeys.get(id);
		if (found === undefined) {
			const tables = group(file);
			if (tables.length === 0) found = `${file} is missing`;
			else if (tables.some((t) => !t.table.readable)) found = `${file} could not be read`;
			else if (tables.some((t) => t.table.index[column] === -1)) found = `${file} has no column "${column}"`;
			else {
				const keys = new Set<string>();
				for (const { table } of tables) {
					const at = table.index[column];
					for (const row of table.rows) if (at < row.fields.length) keys.add(row.fields[at]);
				}
				found = keys;
			}
			refKeys.set(id, found);
		}
		return found;
	};

	// Indicator unit and frequency, from well-formed rows of indicators.csv.
	const indicators = new Map<string, { unit: string; frequency: string }>();
	for (const { table } of group('indicators.csv')) {
		const [id, unit, frequency] = ['indicator_id', 'unit', 'frequency'].map((c) => table.index[c]);
		if (id === -1 || unit === -1 || frequency === -1) continue;
		for (const row of table.rows)
			if (row.complete) indicators.set(row.fields[id], { unit: row.fields[unit], frequency: row.fields[frequency] });
	}

	// 3. Check every row.
	const seenKeys = new Map<string, Map<string, { path: string; line: number }>>();
	let rowCount = 0;
	for (const { spec, table } of loaded) {
		rowCount += table.rows.length;
		if (table.header.length === 0) continue;
		const path = table.path;
		const isObservations = spec.file === 'observations.csv';
		const cols = spec.columns.map((c) => ({ spec: c, at: table.index[c.name] }));
		const present = cols.filter((c) => c.at !== -1);
		const at = (name: string) => table.index[name] ?? -1;

		// References that cannot be checked: say so once, at the header.
		const refs = new Map<string, Set<string>>();
		for (const c of present) {
			if (c.spec.type.kind !== 'ref') continue;
			const target = refTarget(c.spec.type.file, c.spec.type.column);
			if (typeof target === 'string')
				add(path, table.headerLine, c.at + 1, `cannot check column "${c.spec.name}" against ${c.spec.type.file}: ${target}`,
					target.endsWith('missing') ? `add ${c.spec.type.file} first` : `fix the problems in ${c.spec.type.file} first`
				);
			else refs.set(c.spec.name, target);
		}

		let keyMap = seenKeys.get(spec.file);
		if (!keyMap) seenKeys.set(spec.file, (keyMap = new Map()));
		const keyAt = spec.key.map(at);
		const keyUsable = keyAt.every((k) => k !== -1);

		const iInd = at('indicator_id');
		const iValue = at('value');
		const iSource = at('source_id');
		const iMarker = at('marker');

		for (const row of table.rows) {
			if (!row.complete) continue;
			const f = row.fields;
			const cell = (i: number, p: CellProblem) => add(path, fieldLine(row, i), i + 1, p.problem, p.fix);

			let letters: Set<string> | undefined;
			for (const { spec: c, at: i } of present) {
				const v = f[i];
				if (v === '' || (c.type.kind === 'text' && v.trim() === '')) {
					if (c.required)
						cell(i, {
							problem: `required column "${c.name}" is empty`,
							fix: `fill it in: ${c.description.replace(/\.$/, '')}`
						});
					continue;
				}
				switch (c.type.kind) {
					case 'ref': {
						const keys = refs.get(c.name);
						if (keys && !keys.has(v))
							cell(i, {
								problem: `value ${q(v)} in column "${c.name}" is not ${an(c.type.column)} listed in ${c.type.file}`,
								fix: `correct it, or add a row for it to ${c.type.file}`
							});
						break;
					}
					case 'markers': {
						const m = checkMarkers(c.name, v);
						letters = m.letters;
						for (const p of m.problems) cell(i, p);
						break;
					}
					case 'period': {
						const indicator = iInd !== -1 ? indicators.get(f[iInd]) : undefined;
						const p = indicator && checkPeriod(c.name, v, f[iInd], indicator.frequency);
						if (p) cell(i, p);
						break;
					}
					default: {
						const p = checkKind(c, v);
						if (p) cell(i, p);
					}
				}
			}

			if (isObservations) {
				const indicator = iInd !== -1 ? indicators.get(f[iInd]) : undefined;
				const replacing = VALUE_REPLACING_MARKERS.filter((m: Marker) => letters?.has(m));
				if (iValue !== -1) {
					const v = f[iValue];
					if (v === '' && replacing.length === 0 && iMarker !== -1) {
						cell(iValue, {
							problem: `column "value" is empty but column "marker" holds none of ${VALUE_REPLACING_MARKERS.join(', ')}`,
							fix: `give the value, or say why it is missing with marker ${VALUE_REPLACING_MARKERS.map((m) => `${m} (${MARKERS[m]})`).join(', ')}`
						});
					} else if (v !== '' && replacing.length > 0) {
						cell(iValue, {
							problem: `value ${q(v)} in column "value" is given together with marker ${q(replacing.join(' '))}`,
							fix: `leave the value empty when the marker holds ${VALUE_REPLACING_MARKERS.join(', ')}, or remove that marker letter`
						});
					}
					if (v !== '' && indicator && DECIMAL.test(v)) {
						const n = Number(v);
						if (COUNT_UNITS.includes(indicator.unit) && n < 0)
							cell(iValue, {
								problem: `value ${q(v)} in column "value" is negative, but indicator "${f[iInd]}" is counted in ${indicator.unit}`,
								fix: 'counts are never negative; check the figure'
							});
						else if (PERCENT_UNITS.includes(indicator.unit) && (n < 0 || n > 100))
							cell(iValue, {
								problem: `value ${q(v)} in column "value" is not between 0 and 100, but indicator "${f[iInd]}" is a percentage`,
								fix: 'give percentages as numbers from 0 to 100'
							});
					}
					if (v !== '' && iSource !== -1 && f[iSource] === '')
						cell(iSource, {
							problem: 'column "source_id" is empty but the row has a value',
							fix: 'name the source of the figure, a source_id from sources.csv'
						});
				}
			}

			if (keyUsable) {
				const values = keyAt.map((k) => f[k]);
				if (values.some((v) => v === '')) continue;
				const key = values.join('\u0000');
				const first = keyMap.get(key);
				if (first) {
					const where = first.path === path ? `on line ${first.line}` : `in ${first.path} on line ${first.line}`;
					add(
						path,
						fieldLine(row, keyAt[0]),
						keyAt[0] + 1,
						`duplicate row: (${spec.key.join(', ')}) = (${values.join(', ')}) is already ${where}`,
						'remove one of the two rows, or correct its key'
					);
				} else keyMap.set(key, { path, line: fieldLine(row, keyAt[0]) });
			}
		}
	}

	return { problems: sortProblems(problems), files: loaded.length, rows: rowCount };
}

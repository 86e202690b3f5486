/**
 * The strict CSV reader: one file, streamed row by row, with every reading problem reported at
 * its physical line and field (see lib/data/problems for the message form). Part of the CSV
 * toolkit (lib/csv): the data validator and the contacts checker (lib/indicators/records) both
 * read through it, so encoding, quoting, delimiter and row-width problems read the same in both.
 */
import { MAX_DATA_FILE_BYTES } from '../data/contract';
import { ProblemLog, fileTooLarge, type Problem } from '../data/problems';
import { piecesAtLineEnds } from './pieces';
import { fieldLine, scanCsvRecords, type CsvRecord, type CsvSyntaxIssue } from './scan';
import { quoteNames, showValue } from './show';
import { decodeUtf8 } from './utf8';

/** Delimiters recognised when a file is not comma-separated. */
const OTHER_DELIMITERS = [';', '\t', '|'] as const;
/** The fix for a file over the size limit, unless the caller has a better one. */
export const WRONG_FILE_FIX = 'check that it is the right file: this one should be far smaller';

/** A data row of a parsed file. */
export interface CsvRow extends CsvRecord {
	/** The row has exactly as many fields as the header. */
	complete: boolean;
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
	/** Where problems go (default: a log of the read's own, returned as CsvRead.problems). */
	log?: ProblemLog;
	/** Largest file read, in bytes (default MAX_DATA_FILE_BYTES); a larger one is refused unread. */
	maxBytes?: number;
	/** The fix for a file over maxBytes. */
	tooLargeFix?: string;
}

export interface CsvRead {
	/** The decoded text, BOM removed ('' when reading stopped at bytes that are not UTF-8). */
	text: string;
	/** The header as written in the file ([] when it could not be read). */
	header: string[];
	headerLine: number;
	/** False when the file could not be read as a whole: see CsvTable.readable. */
	readable: boolean;
	/** The reading problems, in file order; empty when options.log was given (they are in it). */
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
	const log = options.log ?? new ProblemLog();
	const out: CsvRead = { text: '', header: [], headerLine: 1, readable: false, problems: [] };
	const done = () => {
		if (!options.log) out.problems = log.list();
		return out;
	};
	const add = (line: number, column: number, problem: string, fix: string) =>
		log.add({ file: path, line, column, problem, fix });

	const maxBytes = options.maxBytes ?? MAX_DATA_FILE_BYTES;
	if (input.length > maxBytes) {
		log.add(fileTooLarge(path, input.length, maxBytes, options.tooLargeFix ?? WRONG_FILE_FIX));
		return done();
	}
	let text: string;
	let allUtf8 = true;
	if (typeof input === 'string') text = input;
	else {
		const stop = (options.badUtf8 ?? 'stop') === 'stop';
		const decoded = decodeUtf8(input, stop ? 1 : Infinity);
		for (const bad of decoded.bad) reportBadUtf8(add, bad.line, stop ? 1 : bad.column, bad.byte);
		if (decoded.bad.length > 0) {
			if (stop) return done();
			allUtf8 = false;
		}
		text = decoded.text;
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	out.text = text;
	if (BLANK.test(text)) {
		reportEmpty(add, options.columns);
		return done();
	}

	const sink = recordSink(path, options, log);
	scanCsvRecords(text, sink.onRecord, sink.onIssue);
	sink.end();
	out.header = sink.header;
	out.headerLine = sink.headerLine;
	out.readable = allUtf8 && sink.readable();
	return done();
}

type Add = (line: number, column: number, problem: string, fix: string) => void;
const BLANK = /^\s*$/;

function reportBadUtf8(add: Add, line: number, column: number, byte: number): void {
	const hex = byte.toString(16).toUpperCase().padStart(2, '0');
	add(
		line,
		column,
		`the file is not UTF-8: byte 0x${hex} on this line is not valid UTF-8`,
		'save the file with UTF-8 encoding; in Excel: Save As, CSV UTF-8'
	);
}

function reportEmpty(add: Add, columns: readonly string[]): void {
	add(1, 1, 'the file is empty', `it needs at least the header row: ${columns.join(',')}`);
}

export interface ReadCsvPiecesOptions extends ReadCsvOptions {
	/** The file's size in bytes (known before reading: a file over maxBytes is refused unread). */
	size: number;
}

/**
 * readCsv for a file that arrives in pieces (a File's stream), holding no more of it than the
 * current piece and the record running over its end: the same checks and messages, the same
 * rows passed to `options.onRow`. Bytes that are not UTF-8 are always reported line by line and
 * read on (readCsv's badUtf8 'continue'). No text is kept, so CsvRead.text is ''. The bytes are
 * cut at line ends (./pieces), so each piece decodes on its own and the physical lines stay exact.
 */
export async function readCsvPieces(
	path: string,
	chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
	options: ReadCsvPiecesOptions
): Promise<CsvRead> {
	const log = options.log ?? new ProblemLog();
	const out: CsvRead = { text: '', header: [], headerLine: 1, readable: false, problems: [] };
	const done = () => {
		if (!options.log) out.problems = log.list();
		return out;
	};
	const add: Add = (line, column, problem, fix) => log.add({ file: path, line, column, problem, fix });
	const maxBytes = options.maxBytes ?? MAX_DATA_FILE_BYTES;
	if (options.size > maxBytes) {
		log.add(fileTooLarge(path, options.size, maxBytes, options.tooLargeFix ?? WRONG_FILE_FIX));
		return done();
	}
	const sink = recordSink(path, options, log);
	let allUtf8 = true;
	let first = true;
	/** Physical line the next piece of bytes starts on. */
	let byteLine = 1;
	/** Text not yet scanned (a record running over the last piece's end), and its line. */
	let text = '';
	let textLine = 1;
	/** Only blank text so far: the file may yet prove empty. */
	let blank = true;

	const piece = (bytes: Uint8Array, final: boolean) => {
		const decoded = decodeUtf8(bytes, Infinity, { keepBom: !first });
		first = false;
		for (const bad of decoded.bad) reportBadUtf8(add, byteLine + bad.line - 1, bad.column, bad.byte);
		if (decoded.bad.length > 0) allUtf8 = false;
		for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) byteLine++;
		if (sink.stopped()) return;
		text += decoded.text;
		if (blank) {
			if (BLANK.test(text)) {
				if (final) reportEmpty(add, options.columns);
				return;
			}
			blank = false;
		}
		const scanned = scanCsvRecords(text, sink.onRecord, sink.onIssue, { line: textLine, final });
		text = text.slice(scanned.consumed);
		textLine = scanned.line;
	};

	for await (const { bytes, final } of piecesAtLineEnds(chunks)) piece(bytes, final);
	if (blank) return done();
	sink.end();
	out.header = sink.header;
	out.headerLine = sink.headerLine;
	out.readable = allUtf8 && sink.readable();
	return done();
}

/**
 * What readCsv and readCsvPieces do with each scanned record and syntax issue: read and check
 * the header (or stop at another delimiter), report quoting problems and rows of the wrong width,
 * and pass each data row on.
 */
function recordSink(path: string, options: ReadCsvOptions, log: ProblemLog) {
	const add = (line: number, column: number, problem: string, fix: string) =>
		log.add({ file: path, line, column, problem, fix });
	const headerText = options.columns.join(',');
	const out = { header: [] as string[], headerLine: 1 };
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
					`value ${showValue(issue.value)} in ${colName(issue.field)} ${is}`,
					'enclose the whole value in double quotes and write each double quote inside it as ""'
				);
			}
		}
		pending = [];
		return true;
	};

	const onRecord = (record: CsvRecord): boolean | void => {
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
					`row has ${count} fields but the header has ${width}; the first extra field is ${showValue(record.fields[width])}`,
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
		};
	const onIssue = (issue: CsvSyntaxIssue) => {
			pending.push(issue);
			if (issue.kind === 'unclosed_quote') unclosed = true;
		};
	return {
		onRecord,
		onIssue,
		/** The scan is over: report the issues not yet reported. */
		end: () => {
			if (!wrongDelimiter) reportIssues();
		},
		get header() {
			return out.header;
		},
		get headerLine() {
			return out.headerLine;
		},
		/** Stopped at another delimiter (nothing after the header is read). */
		stopped: () => wrongDelimiter,
		readable: () => !unclosed && !wrongDelimiter
	};
}

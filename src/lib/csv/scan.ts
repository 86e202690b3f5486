/**
 * The line-exact CSV scanner: RFC 4180 records with the physical line each record and field
 * starts on. Part of the CSV toolkit (lib/csv).
 *
 * Why a scanner of our own rather than papaparse: a checker must name the physical line and
 * field of every problem and then carry on to list the rest. papaparse picks one line-end
 * style per file (a file mixing CRLF and LF is mis-split), reports quote errors as an offset
 * after swallowing the rest of the file into one field, and accepts a stray quote inside an
 * unquoted value silently. papaparse still reads the project's well-formed inputs elsewhere
 * (import script, tests).
 */

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
 *
 * For a file read in pieces, `options.final: false` says more text follows: a record that runs
 * to the end of `text` (no line end after it, or a quote still open) is then not read, and the
 * answer's `consumed` is where it starts, so the caller scans it again with the next piece in
 * front; `options.line` is the physical line `text` starts on. Issues of a record are passed on
 * only with the record, so a record scanned twice is reported once.
 */
export function scanCsvRecords(
	text: string,
	onRecord: (record: CsvRecord) => boolean | void,
	onIssue: (issue: CsvSyntaxIssue) => void,
	options: { line?: number; final?: boolean } = {}
): { consumed: number; line: number } {
	const n = text.length;
	const final = options.final ?? true;
	let line = options.line ?? 1;
	// A byte-order mark only at the start of the file, not of a later piece.
	let i = line === 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const issues: CsvSyntaxIssue[] = [];
	const flush = () => {
		for (const issue of issues) onIssue(issue);
		issues.length = 0;
	};
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
		const recordStart = i;
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
						if (!final) return { consumed: recordStart, line: recordLine };
						flush();
						onIssue({ kind: 'unclosed_quote', line: fieldLine, field: fields.length });
						return { consumed: n, line };
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
					issues.push({ kind: 'text_after_quote', line: fieldLine, field: fields.length, value });
				}
			} else {
				const start = i;
				while (i < n) {
					c = text.charCodeAt(i);
					if (c === COMMA || c === LF || c === CR) break;
					i++;
				}
				value = text.slice(start, i);
				if (value.includes('"')) issues.push({ kind: 'stray_quote', line: fieldLine, field: fields.length, value });
			}
			if (fieldLine !== recordLine && !fieldLines) fieldLines = fields.map(() => recordLine);
			fields.push(value);
			fieldLines?.push(fieldLine);
			if (i < n && text.charCodeAt(i) === COMMA) {
				i++;
				continue;
			}
			// End of record: line end or end of text (or, when more text follows, not yet known).
			if (i >= n && !final) return { consumed: recordStart, line: recordLine };
			if (i < n) {
				const end = text.charCodeAt(i++);
				if (end === CR && text.charCodeAt(i) === LF) i++;
				line++;
			}
			break;
		}
		flush();
		if (onRecord(fieldLines ? { line: recordLine, fields, fieldLines } : { line: recordLine, fields }) === false)
			return { consumed: i, line };
	}
	return { consumed: n, line };
}


/** The physical line field `i` of a record starts on. */
export function fieldLine(record: CsvRecord, i: number): number {
	return record.fieldLines?.[i] ?? record.line;
}

/**
 * The contact-records contract (a `contacts` CSV: one row per outreach event for one person) and
 * its checker. The checker reports every problem in the file in the project's one message form
 * (FILE:LINE:COLUMN: problem (fix), see lib/data/problems), LINE being the physical line in the
 * file (the header is line 1; a quoted value spanning lines counts every line). Nothing is
 * computed from a file with a problem.
 *
 * Accepted: UTF-8 with or without a byte-order mark, LF or CRLF line ends, RFC 4180 quoting,
 * columns in any order, blank lines (ignored).
 */
import Papa from 'papaparse';
import { WMCA, WMCA_AUTHORITIES } from '../data/contract';
import type { Problem } from '../data/problems';

export const CONTACT_COLUMNS = [
	'person_id',
	'area_code',
	'event_date',
	'event',
	'accommodation',
	'institution',
	'institution_left_date'
] as const;
export type ContactColumn = (typeof CONTACT_COLUMNS)[number];

export const EVENTS = ['seen_rough_sleeping', 'accommodated'] as const;
export const ACCOMMODATION = ['settled', 'other'] as const;
export const INSTITUTIONS = [
	'prison',
	'other_justice',
	'hospital',
	'armed_forces',
	'asylum_support',
	'care_leaver'
] as const;
export type EventKind = (typeof EVENTS)[number];
export type Accommodation = (typeof ACCOMMODATION)[number];
export type Institution = (typeof INSTITUTIONS)[number];

export const PERSON_ID_MAX_LENGTH = 64;

/** One event as checked: empty optional fields are ''. */
export interface ContactRecord {
	person_id: string;
	area_code: string;
	event_date: string;
	event: EventKind;
	accommodation: Accommodation | '';
	institution: Institution | '';
	institution_left_date: string;
}

export interface CheckOptions {
	/** Return the parsed records too (for the plain-TypeScript oracle and tests). */
	keepRecords?: boolean;
	/** Called every 100,000 records with the number checked so far. */
	onProgress?: (records: number) => void;
}

export interface CheckResult {
	/** Every problem found, in file order. Empty when the file can be computed from. */
	problems: Problem[];
	/** The file's text (decoded, byte-order mark removed), to hand to the engine. */
	text: string;
	/** The file's header, in its own order (the contract's columns once there are no problems). */
	header: string[];
	/** Number of records (non-blank lines after the header). */
	count: number;
	/** The records, when options.keepRecords was set. */
	records?: ContactRecord[];
}

const AUTHORITY_CODES: ReadonlySet<string> = new Set(WMCA_AUTHORITIES.map((a) => a.code));
const AUTHORITY_LIST = WMCA_AUTHORITIES.map((a) => `${a.code} ${a.name}`).join(', ');
const COLUMN_LIST = CONTACT_COLUMNS.join(',');
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD string that names a real calendar day (Gregorian). */
export function isRealDate(value: string): boolean {
	const m = DATE_RE.exec(value);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (mo < 1 || mo > 12 || d < 1) return false;
	const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
	return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
}

// ---------------------------------------------------------------------------------------------
// Encoding

/** Byte offsets at which the UTF-8 decoding of `bytes` fails (one per invalid sequence). */
export function invalidUtf8Offsets(bytes: Uint8Array): number[] {
	const bad: number[] = [];
	let i = 0;
	const n = bytes.length;
	while (i < n) {
		const b = bytes[i];
		if (b < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let lo = 0x80;
		let hi = 0xbf;
		if (b >= 0xc2 && b <= 0xdf) need = 1;
		else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			if (b === 0xe0) lo = 0xa0;
			if (b === 0xed) hi = 0x9f;
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			if (b === 0xf0) lo = 0x90;
			if (b === 0xf4) hi = 0x8f;
		} else {
			bad.push(i);
			i++;
			continue;
		}
		let j = 1;
		for (; j <= need; j++) {
			const c = i + j < n ? bytes[i + j] : -1;
			const [l, h] = j === 1 ? [lo, hi] : [0x80, 0xbf];
			if (c < l || c > h) break;
		}
		if (j <= need) {
			bad.push(i);
			i += j;
		} else i += need + 1;
	}
	return bad;
}

/** 1-based field number of byte/char position `pos` on the physical line starting at `start`. */
function fieldAt(get: (i: number) => number, start: number, pos: number): number {
	let field = 1;
	let quoted = false;
	for (let i = start; i < pos; i++) {
		const c = get(i);
		if (c === 0x22) quoted = !quoted;
		else if (c === 0x2c && !quoted) field++;
	}
	return field;
}

function encodingProblems(bytes: Uint8Array, file: string): Problem[] {
	const problems: Problem[] = [];
	let line = 1;
	let lineStart = 0;
	let scanned = 0;
	let lastLine = 0;
	for (const offset of invalidUtf8Offsets(bytes)) {
		for (; scanned < offset; scanned++) {
			if (bytes[scanned] === 0x0a) {
				line++;
				lineStart = scanned + 1;
			}
		}
		if (line === lastLine) continue; // one message per line
		lastLine = line;
		const hex = bytes[offset].toString(16).toUpperCase().padStart(2, '0');
		problems.push({
			file,
			line,
			column: fieldAt((i) => bytes[i], lineStart, offset),
			problem: `the file is not UTF-8: byte 0x${hex} on this line is not valid UTF-8`,
			fix: 'save the file with UTF-8 encoding; in Excel: Save As, CSV UTF-8'
		});
	}
	return problems;
}

// ---------------------------------------------------------------------------------------------
// Header

const DELIMITERS: [string, string][] = [
	[';', 'semicolons'],
	['\t', 'tabs'],
	['|', 'vertical bars']
];

function checkHeader(header: string[], file: string): Problem[] {
	const problems: Problem[] = [];
	const p = (column: number, problem: string, fix: string) => problems.push({ file, line: 1, column, problem, fix });
	const normal = (s: string) => s.trim().toLowerCase().replace(/[\s-]+/g, '_');
	const seen = new Set<string>();
	const found = new Set<string>();
	// Columns a misspelt name is taken to stand for (by case/space), so they are not also missing.
	header.forEach((name) => {
		if ((CONTACT_COLUMNS as readonly string[]).includes(name)) found.add(name);
		else if ((CONTACT_COLUMNS as readonly string[]).includes(normal(name))) found.add(normal(name));
	});
	const missing = CONTACT_COLUMNS.filter((c) => !found.has(c));
	header.forEach((name, i) => {
		const col = i + 1;
		const canonical = (CONTACT_COLUMNS as readonly string[]).includes(name)
			? name
			: (CONTACT_COLUMNS as readonly string[]).includes(normal(name))
				? normal(name)
				: undefined;
		if (name === '') p(col, `column ${col} has no name`, `name it one of ${COLUMN_LIST}, or remove the empty column`);
		else if (canonical && seen.has(canonical)) p(col, `column "${canonical}" appears more than once`, 'keep one of them');
		else if (canonical && canonical !== name)
			p(col, `column "${name}" should be named "${canonical}"`, `rename it to ${canonical}: lower case, no spaces`);
		else if (!canonical)
			p(
				col,
				`unknown column "${name}"`,
				missing.length === 1
					? `rename it to ${missing[0]}, or remove it; the columns are ${COLUMN_LIST}`
					: `remove it; the columns are ${COLUMN_LIST}`
			);
		if (canonical) seen.add(canonical);
	});
	for (const name of missing) {
		p(
			header.length + 1,
			`missing column "${name}"`,
			`add it to the header, even if its values are all empty; the columns are ${COLUMN_LIST}`
		);
	}
	return problems;
}

// ---------------------------------------------------------------------------------------------
// Fields

type FieldCheck = (value: string, record: Partial<Record<ContactColumn, string>>) => [string, string] | undefined;

const quoted = (v: string) => `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;

function dateProblem(name: string, value: string): [string, string] | undefined {
	if (value.trim() !== value && isRealDate(value.trim()))
		return [`${name} ${quoted(value)} has spaces around it`, 'remove the spaces'];
	if (!DATE_RE.test(value))
		return [`${name} ${quoted(value)} is not a date in the form YYYY-MM-DD`, 'write dates as YYYY-MM-DD, e.g. 2024-02-01'];
	if (!isRealDate(value)) return [`${name} ${quoted(value)} is not a real date`, 'check the day and the month'];
	return undefined;
}

const FIELD_CHECKS: Record<ContactColumn, FieldCheck> = {
	person_id(v) {
		if (v === '') return ['person_id is empty', "give every record the person's pseudonymous identifier"];
		const length = v.length > PERSON_ID_MAX_LENGTH ? [...v].length : v.length; // characters, not UTF-16 units
		if (length > PERSON_ID_MAX_LENGTH)
			return [
				`person_id is ${length} characters long, more than ${PERSON_ID_MAX_LENGTH}`,
				`use a shorter pseudonymous identifier, at most ${PERSON_ID_MAX_LENGTH} characters`
			];
		// eslint-disable-next-line no-control-regex
		if (/[\s\u0000-\u001f\u007f]/.test(v))
			return [
				'person_id contains spaces or control characters',
				'use a pseudonymous identifier without spaces, never a name'
			];
		return undefined;
	},
	area_code(v) {
		if (AUTHORITY_CODES.has(v)) return undefined;
		const fix = `give the GSS code of the authority where the event happened: ${AUTHORITY_LIST}`;
		if (v === '') return ['area_code is empty', fix];
		if (AUTHORITY_CODES.has(v.trim())) return [`area_code ${quoted(v)} has spaces around it`, 'remove the spaces'];
		if (v === WMCA) return [`area_code ${WMCA} is the combined authority, not one of its seven authorities`, fix];
		return [`area_code ${quoted(v)} is not one of the seven WMCA authorities`, fix];
	},
	event_date(v) {
		if (v === '') return ['event_date is empty', 'give the date of the event as YYYY-MM-DD'];
		return dateProblem('event_date', v);
	},
	event(v) {
		if ((EVENTS as readonly string[]).includes(v)) return undefined;
		if (v === '') return ['event is empty', 'use seen_rough_sleeping or accommodated'];
		return [`event ${quoted(v)} is not seen_rough_sleeping or accommodated`, 'use seen_rough_sleeping or accommodated'];
	},
	accommodation(v, r) {
		if (v !== '' && !(ACCOMMODATION as readonly string[]).includes(v))
			return [
				`accommodation ${quoted(v)} is not settled or other`,
				r.event === 'seen_rough_sleeping' ? 'leave it empty on a seen_rough_sleeping event' : 'use settled or other'
			];
		if (r.event === 'accommodated' && v === '')
			return ['accommodation is empty on an accommodated event', 'use settled or other'];
		if (r.event === 'seen_rough_sleeping' && v !== '')
			return [
				'accommodation is set on a seen_rough_sleeping event',
				'leave it empty; record a move into accommodation as its own accommodated event'
			];
		return undefined;
	},
	institution(v, r) {
		if (v !== '' && !(INSTITUTIONS as readonly string[]).includes(v))
			return [
				`institution ${quoted(v)} is not one of ${INSTITUTIONS.join(', ')}`,
				`use one of ${INSTITUTIONS.join(', ')}, or leave it empty`
			];
		if (r.event === 'accommodated' && v !== '')
			return [
				'institution is set on an accommodated event',
				'leave it empty; an institution left is recorded on the seen_rough_sleeping event'
			];
		return undefined;
	},
	institution_left_date(v, r) {
		const inst = r.institution ?? '';
		const needed = inst !== '' && inst !== 'care_leaver' && (INSTITUTIONS as readonly string[]).includes(inst);
		if (v === '') {
			if (needed && r.event !== 'accommodated')
				return [
					`institution_left_date is empty for institution ${inst}`,
					'give the date the person left it, as YYYY-MM-DD'
				];
			return undefined;
		}
		if (inst === '') return ['institution_left_date is set but institution is empty', 'leave it empty, or give the institution'];
		if (inst === 'care_leaver')
			return ['institution_left_date is set for a care leaver', 'leave it empty: care leavers have no leaving date'];
		const bad = dateProblem('institution_left_date', v);
		if (bad) return bad;
		const ev = r.event_date ?? '';
		if (isRealDate(ev) && v > ev)
			return [`institution_left_date ${v} is after event_date ${ev}`, 'check both dates: the person left before being seen'];
		return undefined;
	}
};

// ---------------------------------------------------------------------------------------------
// The checker

/**
 * Check a contacts file. `input` is the file's bytes (checked as UTF-8) or text already decoded.
 * `file` is the name shown in messages.
 */
export function checkRecords(input: Uint8Array | string, file: string, options: CheckOptions = {}): CheckResult {
	const problems: Problem[] = [];
	let text: string;
	if (typeof input === 'string') text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	else {
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(input); // removes a BOM
		} catch {
			problems.push(...encodingProblems(input, file));
			text = new TextDecoder('utf-8').decode(input);
		}
	}
	const result = (header: string[], count: number, records?: ContactRecord[]): CheckResult => ({
		problems,
		text,
		header,
		count,
		...(options.keepRecords ? { records } : {})
	});

	if (text.trim() === '') {
		problems.push({
			file,
			line: 1,
			column: 1,
			problem: 'the file is empty',
			fix: `export the records with a header row: ${COLUMN_LIST}`
		});
		return result([], 0);
	}

	const firstLine = text.slice(0, text.search(/\r?\n|$/));
	if (!firstLine.includes(',')) {
		const other = DELIMITERS.find(([d]) => firstLine.includes(d));
		if (other) {
			problems.push({
				file,
				line: 1,
				column: 1,
				problem: `the columns are separated by ${other[1]}, not commas`,
				fix: 'save the file as comma-separated CSV, with a comma between values'
			});
			return result([], 0);
		}
	}

	let header: string[] | undefined;
	let columnIndex: Partial<Record<ContactColumn, number>> = {};
	let line = 1; // physical line of the current row's start
	let scanned = 0; // text offset up to which newlines have been counted
	let rowStart = 0;
	let count = 0;
	const records: ContactRecord[] | undefined = options.keepRecords ? [] : undefined;
	const lineOf = (offset: number) => {
		for (; scanned < offset; scanned++) if (text.charCodeAt(scanned) === 10) line++;
		return line;
	};
	const charAt = (i: number) => text.charCodeAt(i);

	Papa.parse<string[]>(text, {
		delimiter: ',',
		quoteChar: '"',
		escapeChar: '"',
		step(step) {
			const row = step.data;
			const start = rowStart;
			rowStart = step.meta.cursor;
			const at = lineOf(start);
			// Skip the line end(s) before the next row is looked at.
			if (row.length === 1 && row[0] === '') return; // blank line
			const quoteError = step.errors.find((e) => e.type === 'Quotes');
			if (quoteError) {
				const pos = Math.max(start, (quoteError.index ?? start + 1) - 1);
				const column = fieldAt(charAt, start, pos);
				if (quoteError.code === 'MissingQuotes')
					problems.push({
						file,
						line: at,
						column,
						problem: 'unclosed quote: the quoted value starting on this line runs to the end of the file',
						fix: 'add the closing double quote'
					});
				else
					problems.push({
						file,
						line: at,
						column,
						problem: 'misplaced double quote in this value',
						fix: 'put the whole value in double quotes and write a quote inside it as two: ""'
					});
				if (header) count++;
				return;
			}
			if (!header) {
				header = row;
				problems.push(...checkHeader(header, file));
				const normal = (s: string) => s.trim().toLowerCase().replace(/[\s-]+/g, '_');
				header.forEach((name, i) => {
					const c = normal(name) as ContactColumn;
					if ((CONTACT_COLUMNS as readonly string[]).includes(c) && columnIndex[c] === undefined) columnIndex[c] = i;
				});
				return;
			}
			count++;
			if (options.onProgress && count % 100_000 === 0) options.onProgress(count);
			if (row.length !== header.length) {
				problems.push({
					file,
					line: at,
					column: Math.min(row.length, header.length) + 1,
					problem: `this line has ${row.length} field${row.length === 1 ? '' : 's'}, the header has ${header.length}`,
					fix: `give every record ${header.length} comma-separated fields; put a value containing a comma in double quotes`
				});
				return;
			}
			const rec: Partial<Record<ContactColumn, string>> = {};
			for (const c of CONTACT_COLUMNS) {
				const i = columnIndex[c];
				if (i !== undefined) rec[c] = row[i];
			}
			let ok = true;
			for (const c of CONTACT_COLUMNS) {
				const i = columnIndex[c];
				if (i === undefined) continue;
				const bad = FIELD_CHECKS[c](row[i], rec);
				if (bad) {
					ok = false;
					problems.push({ file, line: at, column: i + 1, problem: bad[0], fix: bad[1] });
				}
			}
			if (records && ok) records.push(rec as unknown as ContactRecord);
		}
	});

	if (!header) header = [];
	if (count === 0 && problems.length === 0)
		problems.push({
			file,
			line: 2,
			column: 1,
			problem: 'the file has a header row but no records',
			fix: 'add the records below the header'
		});
	problems.sort((a, b) => a.line - b.line || a.column - b.column);
	return result(header, count, records);
}

/**
 * The contact-records contract (a `contacts` CSV: one row per outreach event for one person) and
 * its checker. The checker reports every problem in the file in the project's one message form
 * (FILE:LINE:COLUMN: problem (fix), see lib/data/problems), LINE being the physical line in the
 * file (the header is line 1; a quoted value spanning lines counts every line). Nothing is
 * computed from a file with a problem.
 *
 * Accepted: UTF-8 with or without a byte-order mark, LF or CRLF line ends, RFC 4180 quoting,
 * columns in any order, blank lines (ignored). The file is read by the CSV toolkit's strict
 * reader (readCsv in lib/csv/read), as the data files are, so encoding, quoting, delimiter and
 * row-width problems read exactly as they do for the data files; the header and field rules here
 * are the contacts' own.
 */
import { isRealDate } from '../data/calendar';
import { MAX_CONTACTS_FILE_BYTES, WMCA, WMCA_AUTHORITIES, latestYear } from '../data/contract';
import { ProblemLog, escapeUnprintable, fileTooLarge, type Problem } from '../data/problems';
import { yearOutOfRange } from '../data/years';
import { readCsv, readCsvPieces, type CsvRead, type HeaderReport, type ReadCsvOptions } from '../csv/read';
import { fieldLine } from '../csv/scan';

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
	/** Today, for the latest year a date may have (default: now). */
	today?: Date;
}

/** The fix for a contacts file over MAX_CONTACTS_FILE_BYTES. */
const TOO_LARGE_FIX = `keep the records from 60 months before the first month you need onwards (the indicators look back no further), so the file is at most ${MAX_CONTACTS_FILE_BYTES / 1024 / 1024} MiB`;

/**
 * The problem with a contacts file of `size` bytes, before it is read (a file over the limit is
 * refused unread: reading it could exhaust memory), or undefined when it is small enough.
 */
export function contactsFileTooLarge(file: string, size: number): Problem | undefined {
	return size > MAX_CONTACTS_FILE_BYTES ? fileTooLarge(file, size, MAX_CONTACTS_FILE_BYTES, TOO_LARGE_FIX) : undefined;
}

export interface CheckResult {
	/**
	 * The problems found, in file order: up to 100 of each kind, each kind with more followed by
	 * one summary entry (see lib/data/problems). Empty when the file can be computed from.
	 */
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
/** The form of a date; whether it names a real day is isRealDate's question (data/calendar). */
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

// ---------------------------------------------------------------------------------------------
// Header

const isColumn = (name: string): name is ContactColumn => (CONTACT_COLUMNS as readonly string[]).includes(name);
/** The column a header cell stands for: its name, or its name but for case, spaces and hyphens. */
function columnNamed(name: string): ContactColumn | undefined {
	if (isColumn(name)) return name;
	const normal = name.trim().toLowerCase().replace(/[\s-]+/g, '_');
	return isColumn(normal) ? normal : undefined;
}

/**
 * Check the header (columns in any order; a name differing only in case, spaces or hyphens is
 * taken to stand for its column) and return where each column is, first occurrence first.
 */
function checkHeader(header: readonly string[], p: HeaderReport): [ContactColumn, number][] {
	// The column each header cell stands for, if any (by case/space, so it is not also missing).
	const canonicals = header.map(columnNamed);
	const missing = CONTACT_COLUMNS.filter((c) => !canonicals.includes(c));
	const seen = new Set<string>();
	const index: [ContactColumn, number][] = [];
	header.forEach((name, i) => {
		const col = i + 1;
		const canonical = canonicals[i];
		if (canonical && !seen.has(canonical)) index.push([canonical, i]);
		if (name === '') p(col, `column ${col} has no name`, `name it one of ${COLUMN_LIST}, or remove the empty column`);
		else if (canonical && seen.has(canonical)) p(col, `column "${canonical}" appears more than once`, 'keep one of them');
		else if (canonical && canonical !== name)
			p(col, `column "${escapeUnprintable(name)}" should be named "${canonical}"`, `rename it to ${canonical}: lower case, no spaces`);
		else if (!canonical)
			p(
				col,
				`unknown column "${escapeUnprintable(name)}"`,
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
	// In the contract's order, so a row's checks see the fields they depend on.
	return index.sort((a, b) => CONTACT_COLUMNS.indexOf(a[0]) - CONTACT_COLUMNS.indexOf(b[0]));
}

// ---------------------------------------------------------------------------------------------
// Fields

type FieldCheck = (
	value: string,
	record: Partial<Record<ContactColumn, string>>,
	lastYear: number
) => [string, string] | undefined;

/** A value for a message: cut to 40 characters, controls escaped so it shows what is there. */
const quoted = (v: string) => `"${escapeUnprintable(v.length > 40 ? v.slice(0, 40) + '…' : v)}"`;

function dateProblem(name: string, value: string, lastYear: number): [string, string] | undefined {
	if (value.trim() !== value && isRealDate(value.trim()))
		return [`${name} ${quoted(value)} has spaces around it`, 'remove the spaces'];
	if (!DATE_SHAPE.test(value))
		return [`${name} ${quoted(value)} is not a date in the form YYYY-MM-DD`, 'write dates as YYYY-MM-DD, e.g. 2024-02-01'];
	if (!isRealDate(value)) return [`${name} ${quoted(value)} is not a real date`, 'check the day and the month'];
	// Outside the sane range the engine's date arithmetic is not checked (year 0000 is no date to
	// DuckDB), and a typing slip such as 1024 would stretch the months computed over a millennium.
	const far = yearOutOfRange(`${name} ${value}`, Number(value.slice(0, 4)), lastYear);
	if (far) return [far.problem, far.fix];
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
	event_date(v, _r, lastYear) {
		if (v === '') return ['event_date is empty', 'give the date of the event as YYYY-MM-DD'];
		return dateProblem('event_date', v, lastYear);
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
	institution_left_date(v, r, lastYear) {
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
		const bad = dateProblem('institution_left_date', v, lastYear);
		if (bad) return bad;
		const ev = r.event_date ?? '';
		if (isRealDate(ev) && v > ev)
			return [`institution_left_date ${v} is after event_date ${ev}`, 'check both dates: the person left before being seen'];
		return undefined;
	}
};

// ---------------------------------------------------------------------------------------------
// The checker

/** The reading options and the state of a contacts check: the part checkRecords and checkRecordsPieces share. */
function contactsCheck(file: string, options: CheckOptions) {
	const log = new ProblemLog();
	let columns: [ContactColumn, number][] = [];
	const state = { count: 0 };
	const records: ContactRecord[] | undefined = options.keepRecords ? [] : undefined;
	const lastYear = latestYear(options.today);
	const read: ReadCsvOptions = {
		columns: CONTACT_COLUMNS,
		badUtf8: 'continue',
		log,
		maxBytes: MAX_CONTACTS_FILE_BYTES,
		tooLargeFix: TOO_LARGE_FIX,
		checkHeader: (header, report) => {
			columns = checkHeader(header, report);
		},
		onRow(row, clean) {
			const count = ++state.count;
			if (options.onProgress && count % 100_000 === 0) options.onProgress(count);
			if (!clean) return; // its quoting or width problem is reported already
			const f = row.fields;
			const rec: Partial<Record<ContactColumn, string>> = {};
			for (const [c, i] of columns) rec[c] = f[i];
			let ok = true;
			for (const [c, i] of columns) {
				const bad = FIELD_CHECKS[c](f[i], rec, lastYear);
				if (bad) {
					ok = false;
					log.add({ file, line: fieldLine(row, i), column: i + 1, problem: bad[0], fix: bad[1] });
				}
			}
			if (records && ok) records.push(rec as unknown as ContactRecord);
		}
	};
	/** The result, once the file is read. */
	const result = (csv: CsvRead): CheckResult => {
		if (state.count === 0 && log.count === 0)
			log.add({
				file,
				line: csv.headerLine + 1,
				column: 1,
				problem: 'the file has a header row but no records',
				fix: 'add the records below the header'
			});
		const problems = log.list();
		return { problems, text: csv.text, header: csv.header, count: state.count, ...(options.keepRecords ? { records } : {}) };
	};
	return { read, result };
}

/**
 * Check a contacts file. `input` is the file's bytes (checked as UTF-8) or text already decoded.
 * `file` is the name shown in messages.
 */
export function checkRecords(input: Uint8Array | string, file: string, options: CheckOptions = {}): CheckResult {
	const check = contactsCheck(file, options);
	return check.result(readCsv(file, input, check.read));
}

/**
 * Check a contacts file that arrives in pieces (a File's stream, in the workbench's load worker),
 * holding no more of it than one piece: the same problems and count as checkRecords, but no
 * text (CheckResult.text is ''). `size` is the file's size, so a file over the limit is refused
 * unread.
 */
export async function checkRecordsPieces(
	chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
	size: number,
	file: string,
	options: CheckOptions = {}
): Promise<CheckResult> {
	const check = contactsCheck(file, options);
	return check.result(await readCsvPieces(file, chunks, { ...check.read, size }));
}

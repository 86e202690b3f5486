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
 * Runs in time linear in the size of the files. Files are read by the CSV toolkit (lib/csv);
 * this module holds the contract's rules for the cells, rows and files read.
 */
import { ADDITIVE_UNITS, AREA_TYPES, EARLIEST_YEAR, MARKERS, MAX_DATA_FILE_BYTES, TARGET_YEARS_AHEAD, VALUE_REPLACING_MARKERS, WHOLE_NUMBER_UNITS, WMCA, latestYear, markerList, unitSpec, UNITS, type Marker, type Unit } from './contract';
import { CELLS_FILE, CELL_REFERENCE, FILES, SUPERSEDED_FILE, fileSpec, type ColumnKind, type ColumnSpec, type FileSpec } from './files';
import { isRealDate, isRealMonth } from './calendar';
import { MAX_PROBLEMS_PER_KIND, ProblemLog, escapeUnprintable, fileTooLarge, type CellProblem, type Problem } from './problems';
import { yearOutOfRange } from './years';
import { WRONG_FILE_FIX } from '../csv/read';
import { fieldLine } from '../csv/scan';
import { showValue as q } from '../csv/show';
import { parseCsvStrict, type CsvTable } from '../csv/table';
import { checkEditions, type EditionRow, type EditionUse } from './validate-editions';

// ---------------------------------------------------------------------------------------------
// Rules shared with the data dictionary (scripts/generate-data-readme), so the two cannot drift.

/** The fix for a data file over MAX_DATA_FILE_BYTES. */
const tooLargeFix = (spec: FileSpec) =>
	spec.alsoMatches
		? `split it into observations_NAME.csv files of at most ${MAX_DATA_FILE_BYTES / 1024 / 1024} MiB each (they are read together), or leave out rows the dashboard does not show`
		: WRONG_FILE_FIX;

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
		case 'enum_list':
			return `nothing (any), or one or more of ${type.values.join(', ')}, separated by single spaces`;
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
		case 'cell':
			return 'a sheet and cell as SHEET!A1: the sheet name (no ! : \\ / ? * [ ]), an exclamation mark, the column letters in capitals and the row number, e.g. Table_1!R14; a figure added up from several cells names each, joined by " + "';
	}
}

/** The validation rules in plain English, for the data dictionary. */
export function validationRules(): string[] {
	const files = FILES.filter((f) => !f.optional).map((f) => f.file).join(', ');
	return [
		'Every file is UTF-8 text, comma-separated, with a header row. A byte order mark (BOM) and Windows (CRLF) line ends are accepted; blank lines are ignored.',
		'A value holding a comma, a double quote or a line break is enclosed in double quotes, and a double quote inside it is written twice (""). Every opened quote must be closed.',
		`The files ${files} must all be present (${FILES.filter((f) => f.optional).map((f) => f.file).join(' and ')} may be absent). Files named observations_NAME.csv are read together with observations.csv, and observations_superseded_NAME.csv with ${SUPERSEDED_FILE}. Any other .csv file in data/ is an error.`,
		'The header row holds exactly the columns listed for the file, spelled exactly so and in that order; no column may be missing, added, misnamed or repeated.',
		'Every row has exactly as many fields as the header (an empty value still needs its comma).',
		'A required column is never empty. Every value has the form its column kind asks for (see the column tables).',
		'A reference column names a key that exists in the file it refers to (e.g. every source_id in observations.csv is a source_id in sources.csv).',
		'The key columns of a file are unique together: no two rows share them. For observations the key (indicator_id, area_code, period) is unique across observations.csv and all observations_*.csv files together.',
		"An observation's period has the form of its indicator's frequency (annual YYYY, quarterly YYYY-Qn, monthly YYYY-MM) and is a real quarter or month.",
		`An observation's value is empty only when its marker holds ${VALUE_REPLACING_MARKERS.join(', ')}, and a value is never given together with ${VALUE_REPLACING_MARKERS.join(', ')}.`,
		'An observation with a value names its source_id.',
		`${valueRangeRule()} Values of indicators counted in ${WHOLE_NUMBER_UNITS.join(', ')} are whole numbers. No value exceeds its indicator's max_value in indicators.csv (100 for a percentage that is a share of its denominator; a percentage with an empty max_value, such as accommodated_pct, may exceed 100).`,
		`An observation's period lies between ${EARLIEST_YEAR} and next year. Earlier or later years are typing mistakes.`,
		"An observation is only for an area whose area_type is one of its indicator's area_types (when that column is not empty).",
		`For an indicator whose wmca_total is sum, the WMCA (${WMCA}) figure for a period equals the sum of the figures of its authorities (the areas whose parent_code is ${WMCA}) wherever all of them are given; for at_most_sum, it is at most that sum.`,
		`An indicator's wmca_total is empty unless it is counted in ${ADDITIVE_UNITS.join(', ')} (percentages and rates do not add up across areas).`,
		'A denominator (denominators.csv value) is greater than 0.',
		`A target (targets.csv) is met after its baseline: target_period is later than baseline_period, both of its indicator's frequency, and may lie up to ${TARGET_YEARS_AHEAD} years after next year; target_value follows the same range, whole-number and max_value rules as its indicator's figures.`,
		`An earlier edition's figures (${SUPERSEDED_FILE}) follow the same rules as the current ones, the WMCA sum rule within each edition; their key is (source_id, indicator_id, area_code, period).`,
		'Every edition (editions.csv) is a source with a published date, and no two editions of a series share a date. A current figure (observations*.csv) names no edition but the latest of its series; an earlier edition\'s figures name an edition that is not the latest.',
		'No text holds a control character (such as NUL) other than tab and line breaks inside quotes, nor a bidirectional control (U+202A to U+202E, U+2066 to U+2069): they can hide or reorder text on screen.',
		`A file is at most ${MAX_DATA_FILE_BYTES / 1024 / 1024} MiB (a larger one is refused unread). Problems are listed up to ${MAX_PROBLEMS_PER_KIND} of each kind, then counted: "… and 129,871 more problems of the same kind".`,
		'Markers are single letters from the marker key, separated by single spaces, each used at most once.',
		`The cell provenance file, ${CELLS_FILE.replace(/^(.*)\/(.*)$/, '$2 in data/$1/')}, may be absent. Each of its rows names an observation (indicator_id, area_code, period) held in observations.csv or an observations_*.csv file, with that observation's source_id when it names one (a gap, such as [x], may name none), and at most one cell per observation.`
	];
}

/**
 * The range rule in words, from the units' records: "Values are never negative." while every unit
 * runs from 0 with no upper bound, else each unit's range.
 */
function valueRangeRule(): string {
	const specs = UNITS.map((u) => [u, unitSpec(u)] as const);
	if (specs.every(([, s]) => s.min === 0 && s.max === undefined)) return 'Values are never negative.';
	return `Values lie in their unit's range: ${specs.map(([u, s]) => `${u} ${rangeText(s.min, s.max)}`).join('; ')}.`;
}
/** "0 or more", "0 to 100". */
export const rangeText = (min: number, max: number | undefined) => (max === undefined ? `${min} or more` : `${min} to ${max}`);

/** "a" or "an" before a word. */
const an = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

// ---------------------------------------------------------------------------------------------
// Cell checks.

const ID = /^[a-z][a-z0-9_]*$/;
const GSS = /^[A-Z][0-9]{8}$/;
const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;
const YEAR = /^[0-9]{4}$/;
const DATE_SHAPE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const QUARTER_SHAPE = /^[0-9]{4}-Q[0-9]$/;
const MONTH_SHAPE = /^[0-9]{4}-[0-9]{2}$/;

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
		case 'enum_list': {
			const words = v.split(' ');
			const wrong = words.find((w) => !t.values.includes(w));
			if (wrong !== undefined)
				return {
					problem: `${what} holds ${wrong === '' ? 'an extra space' : `${q(wrong)}, which is not one of the allowed values`}`,
					fix: `write ${describeKind(t)}`
				};
			const repeated = words.find((w, i) => words.indexOf(w) !== i);
			return repeated === undefined ? null : { problem: `${what} repeats ${q(repeated)}`, fix: 'give each value once' };
		}
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
		case 'cell':
			return CELL_REFERENCE.test(v) ? null : bad('is not a sheet and cell reference');
		case 'markers':
		case 'ref':
		case 'period':
			return null; // need the rest of the row or other files: checked in checkDataFiles
	}
}

/**
 * Control characters a cell may not hold: C0 controls but tab (line breaks are record ends, or
 * inside quotes part of the text), DEL, C1 controls, and the bidirectional embeddings, overrides
 * and isolates, which reorder the text around them on screen.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_NAMES: Record<number, string> = {
	0x00: 'NUL',
	0x202a: 'left-to-right embedding',
	0x202b: 'right-to-left embedding',
	0x202c: 'pop directional formatting',
	0x202d: 'left-to-right override',
	0x202e: 'right-to-left override',
	0x2066: 'left-to-right isolate',
	0x2067: 'right-to-left isolate',
	0x2068: 'first strong isolate',
	0x2069: 'pop directional isolate'
};

function checkControls(column: string, v: string): CellProblem | null {
	const found = FORBIDDEN_CONTROL.exec(v);
	if (!found) return null;
	const code = found[0].charCodeAt(0);
	const hex = code.toString(16).toUpperCase().padStart(4, '0');
	const name = CONTROL_NAMES[code] ?? 'a control character';
	return {
		problem: `value ${q(v)} in column "${column}" holds U+${hex} (${name}) at character ${[...v.slice(0, found.index)].length + 1}`,
		fix: 'remove it: control characters and bidirectional controls can hide or reorder text on screen'
	};
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

function checkPeriod(column: string, v: string, indicator: string, frequency: string, lastYear: number, lastYearWords?: string): CellProblem | null {
	const want = PERIOD_FORM[frequency];
	if (!want) return null;
	const what = `period ${q(v)} in column "${column}"`;
	const fix = `write ${frequency} periods as ${want.form}`;
	if (want.shape.test(v)) {
		if (!want.real(v)) return { problem: `${what} is not a real ${want.what}`, fix };
		return yearOutOfRange(what, Number(v.slice(0, 4)), lastYear, lastYearWords);
	}
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
	/**
	 * The file's size in bytes, when it is known without reading it (from the file system). A
	 * file over MAX_DATA_FILE_BYTES is then refused without its bytes being needed.
	 */
	size?: number;
}

export interface ValidateOptions {
	/** Prefix for the paths of missing files, e.g. "data/". Default: taken from the first file's path. */
	dir?: string;
	/** Report each contract file that is not given (default true). */
	requireAllFiles?: boolean;
	/** Today, for the latest year a period may have (default: now). */
	today?: Date;
}

export interface ValidationResult {
	/**
	 * The problems, sorted by file, line and column: up to 100 of each kind, each kind with more
	 * followed by one summary entry (see lib/data/problems). Empty when the files are valid.
	 */
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

/** An indicator's properties that its observations are checked against. */
interface IndicatorRules {
	unit: string;
	frequency: string;
	/** Area types it applies to (empty: any). */
	areaTypes: readonly string[];
	max: number | undefined;
	wmcaTotal: string;
}

/** The WMCA figure of one indicator and period, and its authorities' figures, for the sum rule. */
interface WmcaPeriod {
	wmca?: { value: number; path: string; line: number; column: number };
	parts: Map<string, number>;
}

/**
 * Validate a set of data files (names as in data/: the contract's files and observations_*.csv)
 * against the contract and each other: every file is read, then references, observation
 * periods and values, and keys (observation keys across all observation files) are checked.
 */
export function checkDataFiles(files: DataFile[], options: ValidateOptions = {}): ValidationResult {
	const log = new ProblemLog();
	const add = (file: string, line: number, column: number, problem: string, fix: string) =>
		log.add({ file, line, column, problem, fix });
	const dir =
		options.dir ?? (files.length > 0 && files[0].path.endsWith(files[0].name) ? files[0].path.slice(0, -files[0].name.length) : '');
	const knownNames = FILES.map((f) => f.file).join(', ');
	const lastYear = latestYear(options.today);

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
		const columns = spec.columns.map((c) => c.name);
		const size = f.size ?? f.bytes.length;
		if (size > MAX_DATA_FILE_BYTES) {
			log.add(fileTooLarge(f.path, size, MAX_DATA_FILE_BYTES, tooLargeFix(spec)));
			const index = Object.fromEntries(columns.map((c) => [c, -1]));
			loaded.push({ spec, table: { path: f.path, header: [], headerLine: 1, index, rows: [], readable: false, problems: [] } });
			continue;
		}
		loaded.push({ spec, table: parseCsvStrict(f.path, f.bytes, columns, log) });
	}
	if (options.requireAllFiles ?? true) {
		for (const spec of FILES) {
			if (!spec.optional && !files.some((f) => f.name === spec.file)) {
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

	/** Values of `columns` of the complete rows of `file`, keyed by its first column (or none if any is absent). */
	const columnsOf = (file: string, names: string[]): Map<string, string[]> => {
		const out = new Map<string, string[]>();
		for (const { table } of group(file)) {
			const at = names.map((c) => table.index[c] ?? -1);
			if (at.includes(-1)) continue;
			for (const row of table.rows) if (row.complete) out.set(row.fields[at[0]], at.slice(1).map((i) => row.fields[i]));
		}
		return out;
	};

	// What observations are checked against: each indicator's rules, each area's type and the
	// WMCA's authorities (from well-formed rows; problems in those rows are reported there).
	const indicators = new Map<string, IndicatorRules>();
	for (const [id, [unit, frequency, areaTypes, max, wmcaTotal]] of columnsOf('indicators.csv', [
		'indicator_id',
		'unit',
		'frequency',
		'area_types',
		'max_value',
		'wmca_total'
	])) {
		indicators.set(id, {
			unit,
			frequency,
			areaTypes: areaTypes === '' ? [] : areaTypes.split(' ').filter((t) => (AREA_TYPES as readonly string[]).includes(t)),
			max: DECIMAL.test(max) ? Number(max) : undefined,
			wmcaTotal
		});
	}
	const areas = columnsOf('areas.csv', ['area_code', 'area_type', 'parent_code']);
	const wmcaAuthorities = [...areas].filter(([, [, parent]]) => parent === WMCA).map(([code]) => code);
	const wmcaPeriods = new Map<string, WmcaPeriod>();
	// An earlier edition's figures are summed within the edition (one map per source_id).
	const supersededPeriods = new Map<string, Map<string, WmcaPeriod>>();
	const editionRows: EditionRow[] = [];
	const editionUses: EditionUse[] = [];

	const sumsFor = (edition: string | undefined) => {
		if (edition === undefined) return wmcaPeriods;
		let sums = supersededPeriods.get(edition);
		if (!sums) supersededPeriods.set(edition, (sums = new Map()));
		return sums;
	};

	// 3. Check every row.
	const seenKeys = new Map<string, Map<string, { path: string; line: number }>>();
	let rowCount = 0;
	for (const { spec, table } of loaded) {
		rowCount += table.rows.length;
		if (table.header.length === 0) continue;
		const path = table.path;
		// An earlier edition's figures follow the same rules as the current ones.
		const isSuperseded = spec.file === SUPERSEDED_FILE;
		const isObservations = spec.file === 'observations.csv' || isSuperseded;
		const usedSources = new Set<string>();
		const isDenominators = spec.file === 'denominators.csv';
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
		const iArea = at('area_code');
		const iPeriod = at('period');
		const iValue = at('value');
		const iSource = at('source_id');
		const iMarker = at('marker');

		for (const row of table.rows) {
			if (!row.complete) continue;
			const f = row.fields;
			const cell = (i: number, p: CellProblem) => add(path, fieldLine(row, i), i + 1, p.problem, p.fix);

			let letters: Set<string> | undefined;
			/** Columns whose value has a problem already, so the rules below do not pile on. */
			const bad = new Set<number>();
			for (const { spec: c, at: i } of present) {
				const v = f[i];
				const report = (p: CellProblem) => {
					bad.add(i);
					cell(i, p);
				};
				if (v === '' || (c.type.kind === 'text' && v.trim() === '')) {
					if (c.required)
						report({
							problem: `required column "${c.name}" is empty`,
							fix: `fill it in: ${c.description.replace(/\.$/, '')}`
						});
					continue;
				}
				const control = checkControls(c.name, v);
				if (control) {
					report(control);
					continue;
				}
				switch (c.type.kind) {
					case 'ref': {
						const keys = refs.get(c.name);
						if (keys && !keys.has(v))
							report({
								problem: `value ${q(v)} in column "${c.name}" is not ${an(c.type.column)} listed in ${c.type.file}`,
								fix: `correct it, or add a row for it to ${c.type.file}`
							});
						break;
					}
					case 'markers': {
						const m = checkMarkers(c.name, v);
						letters = m.letters;
						for (const p of m.problems) report(p);
						break;
					}
					case 'period': {
						const indicator = iInd !== -1 ? indicators.get(f[iInd]) : undefined;
						// A target is met in the future: its period may lie years ahead.
						const ahead = spec.file === 'targets.csv' && c.name === 'target_period';
						const p =
							indicator &&
							(ahead
								? checkPeriod(c.name, v, f[iInd], indicator.frequency, lastYear + TARGET_YEARS_AHEAD, `${TARGET_YEARS_AHEAD} years after next year, for a target`)
								: checkPeriod(c.name, v, f[iInd], indicator.frequency, lastYear));
						if (p) report(p);
						break;
					}
					default: {
						const p = checkKind(c, v);
						if (p) report(p);
					}
				}
			}

			if (spec.file === 'indicators.csv') {
				const [iUnit, iTotal] = [at('unit'), at('wmca_total')];
				if (iUnit !== -1 && iTotal !== -1 && f[iTotal] !== '' && !bad.has(iTotal) && !(ADDITIVE_UNITS as readonly string[]).includes(f[iUnit]))
					cell(iTotal, {
						problem: `wmca_total ${q(f[iTotal])} is given for an indicator in ${f[iUnit]}, which is not added up across areas`,
						fix: `leave wmca_total empty for percentages and rates; it is for ${ADDITIVE_UNITS.join(', ')}`
					});
			}

			if (spec.file === 'targets.csv') {
				const indicator = iInd !== -1 ? indicators.get(f[iInd]) : undefined;
				const [iTarget, iBaseline, iAim] = [at('target_period'), at('baseline_period'), at('target_value')];
				// Both periods were checked above to be of the indicator's frequency (only when the
				// indicator is known), and periods of one frequency sort as text.
				const comparable = indicator !== undefined && !bad.has(iInd) && PERIOD_FORM[indicator.frequency] !== undefined;
				if (comparable && iTarget !== -1 && iBaseline !== -1 && f[iTarget] !== '' && f[iBaseline] !== '' && !bad.has(iTarget) && !bad.has(iBaseline) && f[iTarget] <= f[iBaseline])
					cell(iTarget, {
						problem: `target_period ${q(f[iTarget])} is ${f[iTarget] === f[iBaseline] ? 'the same period as' : 'before'} baseline_period ${q(f[iBaseline])}`,
						fix: 'a target is met after the period progress is measured from: correct one of the two periods'
					});
				if (indicator && iAim !== -1 && f[iAim] !== '' && !bad.has(iAim)) {
					const p = checkValue(f[iAim], f[iInd], indicator, 'target_value');
					if (p) cell(iAim, p);
				}
			}

			if (isDenominators && iValue !== -1 && !bad.has(iValue) && Number(f[iValue]) <= 0)
				cell(iValue, {
					problem: `denominator ${q(f[iValue])} in column "value" is not greater than 0`,
					fix: 'give the published count; a rate cannot be worked out from a denominator of 0 or less'
				});

			if (isObservations) {
				const indicator = iInd !== -1 ? indicators.get(f[iInd]) : undefined;
				const replacing = VALUE_REPLACING_MARKERS.filter((m: Marker) => letters?.has(m));
				if (indicator && iArea !== -1 && !bad.has(iArea) && indicator.areaTypes.length > 0) {
					const type = areas.get(f[iArea])?.[0];
					if (type !== undefined && !indicator.areaTypes.includes(type))
						cell(iArea, {
							problem: `area ${escapeUnprintable(f[iArea])} is a ${type}, but indicator "${f[iInd]}" is only given for ${indicator.areaTypes.join(' or ')} areas`,
							fix: `record the figure against an area of type ${indicator.areaTypes.join(' or ')}, or correct the indicator's area_types in indicators.csv`
						});
				}
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
					if (v !== '' && indicator && !bad.has(iValue)) {
						const p = checkValue(v, f[iInd], indicator);
						if (p) cell(iValue, p);
						else if (indicator.wmcaTotal !== '' && iArea !== -1 && iPeriod !== -1 && !bad.has(iPeriod))
							noteWmcaFigure(sumsFor(isSuperseded ? f[iSource] : undefined), f[iInd], f[iArea], f[iPeriod], Number(v), wmcaAuthorities, {
								path,
								line: fieldLine(row, iValue),
								column: iValue + 1
							});
					}
					if (v !== '' && iSource !== -1 && f[iSource] === '')
						cell(iSource, {
							problem: 'column "source_id" is empty but the row has a value',
							fix: 'name the source of the figure, a source_id from sources.csv'
						});
				}
				if (iSource !== -1 && f[iSource] !== '' && !bad.has(iSource) && !usedSources.has(f[iSource])) {
					usedSources.add(f[iSource]);
					editionUses.push({ file: spec.file, path, line: fieldLine(row, iSource), column: iSource + 1, sourceId: f[iSource] });
				}
			}
			if (spec.file === 'editions.csv' && iSource !== -1 && at('series') !== -1 && !bad.has(iSource) && !bad.has(at('series')))
				editionRows.push({ sourceId: f[iSource], series: f[at('series')], path, line: fieldLine(row, iSource), column: iSource + 1 });

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
						`duplicate row: (${spec.key.join(', ')}) = (${escapeUnprintable(values.join(', '))}) is already ${where}`,
						'remove one of the two rows, or correct its key'
					);
				} else keyMap.set(key, { path, line: fieldLine(row, keyAt[0]) });
			}
		}
	}

	// 4. Editions: dated, ordered, and no earlier edition's figure among the current ones.
	const published = new Map([...columnsOf('sources.csv', ['source_id', 'published'])].map(([id, [date]]) => [id, date]));
	checkEditions(editionRows, published, editionUses, add);

	// 5. WMCA figures against the sum of its authorities'.
	for (const [key, period] of [wmcaPeriods, ...supersededPeriods.values()].flatMap((m) => [...m])) {
		const wmca = period.wmca;
		if (!wmca || wmcaAuthorities.length === 0 || period.parts.size < wmcaAuthorities.length) continue;
		const [indicator, when] = key.split('\u0000');
		const rule = indicators.get(indicator)?.wmcaTotal;
		let sum = 0;
		for (const v of period.parts.values()) sum += v;
		// Figures are decimals: compare at a precision far finer than any published figure.
		const equal = Math.abs(wmca.value - sum) <= 1e-9 * Math.max(1, Math.abs(sum));
		const fails = rule === 'sum' ? !equal : rule === 'at_most_sum' && wmca.value > sum && !equal;
		if (!fails) continue;
		const diff = formatNumber(Math.abs(wmca.value - sum));
		const what =
			rule === 'sum'
				? `is ${formatNumber(wmca.value)}, but the sum of its ${wmcaAuthorities.length} authorities' figures is ${formatNumber(sum)} (${wmca.value > sum ? 'more' : 'less'} by ${diff})`
				: `is ${formatNumber(wmca.value)}, more than the sum of its ${wmcaAuthorities.length} authorities' figures, ${formatNumber(sum)} (by ${diff})`;
		add(
			wmca.path,
			wmca.line,
			wmca.column,
			`the WMCA (${WMCA}) figure for "${indicator}" in ${when} ${what}`,
			rule === 'sum'
				? 'check the WMCA figure and the authorities\' figures: the WMCA total is their sum'
				: 'check the figures: each person is counted once for the WMCA, so it cannot exceed the authorities\' figures added up'
		);
	}

	// 5. Every cell names an observation that exists, from the same source.
	checkCells(loaded, add);

	return { problems: log.list(), files: loaded.length, rows: rowCount };
}

/**
 * The cell provenance sidecar against the observations: a row for a figure that is not held (or
 * is held from another source) would point a reader at the wrong cell. Unreadable observation
 * files are reported where they are; nothing is claimed about cells then.
 */
function checkCells(loaded: Loaded[], add: (file: string, line: number, column: number, problem: string, fix: string) => void) {
	const observations = loaded.filter((l) => l.spec.file === 'observations.csv').map((l) => l.table);
	if (observations.some((t) => !t.readable)) return;
	const KEY = ['indicator_id', 'area_code', 'period'];
	const sources = new Map<string, string>();
	for (const t of observations) {
		const at = [...KEY, 'source_id'].map((c) => t.index[c] ?? -1);
		if (at.includes(-1)) return;
		for (const row of t.rows) if (row.complete) sources.set(at.slice(0, 3).map((i) => row.fields[i]).join('\u0000'), row.fields[at[3]]);
	}
	const files = [...new Set(observations.map((t) => t.path.replace(/^.*\//, '')))].join(', ') || 'observations.csv';
	for (const { spec, table } of loaded) {
		if (spec.file !== CELLS_FILE) continue;
		const at = [...KEY, 'source_id'].map((c) => table.index[c] ?? -1);
		if (at.includes(-1)) continue;
		for (const row of table.rows) {
			if (!row.complete) continue;
			const key = at.slice(0, 3).map((i) => row.fields[i]);
			const source = row.fields[at[3]];
			const held = sources.get(key.join('\u0000'));
			if (held === undefined)
				add(table.path, fieldLine(row, at[0]), at[0] + 1,
					`no observation (${escapeUnprintable(key.join(', '))}) is held in ${files}, so this cell names a figure the dashboard does not have`,
					'remove the row, or add the observation; npm run data:official writes the two together');
			else if (held !== '' && source !== held)
				add(table.path, fieldLine(row, at[3]), at[3] + 1,
					`source_id ${q(source)} is not the source of observation (${escapeUnprintable(key.join(', '))}), which is ${q(held)}`,
					"give the observation's source_id, or remove the row if the figure now comes from elsewhere");
		}
	}
}

/** A number for a message: as written, without floating-point noise. */
function formatNumber(n: number): string {
	return String(Math.round(n * 1e9) / 1e9);
}

/** Keep an observation's value where the WMCA sum rule will need it. */
function noteWmcaFigure(
	periods: Map<string, WmcaPeriod>,
	indicator: string,
	area: string,
	period: string,
	value: number,
	authorities: readonly string[],
	place: { path: string; line: number; column: number }
): void {
	const isWmca = area === WMCA;
	if (!isWmca && !authorities.includes(area)) return;
	const key = `${indicator}\u0000${period}`;
	let entry = periods.get(key);
	if (!entry) periods.set(key, (entry = { parts: new Map() }));
	if (isWmca) entry.wmca = { value, ...place };
	else entry.parts.set(area, value);
}

/**
 * Check a well-formed figure against its indicator's unit (range, whole numbers) and max_value:
 * an observation's value, or the value a target aims for.
 */
function checkValue(v: string, indicatorId: string, indicator: IndicatorRules, column = 'value'): CellProblem | null {
	if (!DECIMAL.test(v)) return null;
	const n = Number(v);
	const what = `value ${q(v)} in column "${column}"`;
	const spec = (UNITS as readonly string[]).includes(indicator.unit) ? unitSpec(indicator.unit as Unit) : undefined;
	if (!spec) return null; // an unknown unit is reported in indicators.csv
	if (n < spec.min)
		return {
			problem: `${what} is ${spec.min === 0 ? 'negative' : `less than ${spec.min}`}, but indicator "${indicatorId}" is counted in ${indicator.unit}`,
			fix: indicator.unit === 'percent' ? 'give percentages as numbers from 0 up' : spec.min === 0 && spec.whole ? 'counts are never negative; check the figure' : `give a figure of ${rangeText(spec.min, spec.max)}; check the figure`
		};
	if (spec.whole && !Number.isInteger(n))
		return {
			problem: `${what} is not a whole number, but indicator "${indicatorId}" counts ${indicator.unit}`,
			fix: `give the count as a whole number of ${indicator.unit}`
		};
	if (spec.max !== undefined && n > spec.max)
		return {
			problem: `${what} is more than ${spec.max}, the largest value a figure in ${indicator.unit} can take`,
			fix: 'check the figure'
		};
	if (indicator.max !== undefined && n > indicator.max)
		return {
			problem: `${what} is more than ${indicator.max}, the largest value indicator "${indicatorId}" can take (its max_value in indicators.csv)`,
			fix:
				indicator.unit === 'percent'
					? `give percentages as numbers from 0 to ${indicator.max}; if this percentage can exceed ${indicator.max}, leave its max_value empty`
					: 'check the figure'
		};
	return null;
}

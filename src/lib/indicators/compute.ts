/**
 * Running the framework SQL (sql.ts) on an Engine, and turning its results into rows of the
 * observations.csv schema. Used by the command line (scripts/compute.ts), the browser
 * (browser.ts), the illustrative data build and the tests.
 */
import type { Engine } from '../data/engine';
import type { Problem } from '../data/problems';
import { toCsv, type CsvOptions } from '../data/csv';
import { normaliseCsvText } from '../data/database';
import { latestYear } from '../data/contract';
import { OBSERVATION_COLUMNS } from '../data/files';
import { yearOutOfRange } from '../data/years';
import { checkRecords } from './records';
import {
	AREAS,
	COUNT_INDICATORS,
	DROP_SQL,
	MONTH_RANGE_SQL,
	PERCENT_INDICATORS,
	indicatorSteps,
	type Geography,
	loadEventsSql,
	monthIndex,
	type WideRow
} from './sql';

/** The source row (sources.csv) named by computed figures unless told otherwise. */
export const DEFAULT_SOURCE_ID = 'illustrative_register';
/** Name the contacts text is registered under: cannot collide with the dashboard's data files. */
export const CONTACTS_FILE_NAME = 'ind_contacts_upload.csv';

/** The observations.csv columns, from the contract (re-exported for the workbench's publish step). */
export { OBSERVATION_COLUMNS };

/** One output row, in the observations.csv schema. */
export interface ObservationRow {
	indicator_id: string;
	area_code: string;
	period: string;
	/** null (with marker z) for a percentage whose denominator is 0. */
	value: number | null;
	marker: '' | 'z';
	source_id: string;
	note: string;
}

export interface ComputeOptions {
	/** First month to output, YYYY-MM (default: the first month of the data). */
	from?: string;
	/** Last month to output, YYYY-MM (default: the last month of the data). */
	to?: string;
	/** sources.csv row the figures name (default illustrative_register). */
	sourceId?: string;
	/** Progress messages (phases and timings), e.g. to stderr. */
	onProgress?: (message: string) => void;
	/** Today, for the latest year a date or month may have (default: now). */
	today?: Date;
	/** The areas computed (default the WMCA's; the scale benchmark passes England-sized ones). */
	geography?: Geography;
}

const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export function isPeriod(value: string): boolean {
	return PERIOD_RE.test(value);
}

/** Register checked contacts text with the engine and load it into ind_events. */
export async function loadContacts(
	engine: Engine,
	text: string,
	header: readonly string[],
	fileName = CONTACTS_FILE_NAME
): Promise<void> {
	await engine.registerText(fileName, normaliseCsvText(text));
	try {
		await engine.query(loadEventsSql(fileName, header));
	} finally {
		await engine.dropFile(fileName);
	}
}

/** Compute every indicator from the loaded ind_events: one WideRow per area and month. */
export async function computeWide(engine: Engine, options: ComputeOptions = {}): Promise<WideRow[]> {
	const progress = options.onProgress ?? (() => {});
	let from = options.from ? monthIndex(options.from) : undefined;
	let to = options.to ? monthIndex(options.to) : undefined;
	if (from === undefined || to === undefined) {
		const [range] = await engine.query<{ first: number | null; last: number | null }>(MONTH_RANGE_SQL);
		if (range.first === null || range.last === null) return [];
		from ??= range.first;
		to ??= range.last;
	}
	if (from > to) return [];
	const steps = indicatorSteps(from, to, options.geography);
	let rows: WideRow[] = [];
	try {
		for (const [i, step] of steps.entries()) {
			const t = performance.now();
			const result = await engine.query<WideRow>(step.sql);
			if (i === steps.length - 1) rows = result;
			progress(`computed ${step.name} (${i + 1}/${steps.length}) in ${Math.round(performance.now() - t)} ms`);
		}
	} finally {
		for (const sql of DROP_SQL) await engine.query(sql);
	}
	return rows;
}

/** A percentage in tenths (or null) as the published value: one decimal place. */
export function tenthsToValue(tenths: number | null): number | null {
	return tenths === null ? null : tenths / 10;
}

/**
 * Wide rows to observation rows, sorted by indicator_id, area_code (AREAS order) and period.
 * Counts always have a value; a percentage with a zero denominator is empty with marker z.
 */
export function toObservationRows(wide: readonly WideRow[], sourceId = DEFAULT_SOURCE_ID): ObservationRow[] {
	const rows: ObservationRow[] = [];
	const row = (indicator_id: string, w: WideRow, value: number | null): ObservationRow => ({
		indicator_id,
		area_code: w.area_code,
		period: w.period,
		value,
		marker: value === null ? 'z' : '',
		source_id: sourceId,
		note: ''
	});
	for (const w of wide) {
		for (const id of COUNT_INDICATORS) rows.push(row(id, w, w[id]));
		for (const p of PERCENT_INDICATORS) rows.push(row(p.id, w, tenthsToValue(w[`${p.id}_tenths`])));
	}
	const areaOrder = new Map(AREAS.map((a, i) => [a, i]));
	const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
	return rows.sort(
		(a, b) =>
			cmp(a.indicator_id, b.indicator_id) ||
			(areaOrder.get(a.area_code) ?? 99) - (areaOrder.get(b.area_code) ?? 99) ||
			cmp(a.period, b.period)
	);
}

/**
 * Observation rows as observations.csv text (LF line ends, header row). Pass
 * `{ neutralise: true }` for a file offered as a download (see toCsv).
 */
export function observationsCsv(rows: readonly ObservationRow[], options: CsvOptions = {}): string {
	return toCsv(
		OBSERVATION_COLUMNS,
		rows.map((r) => [r.indicator_id, r.area_code, r.period, r.value, r.marker, r.source_id, r.note]),
		options
	);
}

/**
 * An engine to compute on: one the caller owns (left open), or a factory that starts one. A
 * factory is only called once the file has passed its check, so a bad file never starts DuckDB,
 * and the engine it makes is closed when the computation ends.
 */
export type EngineSource = Engine | (() => Promise<Engine>);

/**
 * Check a contacts file, load it and compute every indicator, on any engine. Returns the
 * problems instead when the file has any (nothing is computed then, and no engine started).
 */
export async function computeFromContacts(
	engineSource: EngineSource,
	input: Uint8Array | string,
	fileName: string,
	options: ComputeOptions = {}
): Promise<{ rows: ObservationRow[] } | { problems: Problem[] }> {
	const progress = options.onProgress ?? (() => {});
	const bad = checkComputeOptions(options);
	if (bad.length) throw new RangeError(bad.join('; '));
	let t = performance.now();
	const checked = checkRecords(input, fileName, {
		onProgress: (n) => progress(`checked ${n.toLocaleString('en-GB')} records`),
		today: options.today
	});
	if (checked.problems.length) return { problems: checked.problems };
	progress(`checked ${checked.count.toLocaleString('en-GB')} records in ${Math.round(performance.now() - t)} ms`);

	const own = typeof engineSource === 'function';
	const engine = own ? await engineSource() : engineSource;
	try {
		t = performance.now();
		await loadContacts(engine, checked.text, checked.header);
		progress(`loaded into DuckDB in ${Math.round(performance.now() - t)} ms`);
		const wide = await computeWide(engine, options);
		return { rows: toObservationRows(wide, options.sourceId ?? DEFAULT_SOURCE_ID) };
	} finally {
		if (own) await engine.close();
	}
}

/** Messages for bad month-range options (empty when they are fine). */
export function checkComputeOptions(options: ComputeOptions): string[] {
	const messages: string[] = [];
	const lastYear = latestYear(options.today);
	for (const key of ['from', 'to'] as const) {
		const v = options[key];
		if (v === undefined) continue;
		if (!isPeriod(v)) messages.push(`--${key} ${JSON.stringify(v)} is not a month in the form YYYY-MM`);
		else {
			const far = yearOutOfRange(`--${key} ${v}`, Number(v.slice(0, 4)), lastYear);
			if (far) messages.push(`${far.problem} (${far.fix})`);
		}
	}
	if (options.from && options.to && isPeriod(options.from) && isPeriod(options.to) && options.from > options.to)
		messages.push(`--from ${options.from} is after --to ${options.to}`);
	return messages;
}

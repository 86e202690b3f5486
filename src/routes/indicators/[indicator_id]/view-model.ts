/**
 * The indicator page's view-model, pure: query rows in, what each chart, table and download shows
 * out. The load function builds an IndicatorView at build time (plain, serialisable data); the
 * page turns it into chart props for the measure the reader picks (count or rate per 100,000).
 */
import type { Indicator, Source, SourceKind, Unit } from '$lib/data/contract';
import { MARKERS, VALUE_REPLACING_MARKERS } from '$lib/data/contract';
import type { IndicatorSeriesRow, NamedQuery } from '$lib/data/queries';
import { cellWords, formatCell, formatPeriod, formatValue, parseMarkers, unitLabel } from '$lib/format';
import { comparePeriods } from '$lib/format/periods';
import type { CsvData, LineSeries, TableData } from '$lib/charts';
import { SOURCE_KIND_WORDS } from '$lib/pages/sources';

export type Measure = 'count' | 'rate';

/** One figure, as the page needs it: the count, its rate and the population behind the rate. */
export interface Obs {
	area_code: string;
	area_name: string;
	period: string;
	value: number | null;
	marker: string;
	rate: number | null;
	population: number | null;
	population_year: number | null;
	source_id: string;
	population_source_id: string;
	/** The spreadsheet cell the value was read from ('' for none). */
	cell: string;
}

export const toObs = (r: IndicatorSeriesRow): Obs => ({
	area_code: r.area_code,
	area_name: r.area_name,
	period: r.period,
	value: r.value,
	marker: r.marker ?? '',
	rate: r.rate_per_100k,
	population: r.population,
	population_year: r.population_year,
	source_id: r.source_id ?? '',
	population_source_id: r.population_source_id ?? '',
	cell: r.cell ?? ''
});

/** A chart's rows and the named query that produced them (the frame's "View the SQL"). */
export interface ChartData {
	query: NamedQuery<IndicatorSeriesRow>;
	rows: Obs[];
}

export type SourceInfo = Pick<Source, 'title' | 'publisher' | 'kind' | 'published'>;

export interface IndicatorView {
	indicator: Indicator;
	/** Figures are for autumn snapshots (annual periods read "Autumn 2019"). */
	snapshot: boolean;
	/** Rates per 100,000 can be shown: a count of people, compared across areas that all have populations. */
	rates: boolean;
	/** The kinds of source behind the figures on the page, in words. */
	sourceKinds: string[];
	/** The sources of the figures and populations on the page. */
	sources: Source[];
	/** WMCA and England over time. */
	series: ChartData;
	/** The seven authorities over time. */
	authorities: ChartData;
	/** The seven authorities in the latest period any of them has a figure. */
	latest: ChartData & { period: string | null };
	/** Every figure held for the indicator, every area. */
	all: ChartData;
}

const known = (v: number | null): v is number => v !== null && Number.isFinite(v);

/** Rates are comparable when the figures are counts of people and every area with a count has a population. */
export function ratesComparable(unit: Unit, rows: readonly Obs[]): boolean {
	if (unit !== 'people') return false;
	const withValues = rows.filter((r) => known(r.value));
	return new Set(withValues.map((r) => r.area_code)).size >= 2 && withValues.every((r) => known(r.rate));
}

/** Whether the figures are autumn snapshots: annual counts on a single autumn night. */
export const isSnapshot = (indicator: Pick<Indicator, 'frequency' | 'name'>) =>
	indicator.frequency === 'annual' && /autumn/i.test(indicator.name);

/** The value a measure shows, and its marker: a count with no population has no rate ([x]). */
export function measured(r: Obs, measure: Measure): { value: number | null; marker: string } {
	if (measure === 'count') return { value: r.value, marker: r.marker };
	if (known(r.rate)) return { value: r.rate, marker: r.marker };
	const replacing = parseMarkers(r.marker).filter((m) => VALUE_REPLACING_MARKERS.includes(m));
	return { value: null, marker: replacing.length > 0 ? r.marker : 'x' };
}

export const measureUnit = (unit: Unit, measure: Measure): Unit => (measure === 'rate' ? 'rate_per_100k' : unit);

/** What a value is, in words: "people" or "per 100,000 residents". */
export const measureWords = (unit: Unit, measure: Measure) =>
	measure === 'rate' ? 'per 100,000 residents' : unitLabel(unit);

export function lineSeries(rows: readonly Obs[], areaCode: string, label: string, measure: Measure): LineSeries {
	return {
		id: areaCode,
		label,
		points: rows
			.filter((r) => r.area_code === areaCode)
			.sort((a, b) => comparePeriods(a.period, b.period))
			.map((r) => {
				const m = measured(r, measure);
				return { x: r.period, y: m.value, marker: m.marker };
			})
	};
}

/** Whether any of the rows has a figure (a chart of none would be empty: the page says so instead). */
export const hasFigures = (rows: readonly Obs[]) => rows.some((r) => known(r.value));

export const sourceIndex = (sources: readonly Source[]): Record<string, SourceInfo> =>
	Object.fromEntries(sources.map((s) => [s.source_id, s]));

export const isIllustrative = (rows: readonly Obs[], sources: Record<string, SourceInfo>) =>
	rows.some((r) => sources[r.source_id]?.kind === 'illustrative');

/**
 * The denominator under a chart of rates: which ONS mid-year populations were used, and where the
 * year of a count is not held, which year stood in for it.
 */
export function denominatorNote(rows: readonly Obs[]): string {
	const used = rows.filter((r) => known(r.rate) && r.population_year !== null);
	if (used.length === 0) return '';
	const years = [...new Set(used.map((r) => r.population_year!))].sort((a, b) => a - b);
	const range = years.length === 1 ? `mid-${years[0]}` : `mid-${years[0]} to mid-${years[years.length - 1]}`;
	const stands = new Map<number, Set<number>>();
	for (const r of used) {
		const year = Number(r.period.slice(0, 4));
		if (year === r.population_year) continue;
		const set = stands.get(r.population_year!) ?? new Set<number>();
		set.add(year);
		stands.set(r.population_year!, set);
	}
	const notes = [...stands.entries()]
		.sort(([a], [b]) => a - b)
		.map(([pop, counts]) => {
			const list = [...counts].sort((a, b) => a - b);
			const which = list[0] > pop ? 'the latest year held' : 'the earliest year held';
			return `counts for ${list.join(' and ').replace(/ and (?=.* and )/g, ', ')} use mid-${pop}, ${which}`;
		});
	return (
		`Denominator: ONS mid-year population estimates (${range}), the population of the year of each count` +
		(notes.length > 0 ? `; ${notes.join('; ')}` : '') +
		'.'
	);
}

/** Marker letters in words, "not available, low reliability"; a missing value with no marker is not available. */
export function markerWords(value: number | null, marker: string): string {
	const letters = parseMarkers(marker);
	if (!known(value) && !letters.some((m) => VALUE_REPLACING_MARKERS.includes(m))) letters.unshift('x');
	return letters.map((m) => MARKERS[m]).join(', ');
}

export interface TableOptions {
	unit: Unit;
	/** Show the rate and its population beside each count. */
	rates: boolean;
	snapshot: boolean;
	caption: string;
	filename: string;
	sources: Record<string, SourceInfo>;
}

const sourceWords = (s: SourceInfo | undefined) =>
	s ? `${s.publisher}, ${s.title}. ${SOURCE_KIND_WORDS[s.kind as SourceKind] ?? s.kind}${s.published ? `, published ${formatPeriod(s.published)}` : ''}` : 'No source: no figure';

/**
 * One row per area and period, in the order given: the count, with JavaScript off the rate and its
 * population too (so both measures are always there), the marker in words and the source. The CSV
 * carries the raw values, the source id, kind and publication date, the cell it was read from, and for rates the population and its year.
 */
export function figuresTable(rows: readonly Obs[], o: TableOptions): { table: TableData; csv: CsvData } {
	const words = unitLabel(o.unit);
	const table: TableData = {
		caption: o.caption,
		columns: [
			{ label: 'Area' },
			{ label: 'Period' },
			{ label: `Value (${words})`, numeric: true },
			...(o.rates
				? [
						{ label: 'Per 100,000 residents', numeric: true },
						{ label: 'Population (mid-year)', numeric: true }
					]
				: []),
			{ label: 'Marker' },
			{ label: 'Source' }
		],
		rows: rows.map((r) => [
			r.area_name,
			formatPeriod(r.period, { snapshot: o.snapshot }),
			formatCell(r.value, r.marker, o.unit),
			...(o.rates
				? [
						formatCell(measured(r, 'rate').value, measured(r, 'rate').marker, 'rate_per_100k'),
						known(r.population) ? `${formatValue(r.population, 'people')} (${r.population_year})` : '[x]'
					]
				: []),
			markerWords(r.value, r.marker),
			r.cell ? `${sourceWords(o.sources[r.source_id])}; ${cellWords(r.cell)}` : sourceWords(o.sources[r.source_id])
		])
	};
	const csv: CsvData = {
		filename: o.filename,
		header: [
			'area_code',
			'area_name',
			'period',
			'period_label',
			`value (${words})`,
			'marker',
			...(o.rates ? ['rate_per_100k', 'population', 'population_year', 'population_source_id'] : []),
			'source_id',
			'source_kind',
			'source_published',
			'cell'
		],
		rows: rows.map((r) => [
			r.area_code,
			r.area_name,
			r.period,
			formatPeriod(r.period, { snapshot: o.snapshot }),
			known(r.value) ? r.value : null,
			parseMarkers(markerLetters(r.value, r.marker)).join(' '),
			...(o.rates ? [known(r.rate) ? r.rate : null, r.population, r.population_year, r.population_source_id] : []),
			r.source_id,
			o.sources[r.source_id]?.kind ?? '',
			o.sources[r.source_id]?.published ?? '',
			r.cell
		])
	};
	return { table, csv };
}

/** The marker field of a download: "x" for a missing value with no marker, never an empty 0. */
const markerLetters = (value: number | null, marker: string) =>
	!known(value) && !parseMarkers(marker).some((m) => VALUE_REPLACING_MARKERS.includes(m)) ? `x ${marker}` : marker;

/** The latest period with a figure among the rows (null when none). */
export function latestPeriod(rows: readonly Obs[]): string | null {
	const periods = rows.filter((r) => known(r.value)).map((r) => r.period);
	return periods.length ? periods.sort(comparePeriods)[periods.length - 1] : null;
}

/** The seven authorities' latest figures as bars, largest first, those with no figure last (never as 0). */
export function sortedBars(rows: readonly Obs[], measure: Measure) {
	return rows
		.map((r) => ({ id: r.area_code, label: r.area_name, ...measured(r, measure) }))
		.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.label.localeCompare(b.label));
}

/** The same rows as the map takes them. */
export const mapRows = (rows: readonly Obs[], measure: Measure) =>
	rows.map((r) => ({ area_code: r.area_code, area_name: r.area_name, ...measured(r, measure) }));

/** Sentence case for a label in the middle of a sentence. */
export const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The first figure on the page: the latest figure that is not illustrative, for WMCA, else for
 * England (an illustrative figure is never the first a reader sees). Null when every figure is illustrative.
 */
export function headline(rows: readonly Obs[], sources: Record<string, SourceInfo>, order: readonly string[]): Obs | null {
	for (const code of order) {
		const real = rows.filter((r) => r.area_code === code && known(r.value) && sources[r.source_id]?.kind !== 'illustrative');
		if (real.length) return real.sort((a, b) => comparePeriods(a.period, b.period))[real.length - 1];
	}
	return null;
}

/** Sentence case for a label that starts a heading or a cell. */
export const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The small multiples' takeaway: how many of the seven authorities have a figure, and the first
 * and last periods with a value in any of them ([x] rows do not count), e.g. "All seven
 * authorities have figures, autumn 2010 to autumn 2025." `panels` is one list of rows per authority.
 */
export function authoritiesTakeaway(panels: readonly (readonly Obs[])[], periodWords: (p: string) => string): string {
	const withFigures = panels.filter(hasFigures);
	const periods = withFigures.flatMap((rows) => rows.filter((r) => known(r.value)).map((r) => r.period)).sort(comparePeriods);
	if (periods.length === 0) return 'None of the seven authorities has figures.';
	const count = withFigures.length === 7 ? 'All seven' : `${withFigures.length} of the seven`;
	const verb = withFigures.length === 1 ? 'has' : 'have';
	const first = periods[0];
	const last = periods.at(-1)!;
	const span = first === last ? `for ${periodWords(first)}` : `${periodWords(first)} to ${periodWords(last)}`;
	return `${count} authorities ${verb} figures, ${span}.`;
}

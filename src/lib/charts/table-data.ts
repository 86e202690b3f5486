/**
 * Build a chart's data table (formatted cells with GSS markers) and its CSV download (raw values,
 * markers in their own columns) from the same data, so the two always match what is drawn.
 */
import { unitLabel } from '$lib/format/numbers';
import { formatCell, parseMarkers } from '$lib/format/markers';
import { comparePeriods, formatPeriod } from '$lib/format/periods';
import { cellWords, kindWords, provenanceText, type Provenance } from '$lib/format/provenance';
import type { Unit } from '$lib/data/contract';
import type { BarDatum, CsvData, LineSeries, SeriesPoint, TableData } from './types';

/** Short lines about a figure's source for a tooltip (the long title cut to fit a narrow chart). */
export function provenanceLines(p: Provenance, max = 40): string[] {
	const cut = (text: string) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
	const cell = cellWords(p.cell);
	return [
		kindWords(p.source_kind).replace(/ \(.*\)$/, ''),
		cut(p.source_title || p.source_id),
		...(p.source_published ? [`Published ${formatPeriod(p.source_published)}`] : []),
		...(cell ? [cut(cell.charAt(0).toUpperCase() + cell.slice(1))] : []),
		...(p.population != null && p.population_year != null ? [`Per 100,000 of mid-${p.population_year} population`] : [])
	];
}

const hasRates = (ps: readonly (Provenance | undefined)[]) => ps.some((p) => p?.population_year != null);

/** CSV columns of a figure's provenance (prefix names the series in a wide file). */
function provenanceHeader(prefix: string, rates: boolean): string[] {
	return [
		`${prefix}source_id`,
		`${prefix}source_kind`,
		`${prefix}source_published`,
		`${prefix}cell`,
		...(rates ? [`${prefix}population`, `${prefix}population_year`] : [])
	];
}
function provenanceCells(p: Provenance | undefined, rates: boolean): (string | number | null)[] {
	return [
		p?.source_id ?? '',
		p?.source_kind ?? '',
		p?.source_published ?? '',
		p?.cell ?? '',
		...(rates ? [p?.population ?? null, p?.population_year ?? null] : [])
	];
}

/** Marker letters for a CSV cell: "x" for a missing value with no marker, never an empty 0. */
function csvMarker(value: number | null, marker: string | undefined): string {
	const letters = parseMarkers(marker);
	if ((value === null || !Number.isFinite(value)) && !letters.some((m) => m === 'x' || m === 'c' || m === 'z')) {
		letters.unshift('x');
	}
	return letters.join(' ');
}

const periodKey = (x: Date | string) => (typeof x === 'string' ? x : x.toISOString().slice(0, 10));

export interface SeriesTableOptions {
	unit: Unit;
	caption?: string;
	filename: string;
	snapshot?: boolean;
	/** Heading of the period column. Default "Period". */
	periodLabel?: string;
}

/**
 * One row per period, one column per series. Table cells are formatted ("52", "39 [u]", "[x]");
 * the CSV has the period code, its words, and for each series a value column (empty when
 * missing) and a marker column.
 */
export function seriesTable(series: LineSeries[], options: SeriesTableOptions): { table: TableData; csv: CsvData } {
	const keys = [...new Set(series.flatMap((s) => s.points.map((p) => periodKey(p.x))))].sort(comparePeriods);
	const lookup = series.map((s) => new Map(s.points.map((p) => [periodKey(p.x), p])));
	const label = options.periodLabel ?? 'Period';
	const words = (k: string) => formatPeriod(k, { snapshot: options.snapshot });
	const units = unitLabel(options.unit);

	// Provenance columns appear for the series whose points carry it: the value columns come
	// first (so the table reads as before), then one "About" column per such series.
	const withSource = series.map((s) => s.points.some((p) => p.provenance));
	const about = (p: SeriesPoint | undefined) => (p?.provenance ? provenanceText(p.provenance, p.marker) : '');
	const table: TableData = {
		caption: options.caption,
		columns: [
			{ label },
			...series.map((s) => ({ label: s.label, numeric: true })),
			...series.filter((_, i) => withSource[i]).map((s) => ({ label: series.length > 1 ? `About the ${s.label} figure` : 'About the figure' }))
		],
		rows: keys.map((k) => [
			words(k),
			...lookup.map((m) => {
				const p = m.get(k);
				return formatCell(p?.y ?? null, p?.marker, options.unit);
			}),
			...lookup.filter((_, i) => withSource[i]).map((m) => about(m.get(k)))
		])
	};
	const rates = series.map((s) => hasRates(s.points.map((p) => p.provenance)));
	const csv: CsvData = {
		filename: options.filename,
		header: [
			'period',
			'period_label',
			...series.flatMap((s, i) => [
				headerWithUnit(s.label, units),
				`${s.label} marker`,
				...(withSource[i] ? provenanceHeader(`${s.label} `, rates[i]) : [])
			])
		],
		rows: keys.map((k) => [
			k,
			words(k),
			...lookup.flatMap((m, i) => {
				const p = m.get(k);
				const v = p?.y ?? null;
				return [
					v !== null && Number.isFinite(v) ? v : null,
					csvMarker(v, p?.marker),
					...(withSource[i] ? provenanceCells(p?.provenance, rates[i]) : [])
				];
			})
		])
	};
	return { table, csv };
}

export interface BarTableOptions {
	unit: Unit;
	caption?: string;
	filename: string;
	/** Heading of the category column, e.g. "Local authority". */
	categoryLabel: string;
	/** Heading of the value column, e.g. "People". Default the unit in words. */
	valueLabel?: string;
}

/** A CSV column heading with its unit, unless the heading already says it ("Per 100,000 residents"). */
export function headerWithUnit(label: string, units: string): string {
	return label.toLowerCase().includes(units.toLowerCase()) ? label : `${label} (${units})`;
}

/** One row per bar, in the order given. */
export function barTable(data: BarDatum[], options: BarTableOptions): { table: TableData; csv: CsvData } {
	const units = unitLabel(options.unit);
	const valueLabel = options.valueLabel ?? units.charAt(0).toUpperCase() + units.slice(1);
	const valueHeader = valueLabel.toLowerCase() === units.toLowerCase() ? `value (${units})` : headerWithUnit(valueLabel, units);
	const withSource = data.some((d) => d.provenance);
	const rates = hasRates(data.map((d) => d.provenance));
	return {
		table: {
			caption: options.caption,
			columns: [
				{ label: options.categoryLabel },
				{ label: valueLabel, numeric: true },
				...(withSource ? [{ label: 'About the figure' }] : [])
			],
			rows: data.map((d) => [
				d.label,
				formatCell(d.value, d.marker, options.unit),
				...(withSource ? [d.provenance ? provenanceText(d.provenance, d.marker) : ''] : [])
			])
		},
		csv: {
			filename: options.filename,
			header: [options.categoryLabel, valueHeader, 'marker', ...(withSource ? provenanceHeader('', rates) : [])],
			rows: data.map((d) => [
				d.label,
				d.value !== null && Number.isFinite(d.value) ? d.value : null,
				csvMarker(d.value, d.marker),
				...(withSource ? provenanceCells(d.provenance, rates) : [])
			])
		}
	};
}

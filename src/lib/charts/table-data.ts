/**
 * Build a chart's data table (formatted cells with GSS markers) and its CSV download (raw values,
 * markers in their own columns) from the same data, so the two always match what is drawn.
 */
import { unitLabel } from '$lib/format/numbers';
import { formatCell, parseMarkers } from '$lib/format/markers';
import { comparePeriods, formatPeriod } from '$lib/format/periods';
import type { Unit } from '$lib/data/contract';
import type { BarDatum, CsvData, LineSeries, TableData } from './types';

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

	const table: TableData = {
		caption: options.caption,
		columns: [{ label }, ...series.map((s) => ({ label: s.label, numeric: true }))],
		rows: keys.map((k) => [
			words(k),
			...lookup.map((m) => {
				const p = m.get(k);
				return formatCell(p?.y ?? null, p?.marker, options.unit);
			})
		])
	};
	const csv: CsvData = {
		filename: options.filename,
		header: [
			'period',
			'period_label',
			...series.flatMap((s) => [`${s.label} (${units})`, `${s.label} marker`])
		],
		rows: keys.map((k) => [
			k,
			words(k),
			...lookup.flatMap((m) => {
				const p = m.get(k);
				const v = p?.y ?? null;
				return [v !== null && Number.isFinite(v) ? v : null, csvMarker(v, p?.marker)];
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

/** One row per bar, in the order given. */
export function barTable(data: BarDatum[], options: BarTableOptions): { table: TableData; csv: CsvData } {
	const units = unitLabel(options.unit);
	const valueLabel = options.valueLabel ?? units.charAt(0).toUpperCase() + units.slice(1);
	const valueHeader = valueLabel.toLowerCase() === units.toLowerCase() ? `value (${units})` : `${valueLabel} (${units})`;
	return {
		table: {
			caption: options.caption,
			columns: [{ label: options.categoryLabel }, { label: valueLabel, numeric: true }],
			rows: data.map((d) => [d.label, formatCell(d.value, d.marker, options.unit)])
		},
		csv: {
			filename: options.filename,
			header: [options.categoryLabel, valueHeader, 'marker'],
			rows: data.map((d) => [
				d.label,
				d.value !== null && Number.isFinite(d.value) ? d.value : null,
				csvMarker(d.value, d.marker)
			])
		}
	};
}

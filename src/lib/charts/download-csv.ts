/**
 * The CSV download of a chart, built at render (a data: URL) so it works with JavaScript off.
 * The SVG and PNG downloads are in ./download, loaded only when a reader asks for one.
 */
import { toCsv } from '$lib/data/csv';
import type { CsvData } from './types';

/** The CSV text of a download: formula-like text cells neutralised. */
export function csvText(csv: CsvData): string {
	return toCsv(csv.header, csv.rows, { neutralise: true });
}

/**
 * A data: URL for the CSV, usable as an <a download> href at render time so the file downloads
 * with JavaScript off. A byte order mark makes Excel read it as UTF-8 (for £ and en dashes).
 */
export function csvDataUrl(csv: CsvData): string {
	return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csvText(csv)}`)}`;
}

/** "Rough sleeping.csv" → "rough-sleeping"; a base for the .csv, .svg and .png files. */
export function fileBase(filename: string): string {
	const base = filename
		.replace(/\.(csv|svg|png)$/i, '')
		.trim()
		.toLowerCase()
		.replace(/[^a-z0-9._-]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return base || 'chart';
}

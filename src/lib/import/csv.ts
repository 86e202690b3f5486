/**
 * The importer's outputs as CSV: observations, cell provenance (sidecar), the edition's source
 * row and its editions.csv row.
 */
import { toCsv } from '../data/csv.ts';
import { CELL_COLUMNS, OBSERVATION_COLUMNS, type ImportResult } from './import.ts';

export const SOURCE_COLUMNS = ['source_id', 'kind', 'title', 'publisher', 'url', 'licence', 'published', 'notes'] as const;
export const EDITION_COLUMNS = ['source_id', 'series', 'reason', 'commentary'] as const;

/** The series an imported file restates, by its layout (data/editions.csv `series`). */
export const SERIES_OF_LAYOUT: Record<ImportResult['layout'], string> = { snapshot: 'snapshot', framework: 'framework' };

export interface ImportCsvOptions {
	/** Neutralise formula-like cells (for downloads). */
	neutralise?: boolean;
	/** The edition's series, reason for revisions and commentary (editions.csv); series defaults by layout. */
	series?: string;
	reason?: string;
	commentary?: string;
	/**
	 * Rows for observations_superseded.csv (an earlier edition): every row names the edition, a
	 * gap too, since an earlier edition's figures are found by their source_id.
	 */
	superseded?: boolean;
}

export function importCsvs(result: ImportResult, options: ImportCsvOptions = {}) {
	const csv = { neutralise: options.neutralise };
	const source = result.source.source_id;
	const rows = options.superseded ? result.rows.map((r) => ({ ...r, source_id: source })) : result.rows;
	const edition = { source_id: source, series: options.series ?? SERIES_OF_LAYOUT[result.layout], reason: options.reason ?? '', commentary: options.commentary ?? '' };
	return {
		observations: toCsv(OBSERVATION_COLUMNS, rows.map((r) => OBSERVATION_COLUMNS.map((c) => r[c])), csv),
		cells: toCsv(CELL_COLUMNS, result.cells.map((r) => CELL_COLUMNS.map((c) => r[c])), csv),
		source: toCsv(SOURCE_COLUMNS, [SOURCE_COLUMNS.map((c) => result.source[c])], csv),
		edition: toCsv(EDITION_COLUMNS, [EDITION_COLUMNS.map((c) => edition[c])], csv)
	};
}

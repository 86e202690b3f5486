/** The importer's three outputs as CSV: observations, cell provenance (sidecar), the edition's source row. */
import { toCsv } from '../data/csv.ts';
import { CELL_COLUMNS, OBSERVATION_COLUMNS, type ImportResult } from './import.ts';

export const SOURCE_COLUMNS = ['source_id', 'kind', 'title', 'publisher', 'url', 'licence', 'published', 'notes'] as const;

export function importCsvs(result: ImportResult, options: { neutralise?: boolean } = {}) {
	return {
		observations: toCsv(OBSERVATION_COLUMNS, result.rows.map((r) => OBSERVATION_COLUMNS.map((c) => r[c])), options),
		cells: toCsv(CELL_COLUMNS, result.cells.map((r) => CELL_COLUMNS.map((c) => r[c])), options),
		source: toCsv(SOURCE_COLUMNS, [SOURCE_COLUMNS.map((c) => result.source[c])], options)
	};
}

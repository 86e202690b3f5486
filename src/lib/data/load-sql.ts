/**
 * SQL that turns the registered CSV files into typed tables. Generated from the contract so the
 * tables always have the contract's columns; run identically by both engines. Files are read
 * with an explicit column list and no type sniffing: validation has already checked every cell,
 * so loading is a plain, predictable cast.
 */
import { FILES, type FileSpec } from './files';
import { MARK_REVISIONS_SQL } from './editions-sql';

/** Columns DuckDB stores as numbers; everything else is text ('' rather than NULL when empty). */
const NUMERIC: Record<string, Record<string, 'DOUBLE' | 'INTEGER'>> = {
	observations: { value: 'DOUBLE' },
	denominators: { value: 'DOUBLE', year: 'INTEGER' },
	targets: { target_value: 'DOUBLE' },
	observations_superseded: { value: 'DOUBLE' }
};

/** A file's table: its name without folder or extension (provenance/observation_cells.csv: observation_cells). */
export function tableName(spec: FileSpec): string {
	return spec.file.replace(/^.*\//, '').replace(/\.csv$/, '');
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * The tables, then the derived revision marker (./editions-sql: a current figure that differs from
 * the previous edition's is marked r), so both engines and the snapshot hold the same markers.
 * @param fileNames the registered file names per contract file, e.g.
 *   { 'observations.csv': ['observations.csv', 'observations_illustrative.csv'], ... }
 */
export function loadStatements(fileNames: Record<string, string[]>): string[] {
	const tables = FILES.map((spec) => {
		const table = tableName(spec);
		const names = fileNames[spec.file] ?? [];
		const columns = spec.columns.map((c) => `${quote(c.name)}: 'VARCHAR'`).join(', ');
		const select = spec.columns
			.map((c) => {
				const numeric = NUMERIC[table]?.[c.name];
				return numeric
					? `TRY_CAST(NULLIF(trim("${c.name}"), '') AS ${numeric}) AS "${c.name}"`
					: `coalesce("${c.name}", '') AS "${c.name}"`;
			})
			.join(', ');
		if (names.length === 0) {
			// No file: an empty table with the right columns, so queries still run.
			const empty = spec.columns
				.map((c) => `CAST(NULL AS ${NUMERIC[table]?.[c.name] ?? 'VARCHAR'}) AS "${c.name}"`)
				.join(', ');
			return `CREATE OR REPLACE TABLE ${table} AS SELECT ${empty} WHERE false`;
		}
		const list = `[${names.map(quote).join(', ')}]`;
		return (
			`CREATE OR REPLACE TABLE ${table} AS SELECT ${select} FROM read_csv(${list}, ` +
			`header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, ` +
			`columns = {${columns}})`
		);
	});
	return [...tables, MARK_REVISIONS_SQL];
}

/** Group data/ file names under the contract file they follow; unknown files are left out. */
export function groupDataFiles(names: string[]): Record<string, string[]> {
	const grouped: Record<string, string[]> = {};
	for (const spec of FILES) {
		grouped[spec.file] = names
			.filter((n) => n === spec.file || spec.alsoMatches?.test(n))
			.sort((a, b) => (a === spec.file ? -1 : b === spec.file ? 1 : a.localeCompare(b)));
	}
	return grouped;
}

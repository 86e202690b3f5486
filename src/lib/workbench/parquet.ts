/**
 * A query result as a Parquet file, written in the page by hyparquet-writer (pure JavaScript).
 * DuckDB's own COPY … TO (FORMAT parquet) needs its parquet extension, which duckdb-wasm fetches
 * from DuckDB's extension server: a third-party request the CSP (connect-src 'self') and the privacy
 * promise both forbid. Column types follow the values: all numbers DOUBLE, all booleans BOOLEAN,
 * anything else text; NULLs stay NULL.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Cell } from '../data/engine';

type ParquetType = 'DOUBLE' | 'BOOLEAN' | 'STRING';

function typeOf(values: readonly Cell[]): ParquetType {
	const present = values.filter((v) => v !== null);
	if (present.length && present.every((v) => typeof v === 'number')) return 'DOUBLE';
	if (present.length && present.every((v) => typeof v === 'boolean')) return 'BOOLEAN';
	return 'STRING';
}

export function toParquet(columns: readonly string[], rows: readonly (readonly Cell[])[]): ArrayBuffer {
	return parquetWriteBuffer({
		columnData: columns.map((name, i) => {
			const values = rows.map((r) => r[i]);
			const type = typeOf(values);
			return { name, type, data: type === 'STRING' ? values.map((v) => (v === null ? null : String(v))) : values };
		})
	});
}

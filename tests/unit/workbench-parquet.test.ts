/**
 * The console's Parquet export (src/lib/workbench/parquet.ts), read back by a second
 * implementation: native DuckDB's read_parquet (@duckdb/node-api).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { toParquet } from '../../src/lib/workbench/parquet';

describe('Parquet export', () => {
	it('writes numbers, text, booleans and NULLs that DuckDB reads back with their types', async () => {
		const file = join(mkdtempSync(join(tmpdir(), 'parquet-')), 'result.parquet');
		writeFileSync(
			file,
			new Uint8Array(
				toParquet(
					['area_code', 'total', 'share', 'flag'],
					[
						['E08000025', 1234, 12.5, true],
						['E08000026', null, 0.1, false],
						["=cmd|' /C calc'!A0", 7, null, null]
					]
				)
			)
		);
		const instance = await DuckDBInstance.create();
		const conn = await instance.connect();
		const types = (await conn.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${file}'))`)).getRowObjects();
		expect(types.map((t) => `${t.column_name}:${t.column_type}`)).toEqual(['area_code:VARCHAR', 'total:DOUBLE', 'share:DOUBLE', 'flag:BOOLEAN']);
		const rows = (await conn.runAndReadAll(`SELECT * FROM read_parquet('${file}')`)).getRowObjects();
		expect(rows).toEqual([
			{ area_code: 'E08000025', total: 1234, share: 12.5, flag: true },
			{ area_code: 'E08000026', total: null, share: 0.1, flag: false },
			// Parquet is data, not a spreadsheet: text is kept exactly as it was.
			{ area_code: "=cmd|' /C calc'!A0", total: 7, share: null, flag: null }
		]);
		conn.closeSync();
	});
});

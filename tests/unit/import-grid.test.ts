/** Cell readings and header parsing of the importer (src/lib/import/grid.ts), case by case. */
import { describe, expect, it } from 'vitest';
import { cellRef, columnName, parseMonth, parseYear, readValue } from '../../src/lib/import/grid';
import { FRAMEWORK_TABLES, frameworkMappingRows, sheetMatches } from '../../src/lib/import/tables';
import { readFileSync } from 'node:fs';

describe('grid', () => {
	it('column names and cell references', () => {
		expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
		expect(cellRef({ sheet: 'Table_1_Total', rows: [], origin: { r: 2, c: 1 } }, 11, 16)).toBe('Table_1_Total!R14');
	});

	it('markers become GSS markers with a note, never 0; numbers as text are numbers', () => {
		expect(readValue(0)).toEqual({ kind: 'value', value: 0 });
		expect(readValue('1,234')).toEqual({ kind: 'value', value: 1234 });
		expect(readValue(' 12 ')).toEqual({ kind: 'value', value: 12 });
		const marker = (v: string | null) => {
			const r = readValue(v);
			return r.kind === 'marker' ? r.marker : r.kind;
		};
		expect(['[x]', '[X]', '[z]', '[Z]', '[c]', '[n]', '..', '-', '', null].map(marker)).toEqual(['x', 'x', 'z', 'z', 'c', 'z', 'x', 'x', 'x', 'x']);
		expect(readValue('n/a')).toEqual({ kind: 'unreadable', text: 'n/a' });
		expect(readValue('12 people')).toEqual({ kind: 'unreadable', text: '12 people' });
	});

	it('year and month headers', () => {
		expect([2019, '2019', '2019 [note 3]', 2019.5, '2017 rough sleeping rate', 'Autumn 2019', 1999].map(parseYear)).toEqual(['2019', '2019', '2019', undefined, undefined, undefined, undefined]);
		expect(['October 2020', 'Oct 2020', 'Sept 2021', '2024_03_01', '2024-03', '2024_13_01', 'Total 2020', 'May 2024 [note 1]'].map(parseMonth)).toEqual([
			'2020-10', '2020-10', '2021-09', '2024-03', '2024-03', undefined, undefined, '2024-05'
		]);
		// A date cell at local midnight in British Summer Time is still 1 March... and 1 April.
		expect(parseMonth(new Date('2024-02-29T23:00:00Z'))).toBe('2024-03');
		expect(parseMonth(new Date('2024-04-01T00:00:00Z'))).toBe('2024-04');
	});
});

describe('framework table mapping', () => {
	it('every indicator it names is in data/indicators.csv', () => {
		const ids = new Set(readFileSync('data/indicators.csv', 'utf8').split('\n').slice(1).map((l) => l.split(',')[0]));
		const rows = frameworkMappingRows();
		for (const row of rows) for (const id of row.indicators) expect(ids.has(id), id).toBe(true);
		// Tables 1, 3, 5, 6, 7, 8-13 (one row), 15, 16-21 (one row), 22, 23.
		expect(rows.map((r) => r.sheets)).toEqual(['Table_1_Monthly', 'Table_3_Single_Night', 'Table_5_Accommodated', 'Table_6_Monthly_New', 'Table_7_Institutions', 'Table_8 to Table_13', 'Table_15_Long_Term', 'Table_16 to Table_21', 'Table_22_Returners', 'Table_23_Returners_from_accom']);
		expect(rows.map((r) => r.code).join(' ')).toBe('R1 R1 R2 P1 P2 P2 B1 B2 NR1 NR2');
		expect(rows[5].indicators).toHaveLength(6);
	});
	it('sheet names match by prefix up to a separator, not by digits', () => {
		const t8 = FRAMEWORK_TABLES.find((t) => t.sheet === 'Table_8')!;
		expect(['Table_8', 'table_8_Prison', 'Table_8 prison'].map((s) => sheetMatches(s, t8))).toEqual([true, true, true]);
		expect(sheetMatches('Table_80', t8)).toBe(false);
	});
});

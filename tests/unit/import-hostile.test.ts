/**
 * Hostile files: each is refused before or while it is read, with a message naming the file, the
 * problem and the fix, and nothing is imported. The files are made here (see
 * tests/fixtures/import/hostile.ts), so a test states exactly what is wrong with each.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { checkContainer, odsCellCounts } from '../../src/lib/import/container';
import { importWorkbook } from '../../src/lib/import/import';
import { ImportError, LIMITS } from '../../src/lib/import/limits';
import { readGrids } from '../../src/lib/import/read';
import { entry, ods, odsCell, odsRow, zerosEntry, zip } from '../fixtures/import/hostile';

async function refusal(bytes: Uint8Array, name = 'hostile.ods'): Promise<ImportError> {
	try {
		importWorkbook(await readGrids(bytes, name, XLSX), name);
	} catch (e) {
		if (e instanceof ImportError) return e;
		throw e;
	}
	throw new Error('the file was imported');
}

describe('hostile spreadsheets are refused', () => {
	it('a zip bomb whose directory declares more than the limit, before inflating a byte', async () => {
		const bomb = zip([entry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'), await zerosEntry('content.xml', 320)]);
		expect(bomb.length).toBeLessThan(1024 * 1024); // small on disk
		const e = await refusal(bomb, 'bomb.ods');
		expect(e.limit).toBe('inflatedBytes');
		expect(e.message).toMatch(/^bomb\.ods: its zip entries declare 320\.\d MB once inflated, over the limit/);
	});

	it('a zip bomb that lies in its directory: stopped once it inflates past what it declared', async () => {
		const liar = zip([entry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'), await zerosEntry('content.xml', 50, 900)]);
		const e = await refusal(liar, 'liar.ods');
		expect(e.message).toMatch(/liar\.ods: the zip entry content\.xml inflates to more than the 900 bytes its directory declares/);
	});

	it('an entry that inflates far more than any real sheet (compression ratio)', async () => {
		const dense = zip([entry('mimetype', 'x'), await zerosEntry('content.xml', 40)]);
		const e = await refusal(dense, 'dense.ods');
		expect(e.limit).toBe('compressionRatio');
		expect(e.message).toMatch(/dense\.ods: the zip entry content\.xml inflates \d+ times, over the limit of 200/);
	});

	it('a million repeated columns in an ODS, counted from content.xml before SheetJS expands them', async () => {
		// The label and a million repeats of 7: 1,000,001 cells.
		const file = ods('Table_1_Total', odsRow(odsCell('Local authority'), odsCell(7, 1_000_000)));
		expect(file.length).toBeLessThan(4096);
		const e = await refusal(file, 'columns.ods');
		expect(e.limit).toBe('cellsPerSheet');
		// "(repeated-cell runs)" is the pre-scan's wording: refused before SheetJS expanded a cell.
		expect(e.message).toContain('columns.ods: sheet "Table_1_Total" expands to 1,000,001 cells (repeated-cell runs), over the limit of 500,000');
	});

	it('rows repeated multiply the count; empty repeated runs (as Calc writes to the sheet edge) cost nothing', () => {
		const xml = `<table:table table:name="A"><table:table-column table:number-columns-repeated="9"/><table:table-row table:number-rows-repeated="1000">${odsCell(1, 600)}</table:table-row><table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table><table:table table:name="B"><table:table-row>${odsCell('a')}<table:covered-table-cell table:number-columns-repeated="3"/></table:table-row></table:table>`;
		expect(odsCellCounts(xml)).toEqual([
			{ sheet: 'A', cells: 600_000 },
			{ sheet: 'B', cells: 1 }
		]);
	});

	it('a file that is not a spreadsheet: text, HTML, an empty file, a zip of something else', async () => {
		expect((await refusal(new TextEncoder().encode('area,value\nE08000025,9\n'), 'table.csv')).message).toBe(
			'table.csv: this is not a spreadsheet: the file is not a zip archive, not an XLSX or ODS workbook. Choose an MHCLG table saved as .xlsx or .ods'
		);
		expect((await refusal(new TextEncoder().encode('<!doctype html><p>hi'), 'page.xlsx')).problem).toContain('an HTML or XML document');
		expect((await refusal(new Uint8Array(0), 'empty.xlsx')).problem).toContain('empty');
		expect((await refusal(zip([entry('readme.txt', 'hello')]), 'archive.xlsx')).problem).toBe(
			'this is a zip archive but not a spreadsheet (no xl/workbook.xml or content.xml inside)'
		);
	});

	it('an encrypted workbook: an OLE compound file with EncryptionInfo and EncryptedPackage, as Excel saves one', async () => {
		const cfb = XLSX.CFB.utils.cfb_new();
		XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...new Array(120).fill(1)]));
		XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(700).fill(7));
		const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
		const e = await refusal(bytes, 'locked.xlsx');
		expect(e.message).toMatch(/^locked\.xlsx: the workbook is encrypted \(password-protected\)\. Open it in your spreadsheet program, remove the password/);
	});

	it('an encrypted ODS (manifest encryption-data)', async () => {
		const file = zip([
			entry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'),
			entry('content.xml', 'binary'),
			entry('META-INF/manifest.xml', '<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data manifest:checksum-type="SHA256"/></manifest:file-entry></manifest:manifest>')
		]);
		expect((await refusal(file, 'locked.ods')).problem).toBe('the workbook is encrypted (password-protected)');
	});

	it('a file over the size limit, refused before anything is read', async () => {
		const big = new Uint8Array(LIMITS.fileBytes + 1);
		await expect(checkContainer(big, 'huge.xlsx')).rejects.toThrow(/^huge\.xlsx: the file is 25\.0 MB, over the limit of 26,214,400 \(fileBytes\)/);
	});

	it('a sheet with the right name and the wrong header: names the sheet, the rows searched and what was expected', async () => {
		const file = ods('Table_1_Total', odsRow(odsCell('Table 1')) + odsRow(odsCell('Area'), odsCell('Code'), odsCell('Count')) + odsRow(odsCell('Birmingham'), odsCell('E08000025'), odsCell(52)));
		const e = await refusal(file, 'wrong.ods');
		expect(e.message).toBe(
			'wrong.ods: sheet "Table_1_Total" does not match any known layout: rows 1-3 hold no header row with three or more year columns. Expected a header row of years (2010, 2011, ...) above one row per area, with the areas\' GSS codes in a column. Check the file is an unedited MHCLG table'
		);
	});

	it('a header of years but no column of authority codes', async () => {
		const file = ods('Table_1_Total', odsRow(odsCell('Area'), odsCell(2017), odsCell(2018), odsCell(2019)) + odsRow(odsCell('Birmingham'), odsCell(57), odsCell(91), odsCell(52)));
		expect((await refusal(file, 'nocodes.ods')).problem).toContain('no column below the header (row 1) holds local authority GSS codes');
	});

	it('a value cell that is neither a number nor a marker stops the whole import (never a partial one)', async () => {
		const file = ods(
			'Table_1_Total',
			odsRow(odsCell('Code'), odsCell('Name'), odsCell(2017), odsCell(2018), odsCell(2019)) +
				odsRow(odsCell('E08000025'), odsCell('Birmingham'), odsCell(57), odsCell(91), odsCell(52)) +
				odsRow(odsCell('E08000026'), odsCell('Coventry'), odsCell(8), odsCell('about 25'), odsCell(23))
		);
		expect((await refusal(file, 'odd.ods')).message).toMatch(/^odd\.ods: Table_1_Total!D3 \(E08000026, 2018\) holds "about 25", which is neither a number nor a GSS marker/);
	});

	it('no sheet with a known table name', async () => {
		const file = ods('Sheet1', odsRow(odsCell('E08000025'), odsCell(1)));
		expect((await refusal(file, 'other.ods')).problem).toBe('no sheet matches a known MHCLG table (sheets: "Sheet1")');
	});
});

/**
 * Bytes -> grids, safely: the container checks first (container.ts), then SheetJS reads values
 * only (cached results of formula cells, never evaluated; no formulas, styles or HTML kept),
 * dense, at most LIMITS.rowsPerSheet rows a sheet, and each sheet's range is checked before its
 * cells are touched. SheetJS is passed in so the browser loads it only inside the import worker.
 */
import type * as XLSXModule from '@e965/xlsx';
import { checkContainer, storedZip } from './container.ts';
import type { CellValue, Grid } from './grid.ts';
import { ImportError, LIMITS, refuseLimit } from './limits.ts';

export type SheetJS = typeof XLSXModule;

export interface Progress {
	stage: 'checking' | 'reading' | 'importing' | 'done';
	/** 0..1 within the whole import. */
	fraction: number;
}

export async function readGrids(bytes: Uint8Array, file: string, XLSX: SheetJS, onProgress: (p: Progress) => void = () => {}): Promise<Grid[]> {
	onProgress({ stage: 'checking', fraction: 0 });
	const container = await checkContainer(bytes, file, (done) => onProgress({ stage: 'checking', fraction: 0.3 * done }));
	onProgress({ stage: 'reading', fraction: 0.3 });
	let wb: XLSXModule.WorkBook;
	try {
		wb = XLSX.read(container.entries ? storedZip(container.entries) : bytes, {
			type: 'array',
			dense: true,
			cellFormula: false,
			cellHTML: false,
			cellStyles: false,
			cellText: false,
			cellDates: true,
			sheetRows: LIMITS.rowsPerSheet + 1,
			WTF: false
		});
	} catch (e) {
		const why = e instanceof Error ? e.message : String(e);
		if (/password|encrypt/i.test(why)) {
			throw new ImportError(file, 'the workbook is encrypted (password-protected)', 'Save it again without a password and choose the saved copy');
		}
		throw new ImportError(file, `the spreadsheet could not be read (${why})`, 'Open it in a spreadsheet program and save it again as .xlsx or .ods');
	}
	if (wb.SheetNames.length > LIMITS.sheets) {
		refuseLimit(file, 'sheets', `the workbook has ${wb.SheetNames.length} sheets`, 'The official tables have about 30; use the file as published by MHCLG');
	}
	const grids: Grid[] = [];
	for (const [n, sheet] of wb.SheetNames.entries()) {
		const ws = wb.Sheets[sheet];
		const ref = ws['!fullref'] ?? ws['!ref'];
		if (!ref) {
			grids.push({ sheet, rows: [], origin: { r: 0, c: 0 } });
			continue;
		}
		const range = XLSX.utils.decode_range(ref);
		const height = range.e.r - range.s.r + 1;
		if (height > LIMITS.rowsPerSheet) {
			refuseLimit(file, 'rowsPerSheet', `sheet "${sheet}" has ${height.toLocaleString('en-GB')} rows`, 'An official table has a few hundred; use the file as published by MHCLG');
		}
		const data = (ws['!data'] ?? []) as (XLSXModule.CellObject | undefined)[][];
		let count = 0;
		const rows: CellValue[][] = [];
		for (let r = range.s.r; r <= range.e.r; r++) {
			const src = data[r] ?? [];
			const row: CellValue[] = [];
			for (let c = range.s.c; c < src.length; c++) {
				const cell = src[c];
				const v = cell === undefined || cell.t === 'z' || cell.t === 'e' ? null : (cell.v as CellValue);
				row[c - range.s.c] = v ?? null;
				if (v !== null && v !== undefined && ++count > LIMITS.cellsPerSheet) {
					refuseLimit(file, 'cellsPerSheet', `sheet "${sheet}" holds more than ${LIMITS.cellsPerSheet.toLocaleString('en-GB')} cells`, 'Use the file as published by MHCLG');
				}
			}
			rows.push(row);
		}
		grids.push({ sheet, rows, origin: { r: range.s.r, c: range.s.c } });
		onProgress({ stage: 'reading', fraction: 0.3 + (0.6 * (n + 1)) / wb.SheetNames.length });
	}
	return grids;
}

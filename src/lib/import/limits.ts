/**
 * Limits on the spreadsheets the importer will open. Spreadsheets are zip archives of XML that
 * people download from the web and open: treat each as hostile. Every limit is checked before
 * SheetJS sees the bytes (file size, the zip's own directory, the real inflated size of every
 * entry, ODS repeated-cell runs) and again on what it read (sheets, cells per sheet).
 *
 * The numbers leave a wide margin over the largest real file: the monthly framework tables
 * (29 sheets, 296 authorities, ~70 months) are about 1 MB zipped, 30 MB of XML and 20,000
 * cells a sheet.
 */
export const LIMITS = {
	/** Bytes of the file as chosen. */
	fileBytes: 25 * 1024 * 1024,
	/** Bytes of all the zip's entries once inflated (checked from the directory, then by inflating). */
	inflatedBytes: 300 * 1024 * 1024,
	/** Inflated size over compressed size for any one entry above 1 MB inflated. */
	compressionRatio: 200,
	/** Entries in the zip. */
	zipEntries: 2_000,
	/** Sheets in the workbook. */
	sheets: 60,
	/** Cells that hold something, in any one sheet, after repeated runs are expanded. */
	cellsPerSheet: 500_000,
	/** Rows SheetJS reads of any sheet (sheetRows): more than any official table. */
	rowsPerSheet: 5_000
} as const;

export type LimitName = keyof typeof LIMITS;

/** A refusal: names the file, what was wrong and what to do. Nothing is imported after one. */
export class ImportError extends Error {
	constructor(
		readonly file: string,
		readonly problem: string,
		readonly fix: string,
		readonly limit?: LimitName
	) {
		super(`${file}: ${problem}. ${fix}`);
		this.name = 'ImportError';
	}
}

export function refuseLimit(file: string, limit: LimitName, found: string, fix: string): never {
	throw new ImportError(file, `${found}, over the limit of ${LIMITS[limit].toLocaleString('en-GB')} (${limit})`, fix, limit);
}

export const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

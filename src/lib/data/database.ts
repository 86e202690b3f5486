/**
 * Opening the dashboard database on either engine: register the data files' text, then build
 * the typed tables with the contract's load SQL. The caller is responsible for having validated
 * the files (scripts/check-data at build time; lib/data/validate for files a user loads).
 */
import type { Engine } from './engine';
import { groupDataFiles, loadStatements } from './load-sql';

/**
 * The contract accepts a BOM and CRLF (even mixed with LF); DuckDB's CSV reader detects one line
 * end per file and fails on a mix. So every file reaches DuckDB as LF text without a BOM.
 * Line count is unchanged (each line end becomes one LF), so line numbers still agree.
 */
export function normaliseCsvText(text: string): string {
	return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

export async function loadDataFiles(engine: Engine, files: Record<string, string>): Promise<void> {
	const names = Object.keys(files);
	for (const name of names) await engine.registerText(name, normaliseCsvText(files[name]));
	for (const sql of loadStatements(groupDataFiles(names))) await engine.query(sql);
}

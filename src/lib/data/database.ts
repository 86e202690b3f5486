/**
 * Opening the dashboard database on either engine: register the data files' text, then build
 * the typed tables with the contract's load SQL. The caller is responsible for having validated
 * the files (scripts/check-data at build time; lib/data/validate for files a user loads).
 */
import type { Engine } from './engine';
import { groupDataFiles, loadStatements } from './load-sql';

export async function loadDataFiles(engine: Engine, files: Record<string, string>): Promise<void> {
	const names = Object.keys(files);
	for (const name of names) await engine.registerText(name, files[name]);
	for (const sql of loadStatements(groupDataFiles(names))) await engine.query(sql);
}

/**
 * Reading data/ from disk for the validator (scripts/check-data) and the build-time database
 * (db.ts). Node only; no engine, so the command-line check starts no DuckDB.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { MAX_DATA_FILE_BYTES } from '../data/contract';
import { FILES } from '../data/files';
import type { DataFile } from '../data/validate';

/** Folders of data/ the contract names files in (provenance/), read besides data/ itself. */
const SUBFOLDERS = [...new Set(FILES.filter((f) => f.file.includes('/')).map((f) => f.file.slice(0, f.file.lastIndexOf('/'))))];

/** The CSV names in `dir`, and those in its contract folders as FOLDER/NAME.csv. */
const csvNames = (dir: string) =>
	['', ...SUBFOLDERS.filter((s) => existsSync(resolve(dir, s)))]
		.flatMap((sub) => readdirSync(resolve(dir, sub)).map((n) => (sub ? `${sub}/${n}` : n)))
		.filter((n) => n.toLowerCase().endsWith('.csv'))
		.sort();

/** The text of every CSV in `dir` (for tests that load data/ unvalidated, as it is valid). */
export function readDataDir(dir = resolve('data')): Record<string, string> {
	const files: Record<string, string> = {};
	for (const name of csvNames(dir)) files[name] = readFileSync(resolve(dir, name), 'utf8');
	return files;
}

/**
 * Every CSV in `dir` as the validator takes it, paths shown relative to the working directory.
 * A file over the size limit is not read (the validator refuses it by its size).
 */
export function readDataFiles(dir = resolve('data')): DataFile[] {
	return csvNames(dir).map((name) => {
		const full = resolve(dir, name);
		const size = statSync(full).size;
		const path = relative(process.cwd(), full).split(sep).join('/');
		return { name, path, size, bytes: size > MAX_DATA_FILE_BYTES ? new Uint8Array(0) : new Uint8Array(readFileSync(full)) };
	});
}


/**
 * What the workbench's load worker (load-worker.ts) and the page say to each other. Files go in
 * as File objects (the worker reads them itself, streaming); checked data comes back as
 * transferred byte buffers, never as a whole-file string on the main thread.
 */
import type { Problem } from '../data/problems';

/** Files larger than this are refused before a byte is read. */
export const MAX_FILE_BYTES = 1_000_000_000;
export const MAX_FILE_LABEL = '1 GB';

/** What a dropped file holds, told from its header row (cells: an import's cell provenance, data/provenance/observation_cells.csv). */
export type FileKind = 'contacts' | 'observations' | 'cells' | 'indicators.csv' | 'areas.csv' | 'sources.csv';

export interface LoadRequest {
	files: File[];
	/** The bundled indicators, areas and sources, for files that name them (bytes, by file name). */
	reference: Record<string, Uint8Array>;
}

export interface LoadProgress {
	type: 'progress';
	file: string;
	/** reading: a file read whole, then checked; streaming: a file read and checked as it streams in. */
	phase: 'reading' | 'checking' | 'streaming';
	bytesRead: number;
	bytesTotal: number;
	/** Lines read so far (reading) or records checked so far (checking, streaming). */
	rows: number;
}

/** Checked files, LF line ends and no byte-order mark, ready for DuckDB's CSV reader. */
export interface CheckedFile {
	name: string;
	kind: FileKind;
	/** The bytes for DuckDB; for a contacts file DuckDB can read as it is, the file itself instead. */
	bytes: Uint8Array;
	source?: File;
	/** The header row, in the file's own order. */
	header: string[];
	rows: number;
}

export type LoadResult = { type: 'done'; files: CheckedFile[] } | { type: 'problems'; problems: Problem[] } | { type: 'failed'; message: string };

export type LoadMessage = LoadProgress | LoadResult;

/** A refusal for each file over the limit, before any is read (empty when all are fine). */
export function oversize(files: readonly { name: string; size: number }[]): string[] {
	return files
		.filter((f) => f.size > MAX_FILE_BYTES)
		.map((f) => `${f.name} is ${formatBytes(f.size)}, over the ${MAX_FILE_LABEL} limit: split it (for example by year) and load the parts one at a time`);
}

export function formatBytes(n: number): string {
	if (n < 1000) return `${n} bytes`;
	if (n < 1e6) return `${(n / 1e3).toFixed(1)} kB`;
	if (n < 1e9) return `${(n / 1e6).toFixed(1)} MB`;
	return `${(n / 1e9).toFixed(2)} GB`;
}

/** The kind of file a header row belongs to, or undefined when it is none the workbench reads. */
export function kindOfHeader(header: readonly string[]): FileKind | undefined {
	const has = (...names: string[]) => names.every((n) => header.includes(n));
	if (has('person_id', 'event_date')) return 'contacts';
	if (has('indicator_id', 'area_code', 'period', 'cell')) return 'cells';
	if (has('indicator_id', 'area_code', 'period')) return 'observations';
	if (has('indicator_id', 'pillar')) return 'indicators.csv';
	if (has('area_code', 'area_type')) return 'areas.csv';
	if (has('source_id', 'publisher')) return 'sources.csv';
	return undefined;
}

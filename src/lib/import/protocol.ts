/**
 * The import worker's message protocol, and the pure function behind it (unit-tested without a
 * worker). The page posts one `import` request with the chosen File; the worker answers with
 * `progress` messages, then exactly one `result` or `error`. Cancelling is terminating the
 * worker (client.ts does it), so no half-done import can ever come back.
 */
import { importWorkbook, type ImportOptions, type ImportResult } from './import.ts';
import { ImportError } from './limits.ts';
import { readGrids, type Progress, type SheetJS } from './read.ts';

export interface ImportRequest {
	type: 'import';
	/** A File or Blob (from an <input type=file> or a drop), or the bytes. */
	file: Blob | Uint8Array;
	name: string;
	options?: ImportOptions;
}

export type ImportReply =
	| ({ type: 'progress' } & Progress)
	| { type: 'result'; result: ImportResult; seconds: number }
	| { type: 'error'; message: string; problem?: string; fix?: string; limit?: string };

export async function handleImportRequest(request: ImportRequest, post: (reply: ImportReply) => void, loadSheetJS: () => Promise<SheetJS>): Promise<void> {
	const started = performance.now();
	try {
		if (request?.type !== 'import') throw new Error(`unknown request ${JSON.stringify(request?.type)}`);
		const bytes = request.file instanceof Uint8Array ? request.file : new Uint8Array(await request.file.arrayBuffer());
		const XLSX = await loadSheetJS();
		const grids = await readGrids(bytes, request.name, XLSX, (p) => post({ type: 'progress', ...p }));
		post({ type: 'progress', stage: 'importing', fraction: 0.9 });
		const result = importWorkbook(grids, request.name, request.options);
		post({ type: 'progress', stage: 'done', fraction: 1 });
		post({ type: 'result', result, seconds: (performance.now() - started) / 1000 });
	} catch (e) {
		if (e instanceof ImportError) post({ type: 'error', message: e.message, problem: e.problem, fix: e.fix, limit: e.limit });
		else post({ type: 'error', message: `${request?.name ?? 'file'}: the import failed (${e instanceof Error ? e.message : String(e)})` });
	}
}

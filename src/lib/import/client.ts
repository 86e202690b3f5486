/**
 * For a page (the workbench): import a chosen spreadsheet in a Web Worker, with progress and
 * cancel. Aborting the signal terminates the worker at once, wherever it is, and rejects.
 *
 *   const result = await importSpreadsheet(file, { areas }, { onProgress, signal });
 */
import type { ImportOptions, ImportResult } from './import.ts';
import type { ImportReply, ImportRequest } from './protocol.ts';
import type { Progress } from './read.ts';

export class ImportRefused extends Error {
	constructor(readonly reply: Extract<ImportReply, { type: 'error' }>) {
		super(reply.message);
		this.name = 'ImportRefused';
	}
}

export function importSpreadsheet(
	file: File,
	options: ImportOptions = {},
	{ onProgress, signal }: { onProgress?: (p: Progress) => void; signal?: AbortSignal } = {}
): Promise<ImportResult> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(new DOMException('Import cancelled', 'AbortError'));
		const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
		const finish = () => {
			worker.terminate();
			signal?.removeEventListener('abort', cancel);
		};
		const cancel = () => {
			finish();
			reject(new DOMException('Import cancelled', 'AbortError'));
		};
		signal?.addEventListener('abort', cancel);
		worker.onerror = (e) => {
			finish();
			reject(new Error(`${file.name}: the import worker failed (${e.message})`));
		};
		worker.onmessage = ({ data }: MessageEvent<ImportReply>) => {
			if (data.type === 'progress') onProgress?.(data);
			else if (data.type === 'result') {
				finish();
				resolve(data.result);
			} else {
				finish();
				reject(new ImportRefused(data));
			}
		};
		const request: ImportRequest = { type: 'import', file, name: file.name, options };
		worker.postMessage(request);
	});
}

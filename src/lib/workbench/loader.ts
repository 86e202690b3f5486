/**
 * Running one load on the page's side: start the load worker (load-worker.ts) on the chosen
 * files, pass its progress on, and stop it for good on cancel (worker.terminate(): the worker's
 * reading and checking end at once, and nothing it had read reaches DuckDB).
 */
import LoadWorker from './load-worker.ts?worker';
import type { LoadMessage, LoadProgress, LoadResult } from './load-protocol';

export interface RunningLoad {
	result: Promise<LoadResult | { type: 'cancelled' }>;
	cancel(): void;
}

export function startLoad(files: File[], reference: Record<string, Uint8Array>, onProgress: (p: LoadProgress) => void): RunningLoad {
	const worker = new LoadWorker();
	let settle: (r: LoadResult | { type: 'cancelled' }) => void = () => {};
	const result = new Promise<LoadResult | { type: 'cancelled' }>((resolve) => (settle = resolve));
	worker.onmessage = (event: MessageEvent<LoadMessage>) => {
		if (event.data.type === 'progress') onProgress(event.data);
		else {
			settle(event.data);
			worker.terminate();
		}
	};
	worker.onerror = (event) => {
		settle({ type: 'failed', message: event.message || 'the load worker stopped' });
		worker.terminate();
	};
	worker.postMessage({ files, reference });
	return {
		result,
		cancel() {
			worker.terminate();
			settle({ type: 'cancelled' });
		}
	};
}

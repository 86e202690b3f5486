/**
 * The indicator engine in the browser, for the analyst workbench: a contacts file chosen by the
 * user is checked, loaded into a DuckDB (duckdb-wasm) of its own in a Web Worker, and the
 * framework indicators computed, all on the user's machine. Nothing is sent anywhere: the file is
 * read with File.arrayBuffer() and handed to the worker in memory.
 */
import type { Engine } from '../data/engine';
import type { Problem } from '../data/problems';
import { computeFromContacts } from './compute';
import { contactsFileTooLarge } from './records';
import type { ComputeOptions, ObservationRow } from './compute';

export type { ComputeOptions, ObservationRow } from './compute';

export interface BrowserComputeOptions extends ComputeOptions {
	/**
	 * An engine to run on. By default a new browser engine is started for this file (only once
	 * it has passed its check) and closed afterwards, so the records never share a database with
	 * the dashboard's tables (and the tables this module makes are prefixed ind_ in any case).
	 */
	engine?: Engine;
}

const startBrowserEngine = () => import('../data/engine-browser').then((m) => m.createBrowserEngine());

/**
 * Check `file` against the contacts contract; when it has no problems, compute every indicator
 * for every area and month (or the months in options.from..options.to) as observations rows.
 * computeFromContacts on the file's bytes, named by the file's name.
 */
export async function computeFromFile(
	file: File,
	options: BrowserComputeOptions = {}
): Promise<{ rows: ObservationRow[] } | { problems: Problem[] }> {
	const { engine, ...computeOptions } = options;
	// Refused by its size before it is read: reading a file over the limit could exhaust memory.
	const tooLarge = contactsFileTooLarge(file.name, file.size);
	if (tooLarge) return { problems: [tooLarge] };
	const bytes = new Uint8Array(await file.arrayBuffer());
	return computeFromContacts(engine ?? startBrowserEngine, bytes, file.name, computeOptions);
}

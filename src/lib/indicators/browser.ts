/**
 * The indicator engine in the browser, for the analyst workbench: a contacts file chosen by the
 * user is checked, loaded into a DuckDB (duckdb-wasm) of its own in a Web Worker, and the
 * framework indicators computed, all on the user's machine. Nothing is sent anywhere: the file is
 * read with File.arrayBuffer() and handed to the worker in memory.
 */
import type { Engine } from '../data/engine';
import type { Problem } from '../data/problems';
import { checkComputeOptions, computeWide, loadContacts, toObservationRows, DEFAULT_SOURCE_ID } from './compute';
import type { ComputeOptions, ObservationRow } from './compute';
import { checkRecords } from './records';

export type { ComputeOptions, ObservationRow } from './compute';

export interface BrowserComputeOptions extends ComputeOptions {
	/**
	 * An engine to run on. By default a new browser engine is started for this file and closed
	 * afterwards, so the records never share a database with the dashboard's tables (and the
	 * tables this module makes are prefixed ind_ in any case).
	 */
	engine?: Engine;
}

/**
 * Check `file` against the contacts contract; when it has no problems, compute every indicator
 * for every area and month (or the months in options.from..options.to) as observations rows.
 */
export async function computeFromFile(
	file: File,
	options: BrowserComputeOptions = {}
): Promise<{ rows: ObservationRow[] } | { problems: Problem[] }> {
	const bad = checkComputeOptions(options);
	if (bad.length) throw new RangeError(bad.join('; '));
	const bytes = new Uint8Array(await file.arrayBuffer());
	const checked = checkRecords(bytes, file.name);
	if (checked.problems.length) return { problems: checked.problems };

	const own = !options.engine;
	const engine = options.engine ?? (await (await import('../data/engine-browser')).createBrowserEngine());
	try {
		await loadContacts(engine, checked.text, checked.header);
		const wide = await computeWide(engine, options);
		return { rows: toObservationRows(wide, options.sourceId ?? DEFAULT_SOURCE_ID) };
	} finally {
		if (own) await engine.close();
	}
}

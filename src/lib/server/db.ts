/**
 * The build-time database: the Node engine loaded once with every CSV in data/, shared by all
 * prerendering load functions. data/ is read from the project root (where `vite build` runs).
 * The files are validated here, not only by `npm run check:data` before the build, so a bare
 * `vite build` or `vite dev` stops on bad data with every problem listed.
 */
import { relative, resolve, sep } from 'node:path';
import { createNodeEngine } from '../data/engine-node';
import { loadDataFiles, validatedTexts } from '../data/database';
import type { Engine } from '../data/engine';
import { readDataFiles } from './data-files';

export { readDataDir, readDataFiles } from './data-files';

let database: Promise<Engine> | undefined;

/**
 * A new engine loaded with the files of `dir`, once they validate: rejects with every problem
 * (DataValidationError) before any engine starts if they do not.
 */
export async function openDatabase(dir = resolve('data')): Promise<Engine> {
	const shownDir = relative(process.cwd(), dir).split(sep).join('/');
	const texts = validatedTexts(readDataFiles(dir), shownDir ? `${shownDir}/` : '');
	const engine = await createNodeEngine();
	try {
		await loadDataFiles(engine, texts);
		return engine;
	} catch (error) {
		await engine.close();
		throw error;
	}
}

export function getDatabase(): Promise<Engine> {
	// A refusal is not kept: under `vite dev` the next request reads the corrected files.
	database ??= openDatabase().catch((error: unknown) => {
		database = undefined;
		throw error;
	});
	return database;
}

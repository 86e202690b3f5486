/**
 * The build-time database: the Node engine loaded once with every CSV in data/, shared by all
 * prerendering load functions. data/ is read from the project root (where `vite build` runs).
 * The files are validated here, not only by `npm run check:data` before the build, so a bare
 * `vite build` or `vite dev` stops on bad data with every problem listed.
 */
import { relative, resolve, sep } from 'node:path';
import { createNodeEngine } from '../data/engine-node';
import { loadValidatedDataFiles } from '../data/database';
import type { Engine } from '../data/engine';
import { readDataFiles } from './data-files';

export { readDataDir, readDataFiles } from './data-files';

let database: Promise<Engine> | undefined;

/** A new engine loaded with the validated files of `dir`; rejects with every problem if any. */
export async function openDatabase(dir = resolve('data')): Promise<Engine> {
	const files = readDataFiles(dir);
	const engine = await createNodeEngine();
	try {
		const shownDir = relative(process.cwd(), dir).split(sep).join('/');
		await loadValidatedDataFiles(engine, files, shownDir ? `${shownDir}/` : '');
		return engine;
	} catch (error) {
		await engine.close();
		throw error;
	}
}

export function getDatabase(): Promise<Engine> {
	database ??= openDatabase();
	return database;
}

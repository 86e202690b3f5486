/**
 * The build-time database: the Node engine loaded once with every CSV in data/, shared by all
 * prerendering load functions. data/ is read from the project root (where `vite build` runs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createNodeEngine } from '../data/engine-node';
import { loadDataFiles } from '../data/database';
import type { Engine } from '../data/engine';

let database: Promise<Engine> | undefined;

export function readDataDir(dir = resolve('data')): Record<string, string> {
	const files: Record<string, string> = {};
	for (const name of readdirSync(dir).filter((n) => n.endsWith('.csv')).sort()) {
		files[name] = readFileSync(resolve(dir, name), 'utf8');
	}
	return files;
}

export function getDatabase(): Promise<Engine> {
	database ??= (async () => {
		const engine = await createNodeEngine();
		await loadDataFiles(engine, readDataDir());
		return engine;
	})();
	return database;
}

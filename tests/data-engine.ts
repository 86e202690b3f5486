/**
 * A Node engine loaded with the real data/ for a test file: made before its tests, closed after.
 * Returns a getter, since the engine exists only once beforeAll has run.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Engine } from '../src/lib/data/engine';
import { createNodeEngine } from '../src/lib/data/engine-node';
import { loadDataFiles } from '../src/lib/data/database';
import { readDataDir } from '../src/lib/server/db';

export function useDataEngine(): () => Engine {
	let engine: Engine | undefined;
	beforeAll(async () => {
		engine = await createNodeEngine();
		await loadDataFiles(engine, readDataDir());
	});
	afterAll(async () => {
		await engine?.close();
	});
	return () => engine!;
}

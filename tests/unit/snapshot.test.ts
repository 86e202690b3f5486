/**
 * The data snapshot: tables written as Arrow IPC by the Node engine and inserted into a fresh
 * engine answer every named query exactly as the engine that loaded the CSVs does (same rows,
 * types and order), and a snapshot missing a table is refused whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, type NodeEngine } from '../../src/lib/data/engine-node';
import { loadDataFiles } from '../../src/lib/data/database';
import { diagnosticQueries, queries, run } from '../../src/lib/data/queries';
import { loadSnapshot, SNAPSHOT_TABLES, writeSnapshot } from '../../src/lib/data/snapshot';
import { readDataDir } from '../../src/lib/server/db';

let fromCsv: NodeEngine;
let fromArrow: NodeEngine;

beforeAll(async () => {
	fromCsv = await createNodeEngine();
	await loadDataFiles(fromCsv, readDataDir());
	fromArrow = await createNodeEngine();
	await loadSnapshot(fromArrow, writeSnapshot(fromCsv));
}, 120_000);
afterAll(async () => {
	await fromCsv.close();
	await fromArrow.close();
});

describe('data snapshot (Arrow IPC)', () => {
	it('holds every contract table', () => {
		expect([...SNAPSHOT_TABLES].sort()).toEqual(
			['annotations', 'areas', 'denominators', 'indicators', 'observation_cells', 'observations', 'sources', 'targets', 'editions', 'observations_superseded'].sort()
		);
	});

	it('answers every diagnostic query and an indicator series exactly as the CSV load does', async () => {
		const all = [
			...diagnosticQueries(),
			queries.indicatorSeries({ indicatorId: 'snapshot_single_night', areaCodes: ['E08000025', 'E08000026'], from: '2015', to: '2019' })
		];
		for (const q of all) expect(await run(fromArrow, q)).toEqual(await run(fromCsv, q));
	});

	it('keeps column types (numbers stay numbers, text stays text)', async () => {
		const types = (e: NodeEngine) =>
			e.query<{ table_name: string; column_name: string; data_type: string }>(
				`SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY table_name, ordinal_position`
			);
		expect(await types(fromArrow)).toEqual(await types(fromCsv));
	});

	it('Birmingham 2015 to 2019 from the snapshot: the published 36, 55, 57, 91, 52', async () => {
		const rows = await run(
			fromArrow,
			queries.indicatorSeries({ indicatorId: 'snapshot_single_night', areaCodes: ['E08000025'], from: '2015', to: '2019' })
		);
		expect(rows.map((r) => r.value)).toEqual([36, 55, 57, 91, 52]);
	});

	it('refuses a snapshot with a table missing, creating nothing', async () => {
		const partial = writeSnapshot(fromCsv);
		delete partial.sources;
		const engine = await createNodeEngine();
		await expect(loadSnapshot(engine, partial)).rejects.toThrow(/no sources table/);
		expect(await engine.query(`SELECT count(*) AS n FROM information_schema.tables`)).toEqual([{ n: 0 }]);
		await engine.close();
	});
});

/**
 * The overview's load on the Node engine over the real data/ with one change: in autumn 2025
 * Coventry's count is withheld ([x]), so the WMCA total for 2025 is missing too. The
 * by-authority bars must still show 2025 (six authorities have figures), not fall back to 2024.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/data/engine';
import { createNodeEngine } from '../../src/lib/data/engine-node';
import { loadDataFiles } from '../../src/lib/data/database';
import { readDataDir } from '../../src/lib/server/db';
import { WMCA } from '../../src/lib/data/contract';
import { loadOverview } from '../../src/routes/areas/[code]/load';

let engine: Engine;
beforeAll(async () => {
	const files = readDataDir();
	const withheld = files['observations.csv']
		.replace(/^snapshot_single_night,E08000026,2025,29,,mhclg_snapshot_2025,$/m, 'snapshot_single_night,E08000026,2025,,x,mhclg_snapshot_2025,Withheld')
		.replace(/^snapshot_single_night,E47000007,2025,158,,mhclg_snapshot_2025,.*$/m, 'snapshot_single_night,E47000007,2025,,x,,No WMCA total: no figure for Coventry');
	expect(withheld).not.toBe(files['observations.csv']);
	engine = await createNodeEngine();
	await loadDataFiles(engine, { ...files, 'observations.csv': withheld });
});
afterAll(async () => {
	await engine.close();
});

describe('overview load', () => {
	it('takes the latest year any authority holds, even when the WMCA total for it is [x]', async () => {
		const data = await loadOverview(engine, WMCA);
		expect(data.latestYear).toBe('2025');
		const periods = new Set(data.byAuthority.rows.map((r) => r.period));
		expect([...periods]).toEqual(['2025']);
		// Seven rows, Coventry's without a value.
		expect(data.byAuthority.rows.length).toBe(7);
		expect(data.byAuthority.rows.find((r) => r.area_code === 'E08000026')?.value).toBeNull();
	});
});

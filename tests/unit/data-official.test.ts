/**
 * The official figures in data/ trace back to ../shared: re-importing ../shared/data/official
 * (npm run data:official, into a scratch folder, the 2019 workbook's cells included) gives exactly
 * the committed files. Run only where
 * ../shared is beside the clone; the figures themselves are checked by hand elsewhere (queries,
 * housing-first, the browser tests).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithShared } from '../needs-shared';

const IMPORTED = ['sources.csv', 'areas.csv', 'denominators.csv', 'observations.csv', 'provenance/observation_cells.csv'];

describeWithShared('data/ official files', (shared) => {
	let out: string;
	let result: ReturnType<typeof spawnSync>;
	beforeAll(() => {
		out = mkdtempSync(join(tmpdir(), 'official-'));
		mkdirSync(join(out, 'provenance'));
		result = spawnSync(
			process.execPath,
			['--import', 'tsx', 'scripts/import-official.ts', '--from', join(shared(), 'data/official'), '--out', out],
			{ encoding: 'utf8' }
		);
	});
	afterAll(() => rmSync(out, { recursive: true, force: true }));

	it('drift check: sources, areas, denominators, observations.csv and the snapshot cells are what npm run data:official makes of ../shared', () => {
		expect(result.status, String(result.stderr)).toBe(0);
		for (const name of IMPORTED) expect(readFileSync(join(out, name), 'utf8') === readFileSync(join('data', name), 'utf8'), name).toBe(true);
	});
});

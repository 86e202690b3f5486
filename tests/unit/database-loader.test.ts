/**
 * The build's database loader validates what it loads, so `vite dev` and a bare `vite build`
 * cannot load bad data: the bad fixture is refused with the validator's file:line:column
 * messages, and the valid fixture loads.
 */
import { describe, expect, it } from 'vitest';
import { DataValidationError } from '../../src/lib/data/database';
import { openDatabase } from '../../src/lib/server/db';

describe('openDatabase (the loader behind getDatabase)', () => {
	it('refuses the bad fixture, listing every problem, and loads nothing', async () => {
		const dir = 'tests/fixtures/validate/bad';
		const error = await openDatabase(dir).then(
			() => undefined,
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(DataValidationError);
		const lines = (error as Error).message.split('\n');
		expect(lines[0]).toBe('the data files do not validate (4 problems); nothing was loaded. Fix them and run npm run check:data:');
		expect(lines.slice(1)).toEqual([
			`${dir}/annotations.csv:1:1: required file annotations.csv is missing (add it, with the header row period,label,description)`,
			`${dir}/observations.csv:2:4: value "-100" in column "value" is negative, but indicator "people_annual" is counted in people (counts are never negative; check the figure)`,
			`${dir}/observations.csv:4:3: period "2024-5" in column "period" is not a period (write monthly periods as YYYY-MM with month 01 to 12, e.g. 2024-05)`,
			`${dir}/stray.csv:1:1: unknown data file "stray.csv" (rename it to one of sources.csv, areas.csv, denominators.csv, indicators.csv, observations.csv, annotations.csv, provenance/observation_cells.csv, targets.csv, editions.csv, observations_superseded.csv or observations_NAME.csv, or remove it)`
		]);
	});

	it('loads the valid fixture: its 4 observations and 3 indicators', async () => {
		const engine = await openDatabase('tests/fixtures/validate/valid');
		try {
			const [counts] = await engine.query<{ observations: number; indicators: number }>(
				'SELECT (SELECT count(*) FROM observations)::INTEGER AS observations, (SELECT count(*) FROM indicators)::INTEGER AS indicators'
			);
			expect(counts).toEqual({ observations: 4, indicators: 3 });
		} finally {
			await engine.close();
		}
	});
});

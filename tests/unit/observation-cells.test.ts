/**
 * The cell provenance sidecar (data/provenance/observation_cells.csv): validated against the
 * observations, loaded by the contract's load SQL, and joined to the right value by the indicator
 * series query. Fixtures are written here by hand: the valid validator set
 * (tests/fixtures/validate/valid) with a cells file beside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base, check, csv } from '../fixtures/validate/helpers';
import { CELLS_FILE } from '../../src/lib/data/files';
import { createNodeEngine } from '../../src/lib/data/engine-node';
import { loadDataFiles } from '../../src/lib/data/database';
import type { Engine } from '../../src/lib/data/engine';
import { queries, run } from '../../src/lib/data/queries';

const HEADER = 'indicator_id,area_code,period,source_id,cell';
const PATH = `data/${CELLS_FILE}`;
/** One cell for each of the fixture's four observations. */
const CELLS = csv(
	HEADER,
	'people_annual,E08000025,2023,src_a,Table_1!R14',
	'people_monthly,E08000025,2024-05,src_a,Table 3 Monthly!C7',
	'share_quarterly,E08000025,2024-Q1,src_a,Table_5!AB1000 + Table_5!AB1001',
	// The [x] gap names no source; the cell that said [x] is still given.
	'people_monthly,E08000025,2024-06,src_a,Table 3 Monthly!D7'
);

describe('observation_cells.csv: validation', () => {
	it('accepts cells that each name a held observation from the same source', () => {
		expect(check({ [CELLS_FILE]: CELLS })).toEqual([]);
	});

	it('may be absent: figures typed in by hand have no cell', () => {
		expect(check()).toEqual([]);
	});

	it('refuses a cell for an observation that does not exist, at its line and column, with the fix', () => {
		// Line 3 names 2022, a year the fixture holds no people_annual figure for.
		const cells = csv(HEADER, 'people_annual,E08000025,2023,src_a,Table_1!R14', 'people_annual,E08000025,2022,src_a,Table_1!Q14');
		expect(check({ [CELLS_FILE]: cells })).toEqual([
			`${PATH}:3:1: no observation (people_annual, E08000025, 2022) is held in observations.csv, so this cell names a figure the dashboard does not have (remove the row, or add the observation; npm run data:official writes the two together)`
		]);
	});

	it("finds the observation in an observations_*.csv file too, and names both files when it finds none", () => {
		const extra = csv('indicator_id,area_code,period,value,marker,source_id,note', 'people_annual,E08000025,2022,90,,src_a,');
		const cells = csv(HEADER, 'people_annual,E08000025,2022,src_a,Table_1!Q14', 'people_annual,E92000001,2022,src_a,Table_1!Q5');
		expect(check({ 'observations_more.csv': extra, [CELLS_FILE]: cells })).toEqual([
			`${PATH}:3:1: no observation (people_annual, E92000001, 2022) is held in observations.csv, observations_more.csv, so this cell names a figure the dashboard does not have (remove the row, or add the observation; npm run data:official writes the two together)`
		]);
	});

	it("refuses a cell whose source is not the observation's", () => {
		const sources = base['sources.csv'] + 'src_b,official_statistics,Other,Test publisher,,,2024-03,\n';
		const cells = csv(HEADER, 'people_annual,E08000025,2023,src_b,Table_1!R14');
		expect(check({ 'sources.csv': sources, [CELLS_FILE]: cells })).toEqual([
			`${PATH}:2:4: source_id "src_b" is not the source of observation (people_annual, E08000025, 2023), which is "src_a" (give the observation's source_id, or remove the row if the figure now comes from elsewhere)`
		]);
	});

	it('refuses a cell reference that is not SHEET!A1, and a second cell for one observation', () => {
		const cells = csv(
			HEADER,
			'people_annual,E08000025,2023,src_a,R14',
			'people_monthly,E08000025,2024-05,src_a,Table_1!r14',
			'people_monthly,E08000025,2024-05,src_a,Table_1!R15'
		);
		const fix =
			'write a sheet and cell as SHEET!A1: the sheet name (no ! : \\ / ? * [ ]), an exclamation mark, the column letters in capitals and the row number, e.g. Table_1!R14; a figure added up from several cells names each, joined by " + "';
		expect(check({ [CELLS_FILE]: cells })).toEqual([
			`${PATH}:2:5: value "R14" in column "cell" is not a sheet and cell reference (${fix})`,
			`${PATH}:3:5: value "Table_1!r14" in column "cell" is not a sheet and cell reference (${fix})`,
			`${PATH}:4:1: duplicate row: (indicator_id, area_code, period) = (people_monthly, E08000025, 2024-05) is already on line 3 (remove one of the two rows, or correct its key)`
		]);
	});

	it("checks the period against the indicator's frequency, as in observations", () => {
		const cells = csv(HEADER, 'people_monthly,E08000025,2024,src_a,Table_1!R14');
		expect(check({ [CELLS_FILE]: cells })).toEqual([
			// Such a row can name no monthly observation either: both are said.
			`${PATH}:2:1: no observation (people_monthly, E08000025, 2024) is held in observations.csv, so this cell names a figure the dashboard does not have (remove the row, or add the observation; npm run data:official writes the two together)`,
			`${PATH}:2:3: period "2024" in column "period" is an annual period, but indicator "people_monthly" is monthly (write monthly periods as YYYY-MM with month 01 to 12, e.g. 2024-05)`
		]);
	});
});

describe('observation_cells.csv: loaded and joined', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await createNodeEngine();
		await loadDataFiles(engine, { ...base, [CELLS_FILE]: CELLS });
	});
	afterAll(() => engine.close());

	it('is a table of its own, observation_cells, with every row', async () => {
		const rows = await run(engine, { name: 'cells', sql: 'SELECT * FROM observation_cells ORDER BY rowid', params: [] });
		expect(rows.map((r) => (r as { cell: string }).cell)).toEqual(['Table_1!R14', 'Table 3 Monthly!C7', 'Table_5!AB1000 + Table_5!AB1001', 'Table 3 Monthly!D7']);
	});

	it("gives each value of the series its own cell, and '' to a figure with none", async () => {
		const monthly = await run(engine, queries.indicatorSeries({ indicatorId: 'people_monthly', areaCodes: ['E08000025'] }));
		// June is [x] with no source, and the cell that said so.
		expect(monthly.map((r) => [r.period, r.value, r.cell])).toEqual([
			['2024-05', 12, 'Table 3 Monthly!C7'],
			['2024-06', null, 'Table 3 Monthly!D7']
		]);
		const annual = await run(engine, queries.indicatorSeries({ indicatorId: 'people_annual', areaCodes: [] }));
		expect(annual.map((r) => [r.period, r.value, r.cell])).toEqual([['2023', 100, 'Table_1!R14']]);
		const share = await run(engine, queries.indicatorSeries({ indicatorId: 'share_quarterly', areaCodes: ['E08000025'] }));
		expect(share.map((r) => [r.period, r.value, r.cell])).toEqual([['2024-Q1', 55.5, 'Table_5!AB1000 + Table_5!AB1001']]);
	});

	it('a figure with no row in the file has an empty cell', async () => {
		const other = await createNodeEngine();
		try {
			await loadDataFiles(other, { ...base, [CELLS_FILE]: csv(HEADER, 'people_monthly,E08000025,2024-06,src_a,Table 3 Monthly!D7') });
			const rows = await run(other, queries.indicatorSeries({ indicatorId: 'people_monthly', areaCodes: ['E08000025'] }));
			expect(rows.map((r) => [r.period, r.cell])).toEqual([['2024-05', ''], ['2024-06', 'Table 3 Monthly!D7']]);
		} finally {
			await other.close();
		}
	});

	it('without the file, the table is empty and every cell is empty', async () => {
		const bare = await createNodeEngine();
		try {
			await loadDataFiles(bare, base);
			const rows = await run(bare, queries.indicatorSeries({ indicatorId: 'people_annual', areaCodes: [] }));
			expect(rows.map((r) => r.cell)).toEqual(['']);
		} finally {
			await bare.close();
		}
	});
});

/**
 * The indicator series query (rates, provenance, filters) on a hand-made fixture whose every
 * rate is worked out by hand in the comments: tests/fixtures/series (test-only figures).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/data/engine';
import { createNodeEngine } from '../../src/lib/data/engine-node';
import { loadDataFiles } from '../../src/lib/data/database';
import { queries, run, sqlWithParams } from '../../src/lib/data/queries';

const DIR = 'tests/fixtures/series';
let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
	const files = Object.fromEntries(
		readdirSync(DIR).filter((n) => n.endsWith('.csv')).map((n) => [n, readFileSync(`${DIR}/${n}`, 'utf8')])
	);
	await loadDataFiles(engine, files);
});
afterAll(() => engine.close());

const series = (p: Parameters<typeof queries.indicatorSeries>[0]) => run(engine, queries.indicatorSeries(p));

describe('indicatorSeries', () => {
	it("rates use the population of the count's year, else the nearest year held (the later on a tie)", async () => {
		const rows = await series({ indicatorId: 'people_annual', areaCodes: ['E08000025'] });
		expect(rows.map((r) => [r.period, r.value, r.population_year, r.population, r.rate_per_100k])).toEqual([
			// 2019: mid-2020 is nearest. 10 / 200,000 × 100,000 = 5.0
			['2019', 10, 2020, 200000, 5],
			// 2021: 2020 and 2022 are equally near; the later is used. 20 / 250,000 × 100,000 = 8.0
			['2021', 20, 2022, 250000, 8],
			// 2023: after the last year held, the latest (2022). 30 / 250,000 × 100,000 = 12.0
			['2023', 30, 2022, 250000, 12]
		]);
	});

	it('carries each figure’s provenance: marker, source title, kind and publication date', async () => {
		const rows = await series({ indicatorId: 'people_annual', areaCodes: ['E08000025'] });
		expect(rows[1]).toMatchObject({
			area_name: 'Birmingham', marker: 'p', source_id: 'src_a', source_kind: 'official_statistics',
			source_title: 'Test statistics', source_published: '2024-02-29', population_source_id: 'src_a'
		});
		expect(rows[2]).toMatchObject({ source_id: 'src_b', source_kind: 'illustrative', source_title: 'Test illustrative' });
	});

	it('gives no rate without a population (households do not count), and keeps a missing value missing', async () => {
		const [coventry] = await series({ indicatorId: 'people_annual', areaCodes: ['E08000026'] });
		expect(coventry).toMatchObject({ period: '2021', value: null, marker: 'x', population: null, population_year: null, rate_per_100k: null });
	});

	it('gives no rate for an indicator that is not a count of people', async () => {
		const [share] = await series({ indicatorId: 'share_monthly', areaCodes: ['E08000025'] });
		expect(share).toMatchObject({ value: 12.5, population: null, population_year: null, rate_per_100k: null });
	});

	it('filters by areas and an inclusive period range; no areas means every area', async () => {
		const ranged = await series({ indicatorId: 'people_annual', areaCodes: [], from: '2020', to: '2022' });
		expect(ranged.map((r) => `${r.area_code} ${r.period}`)).toEqual(['E08000025 2021', 'E08000026 2021']);
		const from2021 = await series({ indicatorId: 'people_annual', areaCodes: ['E08000025'], from: '2021' });
		expect(from2021.map((r) => r.period)).toEqual(['2021', '2023']);
	});

	it('written out with its parameters, the SQL runs as it stands and gives the same rows', async () => {
		const query = queries.indicatorSeries({ indicatorId: 'people_annual', areaCodes: ['E08000025'], to: '2021' });
		const literal = sqlWithParams(query);
		expect(literal).not.toContain('?');
		expect(literal).toContain("'people_annual'");
		expect(await engine.query(literal)).toEqual(await run(engine, query));
	});
});

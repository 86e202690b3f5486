/**
 * The report's named queries on the Node engine over the real data/, checked against the CSV
 * text read with papaparse (a second method): targetsForArea, and areaComparison's month, counts
 * and rates per 100,000.
 */
import { describe, expect, it } from 'vitest';
import { useDataEngine } from '../data-engine';
import { queries, run } from '../../src/lib/data/queries';
import { readCsv, wmcaAuthorityCodes, WMCA_CODE } from '../data-files';

const ENGLAND = 'E92000001';
const engine = useDataEngine();

const observations = [...readCsv('observations.csv'), ...readCsv('observations_illustrative.csv')];
const population = readCsv('denominators.csv').filter((d) => d.measure === 'population');

/** The population of the nearest year held (the later on a tie), as the methodology says. */
function nearestPopulation(area: string, year: number) {
	const held = population.filter((d) => d.area_code === area).map((d) => ({ year: +d.year, value: +d.value }));
	held.sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || b.year - a.year);
	return held[0];
}

describe('targetsForArea', () => {
	it('returns the rows of targets.csv for the area, with the source kind', async () => {
		const expected = readCsv('targets.csv').filter((t) => t.area_code === 'E08000026');
		const kinds = Object.fromEntries(readCsv('sources.csv').map((s) => [s.source_id, s.kind]));
		const got = await run(engine(), queries.targetsForArea('E08000026'));
		expect(got.map((t) => [t.indicator_id, t.target_value, t.target_period, t.baseline_period, t.source_kind])).toEqual(
			expected.map((t) => [t.indicator_id, Number(t.target_value), t.target_period, t.baseline_period, kinds[t.source_id]])
		);
		expect(await run(engine(), queries.targetsForArea('E92000001'))).toEqual([]);
	});
});

describe('areaComparison', () => {
	const areas = [ENGLAND, WMCA_CODE, ...wmcaAuthorityCodes()];
	for (const indicator of ['rs_month', 'new']) {
		it(`${indicator}: the latest month England and another area both hold (else the others' latest), with rates per 100,000`, async () => {
			const held = (code: string) => new Set(observations.filter((o) => o.indicator_id === indicator && o.area_code === code && o.value !== '').map((o) => o.period));
			const england = held(ENGLAND);
			const others = new Set(areas.filter((a) => a !== ENGLAND).flatMap((a) => [...held(a)]));
			const shared = [...england].filter((p) => others.has(p)).sort();
			const month = shared.at(-1) ?? [...others].sort().at(-1)!;
			const rows = await run(engine(), queries.areaComparison({ indicatorId: indicator, areaCodes: areas, referenceCode: ENGLAND }));
			expect(rows.map((r) => r.area_code).sort()).toEqual([...areas].sort());
			for (const r of rows) {
				expect(r.period).toBe(month);
				const o = observations.find((x) => x.indicator_id === indicator && x.area_code === r.area_code && x.period === month && x.value !== '');
				if (!o) {
					expect([r.value, r.marker, r.rate_per_100k]).toEqual([null, 'x', null]);
					continue;
				}
				const pop = nearestPopulation(r.area_code, +month.slice(0, 4));
				expect(r.value).toBe(Number(o.value));
				expect(r.population_year).toBe(pop.year);
				expect(r.rate_per_100k).toBe(Math.round((Number(o.value) / pop.value) * 100000 * 10) / 10);
			}
		});
	}

	it("each row carries its observation's spreadsheet cell, and only its own", async () => {
		// The latest month's figures are not imported from a spreadsheet, so none has a cell: one is
		// put in for Coventry's figure, then taken out.
		const areas3 = [ENGLAND, WMCA_CODE, 'E08000026'];
		const params = { indicatorId: 'rs_month', areaCodes: areas3, referenceCode: ENGLAND };
		const before = await run(engine(), queries.areaComparison(params));
		expect(before.map((r) => r.cell)).toEqual(['', '', '']);
		const month = before[0].period!;
		const earlier = `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
		// Coventry's figure of the comparison's month gets a cell; its figure a year before gets another,
		// which must not appear (the join is on the period too).
		const put = `INSERT INTO observation_cells SELECT indicator_id, area_code, period, source_id, ? FROM observations
		             WHERE indicator_id = 'rs_month' AND area_code = 'E08000026' AND period = ?`;
		await engine().query(put, ['Table_9!Z99', month]);
		await engine().query(put, ['Table_9!Z1', earlier]);
		try {
			const after = await run(engine(), queries.areaComparison(params));
			expect(after.map((r) => [r.area_code, r.cell])).toEqual([
				['E08000026', 'Table_9!Z99'],
				[WMCA_CODE, ''],
				[ENGLAND, '']
			]);
		} finally {
			await engine().query(`DELETE FROM observation_cells WHERE indicator_id = 'rs_month' AND area_code = 'E08000026' AND period IN (?, ?)`, [month, earlier]);
		}
	});
});

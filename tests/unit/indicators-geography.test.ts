/**
 * The engine's geography parameter (the authorities and their total, for the England-scale
 * bench): the same register computed for the WMCA, and again with every authority code renamed
 * and the renamed geography passed, gives the same figures under the new names (the second
 * method: the WMCA run, whose figures the oracle tests check). And the generator's made-up
 * authorities are drawn for people only from the list given.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WMCA, WMCA_AUTHORITIES } from '../../src/lib/data/contract';
import type { Engine } from '../../src/lib/data/engine';
import { createNodeEngine } from '../../src/lib/data/engine-node';
import { computeWide } from '../../src/lib/indicators/compute';
import { CONTACT_COLUMNS } from '../../src/lib/indicators/records';
import { generateRegister, registerCsv, syntheticAuthorities } from '../../src/lib/indicators/register';
import { loadEventsSql, type Geography, type WideRow } from '../../src/lib/indicators/sql';

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

async function compute(csv: string, geography?: Geography): Promise<WideRow[]> {
	await engine.registerText('geo.csv', csv);
	await engine.query(loadEventsSql('geo.csv', CONTACT_COLUMNS, geography));
	await engine.dropFile('geo.csv');
	return computeWide(engine, { geography });
}

describe('the geography parameter', () => {
	it('renamed authorities give the same figures under their new names', async () => {
		const csv = registerCsv(generateRegister({ people: 800, seed: 5, from: '2021-01', to: '2023-12' }));
		const wmca = await compute(csv);
		const renamed = new Map<string, string>(WMCA_AUTHORITIES.map((a, i) => [a.code, `X0000000${i + 1}`]));
		renamed.set(WMCA, 'X99999999');
		let other = csv;
		for (const [from, to] of renamed) other = other.replaceAll(from, to);
		const geography = { authorities: WMCA_AUTHORITIES.map((a) => renamed.get(a.code)!), total: 'X99999999' };
		const rows = await compute(other, geography);
		expect(rows.length).toBe(8 * 36);
		expect(rows).toEqual(wmca.map((r) => ({ ...r, area_code: renamed.get(r.area_code) })));
		expect(wmca.some((r) => r.rs_month > 0)).toBe(true);
	});

	it('a geography of 20 authorities: the total counts each person once, at most the sum of its parts', async () => {
		const authorities = syntheticAuthorities(20);
		const records = generateRegister({ people: 600, seed: 8, from: '2022-01', to: '2022-12', authorities });
		expect(new Set(records.map((r) => r.area_code))).toEqual(new Set(authorities.map((a) => a.code)));
		const rows = await compute(registerCsv(records), { authorities: authorities.map((a) => a.code), total: 'X99999999' });
		expect(rows.length).toBe(21 * 12);
		for (const period of new Set(rows.map((r) => r.period))) {
			const month = rows.filter((r) => r.period === period);
			const total = month.find((r) => r.area_code === 'X99999999')!;
			const parts = month.filter((r) => r !== total).reduce((n, r) => n + r.rs_month, 0);
			// People seen in the month, by hand from the records: distinct person_ids with a sighting.
			const seen = new Set(records.filter((r) => r.event === 'seen_rough_sleeping' && r.event_date.startsWith(period)).map((r) => r.person_id));
			expect(total.rs_month).toBe(seen.size);
			expect(total.rs_month).toBeLessThanOrEqual(parts);
		}
	});
});

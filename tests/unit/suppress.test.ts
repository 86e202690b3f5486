/**
 * Small-number suppression (src/lib/workbench/suppress.ts) on small hand-worked tables. For each
 * recovery route the issue names, the test builds a table where the route would recover a
 * suppressed count, suppresses it, and then plays the attacker: an independent solver that
 * repeatedly fills in any figure it can get by subtraction (a sum with one unknown) or from a
 * percentage and its total, and must never recover a suppressed value.
 */
import { describe, expect, it } from 'vitest';
import { suppress, type SuppressibleRow } from '../../src/lib/workbench/suppress';

const WMCA = 'E47000007';
const LAS = ['E08000025', 'E08000026', 'E08000027', 'E08000028', 'E08000029', 'E08000030', 'E08000031'];
const P = '2024-05';

const row = (indicator_id: string, area_code: string, value: number | null, marker = ''): SuppressibleRow => ({
	indicator_id,
	area_code,
	period: P,
	value,
	marker
});

/** One indicator for the seven authorities (in LAS order) and WMCA as their sum. */
function areaTable(indicator: string, values: number[]): SuppressibleRow[] {
	return [row(indicator, WMCA, values.reduce((a, b) => a + b, 0)), ...values.map((v, i) => row(indicator, LAS[i], v))];
}

type Known = Map<string, number>;
const k = (r: { indicator_id: string; area_code: string }) => `${r.indicator_id}|${r.area_code}`;

/**
 * The attacker: sums (total = parts) and percentages (pct = 100 * num / den, one decimal), applied
 * until nothing new is learnt. Returns every figure it knows.
 */
function attack(
	published: SuppressibleRow[],
	sums: { total: string; parts: string[] }[],
	pcts: { pct: string; num: string; den: string }[] = []
): Known {
	const known: Known = new Map();
	for (const r of published) if (r.value !== null) known.set(k(r), r.value);
	for (let learnt = true; learnt; ) {
		learnt = false;
		const learn = (cell: string, v: number) => {
			if (!known.has(cell)) {
				known.set(cell, Math.round(v));
				learnt = true;
			}
		};
		for (const s of sums) {
			const unknown = [s.total, ...s.parts].filter((c) => !known.has(c));
			if (unknown.length !== 1) continue;
			const partsSum = s.parts.filter((c) => known.has(c)).reduce((a, c) => a + known.get(c)!, 0);
			if (unknown[0] === s.total) learn(s.total, partsSum);
			else learn(unknown[0], known.get(s.total)! - partsSum);
		}
		for (const p of pcts) {
			const [pct, num, den] = [known.get(p.pct), known.get(p.num), known.get(p.den)];
			if (pct !== undefined && den !== undefined) learn(p.num, (pct * den) / 100);
			if (pct !== undefined && num !== undefined && pct > 0) learn(p.den, (num * 100) / pct);
		}
	}
	return known;
}

const areaSums = (indicator: string) => [{ total: `${indicator}|${WMCA}`, parts: LAS.map((a) => `${indicator}|${a}`) }];
const suppressedCells = (rows: SuppressibleRow[]) => rows.filter((r) => r.marker.split(' ').includes('c')).map(k);

describe('small-number suppression', () => {
	it('marks counts below the threshold [c] with no value, and keeps larger counts', () => {
		const { rows, primary } = suppress(areaTable('rs_month', [40, 3, 12, 20, 4, 9, 30]));
		expect(primary).toBe(2);
		const byArea = new Map(rows.map((r) => [r.area_code, r]));
		expect(byArea.get(LAS[1])).toMatchObject({ value: null, marker: 'c' });
		expect(byArea.get(LAS[4])).toMatchObject({ value: null, marker: 'c' });
		expect(byArea.get(LAS[0])).toMatchObject({ value: 40, marker: '' });
	});

	it('closes the route "an authority from the WMCA total and the other six"', () => {
		// Only Coventry (3) is below 5; without more, 118 - (40+12+20+6+9+30) = 3 gives it away.
		const table = areaTable('rs_month', [40, 3, 12, 20, 6, 9, 30]);
		expect(attack(table.filter((r) => r.area_code !== LAS[1]), areaSums('rs_month')).get(`rs_month|${LAS[1]}`)).toBe(3);

		const { rows, secondary } = suppress(table);
		expect(secondary).toBe(1);
		// The smallest other figure (Sandwell's 6) goes too.
		expect(suppressedCells(rows).sort()).toEqual([`rs_month|${LAS[1]}`, `rs_month|${LAS[4]}`].sort());
		const known = attack(rows, areaSums('rs_month'));
		for (const cell of suppressedCells(rows)) expect(known.has(cell), cell).toBe(false);
	});

	it('closes the route through the WMCA total when WMCA itself is small', () => {
		// WMCA 4 from 1 + 0 + 1 + 0 + 2 + 0 + 0: every figure is small, all seven and WMCA go.
		const { rows } = suppress(areaTable('new', [1, 0, 1, 0, 2, 0, 0]));
		expect(rows.every((r) => r.value === null)).toBe(true);
	});

	it('closes the route "a count from its percentage and the month\'s total"', () => {
		// Birmingham: 40 seen, 3 new: 7.5%. Publishing 7.5 and 40 gives 3 back.
		const table = [
			...areaTable('rs_month', [40, 20, 12, 20, 6, 9, 30]),
			...areaTable('new', [3, 8, 6, 7, 5, 5, 9]),
			row('new_pct', LAS[0], 7.5)
		];
		const pcts = [{ pct: `new_pct|${LAS[0]}`, num: `new|${LAS[0]}`, den: `rs_month|${LAS[0]}` }];
		expect(attack(table.filter((r) => !(r.indicator_id === 'new' && r.area_code === LAS[0])), [], pcts).get(`new|${LAS[0]}`)).toBe(3);

		const { rows, percentages } = suppress(table);
		expect(percentages).toBe(1);
		expect(rows.find((r) => r.indicator_id === 'new_pct')).toMatchObject({ value: null, marker: 'c' });
		const known = attack(rows, [...areaSums('rs_month'), ...areaSums('new')], pcts);
		for (const cell of suppressedCells(rows)) expect(known.has(cell), cell).toBe(false);
	});

	it('suppresses a percentage whose total is suppressed, so the total is not recovered from count and percentage', () => {
		// Coventry: 4 seen (suppressed), 2 new, 50%: 2 / 50% = 4.
		const table = [...areaTable('rs_month', [40, 4, 12, 20, 6, 9, 30]), row('new', LAS[1], 5), row('new_pct', LAS[1], 50)];
		const { rows } = suppress(table);
		expect(rows.find((r) => r.indicator_id === 'new_pct')?.marker).toBe('c');
		const pcts = [{ pct: `new_pct|${LAS[1]}`, num: `new|${LAS[1]}`, den: `rs_month|${LAS[1]}` }];
		const known = attack(rows, areaSums('rs_month'), pcts);
		expect(known.has(`rs_month|${LAS[1]}`)).toBe(false);
	});

	it('closes the route "a band from the other bands and their total"', () => {
		// Birmingham's 40 people: 20 one night, 9 two, 8 three to five, 2 six to ten, 1 eleven plus.
		const bands = { nights_1: 20, nights_2: 9, nights_3_5: 8, nights_6_10: 2, nights_11_plus: 1 };
		const table = [row('rs_month', LAS[0], 40), ...Object.entries(bands).map(([id, v]) => row(id, LAS[0], v))];
		const bandSum = [{ total: `rs_month|${LAS[0]}`, parts: Object.keys(bands).map((id) => `${id}|${LAS[0]}`) }];
		const { rows } = suppress(table);
		// Both small bands are primary; that already leaves two unknowns in the sum.
		expect(suppressedCells(rows).sort()).toEqual([`nights_11_plus|${LAS[0]}`, `nights_6_10|${LAS[0]}`]);
		const known = attack(rows, bandSum);
		for (const cell of suppressedCells(rows)) expect(known.has(cell), cell).toBe(false);

		// One small band alone: the next smallest band is suppressed with it.
		// 15 + 9 + 8 + 3 + 5 = 40: only 3 is small; the smallest other band (5) goes with it.
		const single = [row('rs_month', LAS[0], 40), ...Object.entries({ nights_1: 15, nights_2: 9, nights_3_5: 8, nights_6_10: 3, nights_11_plus: 5 }).map(([id, v]) => row(id, LAS[0], v))];
		const out = suppress(single).rows;
		expect(suppressedCells(out).sort()).toEqual([`nights_11_plus|${LAS[0]}`, `nights_6_10|${LAS[0]}`]);
		const knownOne = attack(out, bandSum);
		for (const cell of suppressedCells(out)) expect(knownOne.has(cell), cell).toBe(false);
	});

	it('follows one suppression into the next set it opens (bands, then areas)', () => {
		// Walsall's band nights_2 is 2: primary. Its smallest other band (nights_11_plus, 6) is
		// suppressed with it, which leaves nights_11_plus alone across the areas: one more goes there.
		const bandsFor = (area: string, b: number[]) =>
			['nights_1', 'nights_2', 'nights_3_5', 'nights_6_10', 'nights_11_plus'].map((id, i) => row(id, area, b[i]));
		const byArea = LAS.map((_, i) => (i === 5 ? [20, 2, 9, 7, 6] : [20 + i, 10, 9, 8, 7 + i]));
		const table: SuppressibleRow[] = [];
		for (const [i, a] of LAS.entries()) table.push(row('rs_month', a, byArea[i].reduce((x, y) => x + y)), ...bandsFor(a, byArea[i]));
		const bandIds = ['nights_1', 'nights_2', 'nights_3_5', 'nights_6_10', 'nights_11_plus'];
		for (const id of ['rs_month', ...bandIds]) {
			const total = table.filter((r) => r.indicator_id === id).reduce((s, r) => s + r.value!, 0);
			table.push(row(id, WMCA, total));
		}
		const { rows } = suppress(table);
		const sums = [
			...['rs_month', ...bandIds].flatMap(areaSums),
			...[WMCA, ...LAS].map((a) => ({ total: `rs_month|${a}`, parts: bandIds.map((id) => `${id}|${a}`) }))
		];
		const hidden = suppressedCells(rows);
		expect(hidden).toContain(`nights_2|${LAS[5]}`);
		expect(hidden.length).toBeGreaterThanOrEqual(4);
		const known = attack(rows, sums);
		for (const cell of hidden) expect(known.has(cell), cell).toBe(false);
	});

	it('keeps qualifying markers, leaves z and other indicators alone, and takes an adjustable threshold', () => {
		const table = [
			row('rs_month', LAS[0], 7, 'p'),
			row('rs_month', LAS[1], 8),
			row('new_pct', LAS[2], null, 'z'),
			row('snapshot_single_night', LAS[0], 2)
		];
		const { rows } = suppress(table, 10);
		expect(rows[0]).toMatchObject({ value: null, marker: 'c p' });
		expect(rows[1]).toMatchObject({ value: null, marker: 'c' });
		expect(rows[2]).toMatchObject({ value: null, marker: 'z' });
		expect(rows[3]).toMatchObject({ value: 2, marker: '' });
		expect(() => suppress(table, 0)).toThrow(RangeError);
	});
});

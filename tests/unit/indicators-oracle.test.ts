/**
 * The SQL against the plain-TypeScript oracle on generated registers: every cell must agree.
 * Registers from the project's generator (realistic) and from a test-local "boundary" generator
 * that crowds events around every threshold of the definitions (60 months, 180 days, 85 days,
 * 12 months, month ends, leap days, moves between authorities).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/data/engine';
import { createNodeEngine } from '../../src/lib/data/engine-node';
import { WMCA_AUTHORITIES } from '../../src/lib/data/contract';
import { computeWide, loadContacts } from '../../src/lib/indicators/compute';
import { oracleIndicators } from '../../src/lib/indicators/oracle';
import { checkRecords, INSTITUTIONS, type ContactRecord } from '../../src/lib/indicators/records';
import { generateRegister, mulberry32, registerCsv } from '../../src/lib/indicators/register';

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

async function compare(records: ContactRecord[], range: { from?: string; to?: string } = {}) {
	const text = registerCsv(records);
	const checked = checkRecords(text, 'register.csv', { keepRecords: true });
	expect(checked.problems).toEqual([]);
	await loadContacts(engine, checked.text, checked.header);
	const sql = await computeWide(engine, range);
	const oracle = oracleIndicators(checked.records!, range);
	expect(sql.length).toBe(oracle.length);
	expect(sql.length).toBeGreaterThan(0);
	for (let i = 0; i < sql.length; i++) expect(sql[i], `${sql[i].area_code} ${sql[i].period}`).toEqual(oracle[i]);
	return sql;
}

/** Events crowded around the definitions' thresholds. */
function boundaryRegister(seed: number, people: number): ContactRecord[] {
	const rand = mulberry32(seed);
	const codes = WMCA_AUTHORITIES.map((a) => a.code as string);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
	const DAY = 86_400_000;
	const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
	const dayOf = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / DAY;
	const minusMonths = (day: number, k: number) => {
		const d = new Date(day * DAY);
		const t = d.getUTCFullYear() * 12 + d.getUTCMonth() - k;
		const y = Math.floor(t / 12);
		const m = t % 12;
		const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
		return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY;
	};
	// Anchor days: month ends, leap days and ordinary days in 2023-2024.
	const anchors = ['2024-02-29', '2024-03-31', '2024-01-31', '2023-12-31', '2024-03-01', '2024-02-28', '2023-03-31', '2024-06-30'].map(dayOf);
	const records: ContactRecord[] = [];
	const sight = (p: string, area: string, day: number, inst = '', left = '') =>
		records.push({ person_id: p, area_code: area, event_date: iso(day), event: 'seen_rough_sleeping', accommodation: '', institution: inst as ContactRecord['institution'], institution_left_date: left });
	for (let i = 0; i < people; i++) {
		const p = `B${i}`;
		const home = pick(codes);
		const area = () => (rand() < 0.3 ? pick(codes) : home);
		const d = pick(anchors) + (rand() < 0.5 ? 0 : Math.floor(rand() * 40) - 20);
		// The anchor sighting, maybe with an institution left 84-87 days (or 0) before.
		const r = rand();
		if (r < 0.15) {
			const inst = pick(INSTITUTIONS);
			sight(p, area(), d, inst, inst === 'care_leaver' ? '' : iso(d - pick([0, 84, 85, 86, 87, 200])));
		} else sight(p, area(), d);
		// Earlier sightings at the thresholds.
		const n = Math.floor(rand() * 4);
		for (let j = 0; j < n; j++) {
			const back = pick([
				minusMonths(d, 60),
				minusMonths(d, 60) - 1,
				minusMonths(d, 60) + 1,
				d - 179,
				d - 180,
				d - 181,
				minusMonths(d, 11),
				minusMonths(d, 12),
				d - 1 - Math.floor(rand() * 400),
				d - Math.floor(rand() * 2000)
			]);
			sight(p, area(), back);
		}
		// Now and then a run of 9 to 13 nights ending on d (around the 6-10 / 11+ band edge).
		if (rand() < 0.08) {
			const run = 9 + Math.floor(rand() * 5);
			for (let j = 1; j <= run; j++) sight(p, home, d - j * (rand() < 0.8 ? 1 : 9));
		}
		// Later sightings in the same and next months.
		const later = Math.floor(rand() * 4);
		for (let j = 0; j < later; j++) sight(p, area(), d + Math.floor(rand() * 60));
		// Accommodation around the 12-month threshold, or in the month.
		if (rand() < 0.4) {
			const at = pick([minusMonths(d, 12), minusMonths(d, 12) - 1, minusMonths(d, 12) + 1, d, d - 1, d + 3, d - 200]);
			records.push({ person_id: p, area_code: area(), event_date: iso(at), event: 'accommodated', accommodation: rand() < 0.6 ? 'settled' : 'other', institution: '', institution_left_date: '' });
		}
	}
	return records.sort((a, b) => (a.event_date < b.event_date ? -1 : a.event_date > b.event_date ? 1 : 0));
}

describe('SQL and oracle agree on every cell', () => {
	it('generated register: 600 people, 2018-05 to 2026-10, every month of the data', async () => {
		const rows = await compare(generateRegister({ people: 600, seed: 1, from: '2018-05', to: '2026-10' }));
		expect(rows.length).toBe(8 * 102);
	});

	it('generated register: 1,500 people, 2015-01 to 2021-12, months 2019-01 to 2021-12', async () => {
		await compare(generateRegister({ people: 1500, seed: 2, from: '2015-01', to: '2021-12' }), { from: '2019-01', to: '2021-12' });
	});

	it('generated register: 300 people in one year', async () => {
		await compare(generateRegister({ people: 300, seed: 3, from: '2024-01', to: '2024-12' }));
	});

	for (const seed of [11, 12, 13]) {
		it(`boundary register, seed ${seed}`, async () => {
			const rows = await compare(boundaryRegister(seed, 1500), { from: '2023-01', to: '2024-09' });
			// The register does exercise the measures.
			const total = (k: string) => rows.reduce((s, r) => s + ((r as unknown as Record<string, number>)[k] ?? 0), 0);
			for (const k of ['new', 'returners', 'returners_from_settled', 'left_institution', 'long_term', 'nights_11_plus', 'accommodated'])
				expect(total(k), k).toBeGreaterThan(0);
		});
	}
});

describe('the register generator', () => {
	it('is deterministic for a seed, and differs between seeds', () => {
		const a = registerCsv(generateRegister({ people: 200, seed: 42, from: '2022-01', to: '2024-12' }));
		const b = registerCsv(generateRegister({ people: 200, seed: 42, from: '2022-01', to: '2024-12' }));
		const c = registerCsv(generateRegister({ people: 200, seed: 43, from: '2022-01', to: '2024-12' }));
		expect(a).toBe(b);
		expect(a).not.toBe(c);
	});

	it('writes records that pass the contract, synthetic ids, dates inside the range, every kind of event', () => {
		const records = generateRegister({ people: 2000, seed: 5, from: '2022-01', to: '2024-12' });
		const checked = checkRecords(registerCsv(records), 'g.csv');
		expect(checked.problems).toEqual([]);
		expect(records.every((r) => /^SYN\d{6}$/.test(r.person_id))).toBe(true);
		expect(records.every((r) => r.event_date >= '2022-01-01' && r.event_date <= '2024-12-31')).toBe(true);
		expect(new Set(records.map((r) => r.institution))).toEqual(new Set(['', ...INSTITUTIONS]));
		expect(new Set(records.map((r) => r.accommodation))).toEqual(new Set(['', 'settled', 'other']));
		// Birmingham, the largest published snapshot count, has the most events; every authority has some.
		const byArea = new Map<string, number>();
		for (const r of records) byArea.set(r.area_code, (byArea.get(r.area_code) ?? 0) + 1);
		expect(byArea.size).toBe(7);
		const max = [...byArea.entries()].sort((x, y) => y[1] - x[1])[0][0];
		expect(max).toBe('E08000025');
	});

	it('stops at maxEvents', () => {
		const records = generateRegister({ people: Infinity, seed: 9, from: '2018-05', to: '2026-10', maxEvents: 5000 });
		expect(records).toHaveLength(5000);
	});
});

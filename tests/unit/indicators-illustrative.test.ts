/**
 * data/observations_illustrative.csv: regenerating it (npm run data:illustrative) gives exactly the
 * committed file (a drift check); every figure in it is also what the plain-TypeScript oracle
 * computes from the same synthetic register (a second method, no SQL); and its figures keep the
 * data contract and look plausible.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	ILLUSTRATIVE_FILE,
	ILLUSTRATIVE_MONTHS,
	ILLUSTRATIVE_REGISTER,
	buildIllustrative
} from '../../scripts/data-illustrative';
import { toObservationRows } from '../../src/lib/indicators/compute';
import { oracleIndicators } from '../../src/lib/indicators/oracle';
import { checkRecords } from '../../src/lib/indicators/records';
import { generateRegister, registerCsv } from '../../src/lib/indicators/register';

type Rec = Record<string, string>;
const read = (name: string) =>
	Papa.parse<Rec>(readFileSync(name, 'utf8'), { header: true, skipEmptyLines: true }).data;

const committed = readFileSync(ILLUSTRATIVE_FILE, 'utf8');
const rows = read(ILLUSTRATIVE_FILE);

describe('data/observations_illustrative.csv', () => {
	let regenerated: string;
	beforeAll(async () => {
		regenerated = await buildIllustrative();
	});

	it('drift check: is reproduced byte for byte by the committed generator parameters', () => {
		expect(ILLUSTRATIVE_REGISTER).toEqual({ people: 5000, seed: 20230501, from: '2018-05', to: '2026-10' });
		expect(regenerated === committed).toBe(true);
	});

	it('holds, for every area, month and indicator, the figure the oracle computes from the same register', () => {
		const checked = checkRecords(registerCsv(generateRegister(ILLUSTRATIVE_REGISTER)), 'register.csv', { keepRecords: true });
		expect(checked.problems).toEqual([]);
		const expected = toObservationRows(oracleIndicators(checked.records!, ILLUSTRATIVE_MONTHS));
		const key = (r: Partial<Record<'indicator_id' | 'area_code' | 'period', string>>) => `${r.indicator_id}|${r.area_code}|${r.period}`;
		const actual = new Map(rows.map((r) => [key(r), `${r.value}|${r.marker}`]));
		expect(actual.size).toBe(expected.length);
		for (const e of expected) expect(actual.get(key(e)), key(e)).toBe(`${e.value ?? ''}|${e.marker}`);
	});

	it('has the observations.csv columns and keeps the contract: counts >= 0, percentages 0-100, markers empty or z', () => {
		expect(committed.split('\n')[0]).toBe(readFileSync('data/observations.csv', 'utf8').split('\n')[0]);
		const indicators = new Map(read('data/indicators.csv').map((r) => [r.indicator_id, r]));
		for (const r of rows) {
			const ind = indicators.get(r.indicator_id);
			expect(ind, r.indicator_id).toBeDefined();
			expect(ind!.frequency).toBe('monthly');
			expect(r.period).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
			expect(r.source_id).toBe('illustrative_register');
			expect(['', 'z']).toContain(r.marker);
			if (r.marker === 'z') {
				expect(r.value).toBe('');
				expect(ind!.unit).toBe('percent');
				continue;
			}
			const v = Number(r.value);
			expect(r.value).toMatch(/^\d+(\.\d)?$/);
			if (ind!.unit === 'percent') expect(v).toBeLessThanOrEqual(100);
			else expect(Number.isInteger(v)).toBe(true);
		}
		const sources = read('data/sources.csv');
		expect(sources.find((s) => s.source_id === 'illustrative_register')?.kind).toBe('illustrative');
	});

	it('covers every area and month from May 2023 to October 2026, all four pillars, and no key of observations.csv', () => {
		const months = new Set(rows.map((r) => r.period));
		expect(months.size).toBe(42);
		expect([...months].sort()[0]).toBe(ILLUSTRATIVE_MONTHS.from);
		expect([...months].sort().at(-1)).toBe(ILLUSTRATIVE_MONTHS.to);
		expect(new Set(rows.map((r) => r.area_code)).size).toBe(8);
		expect(rows).toHaveLength(24 * 8 * 42);
		const pillars = new Map(read('data/indicators.csv').map((r) => [r.indicator_id, r.pillar]));
		expect(new Set(rows.map((r) => pillars.get(r.indicator_id)))).toEqual(
			new Set(['prevented', 'rare', 'brief', 'non_recurring'])
		);
		const official = new Set(read('data/observations.csv').map((r) => `${r.indicator_id}|${r.area_code}|${r.period}`));
		expect(rows.filter((r) => official.has(`${r.indicator_id}|${r.area_code}|${r.period}`))).toEqual([]);
	});

	it('is plausible in scale: Birmingham largest, WMCA in proportion to the published snapshot', () => {
		const mean = (area: string) => {
			const v = rows.filter((r) => r.indicator_id === 'rs_month' && r.area_code === area).map((r) => Number(r.value));
			return v.reduce((a, b) => a + b, 0) / v.length;
		};
		const authorities = ['E08000025', 'E08000026', 'E08000027', 'E08000028', 'E08000029', 'E08000030', 'E08000031'];
		const means = authorities.map(mean);
		expect(Math.max(...means)).toBe(means[0]);
		// Autumn snapshots for the seven authorities: 121 (2024) and 158 (2025) people on one night;
		// people seen over a month run at about 1.5 to 2 times the single-night count.
		expect(mean('E47000007')).toBeGreaterThan(150);
		expect(mean('E47000007')).toBeLessThan(400);
	});
});

/**
 * The named queries on the Node engine over the real data/. Expectations are computed here from
 * the CSV text itself (a second method), not from the engine.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/data/engine';
import { createNodeEngine } from '../../src/lib/data/engine-node';
import { loadDataFiles } from '../../src/lib/data/database';
import { queries, run } from '../../src/lib/data/queries';
import { readDataDir } from '../../src/lib/server/db';
import { WMCA, WMCA_AUTHORITIES } from '../../src/lib/data/contract';

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
	await loadDataFiles(engine, readDataDir());
});
afterAll(async () => {
	await engine.close();
});

const observations = Papa.parse<Record<string, string>>(readFileSync('data/observations.csv', 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data;
/** The sum of the seven authorities' published figures, or null when any is missing. */
function sumOfSeven(year: string): number | null {
	let total = 0;
	for (const a of WMCA_AUTHORITIES) {
		const row = observations.find((r) => r.indicator_id === 'snapshot_single_night' && r.area_code === a.code && r.period === year);
		if (!row || row.value === '') return null;
		total += Number(row.value);
	}
	return total;
}

describe('loading data files', () => {
	it('loads a file with a BOM and mixed CRLF and LF line ends (which the validator accepts) row for row', async () => {
		const files = readDataDir();
		const lines = files['observations.csv'].trimEnd().split('\n');
		const mixed = '\uFEFF' + lines[0] + '\r\n' + lines.slice(1, 20).join('\r\n') + '\n' + lines.slice(20).join('\n') + '\n';
		const other = await createNodeEngine();
		try {
			await loadDataFiles(other, { ...files, 'observations.csv': mixed });
			const [{ n }] = await other.query<{ n: number }>(`SELECT count(*) AS n FROM observations WHERE source_id <> 'illustrative_register'`);
			expect(n).toBe(lines.length - 1);
			const [{ bad }] = await other.query<{ bad: number }>(
				`SELECT count(*) AS bad FROM observations WHERE contains(indicator_id || period || note, chr(13)) OR starts_with(indicator_id, chr(65279))`
			);
			expect(bad).toBe(0);
		} finally {
			await other.close();
		}
	});
});

describe('named queries on the Node engine', () => {
	it('WMCA autumn snapshot: 169 in 2018 and 115 in 2019, each the sum of the seven authorities', async () => {
		const rows = await run(engine, queries.series('snapshot_single_night', WMCA));
		const value = (year: string) => rows.find((r) => r.period === year)?.value;
		expect(sumOfSeven('2018')).toBe(169);
		expect(sumOfSeven('2019')).toBe(115);
		expect(value('2018')).toBe(169);
		expect(value('2019')).toBe(115);
		for (const r of rows) expect(r.value, r.period).toBe(sumOfSeven(r.period));
	});

	it('a year with an unknown authority is x with no value, never a number', async () => {
		const rows = await run(engine, queries.series('snapshot_single_night', WMCA));
		const y2022 = rows.find((r) => r.period === '2022')!;
		expect(sumOfSeven('2022')).toBeNull();
		expect(y2022.value).toBeNull();
		expect(y2022.marker).toBe('x');
	});

	it('returns plain rows: numbers as number, dates as ISO strings, NULL as null', async () => {
		const [row] = await engine.query<Record<string, unknown>>(
			`SELECT 12::BIGINT AS big, 1.5::DECIMAL(4, 1) AS dec, DATE '2024-02-29' AS day,
			        TIMESTAMP '2024-02-29 13:45:00' AS ts, NULL::INTEGER AS nothing, 'a' AS text, true AS yes`
		);
		expect(row).toEqual({ big: 12, dec: 1.5, day: '2024-02-29', ts: '2024-02-29T13:45:00.000Z', nothing: null, text: 'a', yes: true });
	});

	it('binds parameters instead of splicing them into SQL', async () => {
		const rows = await run(engine, queries.series("snapshot_single_night' OR '1'='1", WMCA));
		expect(rows).toEqual([]);
	});

	it('never fetches extensions behind our back', async () => {
		const [row] = await engine.query<{ load: boolean; install: boolean }>(
			`SELECT current_setting('autoload_known_extensions') AS load, current_setting('autoinstall_known_extensions') AS install`
		);
		expect(row).toEqual({ load: false, install: false });
	});

	it('rates by authority: count / published population × 100,000, to one decimal place', async () => {
		const populations = Papa.parse<Record<string, string>>(readFileSync('data/denominators.csv', 'utf8'), { header: true, skipEmptyLines: true })
			.data.filter((d) => d.measure === 'population');
		const rows = await run(engine, queries.snapshotByArea('2025', 'local_authority'));
		expect(rows.length).toBe(7);
		for (const r of rows) {
			const count = Number(observations.find((o) => o.indicator_id === 'snapshot_single_night' && o.area_code === r.area_code && o.period === '2025')!.value);
			const population = Number(populations.find((d) => d.area_code === r.area_code)!.value);
			expect(r.rate_per_100k, r.area_name).toBe(Math.round((count / population) * 100000 * 10) / 10);
			expect(r.denominator_year).toBe(2020);
		}
		// By hand: Solihull 19 / 217,487 × 100,000 = 8.736… → 8.7, the highest of the seven.
		expect(rows.find((r) => r.area_name === 'Solihull')?.rate_per_100k).toBe(8.7);
		// By hand: Birmingham 2019, 52 / 1,140,525 × 100,000 = 4.559… → 4.6.
		const y2019 = await run(engine, queries.snapshotByArea('2019', 'local_authority'));
		expect(y2019.find((r) => r.area_name === 'Birmingham')).toMatchObject({ value: 52, rate_per_100k: 4.6 });
		// A year with no count gives no rate.
		const y2023 = await run(engine, queries.snapshotByArea('2023', 'local_authority'));
		expect(y2023.find((r) => r.area_name === 'Coventry')).toMatchObject({ value: null, rate_per_100k: null });
	});

	it('gives one row per authority even when several population years are held, using the nearest year', async () => {
		const files = readDataDir();
		// A second (made-up, test-only) Birmingham population, for 2024: nearer to autumn 2025 than 2020.
		files['denominators.csv'] = files['denominators.csv'].trimEnd() + '\nE08000025,population,2024,1200000,people,ons_mye_2020,test only\n';
		const other = await createNodeEngine();
		try {
			await loadDataFiles(other, files);
			const rows = await run(other, queries.snapshotByArea('2025', 'local_authority'));
			expect(rows.length).toBe(7);
			// 68 / 1,200,000 × 100,000 = 5.666… → 5.7, with the 2024 population.
			expect(rows.find((r) => r.area_name === 'Birmingham')).toMatchObject({ rate_per_100k: 5.7, denominator_year: 2024 });
			// For autumn 2019 the 2020 population is nearer: 52 / 1,140,525 × 100,000 → 4.6.
			const y2019 = await run(other, queries.snapshotByArea('2019', 'local_authority'));
			expect(y2019.find((r) => r.area_name === 'Birmingham')).toMatchObject({ rate_per_100k: 4.6, denominator_year: 2020 });
		} finally {
			await other.close();
		}
	});

	it('latest snapshot by authority lists the seven authorities', async () => {
		const rows = await run(engine, queries.snapshotByArea('2025', 'local_authority'));
		expect(rows.map((r) => r.area_name).sort()).toEqual(WMCA_AUTHORITIES.map((a) => a.name).sort());
	});
});

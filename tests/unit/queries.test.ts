/**
 * The named queries on the Node engine over the real data/. Expectations are computed here from
 * the CSV text itself (a second method), not from the engine.
 */
import { describe, expect, it } from 'vitest';
import { useDataEngine } from '../data-engine';
import { createNodeEngine } from '../../src/lib/data/engine-node';
import { loadDataFiles } from '../../src/lib/data/database';
import { diagnosticQueries, queries, run } from '../../src/lib/data/queries';
import { readDataDir } from '../../src/lib/server/db';
import { WMCA, WMCA_AUTHORITIES } from '../../src/lib/data/contract';
import { readCsv, sumOfSevenAuthorities } from '../data-files';

const engine = useDataEngine();

const observations = readCsv('observations.csv');
/** The sum of the seven authorities' published figures (from the CSV), or null when any is missing. */
const sumOfSeven = sumOfSevenAuthorities;

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
		const rows = await run(engine(), queries.series('snapshot_single_night', WMCA));
		const value = (year: string) => rows.find((r) => r.period === year)?.value;
		expect(sumOfSeven('2018')).toBe(169);
		expect(sumOfSeven('2019')).toBe(115);
		expect(value('2018')).toBe(169);
		expect(value('2019')).toBe(115);
		for (const r of rows) expect(r.value, r.period).toBe(sumOfSeven(r.period));
	});

	it('a year with an unknown authority is x with no value, never a number', async () => {
		const rows = await run(engine(), queries.series('snapshot_single_night', WMCA));
		const y2022 = rows.find((r) => r.period === '2022')!;
		expect(sumOfSeven('2022')).toBeNull();
		expect(y2022.value).toBeNull();
		expect(y2022.marker).toBe('x');
	});

	it('returns plain rows: numbers as number, dates as ISO strings, NULL as null', async () => {
		const [row] = await engine().query<Record<string, unknown>>(
			`SELECT 12::BIGINT AS big, 1.5::DECIMAL(4, 1) AS dec, DATE '2024-02-29' AS day,
			        TIMESTAMP '2024-02-29 13:45:00' AS ts, NULL::INTEGER AS nothing, 'a' AS text, true AS yes`
		);
		expect(row).toEqual({ big: 12, dec: 1.5, day: '2024-02-29', ts: '2024-02-29T13:45:00.000Z', nothing: null, text: 'a', yes: true });
	});

	it('binds parameters instead of splicing them into SQL', async () => {
		const rows = await run(engine(), queries.series("snapshot_single_night' OR '1'='1", WMCA));
		expect(rows).toEqual([]);
	});

	it('never fetches extensions behind our back', async () => {
		const [row] = await engine().query<{ load: boolean; install: boolean }>(
			`SELECT current_setting('autoload_known_extensions') AS load, current_setting('autoinstall_known_extensions') AS install`
		);
		expect(row).toEqual({ load: false, install: false });
	});

	it('rates by authority: count / the population of the nearest year held × 100,000, to one decimal place', async () => {
		const populations = readCsv('denominators.csv').filter((d) => d.measure === 'population');
		const latestPopulationYear = Math.max(...populations.map((d) => Number(d.year)));
		const rows = await run(engine(), queries.snapshotByArea('snapshot_single_night', '2025', 'local_authority'));
		expect(rows.length).toBe(7);
		for (const r of rows) {
			const count = Number(observations.find((o) => o.indicator_id === 'snapshot_single_night' && o.area_code === r.area_code && o.period === '2025')!.value);
			const population = Number(populations.find((d) => d.area_code === r.area_code && Number(d.year) === latestPopulationYear)!.value);
			expect(r.rate_per_100k, r.area_name).toBe(Math.round((count / population) * 100000 * 10) / 10);
			expect(r.denominator_year).toBe(latestPopulationYear);
		}
		// By hand: Solihull autumn 2025, 19 / 221,242 (mid-2024, the latest held) × 100,000 = 8.587… → 8.6.
		expect(rows.find((r) => r.area_name === 'Solihull')).toMatchObject({ rate_per_100k: 8.6, denominator_year: 2024 });
		// By hand: Birmingham 2019, 52 / 1,150,646 (mid-2019) × 100,000 = 4.519… → 4.5.
		const y2019 = await run(engine(), queries.snapshotByArea('snapshot_single_night', '2019', 'local_authority'));
		expect(y2019.find((r) => r.area_name === 'Birmingham')).toMatchObject({ value: 52, rate_per_100k: 4.5, denominator_year: 2019 });
		// A year with no count gives no rate.
		const y2023 = await run(engine(), queries.snapshotByArea('snapshot_single_night', '2023', 'local_authority'));
		expect(y2023.find((r) => r.area_name === 'Coventry')).toMatchObject({ value: null, rate_per_100k: null });
	});

	it('takes the indicator from its arguments: none is written into the SQL', async () => {
		const none = await run(engine(), queries.snapshotByArea('no_such_indicator', '2025', 'local_authority'));
		expect(none.length).toBe(7);
		expect(none.every((r) => r.value === null && r.marker === 'x')).toBe(true);
		const ids = readCsv('indicators.csv').map((i) => i.indicator_id);
		const sqls = [...diagnosticQueries(), queries.snapshotByArea('x', '2025', 'local_authority'), queries.latestPeriod('x', [WMCA])].map((q) => q.sql);
		for (const sql of sqls) for (const id of ids) expect(sql, id).not.toContain(`'${id}'`);
	});

	it('latest period is the latest any of the areas holds a value for', async () => {
		// By hand from observations.csv: the WMCA total for 2023 is [x], 2024 and 2025 are held.
		expect(await run(engine(), queries.latestPeriod('snapshot_single_night', [WMCA]))).toEqual([{ period: '2025' }]);
		expect(await run(engine(), queries.latestPeriod('snapshot_single_night', ['E08000026', 'no_such_area']))).toEqual([{ period: '2025' }]);
		expect(await run(engine(), queries.latestPeriod('snapshot_single_night', ['no_such_area']))).toEqual([{ period: null }]);
	});

	it('latest snapshot by authority lists the seven authorities', async () => {
		const rows = await run(engine(), queries.snapshotByArea('snapshot_single_night', '2025', 'local_authority'));
		expect(rows.map((r) => r.area_name).sort()).toEqual(WMCA_AUTHORITIES.map((a) => a.name).sort());
	});
});

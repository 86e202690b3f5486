/**
 * The bundled editions: the autumn 2017 snapshot edition is exactly what the importer makes of the
 * published 2017 workbook (run where ../shared is beside the clone); the earlier illustrative
 * edition is reproduced byte for byte by npm run data:illustrative and is what the plain-TypeScript
 * oracle computes from the register as it stood on its day (a second method); the register cut
 * keeps only records entered by the day; the importer's edition row.
 */
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { ILLUSTRATIVE_EARLIER, ILLUSTRATIVE_REGISTER, buildIllustrativeEarlier } from '../../scripts/data-illustrative';
import { importCsvs } from '../../src/lib/import/csv';
import { importWorkbook } from '../../src/lib/import/import';
import { readGrids } from '../../src/lib/import/read';
import { toObservationRows } from '../../src/lib/indicators/compute';
import { oracleIndicators } from '../../src/lib/indicators/oracle';
import { checkRecords } from '../../src/lib/indicators/records';
import { generateRegister, registerCsv } from '../../src/lib/indicators/register';
import { entryDelays, registerAsAt } from '../../src/lib/indicators/register-cut';
import { describeWithShared } from '../needs-shared';

const read = (name: string) => Papa.parse<Record<string, string>>(readFileSync(name, 'utf8'), { header: true, skipEmptyLines: true }).data;

describeWithShared('the autumn 2017 snapshot edition', (shared) => {
	it('data/observations_superseded.csv is the import of the published 2017 workbook, every row naming mhclg_snapshot_2017', async () => {
		const name = 'rough_sleeping_statistics_england_autumn_2017_tables.xlsx';
		const bytes = new Uint8Array(readFileSync(`${shared()}/reference/mhclg/files/${name}`));
		const result = importWorkbook(await readGrids(bytes, name, XLSX), name, { sourceId: 'mhclg_snapshot_2017' });
		const csv = importCsvs(result, { superseded: true });
		expect(csv.observations === readFileSync('data/observations_superseded.csv', 'utf8')).toBe(true);
		expect(csv.edition).toBe('source_id,series,reason,commentary\nmhclg_snapshot_2017,snapshot,,\n');
		// 2010 to 2017 for the seven authorities, the WMCA, the region and England.
		expect(read('data/observations_superseded.csv').map((r) => r.period).sort().at(-1)).toBe('2017');
		expect(read('data/observations_superseded.csv')).toHaveLength(80);
	});
});

describe('the earlier illustrative edition', () => {
	const register = generateRegister(ILLUSTRATIVE_REGISTER);
	let regenerated: string;
	beforeAll(async () => {
		regenerated = await buildIllustrativeEarlier();
	});

	it('drift check: npm run data:illustrative reproduces data/observations_superseded_illustrative.csv byte for byte', () => {
		expect(ILLUSTRATIVE_EARLIER).toMatchObject({ sourceId: 'illustrative_register_2026_08', asAt: '2026-08-10', months: { from: '2023-05', to: '2026-07' } });
		expect(regenerated === readFileSync(ILLUSTRATIVE_EARLIER.file, 'utf8')).toBe(true);
	});

	it('holds what the oracle computes from the register as at 10 August 2026, every row naming the earlier edition', () => {
		const cut = registerAsAt(register, ILLUSTRATIVE_EARLIER.asAt, ILLUSTRATIVE_EARLIER.late);
		const checked = checkRecords(registerCsv(cut), 'register.csv', { keepRecords: true });
		expect(checked.problems).toEqual([]);
		const expected = toObservationRows(oracleIndicators(checked.records!, ILLUSTRATIVE_EARLIER.months), ILLUSTRATIVE_EARLIER.sourceId);
		const rows = read(ILLUSTRATIVE_EARLIER.file);
		expect(rows).toHaveLength(expected.length);
		const got = new Map(rows.map((r) => [`${r.indicator_id}|${r.area_code}|${r.period}`, `${r.value}|${r.marker}|${r.source_id}`]));
		for (const e of expected) expect(got.get(`${e.indicator_id}|${e.area_code}|${e.period}`)).toBe(`${e.value ?? ''}|${e.marker}|illustrative_register_2026_08`);
	});

	it('the cut keeps exactly the records whose event day plus entry delay is on or before the day', () => {
		const delays = entryDelays(register, ILLUSTRATIVE_EARLIER.late);
		const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
		const cut = day('2026-08-10');
		const kept = registerAsAt(register, '2026-08-10', ILLUSTRATIVE_EARLIER.late);
		expect(kept).toEqual(register.filter((r, i) => day(r.event_date) + delays[i] <= cut));
		// Records entered late exist (so recent months are restated), on-time ones within the week.
		expect(delays.some((d) => d >= 7)).toBe(true);
		expect(delays.every((d) => d >= 0 && Number.isInteger(d))).toBe(true);
		// Long before the day, nothing is missing: a record of 2025 is in unless its delay is over seven months.
		const early = register.filter((r, i) => r.event_date < '2025-12-01' && delays[i] < 250);
		expect(early.every((r) => kept.includes(r))).toBe(true);
		// A record after the day is never in.
		expect(kept.every((r) => r.event_date <= '2026-08-10')).toBe(true);
	});
});

/**
 * The real published workbooks in ../shared/reference/mhclg/files/ against the figures compiled
 * independently in ../shared/data/official/snapshot_single_night.csv. Runs only where ../shared
 * exists (and says so when it does not).
 */
import * as XLSX from '@e965/xlsx';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, it } from 'vitest';
import { importWorkbook } from '../../src/lib/import/import';
import { readGrids } from '../../src/lib/import/read';
import { sharedLocation } from '../../scripts/shared-dir.mjs';
import { describeWithShared } from '../needs-shared';

// ../shared beside the clone (as in CI); SHARED_DIR points elsewhere (e.g. from a git worktree).
const SHARED = sharedLocation();
const FILES = `${SHARED}/reference/mhclg/files`;
const here = existsSync(`${FILES}/rough_sleeping_snapshot_autumn_2019_tables.xlsx`) && existsSync(`${SHARED}/data/official/snapshot_single_night.csv`);

const SEVEN = ['E08000025', 'E08000026', 'E08000027', 'E08000028', 'E08000029', 'E08000030', 'E08000031'];
const WANTED = [...SEVEN, 'E12000005', 'E92000001'];

async function importFile(name: string) {
	const bytes = new Uint8Array(readFileSync(`${FILES}/${name}`));
	return importWorkbook(await readGrids(bytes, name, XLSX), name);
}

describeWithShared('the real autumn snapshot workbooks', () => {
	const official = here
		? Papa.parse<Record<string, string>>(readFileSync(`${SHARED}/data/official/snapshot_single_night.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data
		: [];
	const expected = (lastYear: number) =>
		official
			.filter((r) => WANTED.includes(r.area_code) && Number(r.year) <= lastYear && r.source_id === 'mhclg_snapshot_2019')
			.map((r) => `${r.area_code} ${r.year} ${r.value}`)
			.sort();

	it('are the published files (checksums as in the reference README)', () => {
		const sha = (f: string) => createHash('sha256').update(readFileSync(`${FILES}/${f}`)).digest('hex');
		expect(sha('rough_sleeping_snapshot_autumn_2019_tables.xlsx')).toBe('38d59bc93e35aa629f98f5e0fd2c8f1ac8771ba1371e33beafbd679060ecc32c');
		expect(sha('rough_sleeping_statistics_england_autumn_2017_tables.xlsx')).toBe('9ce7ec002e900228304dd9982004b5f936d87aba76b2774acc2fa8598c6a3481');
	});

	it('autumn 2019: every 2010-2019 value for the seven authorities, the region and England, exactly', async () => {
		const result = await importFile('rough_sleeping_snapshot_autumn_2019_tables.xlsx');
		const got = result.rows.filter((r) => r.area_code !== 'E47000007').map((r) => `${r.area_code} ${r.period} ${r.value}`).sort();
		expect(expected(2019)).toHaveLength(90);
		expect(got).toEqual(expected(2019));
		expect(result.rows.every((r) => r.marker === '' && r.indicator_id === 'snapshot_single_night')).toBe(true);
		expect(result.source).toMatchObject({ source_id: 'mhclg_snapshot_2019', published: '2020-02-27', kind: 'official_statistics' });
	});

	it('autumn 2019: the WMCA total is the sum of the seven, and each value names its cell', async () => {
		const result = await importFile('rough_sleeping_snapshot_autumn_2019_tables.xlsx');
		const total = (y: string) => official.filter((r) => SEVEN.includes(r.area_code) && r.year === y).reduce((s, r) => s + Number(r.value), 0);
		for (const y of ['2010', '2018', '2019']) {
			expect(result.rows.find((r) => r.area_code === 'E47000007' && r.period === y)?.value).toBe(total(y));
		}
		// England is the first data row (row 5) and 2010 the fifth column (E), by the verbatim reference rows.
		expect(result.cells.find((c) => c.area_code === 'E92000001' && c.period === '2010')?.cell).toBe('Table 1 Total!E5');
		expect(result.cells.find((c) => c.area_code === 'E08000025' && c.period === '2019')?.cell).toMatch(/^Table 1 Total!N\d+$/);
		expect(result.cells).toHaveLength(result.rows.length);
	});

	it('autumn 2017: the same 2010-2017 values, from a layout with codes first and households beside', async () => {
		const result = await importFile('rough_sleeping_statistics_england_autumn_2017_tables.xlsx');
		const got = result.rows.filter((r) => r.area_code !== 'E47000007').map((r) => `${r.area_code} ${r.period} ${r.value}`).sort();
		expect(got).toEqual(expected(2017));
		expect(result.source.published).toBe('2018-01-25');
		expect(result.cells.find((c) => c.area_code === 'E92000001' && c.period === '2010')?.cell).toBe('table 1!D6');
	});

	it('the 2019 edition compared with the 2017 one: no value changed, so none is marked r', async () => {
		const older = await importFile('rough_sleeping_statistics_england_autumn_2017_tables.xlsx');
		const bytes = new Uint8Array(readFileSync(`${FILES}/rough_sleeping_snapshot_autumn_2019_tables.xlsx`));
		const result = importWorkbook(await readGrids(bytes, 'x.xlsx', XLSX), 'x.xlsx', { previous: older.rows });
		expect(result.counts[0].revised).toBe(0);
		// Pretend 2017 had said 60 for Birmingham 2017: the 2019 edition's 57 is then a revision
		// (the earlier WMCA total is left at 127, which 2019 repeats, so it is not).
		const altered = older.rows.map((r) => (r.area_code === 'E08000025' && r.period === '2017' ? { ...r, value: 60 } : r));
		const revised = importWorkbook(await readGrids(bytes, 'x.xlsx', XLSX), 'x.xlsx', { previous: altered });
		expect(revised.rows.filter((r) => r.marker.includes('r')).map((r) => `${r.area_code} ${r.period} ${r.marker} ${r.note}`)).toEqual([
			'E08000025 2017 r Revised: 60 in mhclg_snapshot_2017'
		]);
	});
});

/**
 * The ODS fixtures LibreOffice made (scripts/make-import-fixtures.ts): the autumn 2025 and 2024
 * snapshot layouts and the framework monthly tables. Expected values come from the fixtures'
 * own source files (snapshot-source.csv, framework-expected.csv), WMCA totals are summed here,
 * and cells are located by counting the fixture's rows and columns by hand.
 */
import * as XLSX from '@e965/xlsx';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { importWorkbook, type ImportOptions, type ObservationRow } from '../../src/lib/import/import';
import { readGrids } from '../../src/lib/import/read';

const DIR = 'tests/fixtures/import';
const csv = (f: string) => Papa.parse<Record<string, string>>(readFileSync(join(DIR, f), 'utf8'), { header: true, skipEmptyLines: true }).data;
const SEVEN = ['E08000025', 'E08000026', 'E08000027', 'E08000028', 'E08000029', 'E08000030', 'E08000031'];
const DEFAULT = [...SEVEN, 'E12000005', 'E92000001'];

async function importFixture(name: string, options: ImportOptions = {}) {
	return importWorkbook(await readGrids(new Uint8Array(readFileSync(join(DIR, name))), name, XLSX), name, options);
}
/** A published cell as the importer should give it: a number, or [x] as marker x with no value. */
const asRow = (published: string) => (/^\d+$/.test(published) ? `${published}|` : published === '[x]' ? '|x' : `?${published}`);
const show = (r: ObservationRow) => `${r.value ?? ''}|${r.marker}`;

describe.each([
	['snapshot-2025.ods', 2025, {}],
	['snapshot-2024.ods', 2024, { published: '2025-02-27' }]
])('%s', (file, last, options) => {
	const source = csv('snapshot-source.csv').filter((r) => DEFAULT.includes(r.area_code) && Number(r.year) <= last);

	it('imports every published value and [x] of the default areas exactly, never a 0 for a gap', async () => {
		const result = await importFixture(file, options);
		const got = new Map(result.rows.map((r) => [`${r.area_code} ${r.period}`, show(r)]));
		expect(source).toHaveLength(9 * (last - 2009));
		for (const r of source) expect(got.get(`${r.area_code} ${r.year}`), `${r.area_code} ${r.year}`).toBe(asRow(r.published));
		expect(result.rows.filter((r) => r.area_code !== 'E47000007')).toHaveLength(source.length);
	});

	it('sums the WMCA total only where all seven are known', async () => {
		const result = await importFixture(file, options);
		for (let y = 2010; y <= last; y++) {
			const parts = source.filter((r) => SEVEN.includes(r.area_code) && r.year === String(y)).map((r) => r.published);
			const total = result.rows.find((r) => r.area_code === 'E47000007' && r.period === String(y))!;
			if (parts.every((p) => /^\d+$/.test(p))) expect(total.value).toBe(parts.reduce((s, p) => s + Number(p), 0));
			else expect(show(total)).toBe('|x');
		}
		// 2022 and 2023 have [x] for Coventry in the fixture, so no total; 2019: 52+23+4+10+6+6+14.
		expect(result.rows.find((r) => r.area_code === 'E47000007' && r.period === '2019')?.value).toBe(115);
		expect(result.rows.find((r) => r.area_code === 'E47000007' && r.period === '2022')?.marker).toBe('x');
	});

	it('takes a formula cell\'s cached value, and names each value\'s cell', async () => {
		const result = await importFixture(file, options);
		// England 2010 is the formula =1700+68; it is the first data row (row 4: title, note, header above), column E.
		expect(result.rows.find((r) => r.area_code === 'E92000001' && r.period === '2010')?.value).toBe(1768);
		expect(result.cells.find((c) => c.area_code === 'E92000001' && c.period === '2010')?.cell).toBe('Table_1_Total!E4');
		// West Midlands region: England, London, Rest of England, then the region (row 7); 2019 is the 14th column (N).
		expect(result.cells.find((c) => c.area_code === 'E12000005' && c.period === '2019')?.cell).toBe('Table_1_Total!N7');
	});

	it('reads the synthetic row\'s markers: [n] as z with a note, .. and - and blank as x, [c] as c', async () => {
		const result = await importFixture(file, { ...options, areas: ['E06999999'] });
		const by = (y: string) => result.rows.find((r) => r.period === y)!;
		expect(show(by('2010'))).toBe('|z');
		expect(by('2010').note).toMatch(/\[n\].*reorganisation/);
		expect(show(by('2015'))).toBe('|x');
		expect(show(by('2016'))).toBe('|x');
		expect(show(by('2017'))).toBe('|c');
		expect(show(by('2018'))).toBe('|x');
		expect(by('2018').note).toBe('Blank in the published table');
		expect(show(by('2019'))).toBe('19|');
		expect(result.rows.some((r) => r.area_code === 'E47000007')).toBe(false);
	});
});

describe('snapshot-2025.ods edition', () => {
	it('reads the title and date from the cover sheet', async () => {
		const { source } = await importFixture('snapshot-2025.ods');
		expect(source).toMatchObject({ source_id: 'mhclg_snapshot_2025', title: 'Rough sleeping snapshot in England: autumn 2025', published: '2026-02-26' });
	});
	it('a file without a cover sheet needs --published, and says so', async () => {
		await expect(importFixture('snapshot-2024.ods')).rejects.toThrow(/snapshot-2024\.ods: the publication date of this edition is not in the file.*--published YYYY-MM-DD/);
	});
});

describe('framework.ods (synthetic values)', () => {
	const expected = csv('framework-expected.csv');

	it('maps every table to its indicator and imports each value and marker exactly', async () => {
		const result = await importFixture('framework.ods');
		const got = new Map(result.rows.map((r) => [`${r.indicator_id} ${r.area_code} ${r.period}`, show(r)]));
		// 19 mapped tables x 9 areas x 6 months.
		expect(expected).toHaveLength(19 * 9 * 6);
		for (const e of expected) {
			const want = /^\d+$/.test(e.published) ? `${e.published}|` : `|${e.published.slice(1, 2).toLowerCase()}`;
			expect(got.get(`${e.indicator_id} ${e.area_code} ${e.period}`), `${e.indicator_id} ${e.area_code} ${e.period}`).toBe(want);
		}
		expect(result.source).toMatchObject({ source_id: 'mhclg_rsdf_2024_05', kind: 'management_information', published: '2024-05-15' });
	});

	it('reads all three month header styles: "October 2023", "2023_10_01" and date cells', async () => {
		const result = await importFixture('framework.ods');
		for (const id of ['rs_month', 'left_institution_prison', 'returners']) {
			expect([...new Set(result.rows.filter((r) => r.indicator_id === id).map((r) => r.period))].sort()).toEqual(['2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03']);
		}
	});

	it('WMCA totals: summed where all seven are known, x where Dudley is [Z] or Solihull [X]', async () => {
		const result = await importFixture('framework.ods');
		const total = (id: string, p: string) => result.rows.find((r) => r.indicator_id === id && r.area_code === 'E47000007' && r.period === p)!;
		const sum = (id: string, p: string) => expected.filter((e) => e.indicator_id === id && SEVEN.includes(e.area_code) && e.period === p).reduce((s, e) => s + Number(e.published), 0);
		expect(total('rs_month', '2024-01').value).toBe(sum('rs_month', '2024-01'));
		expect(show(total('rs_month', '2023-10'))).toBe('|x');
		expect(total('rs_month', '2023-10').note).toBe('No WMCA total: no figure for Dudley');
		expect(show(total('returners', '2024-03'))).toBe('|x');
		expect(total('returners_from_settled', '2024-03').value).toBe(sum('returners_from_settled', '2024-03'));
	});

	it('says what it skipped, and counts per indicator for the preview', async () => {
		const result = await importFixture('framework.ods');
		expect(result.warnings.join('\n')).toContain('Table_21: skipped, its title names no institution or nights band');
		expect(result.warnings.join('\n')).toContain('Not imported (rates and breakdowns not held as indicators): Table_2_Monthly_Rate, Table_24_Gender');
		// returners: 9 areas x 6 months + 6 WMCA totals = 60 rows; Solihull's six [X], Dudley's two [Z] and six totals are markers.
		expect(result.counts.find((c) => c.indicator_id === 'returners')).toEqual({ indicator_id: 'returners', rows: 60, values: 46, markers: 14, revised: 0 });
		expect(result.counts).toHaveLength(19);
	});

	it('--areas keeps only the areas asked for, and refuses one the tables do not hold', async () => {
		const only = await importFixture('framework.ods', { areas: ['E06000001'] });
		expect(new Set(only.rows.map((r) => r.area_code))).toEqual(new Set(['E06000001']));
		await expect(importFixture('framework.ods', { areas: ['E09000001'] })).rejects.toThrow(/area E09000001 not found in Table_1_Monthly/);
	});
});

describe('npm run import:official', () => {
	const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-spreadsheet.ts', ...args], { encoding: 'utf8' });

	it('writes observations, the cell sidecar and the source row beside --out', () => {
		const out = join(dir, 'snap.csv');
		const r = run([join(DIR, 'snapshot-2025.ods'), '--areas', 'E08000025,E47000007', '--out', out]);
		expect(r.status, r.stderr).toBe(0);
		const rows = readFileSync(out, 'utf8').trim().split('\n');
		expect(rows[0]).toBe('indicator_id,area_code,period,value,marker,source_id,note');
		expect(rows).toContain('snapshot_single_night,E08000025,2019,52,,mhclg_snapshot_2025,');
		// Birmingham is the fifth data row (row 8), 2019 column N.
		expect(readFileSync(join(dir, 'snap.cells.csv'), 'utf8')).toContain('snapshot_single_night,E08000025,2019,mhclg_snapshot_2025,Table_1_Total!N8\n');
		expect(readFileSync(join(dir, 'snap.source.csv'), 'utf8').split('\n')[1]).toMatch(/^mhclg_snapshot_2025,official_statistics,Rough sleeping snapshot in England: autumn 2025,Ministry of Housing Communities and Local Government,,Open Government Licence v3.0,2026-02-26,/);
		expect(r.stderr).toContain('snapshot_single_night: 32 rows');
	});

	it('writes the editions.csv row (series by layout, or --series, and --reason) and, with --superseded, names the edition on every row', () => {
		const out = join(dir, 'old.csv');
		const r = run([join(DIR, 'snapshot-2025.ods'), '--areas', 'E08000025,E47000007', '--out', out, '--superseded', '--reason', 'Corrected returns']);
		expect(r.status, r.stderr).toBe(0);
		expect(readFileSync(join(dir, 'old.edition.csv'), 'utf8')).toBe('source_id,series,reason,commentary\nmhclg_snapshot_2025,snapshot,Corrected returns,\n');
		const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
		expect(rows.length).toBeGreaterThan(0);
		// Gaps too ([x] for the years an authority has no count, a WMCA total without all seven).
		expect(rows.some((f) => f[3] === '')).toBe(true);
		expect(rows.every((f) => f[5] === 'mhclg_snapshot_2025')).toBe(true);
		const framework = run([join(DIR, 'framework.ods'), '--areas', 'E08000025', '--out', join(dir, 'fw.csv'), '--published', '2025-11-20', '--series', 'framework_wmca']);
		expect(framework.status, framework.stderr).toBe(0);
		expect(readFileSync(join(dir, 'fw.edition.csv'), 'utf8').split('\n')[1]).toMatch(/^mhclg_rsdf_2025_11,framework_wmca,,$/);
	});

	it('refuses a bad file with exit 1 and its message, writing nothing', () => {
		const out = join(dir, 'none.csv');
		const r = run(['package.json', '--out', out]);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('package.json: this is not a spreadsheet');
		expect(spawnSync('test', ['-e', out]).status).toBe(1);
	});
});

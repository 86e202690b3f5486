/**
 * The project's 2010-2019 snapshot figures are an import of the published autumn 2019 workbook
 * (npm run data:official, through scripts/import-snapshot-2019.ts): every one names its cell in
 * data/provenance/observation_cells.csv, and re-importing the workbook (where ../shared is
 * here) gives the data's rows and cells exactly.
 */
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importCsvs } from '../../src/lib/import/csv';
import { importWorkbook } from '../../src/lib/import/import';
import { readGrids } from '../../src/lib/import/read';
import { sharedLocation } from '../../scripts/shared-dir.mjs';
import { describeWithShared } from '../needs-shared';

const parse = (f: string) => Papa.parse<Record<string, string>>(readFileSync(f, 'utf8'), { header: true, skipEmptyLines: true }).data;
const observations = parse('data/observations.csv');
const cells = parse('data/provenance/observation_cells.csv');
const key = (r: Record<string, string>) => `${r.indicator_id}|${r.area_code}|${r.period}|${r.source_id}`;

describe('data/provenance/observation_cells.csv', () => {
	it('names a cell for every 2010-2019 snapshot figure from the autumn 2019 tables, and only for figures the data holds', () => {
		const from2019 = observations.filter((o) => o.source_id === 'mhclg_snapshot_2019' && o.indicator_id === 'snapshot_single_night');
		// Seven authorities, the region, England and the WMCA total, 2010 to 2019.
		expect(from2019).toHaveLength(10 * 10);
		expect(new Set(cells.map(key))).toEqual(new Set(from2019.map(key)));
		for (const c of cells) expect(c.cell).toMatch(/^Table 1 Total![A-Z]+\d+$|^(Table 1 Total![A-Z]+\d+ \+ ){6}Table 1 Total![A-Z]+\d+$/);
	});
});

const WORKBOOK = `${sharedLocation()}/reference/mhclg/files/rough_sleeping_snapshot_autumn_2019_tables.xlsx`;

describeWithShared('re-importing the autumn 2019 workbook', () => {
	it('gives the data\'s 2010-2019 snapshot rows and cells exactly', async () => {
		const name = 'rough_sleeping_snapshot_autumn_2019_tables.xlsx';
		const result = importWorkbook(await readGrids(new Uint8Array(readFileSync(WORKBOOK)), name, XLSX), name);
		const held = new Map(observations.map((o) => [key(o), o]));
		for (const r of result.rows) {
			const o = held.get(`${r.indicator_id}|${r.area_code}|${r.period}|${r.source_id}`);
			expect(o, `${r.area_code} ${r.period}`).toBeDefined();
			expect([o!.value, o!.marker, o!.note]).toEqual([String(r.value), r.marker, r.note]);
		}
		expect(importCsvs(result).cells).toBe(readFileSync('data/provenance/observation_cells.csv', 'utf8'));
	});
});

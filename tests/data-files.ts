/**
 * The data files read straight from data/ with papaparse, for tests that compute what a page or
 * query should show by a second method, not through the app's validator, SQL or page code.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export type Row = Record<string, string>;

export function readCsv(name: string): Row[] {
	return Papa.parse<Row>(readFileSync(`data/${name}`, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

export const WMCA_CODE = 'E47000007';

/** The seven authorities: the areas whose parent is the WMCA in areas.csv. */
export function wmcaAuthorityCodes(): string[] {
	return readCsv('areas.csv').filter((a) => a.parent_code === WMCA_CODE).map((a) => a.area_code);
}

/** The official observation of an indicator for an area and period, if data/observations.csv holds one. */
export function officialObservation(indicator: string, area: string, period: string): Row | undefined {
	return readCsv('observations.csv').find((r) => r.indicator_id === indicator && r.area_code === area && r.period === period);
}

/** The sum of the seven authorities' autumn snapshot counts for a year, or null when any is missing. */
export function sumOfSevenAuthorities(year: string): number | null {
	let total = 0;
	for (const code of wmcaAuthorityCodes()) {
		const row = officialObservation('snapshot_single_night', code, year);
		if (!row || row.value === '') return null;
		total += Number(row.value);
	}
	return total;
}

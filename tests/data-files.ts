/**
 * The data files read straight from data/ with papaparse, for tests that compute what a page or
 * query should show by a second method, not through the app's validator, SQL or page code.
 */
import { readFileSync, readdirSync } from 'node:fs';
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

/**
 * The current observations (data/observations*.csv) with r added, in plain TypeScript (no SQL), where
 * the previous edition of the row's series (editions.csv, ordered by sources.csv published) gives
 * the same indicator, area and period another value or other markers (r aside): a second method
 * for the marker the load derives.
 */
export function currentObservations(): Row[] {
	const files = readdirSync('data').filter((n) => /^observations(_(?!superseded)[a-z0-9_]+)?\.csv$/.test(n)).sort();
	const current = files.flatMap(readCsv);
	const superseded = readdirSync('data').filter((n) => /^observations_superseded(_[a-z0-9_]+)?\.csv$/.test(n)).flatMap(readCsv);
	const published = new Map(readCsv('sources.csv').map((s) => [s.source_id, s.published]));
	const editions = readCsv('editions.csv');
	const previous = new Map<string, string>();
	for (const e of editions) {
		const earlier = editions
			.filter((o) => o.series === e.series && published.get(o.source_id)! < published.get(e.source_id)!)
			.sort((a, b) => published.get(a.source_id)!.localeCompare(published.get(b.source_id)!));
		if (earlier.length) previous.set(e.source_id, earlier.at(-1)!.source_id);
	}
	const letters = (m: string) => m.split(' ').filter((l) => l && l !== 'r').sort().join(' ');
	const key = (r: Row) => `${r.source_id}|${r.indicator_id}|${r.area_code}|${r.period}`;
	const old = new Map(superseded.map((r) => [key(r), r]));
	return current.map((r) => {
		const before = previous.has(r.source_id) ? old.get(key({ ...r, source_id: previous.get(r.source_id)! })) : undefined;
		if (!before) return r;
		const valueChanged = before.value === '' || r.value === '' ? before.value !== r.value : Number(before.value) !== Number(r.value);
		const revised = valueChanged || letters(before.marker) !== letters(r.marker);
		return revised && !r.marker.split(' ').includes('r') ? { ...r, marker: r.marker ? `${r.marker} r` : 'r' } : r;
	});
}

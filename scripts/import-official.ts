/**
 * Carries the official figures compiled in ../shared/data/official/ into data/ in the
 * project's own schema: sources.csv, areas.csv, denominators.csv and observations.csv.
 * Re-run after ../shared changes:  npm run data:official [-- --from DIR] [--out DIR]
 * (--out: write the files elsewhere, as the test tracing data/ to ../shared does; DIR/provenance must exist)
 *
 * The 2010-2019 snapshot rows are then replaced by an import of the published autumn 2019
 * workbook (DIR/../../reference/mhclg/files/, the same importer as npm run import:official),
 * which must give the same values, and each value's cell goes to data/provenance/observation_cells.csv.
 *
 * Rules (from the data contract): a missing figure is marker x with no value, never 0; a WMCA
 * total is the sum of its seven authorities only where all seven are known, otherwise x; a
 * figure from a secondary source keeps marker u.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { toCsv } from '../src/lib/data/csv.ts';
import { ENGLAND, WEST_MIDLANDS_REGION, WMCA, WMCA_AUTHORITIES } from '../src/lib/data/contract.ts';
import { OBSERVATION_COLUMNS } from '../src/lib/data/files.ts';
import { ILLUSTRATIVE_SOURCE_ROWS } from './data-illustrative.ts';
import { snapshotFromWorkbook } from './import-snapshot-2019.ts';
import { sharedLocation } from './shared-dir.mjs';

const args = process.argv.slice(2);
const fromArg = args.indexOf('--from');
const from = resolve(fromArg >= 0 ? args[fromArg + 1] : join(sharedLocation(), 'data/official'));
if (!existsSync(from)) {
	console.error(`npm run data:official: ${from} does not exist (../shared is not beside this clone?); pass --from DIR`);
	process.exit(2);
}
const outArg = args.indexOf('--out');
const out = resolve(outArg >= 0 ? args[outArg + 1] : 'data');
/** The source row (in ../shared sources.csv) of the ONS mid-year population series. */
const POPULATION_SOURCE = 'ons_mye_2011_2024';

function read(name: string): Record<string, string>[] {
	const parsed = Papa.parse<Record<string, string>>(readFileSync(`${from}/${name}`, 'utf8'), {
		header: true,
		skipEmptyLines: true
	});
	if (parsed.errors.length) throw new Error(`${name}: ${parsed.errors[0].message}`);
	return parsed.data;
}

// sources.csv: every official source, plus the project's own illustrative sources.
const sources = read('sources.csv');
const sourceRows = sources.map((s) => [s.source_id, s.kind, s.title, s.publisher, s.url, s.licence, s.published, s.notes]);
sourceRows.push(
	// The illustrative framework figures' two editions (scripts/data-illustrative).
	...ILLUSTRATIVE_SOURCE_ROWS,
	// data/targets.csv: no dated numeric target is published, so the report's targets are illustrative.
	[
		'illustrative_targets',
		'illustrative',
		'Illustrative targets: the framework aim that rough sleeping is rare (zero people sleeping rough) by an illustrative date',
		'This project',
		'',
		'',
		'',
		"Not published targets. No numeric target with a date is published for the WMCA area or its authorities; the Ending Rough Sleeping Data Framework's aim is that rough sleeping is rare (as close to zero as possible). These rows set that aim (0 people sleeping rough over the month) four years after the framework's first month (May 2023), only to show how the report judges progress against a target."
	]
);
writeFileSync(
	`${out}/sources.csv`,
	toCsv(['source_id', 'kind', 'title', 'publisher', 'url', 'licence', 'published', 'notes'], sourceRows)
);

// areas.csv: England, the region, the combined authority and its seven authorities.
const areaRows = [
	[ENGLAND, 'England', 'country', ''],
	[WEST_MIDLANDS_REGION, 'West Midlands', 'region', ENGLAND],
	[WMCA, 'West Midlands Combined Authority', 'combined_authority', WEST_MIDLANDS_REGION],
	...WMCA_AUTHORITIES.map((a) => [a.code, a.name, 'local_authority', WMCA])
];
writeFileSync(`${out}/areas.csv`, toCsv(['area_code', 'area_name', 'area_type', 'parent_code'], areaRows));

// denominators.csv: households (2017, for the old rate per 1,000 households) as published, and the
// ONS mid-year populations mid-2011 to mid-2024 (Census 2021-consistent). The population series
// replaces the old-series mid-2020 figures: the two series are never mixed, so only one is kept.
const households = read('denominators.csv').filter((d) => d.measure === 'households');
const populations = read('population_mid_year.csv');
const denominatorRows = [
	...households.map((d) => [d.area_code, d.measure, d.year, d.value, d.unit, d.source_id, d.note]),
	...populations.map((p) => [p.area_code, 'population', p.year, p.population, 'people', POPULATION_SOURCE, ''])
];
writeFileSync(
	`${out}/denominators.csv`,
	toCsv(['area_code', 'measure', 'year', 'value', 'unit', 'source_id', 'note'], denominatorRows)
);

// observations.csv
type Obs = [string, string, string, string, string, string, string];
const observations: Obs[] = [];

const snapshot = read('snapshot_single_night.csv');
for (const r of snapshot) {
	observations.push(['snapshot_single_night', r.area_code, r.year, r.value, r.marker, r.source_id, r.note]);
}

// WMCA snapshot totals: the sum of the seven, only where all seven have a value.
const years = [...new Set(snapshot.map((r) => r.year))].sort();
for (const year of years) {
	const parts = WMCA_AUTHORITIES.map((a) => snapshot.find((r) => r.area_code === a.code && r.year === year));
	const known = parts.filter((p): p is Record<string, string> => !!p && p.value !== '');
	if (known.length < WMCA_AUTHORITIES.length) {
		const missing = WMCA_AUTHORITIES.filter((_, i) => !parts[i] || parts[i]!.value === '').map((a) => a.name);
		observations.push([
			'snapshot_single_night', WMCA, year, '', 'x', '',
			`No WMCA total: no figure held for ${missing.join(', ')}`
		]);
		continue;
	}
	const total = known.reduce((sum, p) => sum + Number(p.value), 0);
	const sourceIds = [...new Set(known.map((p) => p.source_id))];
	// A row names one source; a total mixing sources would need a source row of its own.
	if (sourceIds.length > 1) throw new Error(`WMCA ${year}: figures from ${sourceIds.join(', ')}; add a combined source`);
	const lowReliability = known.some((p) => p.marker.split(' ').includes('u'));
	observations.push([
		'snapshot_single_night', WMCA, year, String(total), lowReliability ? 'u' : '',
		sourceIds[0],
		'Sum of the seven WMCA authorities'
	]);
}

// The 2010-2019 snapshot figures (and their WMCA totals) come from the published autumn 2019
// workbook itself where it is here, so each names its cell in data/observation_cells.csv.
await snapshotFromWorkbook(resolve(from, '../../reference/mhclg/files'), observations, out);

for (const r of read('england_rsdf_monthly.csv')) {
	observations.push([r.indicator, r.area_code, r.period, r.value, '', r.source_id, r.note]);
}

// Housing First: WMCA pilot figures against WMCA; the three pilots together as hf3_ indicators
// (also recorded against WMCA, the dashboard's reporting area; their definition says so).
for (const r of read('housing_first.csv')) {
	const id = r.scope === 'WMCA' ? `hf_${r.measure}` : `hf3_${r.measure}`;
	const approximate = /approximate|lower bound/i.test(r.note);
	observations.push([id, WMCA, r.as_at, r.value, approximate ? 'e' : '', r.source_id, r.note]);
}

observations.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]));
writeFileSync(
	`${out}/observations.csv`,
	toCsv(OBSERVATION_COLUMNS, observations)
);
console.log(`${outArg >= 0 ? out : 'data/'}: ${sourceRows.length} sources, ${areaRows.length} areas, ${denominatorRows.length} denominators, ${observations.length} observations`);

/**
 * The validator's statistical rules and its limits: each case starts from the minimal valid set
 * in tests/fixtures/validate/valid/ and changes one thing. Every expected message, line and
 * column is worked out by hand from the fixture (see the comments in validate.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { MAX_DATA_FILE_BYTES } from '../../src/lib/data/contract';
import { formatProblem, problemCount } from '../../src/lib/data/problems';
import { checkDataFiles } from '../../src/lib/data/validate';
import { OBS_HEADER, base, check, csv, edit, toFiles } from '../fixtures/validate/helpers';

const TODAY = { today: new Date('2026-06-15T12:00:00Z') }; // so the latest year is 2027
const YEAR_FIX = 'check the year: periods and dates run from 1998 to 2027 (next year)';
const CONTROL_FIX = 'remove it: control characters and bidirectional controls can hide or reorder text on screen';
/** An indicators.csv row of the fixture with its last three columns (area_types, max_value, wmca_total) set. */
const indicator = (line: number, areaTypes: string, max: string, wmcaTotal: string) =>
	base['indicators.csv'].split('\n')[line - 1].replace(/,[^,]*,[^,]*,[^,]*$/, `,${areaTypes},${max},${wmcaTotal}`);

describe('the WMCA figure and the sum of its authorities', () => {
	// The WMCA with its seven authorities (and England above it).
	const areas = csv(
		'area_code,area_name,area_type,parent_code',
		'E92000001,England,country,',
		'E47000007,West Midlands Combined Authority,combined_authority,E92000001',
		...[25, 26, 27, 28, 29, 30, 31].map((n) => `E080000${n},Authority ${n},local_authority,E47000007`)
	);
	// people_annual: wmca_total sum; people_monthly: at_most_sum; share_quarterly: no relation.
	const indicators = edit('indicators.csv', { 2: indicator(2, '', '', 'sum'), 4: indicator(4, '', '', 'at_most_sum') });
	/** observations_wmca.csv: line 2 the WMCA's figure, lines 3 to 9 the authorities' 1 to 7 (sum 28). */
	const figures = (id: string, period: string, wmca: string, last = '7,,src_a,') =>
		csv(
			OBS_HEADER,
			`${id},E47000007,${period},${wmca},,src_a,`,
			...[1, 2, 3, 4, 5, 6].map((v) => `${id},E080000${24 + v},${period},${v},,src_a,`),
			`${id},E08000031,${period},${last}`
		);
	const run = (observations: string) =>
		check({ 'areas.csv': areas, 'indicators.csv': indicators, 'observations_wmca.csv': observations });

	it('sum: a WMCA figure that is not the sum of its seven authorities, with the mismatch and both numbers', () => {
		expect(run(figures('people_annual', '2022', '30'))).toEqual([
			`data/observations_wmca.csv:2:4: the WMCA (E47000007) figure for "people_annual" in 2022 is 30, but the sum of its 7 authorities' figures is 28 (more by 2) (check the WMCA figure and the authorities' figures: the WMCA total is their sum)`
		]);
		expect(run(figures('people_annual', '2022', '25'))).toEqual([
			`data/observations_wmca.csv:2:4: the WMCA (E47000007) figure for "people_annual" in 2022 is 25, but the sum of its 7 authorities' figures is 28 (less by 3) (check the WMCA figure and the authorities' figures: the WMCA total is their sum)`
		]);
		expect(run(figures('people_annual', '2022', '28'))).toEqual([]);
	});

	it('is only checked for a period where all seven authorities are known', () => {
		// Wolverhampton not available (x): the sum of six says nothing about the WMCA figure.
		expect(run(figures('people_annual', '2022', '30', ',x,,'))).toEqual([]);
	});

	it('at_most_sum: people counted once for the WMCA can be fewer than the sum, never more', () => {
		expect(run(figures('people_monthly', '2024-01', '20'))).toEqual([]);
		expect(run(figures('people_monthly', '2024-01', '28'))).toEqual([]);
		expect(run(figures('people_monthly', '2024-01', '29'))).toEqual([
			`data/observations_wmca.csv:2:4: the WMCA (E47000007) figure for "people_monthly" in 2024-01 is 29, more than the sum of its 7 authorities' figures, 28 (by 1) (check the figures: each person is counted once for the WMCA, so it cannot exceed the authorities' figures added up)`
		]);
	});

	it('cannot be asked of a percentage', () => {
		expect(check({ 'indicators.csv': edit('indicators.csv', { 3: indicator(3, '', '100', 'sum') }) })).toEqual([
			'data/indicators.csv:3:13: wmca_total "sum" is given for an indicator in percent, which is not added up across areas (leave wmca_total empty for percentages and rates; it is for people, nights, days, gbp_million)'
		]);
	});

	it('is not checked for an indicator with an empty wmca_total (a percentage)', () => {
		expect(run(figures('share_quarterly', '2023-Q1', '90'))).toEqual([]);
	});
});

describe('counts of people are whole numbers', () => {
	it('a count with a fraction', () => {
		expect(check({ 'observations.csv': edit('observations.csv', { 2: 'people_annual,E08000025,2023,100.5,,src_a,' }) })).toEqual([
			'data/observations.csv:2:4: value "100.5" in column "value" is not a whole number, but indicator "people_annual" counts people (give the count as a whole number of people)'
		]);
	});

	it('a percentage may have a fraction; a whole number written with .0 is whole', () => {
		expect(check({ 'observations.csv': edit('observations.csv', { 2: 'people_annual,E08000025,2023,100.0,,src_a,' }) })).toEqual([]);
		expect(check()).toEqual([]); // share_quarterly is 55.5 in the fixture
	});
});

describe('periods between 1998 and next year', () => {
	const obs = (line: number, text: string) => check({ 'observations.csv': edit('observations.csv', { [line]: text }) }, TODAY);

	it('an annual period before 1998 or after next year', () => {
		expect(obs(2, 'people_annual,E08000025,1997,100,,src_a,')).toEqual([
			`data/observations.csv:2:3: period "1997" in column "period" is in the year 1997, before 1998 (${YEAR_FIX})`
		]);
		expect(obs(2, 'people_annual,E08000025,2028,100,,src_a,')).toEqual([
			`data/observations.csv:2:3: period "2028" in column "period" is in the year 2028, after 2027 (${YEAR_FIX})`
		]);
		expect(obs(2, 'people_annual,E08000025,1998,100,,src_a,')).toEqual([]);
		expect(obs(2, 'people_annual,E08000025,2027,100,,src_a,')).toEqual([]);
	});

	it('a month in year 0000 or 1000, a quarter in year 0500', () => {
		expect(obs(4, 'people_monthly,E08000025,0000-05,12,,src_a,')).toEqual([
			`data/observations.csv:4:3: period "0000-05" in column "period" is in the year 0000, before 1998 (${YEAR_FIX})`
		]);
		expect(obs(4, 'people_monthly,E08000025,1000-05,12,,src_a,')).toEqual([
			`data/observations.csv:4:3: period "1000-05" in column "period" is in the year 1000, before 1998 (${YEAR_FIX})`
		]);
		expect(obs(3, 'share_quarterly,E08000025,0500-Q1,55.5,p,src_a,')).toEqual([
			`data/observations.csv:3:3: period "0500-Q1" in column "period" is in the year 0500, before 1998 (${YEAR_FIX})`
		]);
	});
});

describe('denominators', () => {
	it('a denominator of 0 or below', () => {
		const den = (value: string) =>
			check({ 'denominators.csv': edit('denominators.csv', { 2: `E08000025,population,2023,${value},people,src_a,` }) });
		const fix = 'give the published count; a rate cannot be worked out from a denominator of 0 or less';
		expect(den('0')).toEqual([`data/denominators.csv:2:4: denominator "0" in column "value" is not greater than 0 (${fix})`]);
		expect(den('-5')).toEqual([`data/denominators.csv:2:4: denominator "-5" in column "value" is not greater than 0 (${fix})`]);
		expect(den('0.5')).toEqual([]);
	});
});

describe('control characters in text shown on screen', () => {
	it('NUL in a note, shown escaped', () => {
		expect(check({ 'observations.csv': edit('observations.csv', { 2: 'people_annual,E08000025,2023,100,,src_a,a\u0000b' }) })).toEqual([
			`data/observations.csv:2:7: value "a\\u0000b" in column "note" holds U+0000 (NUL) at character 2 (${CONTROL_FIX})`
		]);
	});

	it('a right-to-left override in an area name, escaped so the message is not reordered', () => {
		expect(check({ 'areas.csv': edit('areas.csv', { 3: 'E08000025,Birm\u202Eingham,local_authority,E92000001' }) })).toEqual([
			`data/areas.csv:3:2: value "Birm\\u202eingham" in column "area_name" holds U+202E (right-to-left override) at character 5 (${CONTROL_FIX})`
		]);
	});

	it('an isolate in an annotation and a bell in an indicator name', () => {
		expect(check({ 'annotations.csv': edit('annotations.csv', { 2: '2020-03,Everyone In,\u2066Councils\u2069 were asked.' }) })).toEqual([
			`data/annotations.csv:2:3: value "\\u2066Councils\\u2069 were asked." in column "description" holds U+2066 (left-to-right isolate) at character 1 (${CONTROL_FIX})`
		]);
		const line = base['indicators.csv'].split('\n')[1].replace('People (annual)', 'People\u0007');
		expect(check({ 'indicators.csv': edit('indicators.csv', { 2: line }) })).toEqual([
			`data/indicators.csv:2:3: value "People\\u0007" in column "name" holds U+0007 (a control character) at character 7 (${CONTROL_FIX})`
		]);
	});

	it('a tab, and line breaks inside quotes, are text', () => {
		expect(
			check({ 'observations.csv': edit('observations.csv', { 2: 'people_annual,E08000025,2023,100,,src_a,"a\tb\r\nc\nd"' }) })
		).toEqual([]);
	});
});

describe('areas an indicator applies to (area_types)', () => {
	it('an observation for an area of a type the indicator is not given for', () => {
		const indicators = edit('indicators.csv', { 2: indicator(2, 'combined_authority', '', '') });
		expect(check({ 'indicators.csv': indicators })).toEqual([
			`data/observations.csv:2:2: area E08000025 is a local_authority, but indicator "people_annual" is only given for combined_authority areas (record the figure against an area of type combined_authority, or correct the indicator's area_types in indicators.csv)`
		]);
	});

	it('several types, and an empty list meaning any', () => {
		const indicators = edit('indicators.csv', { 2: indicator(2, 'country local_authority', '', '') });
		expect(check({ 'indicators.csv': indicators, 'observations_extra.csv': csv(OBS_HEADER, 'people_annual,E92000001,2023,5,,src_a,') })).toEqual([]);
		const countryOnly = edit('indicators.csv', { 2: indicator(2, 'country region', '', '') });
		expect(check({ 'indicators.csv': countryOnly })).toEqual([
			`data/observations.csv:2:2: area E08000025 is a local_authority, but indicator "people_annual" is only given for country or region areas (record the figure against an area of type country or region, or correct the indicator's area_types in indicators.csv)`
		]);
	});

	it('an area type that is not in the contract', () => {
		const indicators = edit('indicators.csv', { 2: indicator(2, 'city', '', '') });
		expect(check({ 'indicators.csv': indicators })).toEqual([
			'data/indicators.csv:2:11: value "city" in column "area_types" holds "city", which is not one of the allowed values (write nothing (any), or one or more of country, region, combined_authority, local_authority, separated by single spaces)'
		]);
	});
});

describe('no input crashes the validator', () => {
	it('300,000 bad rows: 100 problems of each kind, then how many more, and the true total', () => {
		// Every row is line 2's figure again with value -1: each is negative (column 4), and each
		// from line 3 on repeats line 2's key (column 1).
		const rows = Array.from({ length: 300_000 }, () => 'people_annual,E08000025,2023,-1,,src_a,');
		const result = checkDataFiles(toFiles({ ...base, 'observations.csv': `${OBS_HEADER}\n${rows.join('\n')}\n` }));
		const lines = result.problems.map(formatProblem);
		const negative = (line: number) =>
			`data/observations.csv:${line}:4: value "-1" in column "value" is negative, but indicator "people_annual" is counted in people (counts are never negative; check the figure)`;
		const duplicate = (line: number) =>
			`data/observations.csv:${line}:1: duplicate row: (indicator_id, area_code, period) = (people_annual, E08000025, 2023) is already on line 2 (remove one of the two rows, or correct its key)`;
		// Kept: negatives on lines 2 to 101, duplicates on lines 3 to 102, in line order.
		const expected = [negative(2)];
		for (let line = 3; line <= 101; line++) expected.push(duplicate(line), negative(line));
		expected.push('… and 299,900 more problems of the same kind', duplicate(102), '… and 299,899 more problems of the same kind');
		expect(lines).toEqual(expected);
		expect(problemCount(result.problems)).toBe(300_000 + 299_999);
		// Every row read: these 300,000 and the other fixture files' 9 (1 + 2 + 1 + 3 + 1, and targets.csv's 1).
		expect(result.rows).toBe(300_009);
	});

	it('a file over the size limit is refused by its size, without its bytes', () => {
		const files = toFiles(base).map((f) =>
			f.name === 'observations.csv' ? { ...f, bytes: new Uint8Array(0), size: 100 * 1024 * 1024 } : f
		);
		expect(MAX_DATA_FILE_BYTES).toBe(64 * 1024 * 1024);
		expect(checkDataFiles(files).problems.map(formatProblem)).toEqual([
			'data/observations.csv:1:1: the file is 100 MiB (104,857,600 bytes), larger than the limit of 64 MiB (67,108,864 bytes) (split it into observations_NAME.csv files of at most 64 MiB each (they are read together), or leave out rows the dashboard does not show)'
		]);
		// A referenced file over the limit: its referrers say it could not be read.
		const big = toFiles(base).map((f) => (f.name === 'areas.csv' ? { ...f, size: MAX_DATA_FILE_BYTES + 1 } : f));
		expect(checkDataFiles(big).problems.map(formatProblem)).toEqual([
			'data/areas.csv:1:1: the file is 64 MiB (67,108,865 bytes), larger than the limit of 64 MiB (67,108,864 bytes) (check that it is the right file: this one should be far smaller)',
			'data/denominators.csv:1:1: cannot check column "area_code" against areas.csv: areas.csv could not be read (fix the problems in areas.csv first)',
			'data/observations.csv:1:2: cannot check column "area_code" against areas.csv: areas.csv could not be read (fix the problems in areas.csv first)',
			'data/targets.csv:1:2: cannot check column "area_code" against areas.csv: areas.csv could not be read (fix the problems in areas.csv first)'
		]);
	});
});

describe('targets', () => {
	// The fixture's one target: people_monthly (monthly, people) in E08000025, 0 by 2026-05 from 2024-05.
	const HEADER = 'indicator_id,area_code,target_value,target_period,baseline_period,set_by,source_id';
	const targets = (...rows: string[]) => check({ 'targets.csv': csv(HEADER, ...rows) });

	it('a target_period not after its baseline_period, at the target_period (column 4)', () => {
		expect(targets('people_monthly,E08000025,0,2024-05,2024-05,Test council,src_a')).toEqual([
			'data/targets.csv:2:4: target_period "2024-05" is the same period as baseline_period "2024-05" (a target is met after the period progress is measured from: correct one of the two periods)'
		]);
		expect(targets('people_monthly,E08000025,0,2023-12,2024-05,Test council,src_a')).toEqual([
			'data/targets.csv:2:4: target_period "2023-12" is before baseline_period "2024-05" (a target is met after the period progress is measured from: correct one of the two periods)'
		]);
		// Quarters sort by year, then quarter.
		expect(targets('share_quarterly,E08000025,50,2025-Q1,2024-Q4,Test council,src_a')).toEqual([]);
		expect(targets('share_quarterly,E08000025,50,2024-Q4,2025-Q1,Test council,src_a')).toEqual([
			'data/targets.csv:2:4: target_period "2024-Q4" is before baseline_period "2025-Q1" (a target is met after the period progress is measured from: correct one of the two periods)'
		]);
	});

	it('an unknown indicator is reported once: its periods, of no known frequency, are not compared', () => {
		expect(targets('nope,E08000025,0,2024,2024-05,Test council,src_a')).toEqual([
			'data/targets.csv:2:1: value "nope" in column "indicator_id" is not an indicator_id listed in indicators.csv (correct it, or add a row for it to indicators.csv)'
		]);
	});

	it('a target_value outside its unit (column 3): not a whole number of people, a share over 100', () => {
		expect(targets('people_monthly,E08000025,2.5,2026-05,2024-05,Test council,src_a')).toEqual([
			'data/targets.csv:2:3: value "2.5" in column "target_value" is not a whole number, but indicator "people_monthly" counts people (give the count as a whole number of people)'
		]);
		expect(targets('share_quarterly,E08000025,101,2025-Q1,2024-Q4,Test council,src_a')).toEqual([
			'data/targets.csv:2:3: value "101" in column "target_value" is more than 100, the largest value indicator "share_quarterly" can take (its max_value in indicators.csv) (give percentages as numbers from 0 to 100; if this percentage can exceed 100, leave its max_value empty)'
		]);
	});

	it('a target_period may lie years ahead (up to 25 after next year); a baseline_period may not', () => {
		// Today is 2026-06-15 (TODAY): next year is 2027, so a target may run to 2052.
		const at = (target: string, baseline: string) => check({ 'targets.csv': csv(HEADER, `people_monthly,E08000025,0,${target},${baseline},Test council,src_a`) }, TODAY);
		expect(at('2035-03', '2024-05')).toEqual([]);
		expect(at('2052-12', '2024-05')).toEqual([]);
		expect(at('2053-01', '2024-05')).toEqual([
			'data/targets.csv:2:4: period "2053-01" in column "target_period" is in the year 2053, after 2052 (check the year: periods and dates run from 1998 to 2052 (25 years after next year, for a target))'
		]);
		expect(at('2035-03', '2028-05')).toEqual([`data/targets.csv:2:5: period "2028-05" in column "baseline_period" is in the year 2028, after 2027 (${YEAR_FIX})`]);
	});

	it('a period of the wrong frequency is reported once, not again as out of order', () => {
		expect(targets('people_monthly,E08000025,0,2026,2024-05,Test council,src_a')).toEqual([
			'data/targets.csv:2:4: period "2026" in column "target_period" is an annual period, but indicator "people_monthly" is monthly (write monthly periods as YYYY-MM with month 01 to 12, e.g. 2024-05)'
		]);
	});
});

/**
 * The data validator. Each case starts from the minimal valid data set in
 * tests/fixtures/validate/valid/ and makes ONE change, then asserts the exact messages. Line and
 * column numbers are worked out by hand from the fixture files, shown in comments.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/data/problems';
import { checkDataFiles, validateDataFiles } from '../../src/lib/data/validate';
import { OBS_HEADER, base, check, csv, edit, toFiles } from '../fixtures/validate/helpers';

const enc = new TextEncoder();

// observations.csv in the valid set:
// 1 indicator_id,area_code,period,value,marker,source_id,note
// 2 people_annual,E08000025,2023,100,,src_a,
// 3 share_quarterly,E08000025,2024-Q1,55.5,p,src_a,
// 4 people_monthly,E08000025,2024-05,12,,src_a,"A note, with a comma"
// 5 people_monthly,E08000025,2024-06,,x,,Not available
const MUST_BE = `the header row must be ${OBS_HEADER}`;
const DECIMAL_FIX = 'write numbers like 12.5, with no thousands separators, % sign or spaces';
const MARKER_FIX =
	'write single letters separated by single spaces, each at most once, from: x not available, c confidential, z not applicable, p provisional, r revised, e estimated, u low reliability';
const MONTHLY_FIX = 'write monthly periods as YYYY-MM with month 01 to 12, e.g. 2024-05';
const QUOTE_FIX = 'enclose the whole value in double quotes and write each double quote inside it as ""';
const KNOWN_FILES = 'sources.csv, areas.csv, denominators.csv, indicators.csv, observations.csv, annotations.csv, provenance/observation_cells.csv, targets.csv, editions.csv, observations_superseded.csv';

describe('validateDataFiles: a valid set', () => {
	it('the valid fixture set has no problems', () => {
		expect(check()).toEqual([]);
	});

	it('the real data/ has no problems', () => {
		const names = readdirSync('data').filter((n) => n.endsWith('.csv'));
		expect(names.length).toBeGreaterThanOrEqual(6);
		const files = names.map((name) => ({ name, path: `data/${name}`, bytes: new Uint8Array(readFileSync(join('data', name))) }));
		expect(validateDataFiles(files).map(formatProblem)).toEqual([]);
	});

	it('accepts a BOM and CRLF line ends in every file', () => {
		const changes = Object.fromEntries(Object.entries(base).map(([n, t]) => [n, '\uFEFF' + t.replaceAll('\n', '\r\n')]));
		expect(check(changes)).toEqual([]);
	});

	it('counts lines and columns correctly with a BOM and CRLF', () => {
		const bad = '\uFEFF' + edit('observations.csv', { 3: 'share_quarterly,E08000025,2024-Q1,abc,p,src_a,' }).replaceAll('\n', '\r\n');
		expect(check({ 'observations.csv': bad })).toEqual([
			`data/observations.csv:3:4: value "abc" in column "value" is not a plain decimal number (${DECIMAL_FIX})`
		]);
		// The BOM is not part of the first header cell, nor does it shift the columns.
		const header = '\uFEFF' + edit('observations.csv', { 1: OBS_HEADER.replace('indicator_id', 'indicator') }).replaceAll('\n', '\r\n');
		expect(check({ 'observations.csv': header })).toEqual([
			`data/observations.csv:1:1: column "indicator" should be named "indicator_id" (rename the header cell to indicator_id; ${MUST_BE})`
		]);
	});

	it('reads a file that mixes CRLF and LF line ends, line by line (papaparse would not: it picks one style per file)', () => {
		// Header ends CRLF, the data rows LF: line 3 is still line 3, its 4th field still "abc".
		const lines = edit('observations.csv', { 3: 'share_quarterly,E08000025,2024-Q1,abc,p,src_a,' }).split('\n');
		const mixed = lines[0] + '\r\n' + lines.slice(1).join('\n');
		expect(check({ 'observations.csv': mixed })).toEqual([
			`data/observations.csv:3:4: value "abc" in column "value" is not a plain decimal number (${DECIMAL_FIX})`
		]);
	});

	it('accepts observations_*.csv files alongside observations.csv', () => {
		expect(check({ 'observations_extra.csv': csv(OBS_HEADER, 'people_annual,E92000001,2023,5,,src_a,') })).toEqual([]);
	});

	it('ignores blank lines', () => {
		expect(check({ 'annotations.csv': base['annotations.csv'] + '\n\n' })).toEqual([]);
	});
});

describe('validateDataFiles: header', () => {
	it('a missing column, at the position it was expected', () => {
		const file = csv('indicator_id,area_code,period,value,source_id,note', 'people_annual,E08000025,2023,100,src_a,');
		expect(check({ 'observations.csv': file })).toEqual([
			`data/observations.csv:1:5: column "marker" is missing (add the column; ${MUST_BE})`
		]);
	});

	it('an extra column', () => {
		const file = csv(`${OBS_HEADER},extra`, 'people_annual,E08000025,2023,100,,src_a,,');
		expect(check({ 'observations.csv': file })).toEqual([
			`data/observations.csv:1:8: unexpected column "extra" (remove the column or correct its name; ${MUST_BE})`
		]);
	});

	it('a misnamed column', () => {
		expect(check({ 'observations.csv': edit('observations.csv', { 1: OBS_HEADER.replace('value', 'valu') }) })).toEqual([
			`data/observations.csv:1:4: column "valu" should be named "value" (rename the header cell to value; ${MUST_BE})`
		]);
	});

	it('a column out of order', () => {
		const file = csv('area_code,measure,value,year,unit,source_id,note', 'E08000025,population,1157603,2023,people,src_a,');
		const mustBe = 'the header row must be area_code,measure,year,value,unit,source_id,note';
		expect(check({ 'denominators.csv': file })).toEqual([
			`data/denominators.csv:1:3: column "value" is out of order (put the columns in the order given; ${mustBe})`,
			`data/denominators.csv:1:4: column "year" is out of order (put the columns in the order given; ${mustBe})`
		]);
	});

	it('a repeated column', () => {
		const file = csv('period,label,label,description', '2020-03,Everyone In,Everyone In,Councils were asked.');
		expect(check({ 'annotations.csv': file })).toEqual([
			'data/annotations.csv:1:3: column "label" appears more than once in the header (remove the repeated column; the header row must be period,label,description)'
		]);
	});
});

describe('validateDataFiles: rows and quoting', () => {
	it('a row with too many fields', () => {
		// 1,234 unquoted: value "1", marker "234", source_id "", note "src_a", then an extra "note".
		expect(check({ 'observations.csv': edit('observations.csv', { 4: 'people_monthly,E08000025,2024-05,1,234,,src_a,note' }) })).toEqual([
			'data/observations.csv:4:8: row has 8 fields but the header has 7; the first extra field is "note" (enclose any value holding a comma in double quotes, or remove the extra fields)'
		]);
	});

	it('a row with too few fields', () => {
		expect(check({ 'observations.csv': edit('observations.csv', { 2: 'people_annual,E08000025,2023,100,,src_a' }) })).toEqual([
			'data/observations.csv:2:7: row has 6 fields but the header has 7; no value for column "note" (add the missing fields; an empty value still needs its comma)'
		]);
	});

	it('an unclosed quote, naming the line it opened on', () => {
		expect(
			check({ 'observations.csv': edit('observations.csv', { 4: 'people_monthly,E08000025,2024-05,12,,src_a,"A note, with a comma' }) })
		).toEqual([
			'data/observations.csv:4:7: the double quote opening the value in column "note" on line 4 is never closed (close the quoted value with a double quote, and write a double quote inside it as "")'
		]);
	});

	it('a referenced file that cannot be read is reported once per referencing column, not per row', () => {
		const sources = edit('sources.csv', {
			2: 'src_a,official_statistics,"Test statistics,Test publisher,https://example.org/a,Open Government Licence v3.0,2024-02-29,'
		});
		expect(check({ 'sources.csv': sources })).toEqual([
			'data/denominators.csv:1:6: cannot check column "source_id" against sources.csv: sources.csv could not be read (fix the problems in sources.csv first)',
			'data/indicators.csv:1:9: cannot check column "source_id" against sources.csv: sources.csv could not be read (fix the problems in sources.csv first)',
			'data/observations.csv:1:6: cannot check column "source_id" against sources.csv: sources.csv could not be read (fix the problems in sources.csv first)',
			'data/sources.csv:2:3: the double quote opening the value in column "title" on line 2 is never closed (close the quoted value with a double quote, and write a double quote inside it as "")',
			'data/targets.csv:1:7: cannot check column "source_id" against sources.csv: sources.csv could not be read (fix the problems in sources.csv first)'
		]);
	});

	it('a double quote inside an unquoted value, and text after a closing quote', () => {
		expect(
			check({
				'observations.csv': edit('observations.csv', {
					2: 'people_annual,E08000025,2023,100,,src_a,a 5" gap',
					3: 'share_quarterly,E08000025,2024-Q1,55.5,p,src_a,"quoted" then more'
				})
			})
		).toEqual([
			`data/observations.csv:2:7: value "a 5\\" gap" in column "note" holds a double quote but is not enclosed in double quotes (${QUOTE_FIX})`,
			`data/observations.csv:3:7: value "quoted then more" in column "note" has text after its closing double quote (${QUOTE_FIX})`
		]);
	});

	it('counts physical lines: a quoted line break makes later line numbers larger', () => {
		const file = csv(
			OBS_HEADER,
			'people_annual,E08000025,2023,100,,src_a,',
			'share_quarterly,E08000025,2024-Q1,55.5,p,src_a,',
			'people_monthly,E08000025,2024-05,12,,src_a,"line one', // lines 4 and 5
			'line two"',
			'people_monthly,E08000025,2024-06,,x y,,Not available' // line 6
		);
		expect(check({ 'observations.csv': file })).toEqual([
			`data/observations.csv:6:5: marker "x y" in column "marker" holds unknown marker letter "y" (${MARKER_FIX})`
		]);
	});

	it('a field after a multi-line field is reported on its own line', () => {
		// title opens on line 2 and ends on line 3, so url (column 5) is on line 3.
		const sources = csv(
			'source_id,kind,title,publisher,url,licence,published,notes',
			'src_a,official_statistics,"Test',
			'statistics",Test publisher,http://example.org/a,Open Government Licence v3.0,2024-02-29,'
		);
		expect(check({ 'sources.csv': sources })).toEqual([
			'data/sources.csv:3:5: value "http://example.org/a" in column "url" is not an https address (write a web address starting with https://, or nothing)'
		]);
	});
});

describe('validateDataFiles: whole files', () => {
	it('bytes that are not UTF-8, naming the line', () => {
		const text = edit('observations.csv', { 4: 'people_monthly,E08000025,2024-05,12,,src_a,Caf\u00e9' });
		const latin1 = new Uint8Array(Buffer.from(text, 'latin1'));
		expect(check({ 'observations.csv': latin1 })).toEqual([
			'data/observations.csv:4:1: the file is not UTF-8: byte 0xE9 on this line is not valid UTF-8 (save the file with UTF-8 encoding; in Excel: Save As, CSV UTF-8)'
		]);
	});

	it('an empty file', () => {
		const message =
			'data/annotations.csv:1:1: the file is empty (it needs at least the header row: period,label,description)';
		expect(check({ 'annotations.csv': '' })).toEqual([message]);
		expect(check({ 'annotations.csv': '\uFEFF\r\n  \n' })).toEqual([message]);
	});

	it('a wrong delimiter says so', () => {
		const fix = '(save it as comma-separated CSV, with the header row period,label,description)';
		expect(check({ 'annotations.csv': base['annotations.csv'].replaceAll(',', ';') })).toEqual([
			`data/annotations.csv:1:1: the file seems to use ';' as its delimiter; data files must be comma-separated ${fix}`
		]);
		expect(check({ 'annotations.csv': csv('period\tlabel\tdescription', '2020-03\tEveryone In\tCouncils') })).toEqual([
			`data/annotations.csv:1:1: the file seems to use a tab as its delimiter; data files must be comma-separated ${fix}`
		]);
	});

	it('a missing required file', () => {
		expect(check({ 'annotations.csv': null })).toEqual([
			'data/annotations.csv:1:1: required file annotations.csv is missing (add it, with the header row period,label,description)'
		]);
	});

	it('a missing referenced file is said once per referencing column', () => {
		expect(check({ 'sources.csv': null })).toEqual([
			'data/denominators.csv:1:6: cannot check column "source_id" against sources.csv: sources.csv is missing (add sources.csv first)',
			'data/indicators.csv:1:9: cannot check column "source_id" against sources.csv: sources.csv is missing (add sources.csv first)',
			'data/observations.csv:1:6: cannot check column "source_id" against sources.csv: sources.csv is missing (add sources.csv first)',
			'data/sources.csv:1:1: required file sources.csv is missing (add it, with the header row source_id,kind,title,publisher,url,licence,published,notes)',
			'data/targets.csv:1:7: cannot check column "source_id" against sources.csv: sources.csv is missing (add sources.csv first)'
		]);
	});

	it('an unknown extra .csv file', () => {
		expect(check({ 'notes.csv': 'a,b\n1,2\n' })).toEqual([
			`data/notes.csv:1:1: unknown data file "notes.csv" (rename it to one of ${KNOWN_FILES} or observations_NAME.csv, or remove it)`
		]);
	});
});

describe('validateDataFiles: references', () => {
	it('an unknown indicator_id', () => {
		expect(check({ 'observations.csv': edit('observations.csv', { 2: 'people_yearly,E08000025,2023,100,,src_a,' }) })).toEqual([
			'data/observations.csv:2:1: value "people_yearly" in column "indicator_id" is not an indicator_id listed in indicators.csv (correct it, or add a row for it to indicators.csv)'
		]);
	});

	it('an unknown area_code', () => {
		expect(check({ 'observations.csv': edit('observations.csv', { 2: 'people_annual,E08000099,2023,100,,src_a,' }) })).toEqual([
			'data/observations.csv:2:2: value "E08000099" in column "area_code" is not an area_code listed in areas.csv (correct it, or add a row for it to areas.csv)'
		]);
	});

	it('an unknown source_id', () => {
		expect(check({ 'observations.csv': edit('observations.csv', { 2: 'people_annual,E08000025,2023,100,,src_b,' }) })).toEqual([
			'data/observations.csv:2:6: value "src_b" in column "source_id" is not a source_id listed in sources.csv (correct it, or add a row for it to sources.csv)'
		]);
	});

	it('a reference within the same file (areas.parent_code)', () => {
		expect(check({ 'areas.csv': edit('areas.csv', { 3: 'E08000025,Birmingham,local_authority,E12000099' }) })).toEqual([
			'data/areas.csv:3:4: value "E12000099" in column "parent_code" is not an area_code listed in areas.csv (correct it, or add a row for it to areas.csv)'
		]);
	});
});

describe('validateDataFiles: targets.csv', () => {
	// targets.csv in the valid set:
	// 1 indicator_id,area_code,target_value,target_period,baseline_period,set_by,source_id
	// 2 people_monthly,E08000025,0,2026-05,2024-05,Test council,src_a
	const targets = (text: string) => check({ 'targets.csv': edit('targets.csv', { 2: text }) });

	it("target and baseline periods follow the indicator's frequency", () => {
		expect(targets('people_monthly,E08000025,0,2026,2024-05,Test council,src_a')).toEqual([
			`data/targets.csv:2:4: period "2026" in column "target_period" is an annual period, but indicator "people_monthly" is monthly (${MONTHLY_FIX})`
		]);
		expect(targets('people_monthly,E08000025,0,2026-05,2024-13,Test council,src_a')).toEqual([
			`data/targets.csv:2:5: period "2024-13" in column "baseline_period" is not a real month (${MONTHLY_FIX})`
		]);
	});

	it('the target value is a number, and the indicator, area and source exist', () => {
		expect(targets('people_monthly,E08000025,none,2026-05,2024-05,Test council,src_a')).toEqual([
			`data/targets.csv:2:3: value "none" in column "target_value" is not a plain decimal number (${DECIMAL_FIX})`
		]);
		expect(targets('nope,E08000025,0,2026-05,2024-05,Test council,src_a')).toEqual([
			'data/targets.csv:2:1: value "nope" in column "indicator_id" is not an indicator_id listed in indicators.csv (correct it, or add a row for it to indicators.csv)'
		]);
	});

	it('a header with no rows is valid: no target is set', () => {
		expect(check({ 'targets.csv': 'indicator_id,area_code,target_value,target_period,baseline_period,set_by,source_id\n' })).toEqual([]);
	});
});

describe('validateDataFiles: observation values and periods', () => {
	const obs = (line: number, text: string) => check({ 'observations.csv': edit('observations.csv', { [line]: text }) });

	it('a period of another frequency', () => {
		expect(obs(4, 'people_monthly,E08000025,2024,12,,src_a,')).toEqual([
			`data/observations.csv:4:3: period "2024" in column "period" is an annual period, but indicator "people_monthly" is monthly (${MONTHLY_FIX})`
		]);
		expect(obs(2, 'people_annual,E08000025,2023-Q4,100,,src_a,')).toEqual([
			'data/observations.csv:2:3: period "2023-Q4" in column "period" is a quarterly period, but indicator "people_annual" is annual (write annual periods as YYYY, e.g. 2024)'
		]);
	});

	it('not a real month or quarter', () => {
		expect(obs(4, 'people_monthly,E08000025,2024-13,12,,src_a,')).toEqual([
			`data/observations.csv:4:3: period "2024-13" in column "period" is not a real month (${MONTHLY_FIX})`
		]);
		expect(obs(3, 'share_quarterly,E08000025,2024-Q5,55.5,p,src_a,')).toEqual([
			'data/observations.csv:3:3: period "2024-Q5" in column "period" is not a real quarter (write quarterly periods as YYYY-Qn with n from 1 to 4, e.g. 2024-Q2)'
		]);
		expect(obs(4, 'people_monthly,E08000025,May 2024,12,,src_a,')).toEqual([
			`data/observations.csv:4:3: period "May 2024" in column "period" is not a period (${MONTHLY_FIX})`
		]);
	});

	it.each(['"1,000"', '55%', '1e3', ' 12', '12 ', 'NaN', 'Infinity', '.5', '+5', '5.'])('a value that is not a plain decimal: %s', (value) => {
		const shown = value.startsWith('"') ? value.slice(1, -1) : value;
		expect(obs(2, `people_annual,E08000025,2023,${value},,src_a,`)).toEqual([
			`data/observations.csv:2:4: value "${shown}" in column "value" is not a plain decimal number (${DECIMAL_FIX})`
		]);
	});

	it('a value too large to be finite', () => {
		const huge = '9'.repeat(400);
		expect(obs(2, `people_annual,E08000025,2023,${huge},,src_a,`)).toEqual([
			`data/observations.csv:2:4: value "${'9'.repeat(117)}..." in column "value" is too large to be a finite number (check the figure)`
		]);
	});

	it('a negative count', () => {
		expect(obs(2, 'people_annual,E08000025,2023,-1,,src_a,')).toEqual([
			'data/observations.csv:2:4: value "-1" in column "value" is negative, but indicator "people_annual" is counted in people (counts are never negative; check the figure)'
		]);
	});

	it('a percentage above its max_value of 100, or below 0', () => {
		// share_quarterly has max_value 100 in the fixture's indicators.csv.
		expect(obs(3, 'share_quarterly,E08000025,2024-Q1,100.5,p,src_a,')).toEqual([
			'data/observations.csv:3:4: value "100.5" in column "value" is more than 100, the largest value indicator "share_quarterly" can take (its max_value in indicators.csv) (give percentages as numbers from 0 to 100; if this percentage can exceed 100, leave its max_value empty)'
		]);
		expect(obs(3, 'share_quarterly,E08000025,2024-Q1,-0.1,p,src_a,')).toEqual([
			'data/observations.csv:3:4: value "-0.1" in column "value" is negative, but indicator "share_quarterly" is counted in percent (give percentages as numbers from 0 up)'
		]);
		expect(obs(3, 'share_quarterly,E08000025,2024-Q1,100,p,src_a,')).toEqual([]);
	});

	it('a percentage with an empty max_value may exceed 100 (a ratio such as accommodated_pct)', () => {
		const indicators = edit('indicators.csv', {
			3: 'share_quarterly,brief,Share (quarterly),Share quarterly,A percentage.,percent,higher_is_better,quarterly,src_a,,,,'
		});
		expect(check({ 'indicators.csv': indicators, 'observations.csv': edit('observations.csv', { 3: 'share_quarterly,E08000025,2024-Q1,180.5,p,src_a,' }) })).toEqual([]);
	});

	it('a value together with x, c or z', () => {
		expect(obs(5, 'people_monthly,E08000025,2024-06,3,x,src_a,Not available')).toEqual([
			'data/observations.csv:5:4: value "3" in column "value" is given together with marker "x" (leave the value empty when the marker holds x, c, z, or remove that marker letter)'
		]);
		expect(obs(5, 'people_monthly,E08000025,2024-06,3,p c,src_a,')).toEqual([
			'data/observations.csv:5:4: value "3" in column "value" is given together with marker "c" (leave the value empty when the marker holds x, c, z, or remove that marker letter)'
		]);
	});

	it('an empty value without x, c or z', () => {
		const message =
			'data/observations.csv:4:4: column "value" is empty but column "marker" holds none of x, c, z (give the value, or say why it is missing with marker x (not available), c (confidential), z (not applicable))';
		expect(obs(4, 'people_monthly,E08000025,2024-05,,,src_a,')).toEqual([message]);
		expect(obs(4, 'people_monthly,E08000025,2024-05,,e,src_a,')).toEqual([message]);
		expect(obs(4, 'people_monthly,E08000025,2024-05,,z,,')).toEqual([]);
	});

	it('a value without a source_id', () => {
		expect(obs(2, 'people_annual,E08000025,2023,100,,,')).toEqual([
			'data/observations.csv:2:6: column "source_id" is empty but the row has a value (name the source of the figure, a source_id from sources.csv)'
		]);
	});

	it('unknown, repeated or run-together marker letters', () => {
		expect(obs(3, 'share_quarterly,E08000025,2024-Q1,55.5,q,src_a,')).toEqual([
			`data/observations.csv:3:5: marker "q" in column "marker" holds unknown marker letter "q" (${MARKER_FIX})`
		]);
		expect(obs(3, 'share_quarterly,E08000025,2024-Q1,55.5,P,src_a,')).toEqual([
			`data/observations.csv:3:5: marker "P" in column "marker" holds unknown marker letter "P" (${MARKER_FIX})`
		]);
		expect(obs(3, 'share_quarterly,E08000025,2024-Q1,55.5,p p,src_a,')).toEqual([
			`data/observations.csv:3:5: marker "p p" in column "marker" repeats the letter "p" (${MARKER_FIX})`
		]);
		expect(obs(3, 'share_quarterly,E08000025,2024-Q1,55.5,pr,src_a,')).toEqual([
			`data/observations.csv:3:5: marker "pr" in column "marker" is not single letters separated by single spaces (${MARKER_FIX})`
		]);
		expect(obs(3, 'share_quarterly,E08000025,2024-Q1,55.5,p r e u,src_a,')).toEqual([]);
	});

	it('a duplicate (indicator_id, area_code, period), in one file and across observation files', () => {
		expect(check({ 'observations.csv': edit('observations.csv', { 6: 'people_monthly,E08000025,2024-05,13,,src_a,' }) })).toEqual([
			'data/observations.csv:6:1: duplicate row: (indicator_id, area_code, period) = (people_monthly, E08000025, 2024-05) is already on line 4 (remove one of the two rows, or correct its key)'
		]);
		expect(check({ 'observations_extra.csv': csv(OBS_HEADER, 'people_monthly,E08000025,2024-05,13,,src_a,') })).toEqual([
			'data/observations_extra.csv:2:1: duplicate row: (indicator_id, area_code, period) = (people_monthly, E08000025, 2024-05) is already in data/observations.csv on line 4 (remove one of the two rows, or correct its key)'
		]);
	});

	it('observations_*.csv rows are checked like observations.csv', () => {
		expect(check({ 'observations_extra.csv': csv(OBS_HEADER, 'people_annual,E92000001,2023,-5,,src_a,') })).toEqual([
			'data/observations_extra.csv:2:4: value "-5" in column "value" is negative, but indicator "people_annual" is counted in people (counts are never negative; check the figure)'
		]);
	});
});

describe('validateDataFiles: other column kinds', () => {
	it('a GSS code', () => {
		expect(check({ 'areas.csv': edit('areas.csv', { 4: 'W0600001,Wales,country,' }) })).toEqual([
			'data/areas.csv:4:1: value "W0600001" in column "area_code" is not a GSS code (write a GSS code: one capital letter and eight digits, e.g. E08000025)'
		]);
	});

	it('an identifier', () => {
		expect(check({ 'sources.csv': edit('sources.csv', { 3: 'Src-B,secondary,Other,Someone,,,,' }) })).toEqual([
			'data/sources.csv:3:1: value "Src-B" in column "source_id" is not a valid identifier (write an identifier: lower case letters, digits and underscores, starting with a letter, e.g. mhclg_rsdf)'
		]);
	});

	it('an enum value', () => {
		const line = 'people_annual,rare,People (annual),People annual,Count of people.,people,lower_is_better,Annual,src_a,,,,';
		expect(check({ 'indicators.csv': edit('indicators.csv', { 2: line }) })).toEqual([
			'data/indicators.csv:2:8: value "Annual" in column "frequency" is not one of the allowed values (use one of: annual, quarterly, monthly)'
		]);
	});

	it('a year', () => {
		expect(check({ 'denominators.csv': edit('denominators.csv', { 2: 'E08000025,population,23,1157603,people,src_a,' }) })).toEqual([
			'data/denominators.csv:2:3: value "23" in column "year" is not a year (write the year as four digits, e.g. 2024)'
		]);
	});

	it('a decimal in another file', () => {
		expect(check({ 'denominators.csv': edit('denominators.csv', { 2: 'E08000025,population,2023,"1,157,603",people,src_a,' }) })).toEqual([
			`data/denominators.csv:2:4: value "1,157,603" in column "value" is not a plain decimal number (${DECIMAL_FIX})`
		]);
	});

	it('a year, month or date that is not real or not of that form', () => {
		const fix = '(write a real year, month or date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024, 2024-05 or 2024-05-31)';
		const source = (published: string) =>
			`src_a,official_statistics,Test statistics,Test publisher,https://example.org/a,Open Government Licence v3.0,${published},`;
		expect(check({ 'sources.csv': edit('sources.csv', { 2: source('2023-02-29') }) })).toEqual([
			`data/sources.csv:2:7: value "2023-02-29" in column "published" is not a real month or date ${fix}`
		]);
		expect(check({ 'sources.csv': edit('sources.csv', { 2: source('2024-00') }) })).toEqual([
			`data/sources.csv:2:7: value "2024-00" in column "published" is not a real month or date ${fix}`
		]);
		expect(check({ 'annotations.csv': edit('annotations.csv', { 2: 'March 2020,Everyone In,Councils.' }) })).toEqual([
			`data/annotations.csv:2:1: value "March 2020" in column "period" is not a year, month or date ${fix}`
		]);
	});

	it('a url that is not https', () => {
		const line = 'src_a,official_statistics,Test statistics,Test publisher,http://example.org/a,,,';
		expect(check({ 'sources.csv': edit('sources.csv', { 2: line }) })).toEqual([
			'data/sources.csv:2:5: value "http://example.org/a" in column "url" is not an https address (write a web address starting with https://, or nothing)'
		]);
	});

	it('text longer than its maximum', () => {
		const label = 'A label that is forty-one characters long';
		expect(label.length).toBe(41);
		expect(check({ 'annotations.csv': edit('annotations.csv', { 2: `2020-03,${label},Councils.` }) })).toEqual([
			`data/annotations.csv:2:2: value "${label}" in column "label" is 41 characters long (shorten it to 40 characters at most)`
		]);
	});

	it('a required column left empty', () => {
		const line = 'src_a,official_statistics,,Test publisher,https://example.org/a,,,';
		expect(check({ 'sources.csv': edit('sources.csv', { 2: line }) })).toEqual([
			'data/sources.csv:2:3: required column "title" is empty (fill it in: Title of the publication or dataset)'
		]);
	});

	it('a duplicate key in another file', () => {
		expect(check({ 'annotations.csv': edit('annotations.csv', { 3: '2020-03,Everyone In,Again.' }) })).toEqual([
			'data/annotations.csv:3:1: duplicate row: (period, label) = (2020-03, Everyone In) is already on line 2 (remove one of the two rows, or correct its key)'
		]);
	});
});

describe('validateDataFiles: many problems', () => {
	it('reports every problem in every file, sorted, not only the first', () => {
		const problems = check({
			'areas.csv': edit('areas.csv', { 4: 'e12000005,West Midlands,region,E92000001' }),
			'annotations.csv': edit('annotations.csv', { 3: '2018,Housing First,' }),
			'observations.csv': edit('observations.csv', {
				2: 'people_annual,E08000025,2023,"1,000",,src_a,',
				3: 'share_quarterly,E08000025,2024-Q1,55.5,p p,src_a,',
				5: 'people_monthly,E08000025,2024-6,,,,'
			})
		});
		expect(problems).toEqual([
			'data/annotations.csv:3:3: required column "description" is empty (fill it in: One or two sentences for the table and the tooltip)',
			'data/areas.csv:4:1: value "e12000005" in column "area_code" is not a GSS code (write a GSS code: one capital letter and eight digits, e.g. E08000025)',
			`data/observations.csv:2:4: value "1,000" in column "value" is not a plain decimal number (${DECIMAL_FIX})`,
			`data/observations.csv:3:5: marker "p p" in column "marker" repeats the letter "p" (${MARKER_FIX})`,
			`data/observations.csv:5:3: period "2024-6" in column "period" is not a period (${MONTHLY_FIX})`,
			'data/observations.csv:5:4: column "value" is empty but column "marker" holds none of x, c, z (give the value, or say why it is missing with marker x (not available), c (confidential), z (not applicable))'
		]);
	});

	it('checks every row of a 200,000-row file and still finds the one duplicate at its end', () => {
		// Speed is measured by `npm run bench`, not asserted here (shared, noisy machines).
		// 1,000 areas x 200 months (2000-01 to 2016-08) of one monthly indicator.
		const areaRows = Array.from({ length: 1000 }, (_, a) => `E09${String(a).padStart(6, '0')},Area ${a},local_authority,E92000001`);
		const lines = [OBS_HEADER];
		for (let i = 0; i < 200_000; i++) {
			const month = Math.floor(i / 1000);
			const period = `${2000 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
			lines.push(`people_monthly,E09${String(i % 1000).padStart(6, '0')},${period},${i % 1000},p,src_a,"note, ${i}"`);
		}
		// The first data row again, as physical line 200,002 (header is line 1, rows are lines 2 to 200,001).
		lines.push(lines[1]);
		// observations.csv holds only its header, so that the generated periods are all new.
		const big = {
			...base,
			'areas.csv': base['areas.csv'] + areaRows.join('\n') + '\n',
			'observations.csv': csv(OBS_HEADER),
			'observations_big.csv': lines.join('\n') + '\n'
		};
		const result = checkDataFiles(toFiles(big));
		expect(result.problems.map((p) => `${p.file}:${p.line}`)).toEqual(['data/observations_big.csv:200002']);
		expect(result.problems[0].problem).toMatch(/duplicate|already/i);
	});
});

describe('scripts/check-data.ts', () => {
	const run = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/check-data.ts', ...args], { encoding: 'utf8' });
	const lines = (s: string) => s.split('\n').filter((l) => l !== '' && !l.startsWith('npm warn'));

	it('exits 1 and prints every problem on a bad directory', () => {
		const out = run('tests/fixtures/validate/bad');
		expect(out.status).toBe(1);
		const dir = 'tests/fixtures/validate/bad';
		expect(lines(out.stderr)).toEqual([
			`${dir}/annotations.csv:1:1: required file annotations.csv is missing (add it, with the header row period,label,description)`,
			`${dir}/observations.csv:2:4: value "-100" in column "value" is negative, but indicator "people_annual" is counted in people (counts are never negative; check the figure)`,
			`${dir}/observations.csv:4:3: period "2024-5" in column "period" is not a period (${MONTHLY_FIX})`,
			`${dir}/stray.csv:1:1: unknown data file "stray.csv" (rename it to one of ${KNOWN_FILES} or observations_NAME.csv, or remove it)`,
			'check:data: 4 problems; fix them and run npm run check:data again'
		]);
	});

	it('exits 0 with a one-line summary on data/', () => {
		const out = run();
		expect(out.status).toBe(0);
		expect(lines(out.stdout)).toEqual([expect.stringMatching(/^check:data: \d+ files, \d+ rows, no problems$/)]);
	});
});

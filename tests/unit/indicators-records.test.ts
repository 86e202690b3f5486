/**
 * The contacts checker: each kind of bad input gets its exact message, every problem in a file is
 * listed with its physical line, and nothing is computed from a file with a problem. Accepted
 * variations (BOM, CRLF, columns in another order, quoted values, blank lines) give the same
 * figures as the plain file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/data/engine';
import { createNodeEngine } from '../../src/lib/data/engine-node';
import { formatProblem } from '../../src/lib/data/problems';
import { computeFromContacts } from '../../src/lib/indicators/compute';
import { checkRecords } from '../../src/lib/indicators/records';

const H = 'person_id,area_code,event_date,event,accommodation,institution,institution_left_date';
const COLUMNS = 'person_id,area_code,event_date,event,accommodation,institution,institution_left_date';
const AUTHORITIES =
	'E08000025 Birmingham, E08000026 Coventry, E08000027 Dudley, E08000028 Sandwell, E08000029 Solihull, E08000030 Walsall, E08000031 Wolverhampton';
const OK = 'a,E08000025,2024-01-01,seen_rough_sleeping,,,';

const messages = (input: string | Uint8Array) => checkRecords(input, 'c.csv').problems.map(formatProblem);
const file = (...lines: string[]) => lines.join('\n') + '\n';

describe('file-level problems', () => {
	it('an empty file', () => {
		expect(messages('')).toEqual([
			`c.csv:1:1: the file is empty (it needs at least the header row: ${COLUMNS})`
		]);
		expect(messages('\n\n')).toHaveLength(1);
	});

	it('a header and no records', () => {
		expect(messages(H + '\n')).toEqual([
			'c.csv:2:1: the file has a header row but no records (add the records below the header)'
		]);
	});

	it('the wrong delimiter is named', () => {
		const fix = `(save it as comma-separated CSV, with the header row ${COLUMNS})`;
		expect(messages(file(H.replaceAll(',', ';'), OK.replaceAll(',', ';')))).toEqual([
			`c.csv:1:1: the file seems to use ';' as its delimiter; data files must be comma-separated ${fix}`
		]);
		expect(messages(file(H.replaceAll(',', '\t')))).toEqual([
			`c.csv:1:1: the file seems to use a tab as its delimiter; data files must be comma-separated ${fix}`
		]);
		expect(messages(file(H.replaceAll(',', '|')))).toEqual([
			`c.csv:1:1: the file seems to use '|' as its delimiter; data files must be comma-separated ${fix}`
		]);
	});

	it('a file that is not UTF-8: the line and field of each bad byte', () => {
		const enc = new TextEncoder();
		const bytes = new Uint8Array([
			...enc.encode(file(H, OK)),
			...enc.encode('a,E08000025,2024-01-01,seen_rough_sleeping,,,\n'),
			...enc.encode('Jos'),
			0xe9, // é in Windows-1252
			...enc.encode(',E08000025,2024-01-01,seen_rough_sleeping,,,\n'),
			...enc.encode('b,E08000025,2024-01-01,seen_rough_sleeping,,"'),
			0x96, // en dash in Windows-1252
			...enc.encode('",\n')
		]);
		expect(messages(bytes)).toEqual([
			'c.csv:4:1: the file is not UTF-8: byte 0xE9 on this line is not valid UTF-8 (save the file with UTF-8 encoding; in Excel: Save As, CSV UTF-8)',
			'c.csv:5:6: the file is not UTF-8: byte 0x96 on this line is not valid UTF-8 (save the file with UTF-8 encoding; in Excel: Save As, CSV UTF-8)',
			// The same value is then also not a valid institution.
			'c.csv:5:6: institution "\uFFFD" is not one of prison, other_justice, hospital, armed_forces, asylum_support, care_leaver (use one of prison, other_justice, hospital, armed_forces, asylum_support, care_leaver, or leave it empty)'
		]);
	});
});

describe('header problems', () => {
	it('wrong, missing, duplicated and unnamed columns, every one listed', () => {
		expect(
			messages(file('person_id,Area Code,event_date,date,event,event,,institution', 'a,E08000025,2024-01-01,x,seen_rough_sleeping,seen_rough_sleeping,,'))
		).toEqual([
			'c.csv:1:2: column "Area Code" should be named "area_code" (rename it to area_code: lower case, no spaces)',
			`c.csv:1:4: unknown column "date" (remove it; the columns are ${COLUMNS})`,
			'c.csv:1:6: column "event" appears more than once (keep one of them)',
			`c.csv:1:7: column 7 has no name (name it one of ${COLUMNS}, or remove the empty column)`,
			`c.csv:1:9: missing column "accommodation" (add it to the header, even if its values are all empty; the columns are ${COLUMNS})`,
			`c.csv:1:9: missing column "institution_left_date" (add it to the header, even if its values are all empty; the columns are ${COLUMNS})`
		]);
	});

	it('an extra column, and a misspelt one when exactly one column is missing', () => {
		expect(messages(file(H + ',notes', OK + ',x'))).toEqual([
			`c.csv:1:8: unknown column "notes" (remove it; the columns are ${COLUMNS})`
		]);
		expect(messages(file(H.replace('event_date', 'date'), OK))).toEqual([
			`c.csv:1:3: unknown column "date" (rename it to event_date, or remove it; the columns are ${COLUMNS})`,
			`c.csv:1:8: missing column "event_date" (add it to the header, even if its values are all empty; the columns are ${COLUMNS})`
		]);
	});
});

describe('row problems', () => {
	it('a wrong number of fields', () => {
		expect(
			messages(file(H, 'a,E08000025,2024-01-01,seen_rough_sleeping,,', 'b,E08000025,2024-01-01,seen_rough_sleeping,,,,extra'))
		).toEqual([
			'c.csv:2:7: row has 6 fields but the header has 7; no value for column "institution_left_date" (add the missing fields; an empty value still needs its comma)',
			'c.csv:3:8: row has 8 fields but the header has 7; the first extra field is "extra" (enclose any value holding a comma in double quotes, or remove the extra fields)'
		]);
	});

	it('an unclosed quote', () => {
		expect(messages(file(H, OK, '"b,E08000025,2024-01-01,seen_rough_sleeping,,,', OK))).toEqual([
			'c.csv:3:1: the double quote opening the value in column "person_id" on line 3 is never closed (close the quoted value with a double quote, and write a double quote inside it as "")'
		]);
	});

	it('a misplaced quote', () => {
		expect(messages(file(H, 'a,E08000025,2024-01-01,seen_rough_sleeping,"x"y,,', OK))).toEqual([
			'c.csv:2:5: value "xy" in column "accommodation" has text after its closing double quote (enclose the whole value in double quotes and write each double quote inside it as "")'
		]);
	});

	it('a double quote inside an unquoted value (the row is not checked further)', () => {
		expect(messages(file(H, OK, 'a,E08000025,2024-01-01,seen_rough_sleeping,,pri"son,'))).toEqual([
			'c.csv:3:6: value "pri\\"son" in column "institution" holds a double quote but is not enclosed in double quotes (enclose the whole value in double quotes and write each double quote inside it as "")'
		]);
	});

	it('a field after a multi-line value is reported on its own physical line', () => {
		// person_id opens on line 3 and closes on line 4, so area_code (column 2) is on line 4.
		expect(messages(file(H, OK, '"b', 'c",E08000099,2024-01-01,seen_rough_sleeping,,,'))).toEqual([
			'c.csv:3:1: person_id contains spaces or control characters (use a pseudonymous identifier without spaces, never a name)',
			`c.csv:4:2: area_code "E08000099" is not one of the seven WMCA authorities (give the GSS code of the authority where the event happened: ${AUTHORITIES})`
		]);
	});

	const fieldCases: [string, string][] = [
		[',E08000025,2024-01-01,seen_rough_sleeping,,,', "1: person_id is empty (give every record the person's pseudonymous identifier)"],
		[
			'x'.repeat(65) + ',E08000025,2024-01-01,seen_rough_sleeping,,,',
			'1: person_id is 65 characters long, more than 64 (use a shorter pseudonymous identifier, at most 64 characters)'
		],
		[
			'John Smith,E08000025,2024-01-01,seen_rough_sleeping,,,',
			'1: person_id contains spaces or control characters (use a pseudonymous identifier without spaces, never a name)'
		],
		['a,,2024-01-01,seen_rough_sleeping,,,', `2: area_code is empty (give the GSS code of the authority where the event happened: ${AUTHORITIES})`],
		[
			'a,E47000007,2024-01-01,seen_rough_sleeping,,,',
			`2: area_code E47000007 is the combined authority, not one of its seven authorities (give the GSS code of the authority where the event happened: ${AUTHORITIES})`
		],
		[
			'a,E08000001,2024-01-01,seen_rough_sleeping,,,',
			`2: area_code "E08000001" is not one of the seven WMCA authorities (give the GSS code of the authority where the event happened: ${AUTHORITIES})`
		],
		['a, E08000025,2024-01-01,seen_rough_sleeping,,,', '2: area_code " E08000025" has spaces around it (remove the spaces)'],
		['a,E08000025,,seen_rough_sleeping,,,', '3: event_date is empty (give the date of the event as YYYY-MM-DD)'],
		[
			'a,E08000025,01/02/2024,seen_rough_sleeping,,,',
			'3: event_date "01/02/2024" is not a date in the form YYYY-MM-DD (write dates as YYYY-MM-DD, e.g. 2024-02-01)'
		],
		['a,E08000025,2023-02-29,seen_rough_sleeping,,,', '3: event_date "2023-02-29" is not a real date (check the day and the month)'],
		['a,E08000025,2024-01-01 ,seen_rough_sleeping,,,', '3: event_date "2024-01-01 " has spaces around it (remove the spaces)'],
		['a,E08000025,2024-01-01,seen,,,', '4: event "seen" is not seen_rough_sleeping or accommodated (use seen_rough_sleeping or accommodated)'],
		['a,E08000025,2024-01-01,,,,', '4: event is empty (use seen_rough_sleeping or accommodated)'],
		['a,E08000025,2024-01-01,accommodated,,,', '5: accommodation is empty on an accommodated event (use settled or other)'],
		['a,E08000025,2024-01-01,accommodated,social,,', '5: accommodation "social" is not settled or other (use settled or other)'],
		[
			'a,E08000025,2024-01-01,seen_rough_sleeping,settled,,',
			'5: accommodation is set on a seen_rough_sleeping event (leave it empty; record a move into accommodation as its own accommodated event)'
		],
		[
			'a,E08000025,2024-01-01,seen_rough_sleeping,,jail,2023-12-01',
			'6: institution "jail" is not one of prison, other_justice, hospital, armed_forces, asylum_support, care_leaver (use one of prison, other_justice, hospital, armed_forces, asylum_support, care_leaver, or leave it empty)'
		],
		[
			'a,E08000025,2024-01-01,accommodated,settled,care_leaver,',
			'6: institution is set on an accommodated event (leave it empty; an institution left is recorded on the seen_rough_sleeping event)'
		],
		[
			'a,E08000025,2024-01-01,seen_rough_sleeping,,prison,',
			'7: institution_left_date is empty for institution prison (give the date the person left it, as YYYY-MM-DD)'
		],
		[
			'a,E08000025,2024-01-01,seen_rough_sleeping,,,2023-12-01',
			'7: institution_left_date is set but institution is empty (leave it empty, or give the institution)'
		],
		[
			'a,E08000025,2024-01-01,seen_rough_sleeping,,care_leaver,2023-12-01',
			'7: institution_left_date is set for a care leaver (leave it empty: care leavers have no leaving date)'
		],
		[
			'a,E08000025,2024-01-01,seen_rough_sleeping,,hospital,2023-13-01',
			'7: institution_left_date "2023-13-01" is not a real date (check the day and the month)'
		],
		[
			'a,E08000025,2024-01-01,seen_rough_sleeping,,hospital,1/12/2023',
			'7: institution_left_date "1/12/2023" is not a date in the form YYYY-MM-DD (write dates as YYYY-MM-DD, e.g. 2024-02-01)'
		],
		[
			'a,E08000025,2024-01-01,seen_rough_sleeping,,hospital,2024-01-02',
			'7: institution_left_date 2024-01-02 is after event_date 2024-01-01 (check both dates: the person left before being seen)'
		]
	];
	for (const [line, message] of fieldCases) {
		it(`column ${message.slice(0, 60)}`, () => {
			expect(messages(file(H, OK, line))).toEqual([`c.csv:3:${message}`]);
		});
	}

	it('lists every problem of a file, with physical lines (a quoted value over two lines, CRLF, blank lines)', () => {
		const text = [
			H,
			'"multi',
			'line",E08000025,2024-01-01,seen_rough_sleeping,,,',
			'',
			'a,E08000099,2024-02-30,seen_rough_sleeping,other,,',
			OK,
			'b,E08000025,2024-1-1,seen_rough_sleeping,,,'
		].join('\r\n');
		expect(messages(text).map((m) => m.split(': ')[0] + ': ' + m.split(': ')[1].split(' ').slice(0, 2).join(' '))).toEqual([
			'c.csv:2:1: person_id contains',
			'c.csv:5:2: area_code "E08000099"',
			'c.csv:5:3: event_date "2024-02-30"',
			'c.csv:5:5: accommodation is',
			'c.csv:7:3: event_date "2024-1-1"'
		]);
	});
});

describe('accepted variations, and nothing computed from a bad file', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await createNodeEngine();
	});
	afterAll(async () => {
		await engine.close();
	});

	const plain = file(
		H,
		'p1,E08000025,2024-01-05,seen_rough_sleeping,,prison,2023-12-20',
		'p1,E08000026,2024-02-05,seen_rough_sleeping,,,',
		'p2,E08000025,2024-02-06,accommodated,settled,,',
		'p3,E08000031,2024-02-07,seen_rough_sleeping,,care_leaver,'
	);

	it('a BOM, CRLF line ends, columns in another order, quoted values and blank lines give the same figures', async () => {
		const reordered = [
			'\uFEFFevent,institution_left_date,area_code,person_id,event_date,institution,accommodation',
			'seen_rough_sleeping,2023-12-20,E08000025,"p1",2024-01-05,prison,',
			'',
			'"seen_rough_sleeping",,E08000026,p1,2024-02-05,,',
			'accommodated,,E08000025,p2,2024-02-06,,"settled"',
			'seen_rough_sleeping,,E08000031,p3,2024-02-07,care_leaver,',
			''
		].join('\r\n');
		const bytes = new TextEncoder().encode(reordered);
		expect(bytes[0]).toBe(0xef); // the BOM is really there
		const a = await computeFromContacts(engine, plain, 'plain.csv');
		const b = await computeFromContacts(engine, bytes, 'reordered.csv');
		expect('rows' in a && 'rows' in b).toBe(true);
		expect(b).toEqual(a);
		if ('rows' in a) {
			const get = (id: string, area: string, period: string) =>
				a.rows.find((r) => r.indicator_id === id && r.area_code === area && r.period === period)?.value;
			expect(get('rs_month', 'E47000007', '2024-02')).toBe(2);
			expect(get('left_institution_care_leaver', 'E08000031', '2024-02')).toBe(1);
			expect(get('left_institution_prison', 'E08000025', '2024-01')).toBe(1);
		}
	});

	it('returns the problems and computes nothing when the file has any', async () => {
		await engine.query('DROP TABLE IF EXISTS ind_events');
		const result = await computeFromContacts(engine, plain + 'p4,E08000025,2024-02-31,seen_rough_sleeping,,,\n', 'bad.csv');
		expect(result).toEqual({
			problems: [
				{
					file: 'bad.csv',
					line: 6,
					column: 3,
					problem: 'event_date "2024-02-31" is not a real date',
					fix: 'check the day and the month'
				}
			]
		});
		const tables = await engine.query<{ n: number }>(
			"SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'ind_%'"
		);
		expect(tables[0].n).toBe(0);
	});
});

/**
 * The contacts checker and `npm run compute` cannot be crashed, and what they compute always
 * validates: years outside 1998 to next year (year 0000 crashed DuckDB, 0001-0999 made the SQL
 * and the oracle disagree, one date in year 1000 made 2.36 million output rows), a file with
 * hundreds of thousands of problems, a file over the size limit, and a register whose people
 * moving into accommodation outnumber the people seen that month. Expected figures by hand.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CONTACTS_FILE_BYTES } from '../../src/lib/data/contract';
import { createNodeEngine } from '../../src/lib/data/engine-node';
import { formatProblem, problemCount } from '../../src/lib/data/problems';
import { validateDataFiles } from '../../src/lib/data/validate';
import { readDataFiles } from '../../src/lib/server/data-files';
import { computeFromFile } from '../../src/lib/indicators/browser';
import { checkComputeOptions, computeFromContacts, observationsCsv } from '../../src/lib/indicators/compute';
import { checkRecords, contactsFileTooLarge } from '../../src/lib/indicators/records';
import { percentTenthsSql } from '../../src/lib/indicators/sql';
import { BIRMINGHAM, accommodated, contactsCsv, seen } from '../fixtures/indicators/helpers';

const TODAY = new Date('2026-06-15T12:00:00Z'); // the latest year is 2027
const YEAR_FIX = 'check the year: periods and dates run from 1998 to 2027 (next year)';
const dir = mkdtempSync(join(tmpdir(), 'indicators-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** computeFromContacts with an engine factory that counts how often it is called. */
async function compute(text: string, options: Parameters<typeof computeFromContacts>[3] = {}) {
	let started = 0;
	const result = await computeFromContacts(
		async () => {
			started++;
			return createNodeEngine();
		},
		text,
		'r.csv',
		{ today: TODAY, ...options }
	);
	return { result, started };
}
const problemsOf = (r: Awaited<ReturnType<typeof compute>>['result']) =>
	'problems' in r ? r.problems.map(formatProblem) : [`computed ${r.rows.length} rows`];

describe('dates outside 1998 to next year, through the compute path', () => {
	it('year 0000 (which DuckDB cannot cast) is a problem, and no engine is started', async () => {
		const { result, started } = await compute(contactsCsv([seen('p1', BIRMINGHAM, '0000-03-01')]));
		expect(problemsOf(result)).toEqual([`r.csv:2:3: event_date 0000-03-01 is in the year 0000, before 1998 (${YEAR_FIX})`]);
		expect(started).toBe(0);
	});

	it('years 0001 to 0999, where the SQL and the oracle disagreed', async () => {
		const { result } = await compute(
			contactsCsv([seen('p1', BIRMINGHAM, '0500-06-01'), seen('p2', BIRMINGHAM, '2024-01-02', 'prison', '0999-12-31')])
		);
		expect(problemsOf(result)).toEqual([
			`r.csv:2:3: event_date 0500-06-01 is in the year 0500, before 1998 (${YEAR_FIX})`,
			`r.csv:3:7: institution_left_date 0999-12-31 is in the year 0999, before 1998 (${YEAR_FIX})`
		]);
	});

	it('one date in year 1000 in a two-row file: a problem, not 2.36 million rows', async () => {
		const { result, started } = await compute(
			contactsCsv([seen('p1', BIRMINGHAM, '1000-01-05'), seen('p1', BIRMINGHAM, '2024-01-05')])
		);
		expect(problemsOf(result)).toEqual([`r.csv:2:3: event_date 1000-01-05 is in the year 1000, before 1998 (${YEAR_FIX})`]);
		expect(started).toBe(0);
	});

	it('a date after next year', async () => {
		const { result } = await compute(contactsCsv([seen('p1', BIRMINGHAM, '2028-01-01')]));
		expect(problemsOf(result)).toEqual([`r.csv:2:3: event_date 2028-01-01 is in the year 2028, after 2027 (${YEAR_FIX})`]);
	});

	it('--from and --to outside the range', () => {
		expect(checkComputeOptions({ from: '1000-01', today: TODAY })).toEqual([`--from 1000-01 is in the year 1000, before 1998 (${YEAR_FIX})`]);
		expect(checkComputeOptions({ to: '9999-12', today: TODAY })).toEqual([`--to 9999-12 is in the year 9999, after 2027 (${YEAR_FIX})`]);
		expect(checkComputeOptions({ from: '1998-01', to: '2027-12', today: TODAY })).toEqual([]);
	});
});

describe('the contacts checker is never crashed', () => {
	it('300,000 bad records: 100 problems, then how many more of the same kind', () => {
		const row = 'a,E08000025,2024-01-01,bad,,,';
		const text = `person_id,area_code,event_date,event,accommodation,institution,institution_left_date\n${Array(300_000).fill(row).join('\n')}\n`;
		const checked = checkRecords(text, 'c.csv');
		const event = (line: number) =>
			`c.csv:${line}:4: event "bad" is not seen_rough_sleeping or accommodated (use seen_rough_sleeping or accommodated)`;
		const expected = Array.from({ length: 100 }, (_, i) => event(i + 2));
		expected.push('… and 299,900 more problems of the same kind');
		expect(checked.problems.map(formatProblem)).toEqual(expected);
		expect(problemCount(checked.problems)).toBe(300_000);
		expect(checked.count).toBe(300_000);
	});

	it('a header cell holding a right-to-left override is shown escaped', () => {
		const header = 'person_id,area_code,event_date,event,accommodation,institution,institution_left_date,x\u202Ey';
		expect(checkRecords(`${header}\na,E08000025,2024-01-01,seen_rough_sleeping,,,,\n`, 'c.csv').problems.map(formatProblem)).toEqual([
			'c.csv:1:8: unknown column "x\\u202ey" (remove it; the columns are person_id,area_code,event_date,event,accommodation,institution,institution_left_date)'
		]);
	});

	it('a value holding a right-to-left override is shown escaped', () => {
		expect(checkRecords(contactsCsv([['a', BIRMINGHAM, '2024-01-01', 'seen\u202Erough', '', '', '']]), 'c.csv').problems.map(formatProblem)).toEqual([
			'c.csv:2:4: event "seen\\u202erough" is not seen_rough_sleeping or accommodated (use seen_rough_sleeping or accommodated)'
		]);
	});

	it('in the browser, a chosen file over the limit is refused by its size, before it is read', async () => {
		let read = false;
		const file = {
			name: 'upload.csv',
			size: 300 * 1024 * 1024,
			arrayBuffer: async () => {
				read = true;
				return new ArrayBuffer(0);
			}
		} as unknown as File;
		const result = await computeFromFile(file, { engine: undefined });
		expect('problems' in result && result.problems.map(formatProblem)).toEqual([
			'upload.csv:1:1: the file is 300 MiB (314,572,800 bytes), larger than the limit of 256 MiB (268,435,456 bytes) (keep the records from 60 months before the first month you need onwards (the indicators look back no further), so the file is at most 256 MiB)'
		]);
		expect(read).toBe(false);
	});

	it('a file over the size limit is refused by its size', () => {
		expect(MAX_CONTACTS_FILE_BYTES).toBe(256 * 1024 * 1024);
		expect(contactsFileTooLarge('c.csv', MAX_CONTACTS_FILE_BYTES)).toBeUndefined();
		expect(formatProblem(contactsFileTooLarge('c.csv', 300 * 1024 * 1024)!)).toBe(
			'c.csv:1:1: the file is 300 MiB (314,572,800 bytes), larger than the limit of 256 MiB (268,435,456 bytes) (keep the records from 60 months before the first month you need onwards (the indicators look back no further), so the file is at most 256 MiB)'
		);
	});
});

describe('percentages of millions of people', () => {
	it('do not overflow 32-bit integers (a 256 MiB register of one month has 5 million people)', async () => {
		// 2,000 x 5,077,566 overflowed INT32 and ended npm run compute in an Out of Range Error.
		const engine = await createNodeEngine();
		try {
			const [r] = await engine.query<{ share: number; ratio: number; none: number | null }>(
				`SELECT ${percentTenthsSql('5077566', '5077566')} AS share, ${percentTenthsSql('5077566', '2')} AS ratio, ${percentTenthsSql('3', '0')} AS none`
			);
			// 100.0% is 1,000 tenths; 5,077,566 / 2 = 253,878,300% = 2,538,783,000 tenths (over 2^31).
			expect(r).toEqual({ share: 1000, ratio: 2_538_783_000, none: null });
		} finally {
			await engine.close();
		}
	});
});

describe('what npm run compute writes always passes check:data', () => {
	/** data/ with observations_illustrative.csv replaced by `csv`: its problems. */
	const validateWith = (csv: string) =>
		validateDataFiles(
			readDataFiles('data').map((f) =>
				f.name === 'observations_illustrative.csv' ? { ...f, bytes: new TextEncoder().encode(csv), size: undefined } : f
			)
		).map(formatProblem);

	it('more people moving into accommodation than were seen that month: accommodated_pct 300, valid', async () => {
		// Birmingham, January 2024: p1 seen; p2, p3 and p4 accommodated (never seen).
		const register = contactsCsv([
			seen('p1', BIRMINGHAM, '2024-01-10'),
			accommodated('p2', BIRMINGHAM, '2024-01-11', 'other'),
			accommodated('p3', BIRMINGHAM, '2024-01-12', 'settled'),
			accommodated('p4', BIRMINGHAM, '2024-01-13', 'other')
		]);
		const { result } = await compute(register);
		if (!('rows' in result)) throw new Error(problemsOf(result).join('\n'));
		const value = (id: string, area: string) => result.rows.find((r) => r.indicator_id === id && r.area_code === area)?.value;
		expect(value('rs_month', BIRMINGHAM)).toBe(1);
		expect(value('accommodated', BIRMINGHAM)).toBe(3);
		expect(value('accommodated_pct', BIRMINGHAM)).toBe(300); // 3 / 1
		expect(value('accommodated_pct', 'E47000007')).toBe(300);
		expect(validateWith(observationsCsv(result.rows))).toEqual([]);
	});

	it('the small fixture register, every month, validates', async () => {
		const { result } = await compute(readFileSync('tests/fixtures/indicators/contacts-small.csv', 'utf8'));
		if (!('rows' in result)) throw new Error(problemsOf(result).join('\n'));
		expect(validateWith(observationsCsv(result.rows))).toEqual([]);
	});
});

describe('the command lines refuse, and do not crash on, what they cannot read', () => {
	const run = (script: string, args: string[]) => {
		const r = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}`, ...args], { encoding: 'utf8' });
		return { code: r.status, stdout: r.stdout, stderr: r.stderr };
	};
	/** A sparse file of `bytes` bytes: no disk is used, no memory read. */
	const sparse = (path: string, bytes: number) => {
		const fd = openSync(path, 'w');
		ftruncateSync(fd, bytes);
		closeSync(fd);
	};
	const nextYear = new Date().getUTCFullYear() + 1;

	it('npm run compute: a date in year 1000 exits 1, lists it, writes nothing', () => {
		const file = join(dir, 'year1000.csv');
		const out = join(dir, 'year1000-out.csv');
		writeFileSync(file, contactsCsv([seen('p1', BIRMINGHAM, '1000-01-05'), seen('p1', BIRMINGHAM, '2024-01-05')]));
		const r = run('compute.ts', [file, '--out', out]);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(
			`${file}:2:3: event_date 1000-01-05 is in the year 1000, before 1998 (check the year: periods and dates run from 1998 to ${nextYear} (next year))`
		);
		expect(r.stderr).toContain(`${file}: 1 problem; nothing computed`);
		expect(existsSync(out)).toBe(false);
	});

	it('npm run compute: a 300 MiB file is refused by its size', () => {
		const file = join(dir, 'huge-contacts.csv');
		sparse(file, 300 * 1024 * 1024);
		const r = run('compute.ts', [file]);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(`${file}:1:1: the file is 300 MiB (314,572,800 bytes), larger than the limit of 256 MiB (268,435,456 bytes)`);
		expect(r.stdout).toBe('');
	});

	it('npm run check:data: a 100 MiB file is refused by its size; 300,000 bad rows end in a count', () => {
		const data = join(dir, 'data');
		rmSync(data, { recursive: true, force: true });
		spawnSync('cp', ['-r', 'tests/fixtures/validate/valid', data]);
		sparse(join(data, 'observations_huge.csv'), 100 * 1024 * 1024);
		const big = run('check-data.ts', [data]);
		expect(big.code).toBe(1);
		expect(big.stderr).toContain(
			'observations_huge.csv:1:1: the file is 100 MiB (104,857,600 bytes), larger than the limit of 64 MiB (67,108,864 bytes) (split it into observations_NAME.csv files'
		);
		expect(big.stderr).toContain('check:data: 1 problem; fix them');

		rmSync(join(data, 'observations_huge.csv'));
		const rows = Array(300_000).fill('people_annual,E08000025,2023,-1,,src_a,').join('\n');
		writeFileSync(join(data, 'observations.csv'), `indicator_id,area_code,period,value,marker,source_id,note\n${rows}\n`);
		const many = run('check-data.ts', [data]);
		expect(many.code).toBe(1);
		const lines = many.stderr.trim().split('\n');
		// 100 negatives and 100 duplicates, a summary line for each, and the closing line.
		expect(lines).toHaveLength(203);
		expect(lines.filter((l) => l.startsWith('… and'))).toEqual([
			'… and 299,900 more problems of the same kind',
			'… and 299,899 more problems of the same kind'
		]);
		expect(lines.at(-1)).toBe('check:data: 599,999 problems; fix them and run npm run check:data again');
	});
});

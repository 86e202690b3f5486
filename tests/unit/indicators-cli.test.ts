/**
 * The command lines: npm run compute (scripts/compute.ts) on a small fixture, and
 * npm run generate:register (scripts/generate-register.ts). Expected figures worked out by hand
 * from tests/fixtures/indicators/contacts-small.csv.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRecords } from '../../src/lib/indicators/records';

const dir = mkdtempSync(join(tmpdir(), 'indicators-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}`, ...args], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Obs = Record<'indicator_id' | 'area_code' | 'period' | 'value' | 'marker' | 'source_id' | 'note', string>;
const parse = (text: string) => Papa.parse<Obs>(text, { header: true, skipEmptyLines: true }).data;

describe('npm run compute', () => {
	const out = join(dir, 'out.csv');
	const result = run('compute.ts', ['tests/fixtures/indicators/contacts-small.csv', '--from', '2024-01', '--to', '2024-02', '--out', out]);
	const rows = existsSync(out) ? parse(readFileSync(out, 'utf8')) : [];
	const get = (id: string, area: string, period: string) => {
		const r = rows.find((x) => x.indicator_id === id && x.area_code === area && x.period === period);
		if (!r) throw new Error(`no row ${id} ${area} ${period}`);
		return r.marker ? `${r.value}|${r.marker}` : r.value;
	};

	it('exits 0, reports progress on stderr, writes the observations.csv columns', () => {
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr).toMatch(/checked 8 records/);
		expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('indicator_id,area_code,period,value,marker,source_id,note');
	});

	it('writes every indicator for the seven authorities and WMCA for every month in range, sorted', () => {
		// 24 indicators x 8 areas x 2 months.
		expect(rows).toHaveLength(24 * 8 * 2);
		const ids = new Set(parse(readFileSync('data/indicators.csv', 'utf8')).map((r) => (r as unknown as { indicator_id: string }).indicator_id));
		for (const r of rows) {
			expect(ids.has(r.indicator_id), r.indicator_id).toBe(true);
			expect(r.source_id).toBe('illustrative_register');
			expect(r.period).toMatch(/^2024-0[12]$/);
		}
		const keys = rows.map((r) => `${r.indicator_id} ${r.area_code} ${r.period}`);
		expect(new Set(keys).size).toBe(keys.length);
		expect(keys.slice(0, 3)).toEqual(['accommodated E08000025 2024-01', 'accommodated E08000025 2024-02', 'accommodated E08000026 2024-01']);
	});

	it('gives the figures worked out by hand', () => {
		// Birmingham, February: p1 (seen 5 Jan and 10 Feb; left prison 21 days before 10 Feb) and
		// p2 (first seen 3 Feb: new; accommodated, settled, 12 Feb).
		expect(get('rs_month', 'E08000025', '2024-02')).toBe('2');
		expect(get('new', 'E08000025', '2024-02')).toBe('1');
		expect(get('left_institution', 'E08000025', '2024-02')).toBe('1');
		expect(get('left_institution_prison', 'E08000025', '2024-02')).toBe('1');
		expect(get('accommodated', 'E08000025', '2024-02')).toBe('1');
		expect(get('nights_1', 'E08000025', '2024-02')).toBe('1'); // p2
		expect(get('nights_2', 'E08000025', '2024-02')).toBe('1'); // p1: 5 Jan and 10 Feb
		expect(get('new_pct', 'E08000025', '2024-02')).toBe('50');
		expect(get('returners_from_settled_pct', 'E08000025', '2024-02')).toBe('|z');
		// Coventry, February: p2 (new) and p3 (last seen 1 Mar 2023, 356 days before: a returner).
		expect(get('returners', 'E08000026', '2024-02')).toBe('1');
		expect(get('returners_pct', 'E08000026', '2024-02')).toBe('50');
		expect(get('returners_from_settled_pct', 'E08000026', '2024-02')).toBe('0');
		// WMCA, February: p1, p2 (once, though seen in two authorities), p3.
		expect(get('rs_month', 'E47000007', '2024-02')).toBe('3');
		expect(get('new', 'E47000007', '2024-02')).toBe('1');
		expect(get('new_pct', 'E47000007', '2024-02')).toBe('33.3');
		expect(get('nights_2', 'E47000007', '2024-02')).toBe('2'); // p1; p2 on 3 and 4 Feb
		expect(get('nights_1', 'E47000007', '2024-02')).toBe('1'); // p3
		expect(get('accommodated_pct', 'E47000007', '2024-02')).toBe('33.3');
		// Wolverhampton, January: accommodated only.
		expect(get('accommodated', 'E08000031', '2024-01')).toBe('1');
		expect(get('rs_month', 'E08000031', '2024-01')).toBe('0');
		expect(get('accommodated_pct', 'E08000031', '2024-01')).toBe('|z');
		// Birmingham, January: p1, new.
		expect(get('new_pct', 'E08000025', '2024-01')).toBe('100');
	});

	it('writes to stdout without --out, with --source, and every month of the data by default', () => {
		const r = run('compute.ts', ['tests/fixtures/indicators/contacts-small.csv', '--source', 'mhclg_rsdf']);
		expect(r.code, r.stderr).toBe(0);
		const all = parse(r.stdout);
		expect(new Set(all.map((x) => x.source_id))).toEqual(new Set(['mhclg_rsdf']));
		// 2023-03 to 2024-02: 12 months.
		expect(new Set(all.map((x) => x.period)).size).toBe(12);
		expect(all).toHaveLength(24 * 8 * 12);
	});

	it('lists every problem of a bad file, computes nothing and exits 1', () => {
		const bad = join(dir, 'bad-out.csv');
		const r = run('compute.ts', ['tests/fixtures/indicators/contacts-bad.csv', '--out', bad]);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain(
			'tests/fixtures/indicators/contacts-bad.csv:3:2: area_code E47000007 is the combined authority, not one of its seven authorities'
		);
		expect(r.stderr).toContain('tests/fixtures/indicators/contacts-bad.csv:4:3: event_date "2024-02-30" is not a real date (check the day and the month)');
		expect(r.stderr).toContain(
			'tests/fixtures/indicators/contacts-bad.csv:4:7: institution_left_date is empty for institution hospital (give the date the person left it, as YYYY-MM-DD)'
		);
		expect(r.stderr).toContain('3 problems; nothing computed');
		expect(existsSync(bad)).toBe(false);
	});

	it('rejects bad options', () => {
		expect(run('compute.ts', ['tests/fixtures/indicators/contacts-small.csv', '--from', '2024-13']).code).toBe(2);
		expect(run('compute.ts', ['tests/fixtures/indicators/contacts-small.csv', '--source', 'nope']).stderr).toContain(
			'--source nope is not a source_id of data/sources.csv'
		);
		expect(run('compute.ts', []).code).toBe(2);
	});
});

describe('npm run generate:register', () => {
	it('writes the same valid synthetic register for the same seed', () => {
		const a = join(dir, 'a.csv');
		const b = join(dir, 'b.csv');
		const args = ['--people', '150', '--seed', '7', '--from', '2023-01', '--to', '2024-06'];
		expect(run('generate-register.ts', [...args, '--out', a]).code).toBe(0);
		expect(run('generate-register.ts', [...args, '--out', b]).code).toBe(0);
		const text = readFileSync(a, 'utf8');
		expect(readFileSync(b, 'utf8')).toBe(text);
		const checked = checkRecords(text, 'a.csv');
		expect(checked.problems).toEqual([]);
		expect(checked.count).toBeGreaterThan(150);
	});

	it('requires its parameters', () => {
		const r = run('generate-register.ts', ['--people', '10']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--seed is required');
	});
});

/**
 * The indicator engine in the browser (issue: analysts' records never leave their machine):
 * a generated register chosen with the file input is computed by duckdb-wasm in the page, and
 * every figure equals the plain-TypeScript oracle's. A bad file gets its problems listed and
 * nothing computed. No request leaves the origin.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { foreignRequests, open, useBrowser } from './browser';
import { generateRegister, registerCsv } from '../../src/lib/indicators/register';
import { oracleIndicators } from '../../src/lib/indicators/oracle';
import { toObservationRows } from '../../src/lib/indicators/compute';

const browser = useBrowser();

describe('framework indicators from a file, in the browser', () => {
	it('computes every figure exactly as the plain-TypeScript oracle does, without sending the file anywhere', async () => {
		const records = generateRegister({ people: 150, seed: 7, from: '2023-01', to: '2024-06' });
		const dir = mkdtempSync(join(tmpdir(), 'records-'));
		const file = join(dir, 'contacts.csv');
		writeFileSync(file, registerCsv(records));
		const expected = toObservationRows(oracleIndicators(records));

		const s = await open(browser(), '/diagnostics');
		await s.page.setInputFiles('#records-file', file);
		await s.page.locator('[data-records-status="done"], [data-records-status="problems"], [data-records-status="failed"]').waitFor({ timeout: 90_000 });
		expect(await s.page.locator('[data-records-status]').getAttribute('data-records-status')).toBe('done');

		const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.locator('#records-download').click()]);
		const rows = Papa.parse<Record<string, string>>(readFileSync((await download.path())!, 'utf8'), { header: true, skipEmptyLines: true }).data;
		const key = (r: Partial<Record<'indicator_id' | 'area_code' | 'period', string>>) => `${r.indicator_id}|${r.area_code}|${r.period}`;
		const actual = new Map(rows.map((r) => [key(r), `${r.value}|${r.marker}`]));
		expect(actual.size).toBe(expected.length);
		for (const e of expected) expect(actual.get(key(e)), key(e)).toBe(`${e.value ?? ''}|${e.marker}`);

		// The file was read locally: no request carried it, and nothing left the origin.
		expect(s.requests.some((u) => u.includes('contacts'))).toBe(false);
		expect(foreignRequests(s.requests)).toEqual([]);
		expect(s.cspViolations).toEqual([]);
		await s.context.close();
	});

	it('lists every problem of a bad file, as file:line:column: problem (fix), and computes nothing', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'records-'));
		const file = join(dir, 'bad.csv');
		writeFileSync(
			file,
			'person_id,area_code,event_date,event,accommodation,institution,institution_left_date\n' +
				'p1,E08000025,2024-01-05,seen_rough_sleeping,,,\n' +
				'p2,E99999999,2024-02-31,seen_rough_sleeping,,,\n'
		);
		const s = await open(browser(), '/diagnostics');
		await s.page.setInputFiles('#records-file', file);
		await s.page.locator('[data-records-status="problems"]').waitFor({ timeout: 60_000 });
		const items = await s.page.locator('#records-problems li').allTextContents();
		// Line 3 (header is line 1): column 2 area_code and column 3 event_date are both wrong.
		expect(items.length).toBe(2);
		expect(items[0]).toMatch(/^bad\.csv:3:2: /);
		expect(items[1]).toMatch(/^bad\.csv:3:3: /);
		expect(await s.page.locator('#records-download').count()).toBe(0);
		// Nothing of DuckDB was even started for a file with errors.
		expect(s.requests.some((u) => u.endsWith('.wasm'))).toBe(false);
		await s.context.close();
	});
});

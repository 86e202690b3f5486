/**
 * The indicator engine in the browser (issue: analysts' records never leave their machine):
 * a generated register chosen with the file input is computed by duckdb-wasm in the page, and
 * every figure equals the plain-TypeScript oracle's. A bad file gets its problems listed and
 * nothing computed. Every request after the page has loaded, the site's own included, is a GET of
 * a file of the built site with no body: nothing carries the records anywhere.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { notStaticGets, open, recordRequests, useBrowser } from './browser';
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

		const s = await open(browser(), '/workbench');
		const sent = recordRequests(s.context);
		await s.page.setInputFiles('#records-file', file);
		await s.page.locator('[data-records-status="done"], [data-records-status="problems"], [data-records-status="failed"]').waitFor({ timeout: 90_000 });
		expect(await s.page.locator('[data-records-status]').getAttribute('data-records-status')).toBe('done');

		const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.locator('#records-download').click()]);
		const rows = Papa.parse<Record<string, string>>(readFileSync((await download.path())!, 'utf8'), { header: true, skipEmptyLines: true }).data;
		const key = (r: Partial<Record<'indicator_id' | 'area_code' | 'period', string>>) => `${r.indicator_id}|${r.area_code}|${r.period}`;
		const actual = new Map(rows.map((r) => [key(r), `${r.value}|${r.marker}`]));
		expect(actual.size).toBe(expected.length);
		for (const e of expected) expect(actual.get(key(e)), key(e)).toBe(`${e.value ?? ''}|${e.marker}`);

		// The file was read locally: after load, only GETs of the site's own files (the engine, its
		// worker and wasm), none with a body, none elsewhere.
		expect(sent.some((r) => /\.wasm$/.test(r.url)), 'the log saw the engine start').toBe(true);
		expect(notStaticGets(sent)).toEqual([]);
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
		const s = await open(browser(), '/workbench');
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

	it('the request check reports a POST to the site itself and a GET of a file the site does not have', async () => {
		const s = await open(browser(), '/workbench');
		const sent = recordRequests(s.context);
		const body = 'person_id,area_code\np1,E08000025\n';
		await s.page.evaluate(async (text) => {
			await fetch('./', { method: 'POST', body: text }).catch(() => undefined);
			await fetch('./not-a-file.csv').catch(() => undefined);
		}, body);
		const origin = new URL(s.page.url()).origin;
		expect(notStaticGets(sent)).toEqual([`POST ${origin}/ (${Buffer.byteLength(body)} bytes)`, `GET ${origin}/not-a-file.csv (0 bytes)`]);
		await s.context.close();
	});
});

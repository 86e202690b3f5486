/**
 * The foundation, end to end in a real browser. A drift check: the same named queries through the
 * browser engine (AsyncDuckDB in a worker, loaded from this origin) give rows identical to the
 * Node engine's; and, computed apart from both, the WMCA snapshot is the sum of the seven
 * authorities' rows of data/observations.csv. No request leaves the page's origin.
 */
import { describe, expect, it } from 'vitest';
import { foreignRequests, open, readTable, useBrowser } from './browser';
import { sumOfSevenAuthorities } from '../data-files';
import { createNodeEngine } from '../../src/lib/data/engine-node';
import { loadDataFiles } from '../../src/lib/data/database';
import { diagnosticQueries, run } from '../../src/lib/data/queries';
import { readDataDir } from '../../src/lib/server/db';

const browser = useBrowser();

describe('browser engine', () => {
	it('drift check: answers every diagnostic named query exactly as the Node engine does, from this origin only', async () => {
		const node = await createNodeEngine();
		await loadDataFiles(node, readDataDir());
		const expected: Record<string, unknown[]> = {};
		for (const [i, q] of diagnosticQueries().entries()) expected[`${i}:${q.name}`] = await run(node, q);
		await node.close();

		const s = await open(browser(), '/workbench');
		expect(s.requests.some((u) => u.endsWith('.wasm'))).toBe(false);
		await s.page.getByRole('button', { name: 'Run the queries in this browser' }).click();
		await s.page.locator('[data-status="done"], [data-status="failed"]').waitFor({ timeout: 90_000 });
		expect(await s.page.locator('[data-status]').getAttribute('data-status')).toBe('done');
		const actual = JSON.parse((await s.page.locator('#diagnostic-output').textContent()) ?? '{}');

		expect(Object.keys(actual)).toEqual(Object.keys(expected));
		expect(actual).toEqual(expected);
		// Not only the Node engine's answer: the WMCA snapshot is the sum of the seven authorities'
		// rows, read from the CSV here, in every year all seven are known.
		const wmca = actual['4:series'] as { period: string; value: number | null; marker: string }[];
		expect(wmca.length).toBeGreaterThanOrEqual(16);
		for (const r of wmca) if (sumOfSevenAuthorities(r.period) !== null) expect(r.value, r.period).toBe(sumOfSevenAuthorities(r.period));
		expect(wmca.find((r) => r.period === '2018')?.value).toBe(91 + 25 + 5 + 14 + 4 + 11 + 19);
		expect(s.requests.some((u) => /duckdb-(mvp|eh)\.[\w-]+\.wasm$/.test(u))).toBe(true);
		expect(foreignRequests(s.requests)).toEqual([]);
		expect(s.cspViolations).toEqual([]);
		await s.context.close();
	});

	it('prerendered /, JavaScript off: the WMCA snapshot table reads 169 for 2018 and 115 for 2019, the sums of the seven authorities', async () => {
		expect(sumOfSevenAuthorities('2018')).toBe(169);
		expect(sumOfSevenAuthorities('2019')).toBe(115);
		const s = await open(browser(), '/', { javaScriptEnabled: false });
		const { header, rows } = await readTable(s.page, 'chart-snapshot');
		const wmca = header.indexOf('West Midlands Combined Authority');
		expect(wmca).toBeGreaterThan(0);
		const cell = (year: string) => rows.find((r) => r[0] === `Autumn ${year}`)?.[wmca];
		expect(cell('2018')).toBe('169');
		expect(cell('2019')).toBe('115');
		expect(s.requests.some((u) => u.endsWith('.wasm'))).toBe(false);
		await s.context.close();
	});
});

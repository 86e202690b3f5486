/**
 * The foundation, end to end in a real browser: the same named queries through the browser
 * engine (AsyncDuckDB in a worker, loaded from this origin) give rows identical to the Node
 * engine's, and no request leaves the page's origin.
 */
import { describe, expect, it } from 'vitest';
import { foreignRequests, open, useBrowser } from './browser';
import { createNodeEngine } from '../../src/lib/data/engine-node';
import { loadDataFiles } from '../../src/lib/data/database';
import { diagnosticQueries, run } from '../../src/lib/data/queries';
import { readDataDir } from '../../src/lib/server/db';

const browser = useBrowser();

describe('browser engine', () => {
	it('answers every diagnostic named query exactly as the Node engine does, from this origin only', async () => {
		const node = await createNodeEngine();
		await loadDataFiles(node, readDataDir());
		const expected: Record<string, unknown[]> = {};
		for (const [i, q] of diagnosticQueries().entries()) expected[`${i}:${q.name}`] = await run(node, q);
		await node.close();

		const s = await open(browser(), '/diagnostics');
		expect(s.requests.some((u) => u.endsWith('.wasm'))).toBe(false);
		await s.page.getByRole('button', { name: 'Run the queries in this browser' }).click();
		await s.page.locator('[data-status="done"], [data-status="failed"]').waitFor({ timeout: 90_000 });
		expect(await s.page.locator('[data-status]').getAttribute('data-status')).toBe('done');
		const actual = JSON.parse((await s.page.locator('#diagnostic-output').textContent()) ?? '{}');

		expect(Object.keys(actual)).toEqual(Object.keys(expected));
		expect(actual).toEqual(expected);
		// The WMCA snapshot query really came back with the official sums.
		const wmca = actual['4:series'] as { period: string; value: number | null; marker: string }[];
		expect(wmca.find((r) => r.period === '2018')?.value).toBe(91 + 25 + 5 + 14 + 4 + 11 + 19);
		expect(s.requests.some((u) => /duckdb-(mvp|eh)\.[\w-]+\.wasm$/.test(u))).toBe(true);
		expect(foreignRequests(s.requests)).toEqual([]);
		expect(s.cspViolations).toEqual([]);
		await s.context.close();
	});

	it('prerendered / shows the WMCA snapshot with JavaScript disabled', async () => {
		const s = await open(browser(), '/', { javaScriptEnabled: false });
		const text = (await s.page.locator('main').textContent()) ?? '';
		expect(text).toContain('169');
		expect(text).toContain('115');
		expect(s.requests.some((u) => u.endsWith('.wasm'))).toBe(false);
		await s.context.close();
	});
});

/**
 * "View the SQL" → "Open in the workbench": the chart's own query arrives in the console intact
 * and runs there. The rows are compared with the same SQL run on the Node engine over data/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, useBrowser } from './browser';
import type { Engine } from '../../src/lib/data/engine';
import { createNodeEngine } from '../../src/lib/data/engine-node';
import { loadDataFiles } from '../../src/lib/data/database';
import { readDataDir } from '../../src/lib/server/db';

const browser = useBrowser();
let node: Engine;
beforeAll(async () => {
	node = await createNodeEngine();
	await loadDataFiles(node, readDataDir());
});
afterAll(() => node.close());

describe('View the SQL opens in the workbench', () => {
	it("a chart's query runs in the console and gives the chart's rows", async () => {
		const s = await open(browser(), '/areas/E08000026/');
		const details = s.page.locator('details.view-sql').first();
		await details.locator('summary').click();
		const sql = (await details.locator('pre code').textContent())!;
		expect(sql).toMatch(/E08000026/);
		const link = details.getByRole('link', { name: 'Open in the workbench' });
		await link.waitFor();
		await link.click();
		await s.page.waitForURL(/\/workbench\?sql=/);
		await s.page.locator('[data-sql-status="done"], [data-sql-status="failed"]').waitFor({ timeout: 120_000 });
		expect(await s.page.locator('[data-sql-status]').getAttribute('data-sql-status')).toBe('done');
		// The editor draws only the lines in view, so the query is read back from the link it came by.
		expect(new URL(s.page.url()).searchParams.get('sql')).toBe(sql);
		const expected = await node.query<Record<string, unknown>>(sql);
		expect(expected.length).toBeGreaterThan(0);
		expect(await s.page.locator('#sql-results tbody tr').count()).toBe(expected.length);
		const headers = await s.page.locator('#sql-results thead th').allTextContents();
		expect(headers).toEqual(Object.keys(expected[0]));
		expect(s.cspViolations).toEqual([]);
		await s.context.close();
	});
});

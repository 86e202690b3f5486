/**
 * Editions and revisions in a real browser, against the built site: /revisions/ with JavaScript
 * off lists every bundled revision with its old and new value; with JavaScript its filter works
 * in place and keeps the address; a revised figure shows [r] on the overview, the area and
 * indicator pages, in a CSV download and in an explorer view drawn by DuckDB in the browser.
 * What to expect is worked out from data/ in plain TypeScript (tests/data-files), not by the app's SQL.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { open, useBrowser } from './browser';
import { currentObservations, readCsv, type Row } from '../data-files';

const browser = useBrowser();

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const unitOf = new Map(readCsv('indicators.csv').map((i) => [i.indicator_id, i.unit]));
const superseded = [...readCsv('observations_superseded.csv'), ...readCsv('observations_superseded_illustrative.csv')];

/** A cell as the site writes it, by hand: "1,234", "17.1%", "[z]", then " [r]" on the new figure. */
function cell(indicator: string, r: Row, revised: boolean): string {
	const marks = r.marker.split(' ').filter((m) => m && m !== 'r');
	const number =
		r.value === '' ? '' : unitOf.get(indicator) === 'percent' ? `${Number(r.value).toFixed(1)}%` : Number(r.value).toLocaleString('en-GB');
	return [number, ...marks.map((m) => `[${m}]`), ...(revised ? ['[r]'] : [])].filter(Boolean).join(' ');
}
const periodWords = (p: string) => (/^\d{4}-\d{2}$/.test(p) ? `${MONTHS[Number(p.slice(5)) - 1]} ${p.slice(0, 4)}` : `Autumn ${p}`);

/** Every revised current figure with the earlier edition's figure (the editions' previous one). */
const expected = currentObservations()
	.filter((r) => r.marker.split(' ').includes('r'))
	.map((r) => {
		const before = superseded.find((o) => o.indicator_id === r.indicator_id && o.area_code === r.area_code && o.period === r.period)!;
		return { key: `${r.indicator_id}|${r.area_code}`, period: periodWords(r.period), old: cell(r.indicator_id, before, false), new: cell(r.indicator_id, r, true) };
	});

describe('/revisions/', () => {
	it('with JavaScript off: every revision, old and new values, in a page complete without JavaScript; the CSV holds them all', async () => {
		// The bundled data hold revisions (the illustrative editions at least), so the feature is visible.
		expect(expected.length).toBeGreaterThan(20);
		const s = await open(browser(), '/revisions/', { javaScriptEnabled: false });
		const rows = await s.page.locator('tr[data-revision]').evaluateAll((trs) =>
			trs.map((tr) => {
				const td = [...tr.querySelectorAll('td')].map((c) => c.textContent!.trim());
				return { key: tr.getAttribute('data-revision')!, period: td[2], old: td[3], new: td[4] };
			})
		);
		const order = (a: { key: string; period: string }, b: typeof a) => `${a.key}|${a.period}`.localeCompare(`${b.key}|${b.period}`);
		expect([...rows].sort(order)).toEqual([...expected].sort(order));
		// Both snapshot editions and both illustrative ones are listed, the illustrative labelled.
		for (const id of ['mhclg_snapshot_2019', 'mhclg_snapshot_2017', 'illustrative_register', 'illustrative_register_2026_08'])
			expect(await s.page.locator(`[data-edition="${id}"]`).count(), id).toBe(1);
		expect(await s.page.locator('[data-edition="illustrative_register"]').textContent()).toContain('Illustrative data.');
		expect(await s.page.locator('[data-edition="illustrative_register"]').textContent()).toContain('Reason given:');
		const href = await s.page.getByRole('link', { name: 'Download every revision (CSV)' }).getAttribute('href');
		const csv = Papa.parse<Row>(decodeURIComponent(href!.slice(href!.indexOf(',') + 1)).replace(/^\uFEFF/, '').trim(), { header: true }).data;
		expect(csv).toHaveLength(expected.length);
		expect(csv.every((r) => r.new_marker.split(' ').includes('r') && r.earlier_published !== '' && r.later_published !== '')).toBe(true);
		expect(s.cspViolations).toEqual([]);
		await s.context.close();
	});

	it('with JavaScript on: ?area= filters in place, choosing an indicator keeps both in the address', async () => {
		const area = 'E08000025';
		const s = await open(browser(), `/revisions/?area=${area}`);
		const mine = expected.filter((e) => e.key.endsWith(`|${area}`));
		await s.page.locator(`[data-revisions-count="${mine.length}"]`).waitFor();
		const keys = await s.page.locator('tr[data-revision]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-revision')));
		expect(keys).toHaveLength(mine.length);
		expect(keys.every((k) => k!.endsWith(`|${area}`))).toBe(true);
		expect(await s.page.locator('#revisions-area').inputValue()).toBe(area);

		const indicator = mine[0].key.split('|')[0];
		await s.page.locator('#revisions-indicator').selectOption(indicator);
		const both = mine.filter((e) => e.key === `${indicator}|${area}`);
		await s.page.locator(`[data-revisions-count="${both.length}"]`).waitFor();
		const url = new URL(s.page.url());
		expect([url.pathname, url.searchParams.get('indicator'), url.searchParams.get('area')]).toEqual(['/revisions/', indicator, area]);
		expect(await s.page.locator('tr[data-revision]').count()).toBe(both.length);
		expect(s.cspViolations).toEqual([]);
		expect(s.consoleErrors).toEqual([]);
		await s.context.close();
	});
});

describe('[r] wherever figures are shown', () => {
	const revisedAt = (area: string) => expected.filter((e) => e.key.endsWith(`|${area}`)).length;

	for (const path of ['/', '/areas/E08000025/', '/indicators/rs_month/']) {
		it(`${path} with JavaScript off: revised figures carry [r] in the tables and the key says what it means`, async () => {
			expect(revisedAt('E47000007') + revisedAt('E08000025')).toBeGreaterThan(0);
			const s = await open(browser(), path, { javaScriptEnabled: false });
			const cells = await s.page.locator('table td').allTextContents();
			expect(cells.filter((c) => /\[r\]/.test(c)).length, path).toBeGreaterThan(0);
			expect(await s.page.locator('dt', { hasText: '[r]' }).first().textContent()).toBe('[r]');
			// And in the CSV downloads: some chart's CSV has a marker column holding r.
			const hrefs = await s.page.locator('a[download][href^="data:text/csv"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
			const withR = hrefs.filter((h) => {
				const [header, ...rows] = Papa.parse<string[]>(decodeURIComponent(h.slice(h.indexOf(',') + 1)).replace(/^\uFEFF/, '').trim()).data;
				const markerColumns = header.map((c, i) => (/marker$/.test(c) ? i : -1)).filter((i) => i >= 0);
				return rows.some((r) => markerColumns.some((i) => r[i].split(' ').includes('r')));
			});
			expect(withR.length, path).toBeGreaterThan(0);
			await s.context.close();
		});
	}

	it('the explorer, drawn by DuckDB in the browser from the data snapshot, shows [r] too', async () => {
		const view = '?indicator=rs_month&areas=E08000025&from=2026-05&to=2026-08&measure=count&view=table';
		const s = await open(browser(), `/explore${view}`);
		await s.page.locator(`[data-explore-view="${view}"]`).waitFor({ timeout: 90_000 });
		await s.page.locator('[data-explore-status="ready"]').waitFor({ timeout: 90_000 });
		const cells = await s.page.locator('[data-explore-view] .cf-figure table tbody td').allTextContents();
		const birmingham = currentObservations().filter((r) => r.indicator_id === 'rs_month' && r.area_code === 'E08000025' && r.period >= '2026-05' && r.period <= '2026-08');
		const revised = birmingham.filter((r) => r.marker.split(' ').includes('r'));
		expect(revised.length).toBeGreaterThan(0);
		expect(cells.filter((c) => /\[r\]/.test(c)).length).toBe(revised.length);
		expect(s.cspViolations).toEqual([]);
		await s.context.close();
	});
});

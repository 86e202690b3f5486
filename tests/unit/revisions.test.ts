/**
 * Editions and revisions on a hand-made fixture (tests/fixtures/editions/README.md gives the
 * figures worked by hand): the revisions SQL, the r the load marks, the periods an edition added,
 * "What changed" with its commentary rendered safely, the revisions view-model and CSV, and the
 * validator's edition rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import WhatChanged from '../../src/lib/report/WhatChanged.svelte';
import { loadDataFiles } from '../../src/lib/data/database';
import type { Engine } from '../../src/lib/data/engine';
import { createNodeEngine } from '../../src/lib/data/engine-node';
import { queries, run } from '../../src/lib/data/queries';
import { readDataDir } from '../../src/lib/server/data-files';
import { revisionView, revisionsCsv } from '../../src/lib/pages/revisions';
import { loadWhatChanged } from '../../src/lib/report/what-changed';
import { check, edit } from '../fixtures/validate/helpers';

const FIXTURE = readDataDir('tests/fixtures/editions');

async function open(files: Record<string, string>): Promise<Engine> {
	const engine = await createNodeEngine();
	await loadDataFiles(engine, files);
	return engine;
}

const markers = (engine: Engine) =>
	engine.query<{ key: string; marker: string }>(
		`SELECT area_code || ' ' || period AS key, marker FROM observations ORDER BY area_code, period`
	);

describe('editions on the fixture', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await open(FIXTURE);
	});
	afterAll(() => engine.close());

	it('the load marks exactly the revised figure r (Birmingham 2022), not the unchanged, new or non-edition ones', async () => {
		expect(await markers(engine)).toEqual([
			{ key: 'E08000025 2021', marker: '' },
			{ key: 'E08000025 2022', marker: 'r' },
			{ key: 'E08000025 2023', marker: '' },
			{ key: 'E08000026 2022', marker: '' },
			{ key: 'E08000026 2023', marker: '' }
		]);
		// The earlier edition's own figures are left as they were.
		expect(await engine.query(`SELECT count(*)::INTEGER AS n FROM observations_superseded WHERE marker <> ''`)).toEqual([{ n: 0 }]);
	});

	it('revisions: one row, 50 to 55, difference 5, +10%, with both editions, their dates and the reason', async () => {
		const rows = await run(engine, queries.revisions());
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			series: 'count',
			indicator_id: 'people_annual',
			area_code: 'E08000025',
			area_name: 'Birmingham',
			period: '2022',
			earlier_source_id: 'ed_2023',
			earlier_published: '2023-02-01',
			later_source_id: 'ed_2024',
			later_published: '2024-02-01',
			old_value: 50,
			old_marker: '',
			new_value: 55,
			new_marker: 'r',
			difference: 5,
			reason: 'Late returns from Birmingham.'
		});
		expect(rows[0].pct_difference).toBeCloseTo(10, 9);
	});

	it('revisions filter by indicator and area', async () => {
		expect(await run(engine, queries.revisions({ areaCode: 'E08000026' }))).toEqual([]);
		expect(await run(engine, queries.revisions({ areaCode: 'E08000025', indicatorId: 'people_annual', latestOnly: true }))).toHaveLength(1);
		expect(await run(engine, queries.revisions({ indicatorId: 'no_such' }))).toEqual([]);
	});

	it('new periods: Birmingham gained 2023 (one figure); Coventry none (its 2023 is not from an edition)', async () => {
		expect(await run(engine, queries.newPeriods('E08000025'))).toEqual([{ series: 'count', period: '2023', figures: 1 }]);
		expect(await run(engine, queries.newPeriods('E08000026'))).toEqual([]);
	});

	it('editions: ordered by date, each with the one before it and how many figures it revised', async () => {
		const rows = await run(engine, queries.editions());
		expect(rows.map((e) => [e.source_id, e.previous_source_id, e.is_latest, e.revised])).toEqual([
			['ed_2024', 'ed_2023', true, 1],
			['ed_2023', null, false, 0]
		]);
	});

	it('what changed for Birmingham: both dates, 2023 added, the revision; the commentary without its script or javascript: link', async () => {
		const w = await loadWhatChanged(engine, { area_code: 'E08000025', area_name: 'Birmingham' });
		expect(w.areaName).toBe('Birmingham');
		expect(w.series).toHaveLength(1);
		const s = w.series[0];
		expect([s.latest.date, s.previous.date]).toEqual(['1 February 2024', '1 February 2023']);
		expect(s.newPeriods).toEqual([{ period: '2023', label: '2023', figures: 1 }]);
		expect(s.revisions.map((r) => [r.period, r.old, r.new, r.difference, r.pctDifference])).toEqual([['2022', '50', '55 [r]', '+5', '+10.0%']]);
		expect(s.commentaryHtml).toContain('<strong>2023</strong>');
		expect(s.commentaryHtml).toContain('<a href="https://example.org/t" rel="noopener noreferrer">the tables</a>');
		expect(s.commentaryHtml).not.toContain('<script');
		expect(s.commentaryHtml).toContain('&lt;script&gt;');
		expect(s.commentaryHtml).not.toContain('javascript:');

		// The component, as a report page prerenders it.
		const { body } = render(WhatChanged as never, { props: { changes: w } } as never) as { body: string };
		expect(body).toMatch(/<h2[^>]*>What changed since the last edition(<!---->)?<\/h2>/);
		expect(body.replace(/<!--[^>]*-->/g, '')).toMatch(/<td[^>]*>50<\/td><td[^>]*>55 \[r\]<\/td><td[^>]*>\+5<\/td><td[^>]*>\+10\.0%<\/td>/);
		expect(body).toContain('2023 (1 figure)');
		expect(body).toContain('Late returns from Birmingham.');
		expect(body).not.toMatch(/<script|javascript:/);
		expect(body).toContain('/revisions/?area=E08000025');
	});
});

describe('what counts as a revision', () => {
	it('a provisional figure confirmed with the same value is not revised; a gap with another reason is; an r already in the file is not doubled', async () => {
		const engine = await open({
			...FIXTURE,
			'observations_superseded.csv': FIXTURE['observations_superseded.csv'].replace('E08000026,2022,10,,', 'E08000026,2022,10,p,'),
			'observations.csv': FIXTURE['observations.csv'].replace('E08000025,2022,55,,', 'E08000025,2022,55,r,')
		});
		try {
			const got = Object.fromEntries((await markers(engine)).map((m) => [m.key, m.marker]));
			expect(got['E08000025 2022']).toBe('r');
			// 10 [p] then 10: the value stands, so no [r], and nothing in the log for Coventry.
			expect(got['E08000026 2022']).toBe('');
			expect(await run(engine, queries.revisions({ areaCode: 'E08000026' }))).toEqual([]);
		} finally {
			await engine.close();
		}
		const gap = await open({
			...FIXTURE,
			'observations_superseded.csv': FIXTURE['observations_superseded.csv'].replace('E08000026,2022,10,,', 'E08000026,2022,,x,'),
			'observations.csv': FIXTURE['observations.csv'].replace(/E08000026,2022,10,,/, 'E08000026,2022,,c,')
		});
		try {
			const got = Object.fromEntries((await markers(gap)).map((m) => [m.key, m.marker]));
			expect(got['E08000026 2022']).toBe('c r');
		} finally {
			await gap.close();
		}
	});

	it('a value that became a gap: difference and % difference cannot be worked out ([z]), the gap shown [x]', async () => {
		const engine = await open({
			...FIXTURE,
			'observations.csv': FIXTURE['observations.csv'].replace('E08000025,2022,55,,ed_2024', 'E08000025,2022,,x,ed_2024')
		});
		try {
			const [r] = await run(engine, queries.revisions());
			expect([r.new_value, r.new_marker, r.difference, r.pct_difference]).toEqual([null, 'x r', null, null]);
			const v = revisionView(r);
			expect([v.old, v.new, v.difference, v.pctDifference]).toEqual(['50', '[x] [r]', '[z]', '[z]']);
		} finally {
			await engine.close();
		}
	});

	it('no editions.csv: nothing is compared, nothing marked', async () => {
		const { 'editions.csv': _e, 'observations_superseded.csv': _s, ...rest } = FIXTURE;
		const engine = await open(rest);
		try {
			expect((await markers(engine)).every((m) => m.marker === '')).toBe(true);
			expect(await run(engine, queries.revisions())).toEqual([]);
		} finally {
			await engine.close();
		}
	});
});

describe('revisions view-model and CSV', () => {
	const row = {
		series: 'count', indicator_id: 'pct', indicator_name: 'A share', unit: 'percent', area_code: 'E08000025', area_name: 'Birmingham',
		period: '2026-07', earlier_source_id: 'a', earlier_title: 'A', earlier_published: '2026-08-10', later_source_id: 'b', later_title: 'B',
		later_published: '2026-11-10', source_kind: 'illustrative', old_value: 17.1, old_marker: '', new_value: 15.6, new_marker: 'r',
		difference: -1.5, pct_difference: (-1.5 / 17.1) * 100, reason: '=HYPERLINK("x")'
	};

	it('a fall in a percentage: minus sign, percentage points, percentage of the old value to one decimal', () => {
		const v = revisionView(row);
		// -1.5 / 17.1 = -8.77...%
		expect([v.period, v.old, v.new, v.difference, v.pctDifference, v.laterDate, v.illustrative]).toEqual([
			'July 2026', '17.1%', '15.6% [r]', '\u22121.5 percentage points', '\u22128.8%', '10 November 2026', true
		]);
	});

	it('the CSV keeps raw values and markers, the percentage to two decimals', () => {
		const csv = revisionsCsv([row]);
		expect(csv.header).toContain('reason');
		expect(csv.rows[0]).toEqual([
			'count', 'pct', 'A share', 'E08000025', 'Birmingham', '2026-07', 'a', '2026-08-10', 'b', '2026-11-10', 'illustrative',
			17.1, '', 15.6, 'r', -1.5, -8.77, '=HYPERLINK("x")'
		]);
	});
});

describe('validator: edition rules', () => {
	const SOURCES = 'source_id,kind,title,publisher,url,licence,published,notes\nsrc_a,official_statistics,Test statistics,Test publisher,https://example.org/a,Open Government Licence v3.0,2024-02-29,\nsrc_old,official_statistics,Old,Test publisher,,,2023-02-28,\nsrc_undated,official_statistics,Undated,Test publisher,,,,\n';
	const EDITIONS = 'source_id,series,reason,commentary\nsrc_old,count,,\nsrc_a,count,,\n';
	const SUPERSEDED = 'indicator_id,area_code,period,value,marker,source_id,note\npeople_annual,E08000025,2023,90,,src_old,\n';

	it('a valid pair of editions has no problems', () => {
		expect(check({ 'sources.csv': SOURCES, 'editions.csv': EDITIONS, 'observations_superseded.csv': SUPERSEDED })).toEqual([]);
	});

	it('an earlier edition among the current figures is refused', () => {
		const current = edit('observations.csv', { 2: 'people_annual,E08000025,2023,100,,src_old,' });
		const problems = check({ 'sources.csv': SOURCES, 'editions.csv': EDITIONS, 'observations.csv': current });
		expect(problems).toEqual([
			'data/observations.csv:2:6: source_id "src_old" is an earlier edition of series "count" (the latest is "src_a"), so this figure is not current (move the earlier edition\'s figures to observations_superseded.csv, and give the current figures the latest edition\'s source_id)'
		]);
	});

	it('the latest edition in the superseded file, an undated edition, and a gap without its edition are refused', () => {
		const problems = check({
			'sources.csv': SOURCES,
			'editions.csv': `${EDITIONS}src_undated,other,,\n`,
			'observations_superseded.csv': `${SUPERSEDED}people_annual,E08000025,2022,5,,src_a,\npeople_annual,E08000025,2021,,x,,\n`
		});
		expect(problems).toEqual([
			'data/editions.csv:4:1: edition "src_undated" has no published date in sources.csv (give the source its published date (YYYY-MM-DD): editions of a series are ordered by it)',
			'data/observations_superseded.csv:3:6: source_id "src_a" is the latest edition of series "count", but this file holds earlier editions\' figures (put the current figures in observations.csv (or observations_NAME.csv); keep only earlier editions here)',
			'data/observations_superseded.csv:4:6: required column "source_id" is empty (fill it in: The earlier edition the figure was published in (a source_id of editions.csv), also for a gap)'
		]);
	});

	it('an earlier edition is checked by the same rules as the current figures (a negative count)', () => {
		const problems = check({
			'sources.csv': SOURCES,
			'editions.csv': EDITIONS,
			'observations_superseded.csv': `${SUPERSEDED}people_annual,E08000025,2022,-1,,src_old,\n`
		});
		expect(problems).toEqual([
			'data/observations_superseded.csv:3:4: value "-1" in column "value" is negative, but indicator "people_annual" is counted in people (counts are never negative; check the figure)'
		]);
	});

	it('observations_superseded.csv is not read as current figures', () => {
		expect(check({ 'sources.csv': SOURCES, 'editions.csv': EDITIONS, 'observations_superseded.csv': SUPERSEDED.replace('2023,90', '2023,100') })).toEqual([]);
	});
});

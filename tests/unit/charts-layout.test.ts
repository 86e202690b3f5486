/**
 * The chart layer's pure parts on hand-made inputs: label layout (annotations never over each
 * other or the data labels), the one scales module, tidy rows by accessors, and provenance words.
 */
import { describe, expect, it } from 'vitest';
import { endLabelLayout, nudgeApart, overlaps, placeAnnotations, type Box } from '../../src/lib/charts/label-layout';
import { barMargins, lineMargins, periodInterval, seriesStyles, timeDomain, valueDomain } from '../../src/lib/charts/scales';
import { barsFromRows, seriesFromRows } from '../../src/lib/charts/tidy';
import { CONTEXT_GREY, PALETTE } from '../../src/lib/charts/palette';
import { markerWords, provenanceText } from '../../src/lib/format/provenance';

const anyOverlap = (boxes: Box[]) => boxes.some((a, i) => boxes.some((b, j) => i < j && overlaps(a, b)));

describe('placeAnnotations', () => {
	const boxOf = (p: { left: number; top: number }, width: number): Box => ({ x: p.left, y: p.top, width, height: 16 });

	it('keeps labels far apart on the first row, and moves one that would collide down a row', () => {
		// Rules at 0, 200 and 230 with labels 100 wide: 0–100 and 204–304 fit on row 0; the third
		// (234–334) would cover the second, so it drops to row 1.
		const placed = placeAnnotations(
			[{ x: 0, width: 100 }, { x: 200, width: 100 }, { x: 230, width: 100 }],
			{ plotWidth: 600, rowHeight: 16 }
		);
		expect(placed.map((p) => p.row)).toEqual([0, 0, 1]);
		expect(placed.map((p) => p.left)).toEqual([4, 204, 234]);
		expect(anyOverlap(placed.map((p, i) => boxOf(p, 100)))).toBe(false);
	});

	it('ends a label at its rule near the right edge', () => {
		// A label 100 wide at x = 550 of a 600 plot would end at 654: written leftwards, 446–546.
		const [p] = placeAnnotations([{ x: 550, width: 100 }], { plotWidth: 600, rowHeight: 16 });
		expect(p).toMatchObject({ end: true, left: 446, row: 0 });
	});

	it('steps past a data label in its way', () => {
		// A data label occupying 0–200 × 0–20 blocks rows 0 and 1 (0–16, 16–32) at x = 50; row 2 is clear.
		const [p] = placeAnnotations([{ x: 50, width: 80 }], { plotWidth: 600, rowHeight: 16, obstacles: [{ x: 0, y: 0, width: 200, height: 20 }] });
		expect(p.row).toBe(2);
		expect(p.top).toBe(32);
	});
});

describe('nudgeApart and endLabelLayout', () => {
	it('pushes close labels apart by the gap and keeps them above the bottom', () => {
		// 100 and 105 with a gap of 17: the second goes to 117. 190 would leave room, but the bottom is 180.
		expect(nudgeApart([105, 100, 190], { gap: 17, bottom: 180 })).toEqual([117, 100, 180]);
		// Three labels crowded at the bottom are pushed back up from it: 180, 163, 146.
		expect(nudgeApart([179, 180, 181], { gap: 17, bottom: 180 })).toEqual([146, 163, 180]);
	});

	it('gives each end label a box beside its last point, none overlapping', () => {
		const placed = endLabelLayout(
			[{ text: 'WMCA', x: 10, y: 50 }, { text: 'England', x: 10, y: 52 }],
			{ x: (v: number) => v * 10, y: (v: number) => 200 - v, fontSize: 14, bottom: 200 },
			(t) => t.length * 8
		);
		expect(placed.map((p) => p.px)).toEqual([108, 108]);
		expect(anyOverlap(placed.map((p) => p.box))).toBe(false);
		expect(placed.find((p) => p.text === 'England')!.box.width).toBe(56);
	});
});

describe('scales', () => {
	it('nices a value domain and includes zero for counts', () => {
		expect(valueDomain([12, 47])).toEqual([0, 50]);
		expect(valueDomain([12, 47], { zero: false })).toEqual([10, 50]);
		expect(valueDomain([], {})).toEqual([0, 1]);
		expect(valueDomain([5, 5], { nice: false })).toEqual([0, 5]);
	});

	it('finds the time domain and the finest period of the data', () => {
		const [a, b] = timeDomain([{ points: [{ x: '2019', y: 1 }, { x: '2021', y: 2 }] }]);
		expect([a.toISOString().slice(0, 10), b.toISOString().slice(0, 10)]).toEqual(['2019-01-01', '2021-01-01']);
		expect(periodInterval([{ x: '2019' }, { x: '2020' }])).toBe('year');
		expect(periodInterval([{ x: '2019' }, { x: '2020-05' }])).toBe('month');
	});

	it('styles series by their place in the order, greying all but the highlight', () => {
		const styled = seriesStyles([{ id: 'b' }, { id: 'a' }], { order: ['a', 'b'], highlight: 'a' });
		expect(styled[0].style).toMatchObject({ colour: CONTEXT_GREY, dash: '8 4', shape: 'square', emphasis: false });
		expect(styled[1].style).toMatchObject({ colour: PALETTE[0], dash: '', shape: 'circle', emphasis: true });
	});

	it('fits margins to tick and end labels', () => {
		// Ticks of 0–50 by 10: the widest, "50", is 2 × 14 × 0.58 → 17 px, plus 14.
		expect(lineMargins({ yDomain: [0, 50], yTicks: 5, unit: 'people', fontSize: 14 }).left).toBe(31);
		// "England" is 7 × 14 × 0.58 → 57 px, plus 14.
		expect(lineMargins({ yDomain: [0, 50], yTicks: 5, unit: 'people', fontSize: 14, endLabels: ['WMCA', 'England'] }).right).toBe(71);
		const bars = barMargins({ horizontal: true, categoryLabels: ['Birmingham'], valueTexts: ['123'], valueLabels: true, showAxis: false, domain: [0, 200], unit: 'people', width: 640, fontSize: 10 });
		// "Birmingham" 10 × 10 × 0.58 = 58 (+12); "123" 3 × 10 × 0.58 → 18 (+12).
		expect(bars).toEqual({ top: 4, right: 30, bottom: 4, left: 70 });
	});
});

describe('tidy rows by accessors', () => {
	const rows = [
		{ area: 'A', period: '2019', n: 1, m: '', src: 's1' },
		{ area: 'B', period: '2019', n: 5, m: 'p', src: 's2' },
		{ area: 'A', period: '2020', n: null, m: 'x', src: 's1' }
	];
	it('makes one series per z, in the order given, with markers and provenance', () => {
		const series = seriesFromRows(
			rows,
			{ x: 'period', y: 'n', z: 'area', marker: 'm', provenance: (r) => ({ source_id: r.src, source_kind: '', source_title: '', source_published: '' }) },
			{ order: ['B', 'A', 'C'], label: (k) => `Area ${k}` }
		);
		expect(series.map((s) => [s.id, s.label, s.points.length])).toEqual([['B', 'Area B', 1], ['A', 'Area A', 2]]);
		expect(series[1].points[1]).toMatchObject({ x: '2020', y: null, marker: 'x' });
		expect(series[0].points[0].provenance?.source_id).toBe('s2');
	});
	it('makes one bar per row with function accessors', () => {
		expect(barsFromRows(rows.slice(0, 2), { x: (r) => r.area.toLowerCase(), y: 'n', id: 'area' })).toEqual([
			{ id: 'A', label: 'a', value: 1, marker: undefined, provenance: undefined },
			{ id: 'B', label: 'b', value: 5, marker: undefined, provenance: undefined }
		]);
	});
});

describe('provenance in words', () => {
	it('names the kind, title and date, the markers and the population of a rate', () => {
		const p = { source_id: 's', source_kind: 'official_statistics', source_title: 'Snapshot 2024', source_published: '2025-02-27', population: 369026, population_year: 2024 };
		expect(provenanceText(p, 'p u')).toBe(
			'Official statistics: Snapshot 2024, published 27 February 2025. Provisional, low reliability. Rate per 100,000 uses the mid-2024 population (369,026).'
		);
		expect(markerWords('')).toBe('');
		// The cell it was read from; a sum names its sheet once.
		expect(provenanceText({ ...p, population: null, cell: 'Table_1!R14' })).toBe('Official statistics: Snapshot 2024, published 27 February 2025, cell Table_1!R14.');
		expect(provenanceText({ ...p, population: null, cell: 'T 1!K34 + T 1!K82 + T 1!K95' })).toBe(
			'Official statistics: Snapshot 2024, published 27 February 2025, the sum of cells T 1!K34 + K82 + K95.'
		);
		expect(provenanceText({ ...p, population: null, cell: 'A!K34 + B!K82' })).toContain(', the sum of cells A!K34 + B!K82.');
		// A gap with no source says only that it is not available.
		expect(provenanceText({ source_id: '', source_kind: '', source_title: '', source_published: '' }, 'x')).toBe('Not available.');
	});
});

describe('the figure wrapper from tidy rows', () => {
	it('draws, tables and downloads the same rows, with provenance, the SQL (parameters filled in) and the embed snippet', async () => {
		const { render } = await import('svelte/server');
		const { default: LineChartFigure } = await import('../../src/lib/charts/LineChartFigure.svelte');
		const rows = [
			{ area_code: 'A', area_name: 'Alpha', period: '2019', value: 4, marker: '', source_id: 's1', source_kind: 'official_statistics', source_title: 'Count 2019', source_published: '2020-02-27', cell: 'Table_1!R14' },
			{ area_code: 'A', area_name: 'Alpha', period: '2020', value: null, marker: 'x', source_id: '', source_kind: '', source_title: '', source_published: '', cell: '' }
		];
		// render() cannot carry the component's row type, so the props are checked as the rows' own.
		const { body } = render(LineChartFigure as never, {
			props: {
				title: 'Counts', takeaway: 't', alt: 'a', source: 'S', methodologyHref: '/m', filename: 'f',
				rows, z: 'area_code', seriesLabel: (_: string, r: (typeof rows)[number]) => r.area_name,
				query: { name: 'q', sql: 'SELECT * FROM observations WHERE area_code = ? AND period >= ?', params: ["O'Brien", 2019] },
				embed: { indicator: 'ind', areas: ['A'], from: '2019', to: '2020', measure: 'count', view: 'line' }
			}
		} as never) as { body: string };
		expect(body).toContain('View the SQL');
		// The parameters are written in as literals, quotes doubled.
		expect(body).toContain("WHERE area_code = 'O''Brien' AND period >= 2019;");
		expect(body).toContain('Embed this chart');
		expect(body).toContain('src="/embed/indicators/ind/?areas=A&amp;amp;from=2019&amp;amp;to=2020&amp;amp;measure=count&amp;amp;view=line"');
		// The table: the value, then the figure's provenance in words; the gap is [x], never 0.
		expect(body).toContain('Official statistics: Count 2019, published 27 February 2020, cell Table_1!R14.');
		expect(body).toMatch(/<td class="[^"]*cf-num">\[x\]<\/td>(?:<!--[^>]*-->|\s)*<td class="[^"]*">Not available.<\/td>/);
		const href = /href="(data:text\/csv[^"]+)"/.exec(body)![1];
		const csv = decodeURIComponent(href.slice(href.indexOf(',') + 1).replaceAll('&amp;', '&'));
		expect(csv.split(/\r?\n/)[0]).toBe('\uFEFFperiod,period_label,Alpha (people),Alpha marker,Alpha source_id,Alpha source_kind,Alpha source_published,Alpha cell');
		expect(csv.split(/\r?\n/)[1]).toBe('2019,2019,4,,s1,official_statistics,2020-02-27,Table_1!R14');
		expect(csv.split(/\r?\n/)[2]).toBe('2020,2020,,x,,,,');
	});
});

import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { createRawSnippet } from 'svelte';
import LineChart from '$lib/charts/LineChart.svelte';
import ChartFrame from '$lib/charts/ChartFrame.svelte';
import LineChartFigure from '$lib/charts/LineChartFigure.svelte';
import { seriesTable } from '$lib/charts/table-data';
import type { LineSeries } from '$lib/charts/types';

const wmca: LineSeries = {
	id: 'wmca',
	label: 'WMCA',
	points: [
		{ x: '2024-01', y: 50 },
		{ x: '2024-02', y: 52 },
		{ x: '2024-03', y: null, marker: 'x' },
		{ x: '2024-04', y: 40 },
		{ x: '2024-05', y: 39, marker: 'u' }
	]
};
const england: LineSeries = {
	id: 'england',
	label: 'England',
	points: [
		{ x: '2024-01', y: 100 },
		{ x: '2024-02', y: 110 },
		{ x: '2024-03', y: 120 },
		{ x: '2024-04', y: 115 },
		{ x: '2024-05', y: 118 }
	]
};

/** The d attribute of each line path, by series id. */
function paths(body: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const m of body.matchAll(/<g class="line" data-series="([^"]+)"><path d="([^"]*)"/g)) out[m[1]] = m[2];
	return out;
}

describe('LineChart (SSR)', () => {
	it('renders a complete SVG with a viewBox and width 100%', () => {
		const { body } = render(LineChart, { props: { series: [wmca] } });
		expect(body).toMatch(/<svg class="chart-svg[^"]*"[^>]*viewBox="0 0 640 360"[^>]*width="100%"/);
		expect(body).toContain('aria-hidden="true"');
		expect(body).not.toMatch(/\sstyle=/);
	});

	it('leaves a gap for a null value: the path has two subpaths, never a drop to zero', () => {
		const { body } = render(LineChart, { props: { series: [wmca, england] } });
		const d = paths(body);
		expect(d.wmca.match(/M/g)).toHaveLength(2);
		expect(d.england.match(/M/g)).toHaveLength(1);
		// Five points, one missing: 1 move + 1 line, then 1 move + 1 line.
		expect(d.wmca.match(/L/g)).toHaveLength(2);
	});

	it('never plots a null at zero', () => {
		const { body } = render(LineChart, { props: { series: [wmca] } });
		// y scale 0..60 over a plot of 360 − 12 − 32 = 316px: zero is at y=316.
		const ys = [...paths(body).wmca.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
		expect(ys).toHaveLength(4);
		expect(ys).not.toContain(316);
	});

	it('draws a lone point between gaps as a dot', () => {
		const lone: LineSeries = {
			id: 'lone',
			label: 'Lone',
			points: [
				{ x: '2024-01', y: null },
				{ x: '2024-02', y: 5 },
				{ x: '2024-03', y: null }
			]
		};
		const { body } = render(LineChart, { props: { series: [lone], markers: 'none' } });
		expect(body).toMatch(/<g class="line" data-series="lone"><path d="M[\d.]+,[\d.]+Z"[^>]*><\/path><!--\[--><circle/);
	});

	it('gives focusable points aria-labels like "May 2024: 39 people (low reliability)" and skips nulls', () => {
		const { body } = render(LineChart, { props: { series: [wmca] } });
		expect(body).toContain('aria-label="May 2024: 39 people (low reliability)"');
		expect(body).toContain('aria-label="January 2024: 50 people"');
		expect(body).not.toContain('March 2024:');
		// Roving tabindex: one point in the tab order.
		expect(body.match(/tabindex="0"/g)).toHaveLength(1);
		expect(body.match(/tabindex="-1"/g)).toHaveLength(3);
	});

	it('names the series in point labels when there are several, and labels lines directly', () => {
		const { body } = render(LineChart, { props: { series: [wmca, england] } });
		expect(body).toContain('aria-label="England, March 2024: 120 people"');
		expect(body).toMatch(/<g class="direct-labels">.*>England<\/text>.*>WMCA<\/text>/s);
	});

	it('tells series apart by dash pattern as well as colour', () => {
		const { body } = render(LineChart, { props: { series: [wmca, england] } });
		expect(body).toMatch(/data-series="england"><path[^>]*stroke="#28A197"[^>]*stroke-dasharray="8 4"/);
		expect(body).toMatch(/data-series="wmca"><path[^>]*stroke="#12436D"/);
	});

	it('shows a legend with pattern swatches when labels are long', () => {
		const long = { ...wmca, label: 'West Midlands Combined Authority area' };
		const { body } = render(LineChart, { props: { series: [long, england] } });
		expect(body).toContain('<ul class="legend');
		expect(body).toContain('stroke-dasharray="8 4"');
		expect(body).not.toContain('class="direct-labels"');
	});

	it('draws annotations and a y-axis label', () => {
		const { body } = render(LineChart, {
			props: { series: [wmca], annotations: [{ x: '2024-03', label: 'Funding starts' }], yLabel: 'People' }
		});
		expect(body).toMatch(/<g class="annotations">.*Funding starts<\/text>/s);
		expect(body).toMatch(/<g class="axis axis-y">.*>People<\/text>/s);
	});

	it('greys other series when one is highlighted', () => {
		const { body } = render(LineChart, { props: { series: [wmca, england], highlight: 'wmca' } });
		expect(body).toMatch(/data-series="england"><path[^>]*stroke="#BFBFBF"/);
		expect(body).toMatch(/data-series="wmca"><path[^>]*stroke="#12436D"/);
	});

	it('formats axis ticks with thousands separators', () => {
		const big: LineSeries = { id: 'e', label: 'England', points: [{ x: '2019', y: 4266 }, { x: '2020', y: 2688 }] };
		const { body } = render(LineChart, { props: { series: [big], snapshot: true } });
		expect(body).toContain('>4,000</text>');
		expect(body).toContain('aria-label="Autumn 2019: 4,266 people"');
		expect(body).toContain('>2019</text>');
	});

	it('renders no overlay when tooltips are off', () => {
		const { body } = render(LineChart, { props: { series: [wmca], tooltip: false } });
		expect(body).not.toContain('chart-overlay');
		expect(body).not.toContain('tabindex');
	});
});

describe('LineChart in a ChartFrame', () => {
	it('shows [x] in the table for the missing value, not 0', () => {
		const { table, csv } = seriesTable([wmca, england], { unit: 'people', filename: 'wmca-monthly' });
		const { body } = render(ChartFrame, {
			props: {
				title: 'People sleeping rough',
				takeaway: 'Fewer people slept rough in May than in February.',
				alt: 'Line chart.',
				source: 'WMCA',
				methodologyHref: '/methodology',
				table,
				csv,
				children: createRawSnippet(() => ({ render: () => '<div>chart</div>' }))
			}
		});
		const row = body.match(/<th scope="row"[^>]*>March 2024<\/th>.*?<\/tr>/s)?.[0] ?? '';
		expect(row).toMatch(/<td[^>]*>\[x\]<\/td>/);
		expect(row).not.toMatch(/<td[^>]*>0<\/td>/);
		expect(row).toMatch(/<td[^>]*>120<\/td>/);
		expect(body).toMatch(/<td[^>]*>39 \[u\]<\/td>/);
		expect(body).toContain('<dt class="svelte-');
		expect(body).toMatch(/<dt[^>]*>\[x\]<\/dt> <dd[^>]*>not available<\/dd>/);
		expect(body).toMatch(/<dt[^>]*>\[u\]<\/dt> <dd[^>]*>low reliability<\/dd>/);
	});

	it('LineChartFigure builds the table from the series; points are focusable only outside aria-hidden', () => {
		const base = {
			series: [wmca, england],
			title: 'People sleeping rough',
			takeaway: 'Fewer people slept rough in May than in February.',
			alt: 'Line chart of people sleeping rough.',
			source: 'WMCA',
			methodologyHref: '/methodology',
			filename: 'rough-sleeping'
		};
		const interactive = render(LineChartFigure, { props: base }).body;
		expect(interactive).toMatch(/<div class="cf-graphic[^"]*">/);
		expect(interactive).toMatch(/<svg class="chart-svg[^"]*"[^>]*aria-hidden="true"/);
		expect(interactive).toContain('tabindex="0"');
		expect(interactive).toMatch(/<td[^>]*>\[x\]<\/td>/);

		const hidden = render(LineChartFigure, { props: { ...base, interactive: false } }).body;
		expect(hidden).toMatch(/<div class="cf-graphic[^"]*" aria-hidden="true">/);
		expect(hidden).toContain('class="chart-overlay');
		expect(hidden).not.toContain('tabindex="0" role="img"');
		expect(hidden).not.toMatch(/<circle[^>]*tabindex/);
	});
});

describe('annotations on a snapshot chart', () => {
	it('an event falls between the two autumn counts it happened between', () => {
		// Points for autumn 2018, 2019, 2020 and 2021 are drawn at 1 January of each year; 'Everyone In'
		// (March 2020) happened after the autumn 2019 count and before the autumn 2020 one.
		const series: LineSeries[] = [
			{ id: 'a', label: 'Area', points: ['2018', '2019', '2020', '2021'].map((x, i) => ({ x, y: 10 + i })) }
		];
		const xOf = (body: string) => Number(body.match(/<g class="annotations[^"]*">[\s\S]*?<line[^>]*\sx1="([\d.]+)"/)![1]);
		const render_ = (snapshot: boolean) =>
			render(LineChart, { props: { series, snapshot, annotations: [{ x: '2020-03', label: 'Everyone In' }], width: 640, height: 300 } }).body;
		// The line's own vertices are the four points, 2018 to 2021, left to right.
		const pointXs = (body: string) =>
			[...body.match(/<path d="M([^"]+)"/)![1].matchAll(/(?:^|L)([\d.]+),/g)].map((m) => Number(m[1]));
		const body = render_(true);
		const [, x2019, x2020] = pointXs(body);
		const x = xOf(body);
		expect(pointXs(body)).toHaveLength(4);
		expect(x).toBeGreaterThan(x2019);
		expect(x).toBeLessThan(x2020);
		// On an ordinary time axis the same date sits after 1 January 2020, the "2020" point.
		expect(xOf(render_(false))).toBeGreaterThan(x2020);
	});
});

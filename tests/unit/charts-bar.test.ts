import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import BarChart from '$lib/charts/BarChart.svelte';
import BarChartFigure from '$lib/charts/BarChartFigure.svelte';
import type { BarDatum } from '$lib/charts/types';

const authorities: BarDatum[] = [
	{ id: 'E08000025', label: 'Birmingham', value: 1245 },
	{ id: 'E08000026', label: 'Coventry', value: 39, marker: 'u' },
	{ id: 'E08000027', label: 'Dudley', value: null, marker: 'c' },
	{ id: 'E08000028', label: 'Sandwell', value: null },
	{ id: 'E08000029', label: 'Solihull', value: 12 }
];

const valueLabels = (body: string) =>
	[...body.matchAll(/<g class="bars">(.*?)<\/g>/gs)].flatMap((g) => [...g[1].matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]));

describe('BarChart (SSR)', () => {
	it('labels horizontal bars with formatted values and markers, in the order given', () => {
		const { body } = render(BarChart, { props: { data: authorities } });
		expect(valueLabels(body)).toEqual(['1,245', '39 [u]', '[c]', '[x]', '12']);
		expect(body).toMatch(/>Birmingham<\/text>.*>Coventry<\/text>.*>Dudley<\/text>/s);
		expect(body).not.toMatch(/\sstyle=/);
	});

	it('draws no bar for a missing value (never a zero-length bar standing for 0)', () => {
		const { body } = render(BarChart, { props: { data: authorities } });
		expect(body.match(/<rect /g)).toHaveLength(3);
		expect(valueLabels(body)).not.toContain('0');
	});

	it('sizes horizontal bars from the values', () => {
		const { body } = render(BarChart, { props: { data: [{ label: 'A', value: 100 }, { label: 'B', value: 50 }] } });
		const widths = [...body.matchAll(/<rect x="0" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect(widths).toHaveLength(2);
		expect(widths[1]).toBeCloseTo(widths[0] / 2, 1);
	});

	it('formats percentages and money', () => {
		const pct = render(BarChart, { props: { data: [{ label: 'A', value: 12.34 }], unit: 'percent' } }).body;
		expect(valueLabels(pct)).toEqual(['12.3%']);
		const gbp = render(BarChart, { props: { data: [{ label: 'A', value: 9.62 }], unit: 'gbp_million' } }).body;
		expect(valueLabels(gbp)).toEqual(['£9.6 million']);
	});

	it('renders vertical bars with labels above them and category labels below', () => {
		const { body } = render(BarChart, {
			props: { data: [{ label: '2019', value: 1000 }, { label: '2020', value: 2500 }], orientation: 'vertical' }
		});
		expect(valueLabels(body)).toEqual(['1,000', '2,500']);
		expect(body).toMatch(/<text[^>]*text-anchor="middle"[^>]*>1,000<\/text>/);
		expect(body).toMatch(/<tspan[^>]*>2020<\/tspan>/);
		const heights = [...body.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect(heights[1] / heights[0]).toBeCloseTo(2.5, 1);
	});

	it('highlights bars in dark blue against grey, with bold labels', () => {
		const { body } = render(BarChart, { props: { data: authorities, highlight: ['E08000026'] } });
		expect(body.match(/fill="#12436D"/g)).toHaveLength(1);
		expect(body.match(/fill="#BFBFBF"/g)).toHaveLength(2);
		expect(body).toMatch(/font-weight="bold">Coventry<\/text>/);
		expect(body).toMatch(/font-weight="bold">39 \[u\]<\/text>/);
	});

	it('shows a value axis when asked', () => {
		const { body } = render(BarChart, { props: { data: authorities, valueAxis: true, valueLabel: 'People' } });
		expect(body).toContain('>1,000</text>');
		expect(body).toContain('>People</text>');
	});
});

describe('BarChartFigure', () => {
	it('builds a table and CSV from the bars', () => {
		const { body } = render(BarChartFigure, {
			props: {
				data: authorities,
				title: 'People sleeping rough by authority',
				takeaway: 'Birmingham has the most.',
				alt: 'Bar chart.',
				source: 'MHCLG',
				methodologyHref: '/methodology',
				filename: 'by-authority',
				categoryLabel: 'Local authority'
			}
		});
		expect(body).toMatch(/<th scope="row"[^>]*>Dudley<\/th>\s*<!--[^>]*-->\s*<!--[^>]*--><td[^>]*>\[c\]<\/td>/);
		expect(body).toMatch(/<dt[^>]*>\[c\]<\/dt> <dd[^>]*>confidential<\/dd>/);
		const href = body.match(/href="(data:text\/csv[^"]*)"/)?.[1] ?? '';
		const csv = decodeURIComponent(href.slice(href.indexOf(',') + 1)).replace(/^\uFEFF/, '');
		expect(csv).toBe(
			'Local authority,value (people),marker\nBirmingham,1245,\nCoventry,39,u\nDudley,,c\nSandwell,,x\nSolihull,12,\n'
		);
		expect(body).toContain('download="by-authority.csv"');
	});
});

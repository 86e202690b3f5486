import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import Sparkline from '$lib/charts/Sparkline.svelte';
import SmallMultiples from '$lib/charts/SmallMultiples.svelte';
import Legend from '$lib/charts/Legend.svelte';
import { barTable, provenanceLines, seriesTable } from '$lib/charts/table-data';
import { PALETTE, contrast, textColour, TEXT, TEXT_SECONDARY } from '$lib/charts/palette';
import type { LineSeries } from '$lib/charts/types';

describe('Sparkline', () => {
	const points = [
		{ x: '2023-05', y: 52 },
		{ x: '2023-06', y: null },
		{ x: '2023-07', y: 45 },
		{ x: '2024-05', y: 40 }
	];
	it('is aria-hidden with a text alternative in words', () => {
		const { body } = render(Sparkline, { props: { points } });
		expect(body).toMatch(/<svg[^>]*aria-hidden="true"/);
		expect(body).toContain('From 52 people in May 2023 to 40 people in May 2024.');
		expect(body).not.toMatch(/\sstyle=/);
	});
	it('leaves a gap for a null and marks the last point', () => {
		const { body } = render(Sparkline, { props: { points, width: 100, height: 30 } });
		const d = body.match(/<path d="([^"]*)"/)?.[1] ?? '';
		expect(d.match(/M/g)).toHaveLength(2);
		// Last point at the right edge (100 − 4 padding), lowest value at the bottom (30 − 4).
		expect(body).toContain('<circle cx="96" cy="26" r="2.5"');
	});
	it('takes a label', () => {
		expect(render(Sparkline, { props: { points, label: 'Falling' } }).body).toContain('>Falling</span>');
	});
});

describe('SmallMultiples', () => {
	const panel = (id: string, scale: number): { id: string; title: string; series: LineSeries[] } => ({
		id,
		title: id === 'wmca' ? 'WMCA' : 'England',
		series: [{ id: 'count', label: 'People', points: [{ x: '2019', y: 1 * scale }, { x: '2020', y: 2 * scale }] }]
	});
	it('shares one y scale by default', () => {
		const { body } = render(SmallMultiples, { props: { panels: [panel('wmca', 10), panel('england', 1000)] } });
		expect(body.match(/<svg class="chart-svg/g)).toHaveLength(2);
		expect(body).toMatch(/<h4 class="panel-title[^"]*">WMCA(<!---->)?<\/h4>/);
		// Both panels reach 2,000 on their axes.
		expect(body.match(/>2,000<\/text>/g)).toHaveLength(2);
		expect(body).not.toContain('own vertical scale');
	});
	it('gives each panel its own scale when asked, and says so', () => {
		const { body } = render(SmallMultiples, {
			props: { panels: [panel('wmca', 10), panel('england', 1000)], independentY: true }
		});
		expect(body.match(/>2,000<\/text>/g)).toHaveLength(1);
		expect(body).toContain('>20</text>');
		expect(body).toContain('Each chart has its own vertical scale');
		expect(body).not.toMatch(/\sstyle=/);
	});
});

describe('Legend', () => {
	it('shows dash patterns and shapes, not just colour', () => {
		const { body } = render(Legend, {
			props: { items: [{ label: 'England', colour: '#28A197', dash: '8 4', shape: 'square' }] }
		});
		expect(body).toContain('stroke-dasharray="8 4"');
		expect(body).toMatch(/<path d="M-[\d.]+,-[\d.]+h/);
		expect(body).toContain('England');
	});
});

describe('table-data', () => {
	it("tooltip lines name the figure's cell, cut to the tooltip's width", () => {
		const p = { source_id: 's', source_kind: 'official_statistics', source_title: 'Snapshot', source_published: '2020-02', cell: 'Table_1!R14' };
		expect(provenanceLines(p)).toEqual(['Official statistics', 'Snapshot', 'Published February 2020', 'Cell Table_1!R14']);
		// Seven cells added up: "The sum of cells Table 1 Total!K34 + K82 + K95 + …" is 40 characters at most.
		const sum = provenanceLines({ ...p, cell: ['K34', 'K82', 'K95', 'K236', 'K245', 'K301', 'K325'].map((c) => `Table 1 Total!${c}`).join(' + ') });
		expect(sum.at(-1)).toBe('The sum of cells Table 1 Total!K34 + K8…');
		expect(provenanceLines({ ...p, cell: '' })).toEqual(['Official statistics', 'Snapshot', 'Published February 2020']);
	});

	const series: LineSeries[] = [
		{ id: 'w', label: 'WMCA', points: [{ x: '2024-Q1', y: 10 }, { x: '2024-Q2', y: null, marker: 'c' }] },
		{ id: 'e', label: 'England', points: [{ x: '2024-Q2', y: 1200, marker: 'p' }, { x: '2024-Q1', y: 1100 }] }
	];
	it('builds a table of formatted cells, one row per period in order', () => {
		const { table } = seriesTable(series, { unit: 'people', filename: 'q' });
		expect(table.columns.map((c) => c.label)).toEqual(['Period', 'WMCA', 'England']);
		expect(table.rows).toEqual([
			['Jan to Mar 2024', '10', '1,100'],
			['Apr to Jun 2024', '[c]', '1,200 [p]']
		]);
	});
	it('builds a CSV of raw values with marker columns, missing values never 0', () => {
		const { csv } = seriesTable(series, { unit: 'people', filename: 'q' });
		expect(csv.header).toEqual(['period', 'period_label', 'WMCA (people)', 'WMCA marker', 'England (people)', 'England marker']);
		expect(csv.rows).toEqual([
			['2024-Q1', 'Jan to Mar 2024', 10, '', 1100, ''],
			['2024-Q2', 'Apr to Jun 2024', null, 'c', 1200, 'p']
		]);
	});
	it('marks a period missing from one series as [x]', () => {
		const { table, csv } = seriesTable([{ id: 'a', label: 'A', points: [{ x: '2019', y: 5 }] }, { id: 'b', label: 'B', points: [{ x: '2020', y: 6 }] }], {
			unit: 'people',
			filename: 'a',
			snapshot: true
		});
		expect(table.rows).toEqual([
			['Autumn 2019', '5', '[x]'],
			['Autumn 2020', '[x]', '6']
		]);
		expect(csv.rows[0]).toEqual(['2019', 'Autumn 2019', 5, '', null, 'x']);
	});
	it('builds bar tables', () => {
		const { table, csv } = barTable([{ label: 'Birmingham', value: 12.34 }, { label: 'Coventry', value: null }], {
			unit: 'percent',
			filename: 'b',
			categoryLabel: 'Local authority',
			valueLabel: 'Share'
		});
		expect(table.rows).toEqual([
			['Birmingham', '12.3%'],
			['Coventry', '[x]']
		]);
		expect(csv.header).toEqual(['Local authority', 'Share (per cent)', 'marker']);
		expect(csv.rows).toEqual([
			['Birmingham', 12.34, ''],
			['Coventry', null, 'x']
		]);
	});
	it('does not repeat a unit the heading already names', () => {
		const bars = barTable([{ label: 'Solihull', value: 8 }], { unit: 'rate_per_100k', filename: 'r', categoryLabel: 'Local authority', valueLabel: 'Per 100,000 residents' });
		expect(bars.csv.header).toEqual(['Local authority', 'Per 100,000 residents', 'marker']);
		const lines = seriesTable([{ id: 'r', label: 'Rate per 100,000', points: [{ x: '2019', y: 8 }] }], { unit: 'rate_per_100k', filename: 'r' });
		expect(lines.csv.header.slice(0, 3)).toEqual(['period', 'period_label', 'Rate per 100,000']);
	});
});

describe('palette', () => {
	it('keeps every series colour at 3:1 or more against white (non-text contrast)', () => {
		for (const c of PALETTE) expect(contrast(c, '#FFFFFF')).toBeGreaterThanOrEqual(3);
	});
	it('only writes text in colours of 4.5:1 or more', () => {
		expect(contrast(TEXT, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
		expect(contrast(TEXT_SECONDARY, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
		for (const c of PALETTE) expect(contrast(textColour(c), '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
		expect(textColour('#12436D')).toBe('#12436D');
		expect(textColour('#F46A25')).toBe(TEXT);
	});
});

/** The DotPlot preset and its Dots mark, rendered on the server (no JavaScript). */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import DotPlot from '$lib/charts/DotPlot.svelte';

const data = [
	{ id: 'a', label: 'Coventry', value: 12.2, shape: 'diamond' as const, bold: true },
	{ id: 'b', label: 'Solihull', value: 5, marker: 'u' },
	{ id: 'c', label: 'England', value: null, marker: 'x' }
];

const dotsGroup = (body: string) => /<g class="dots">(.*?)<\/g>/s.exec(body)![1];

describe('DotPlot (SSR)', () => {
	it('labels each row with its formatted value and marker, in the order given; a missing value has no dot', () => {
		const { body } = render(DotPlot, { props: { data } });
		const g = dotsGroup(body);
		expect([...g.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['12.2', '5.0 [u]', '[x]']);
		expect(g.match(/<path /g)).toHaveLength(2);
		expect(body).toMatch(/>Coventry<\/text>.*>Solihull<\/text>.*>England<\/text>/s);
		expect(body).not.toMatch(/\sstyle=/);
	});

	it('places dots by value from zero: 5 sits at 5/12.2 of the way to 12.2 along the scale', () => {
		const { body } = render(DotPlot, { props: { data } });
		const xs = [...dotsGroup(body).matchAll(/transform="translate\(([\d.]+),/g)].map((m) => Number(m[1]));
		const starts = [...dotsGroup(body).matchAll(/<line x1="([\d.]+)"/g)].map((m) => Number(m[1]));
		const x0 = starts[0];
		expect(starts.every((s) => s === x0)).toBe(true);
		expect((xs[1] - x0) / (xs[0] - x0)).toBeCloseTo(5 / 12.2, 1);
	});

	it('bolds highlighted rows, so colour is not the only cue', () => {
		const { body } = render(DotPlot, { props: { data } });
		expect(dotsGroup(body)).toMatch(/font-weight="700"[^>]*>12\.2</);
		expect(dotsGroup(body)).toMatch(/font-weight="400"[^>]*>5\.0 \[u\]</);
	});
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'svelte/server';
import Papa from 'papaparse';
import { geoTransverseMercator, geoPath } from 'd3';
import ChoroplethMap from '$lib/charts/map/ChoroplethMap.svelte';
import { classOf, mapClasses, SEQUENTIAL_RAMP } from '$lib/charts/map/classes';
import { districtPaths } from '$lib/charts/map/geometry';
import { neighbourIndex } from '$lib/charts/map/keyboard';
import { BOUNDARY_ATTRIBUTION, WMCA_DISTRICTS } from '$lib/charts/map/districts';
import { contrast } from '$lib/charts/palette';
import { WMCA_AUTHORITIES } from '$lib/data/contract';
import { BOUNDARIES_FILE, buildDistrictsModule } from '../../scripts/generate-map-paths';
import { describeWithShared } from '../needs-shared';


describe('map classes', () => {
	it('gives nice equal intervals, worked by hand: 3, 8, 12, 19, 23 people fall in 0–5, 5–10, 10–15, 15–20, 20–25', () => {
		const classes = mapClasses([3, 8, 12, 19, 23], 'people');
		expect(classes.map((c) => [c.lo, c.hi])).toEqual([
			[0, 5],
			[5, 10],
			[10, 15],
			[15, 20],
			[20, 25]
		]);
		expect(classes.map((c) => c.label)).toEqual(['0 to under 5', '5 to under 10', '10 to under 15', '15 to under 20', '20 to 25']);
		expect([3, 8, 12, 19, 23].map((v) => classes.indexOf(classOf(v, classes)!))).toEqual([0, 1, 2, 3, 4]);
		// Light to dark with the value.
		expect(classes.map((c) => c.colour)).toEqual([...SEQUENTIAL_RAMP]);
	});

	it('puts a value on a break in the class above, and the largest value in the last class', () => {
		const classes = mapClasses([0, 10, 25], 'people');
		expect(classOf(10, classes)?.lo).toBe(10);
		expect(classOf(25, classes)).toBe(classes[classes.length - 1]);
		expect(classOf(26, classes)).toBeUndefined();
	});

	it('rates 2.1 to 7.9: steps of 2.5 give four classes (steps of 1 would give six, of 2 three)', () => {
		const classes = mapClasses([7.9, 6.7, 2.1, 3.4], 'rate_per_100k');
		expect(classes.map((c) => c.label)).toEqual(['0 to under 2.5', '2.5 to under 5', '5 to under 7.5', '7.5 to 10']);
		expect(classes.map((c) => c.colour)).toEqual(SEQUENTIAL_RAMP.slice(0, 4));
	});

	it('whole-number units never get fractional breaks; percentages say %', () => {
		expect(mapClasses([1, 3], 'people').map((c) => c.label)).toEqual(['1 to under 2', '2 to 3']);
		expect(mapClasses([12.5, 16.3], 'percent')[0].label).toBe('12% to under 13%');
	});

	it('ignores missing values: none is ever put in a class (so never coloured as zero)', () => {
		const classes = mapClasses([null, 4, null, 9], 'people');
		expect(classOf(null, classes)).toBeUndefined();
		expect(mapClasses([null, null], 'people')).toEqual([]);
		expect(mapClasses([5, 5], 'people')).toHaveLength(1);
	});

	it('the ramp runs light to dark, each colour at least 1.5:1 from the next and the lightest from white', () => {
		const steps = ['#FFFFFF', ...SEQUENTIAL_RAMP];
		for (let i = 1; i < steps.length; i++) expect(contrast(steps[i - 1], steps[i])).toBeGreaterThanOrEqual(1.5);
		expect(SEQUENTIAL_RAMP).toContain('#12436D');
	});
});

describe('map paths', () => {
	const geojson = JSON.parse(readFileSync(BOUNDARIES_FILE, 'utf8'));

	it('gives each of the seven authorities a non-empty path inside the viewBox', () => {
		const { width, height, districts } = districtPaths(geojson);
		expect(districts.map((d) => d.code).sort()).toEqual(WMCA_AUTHORITIES.map((a) => a.code).sort());
		for (const d of districts) {
			expect(d.d).toMatch(/^M[\d.]+,[\d.]+L/);
			const xs = [...d.d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
			expect(xs.length).toBeGreaterThan(10);
			for (const [x, y] of xs) {
				expect(x).toBeGreaterThanOrEqual(0);
				expect(x).toBeLessThanOrEqual(width);
				expect(y).toBeGreaterThanOrEqual(0);
				expect(y).toBeLessThanOrEqual(height);
			}
		}
	});

	it('fits the width exactly (less padding) and keeps the true shape: checked against a plain d3 fit', () => {
		const { width, height, districts } = districtPaths(geojson, { width: 500, padding: 10 });
		const all = districts.flatMap((d) => [...d.d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]));
		const minX = Math.min(...all.map((p) => p[0]));
		const maxX = Math.max(...all.map((p) => p[0]));
		const minY = Math.min(...all.map((p) => p[1]));
		expect(minX).toBeCloseTo(10, 0);
		expect(maxX).toBeCloseTo(490, 0);
		expect(minY).toBeCloseTo(10, 0);
		// The aspect ratio of a second, independent fit of the same projection.
		const second = geoTransverseMercator().rotate([2, 0]).fitSize([1000, 1000], geojson);
		const [[x0, y0], [x1, y1]] = geoPath(second).bounds(geojson);
		expect((height - 20) / 480).toBeCloseTo((y1 - y0) / (x1 - x0), 1);
	});

	it('places Wolverhampton west of Coventry and Walsall north of Solihull (the projection is not flipped)', () => {
		const at = (name: string) => WMCA_DISTRICTS.districts.find((d) => d.name === name)!;
		expect(at('Wolverhampton').x).toBeLessThan(at('Coventry').x);
		expect(at('Walsall').y).toBeLessThan(at('Solihull').y);
	});

	it('drift check: the committed districts module is exactly what the generator writes', () => {
		expect(readFileSync('src/lib/charts/map/districts.ts', 'utf8')).toBe(buildDistrictsModule());
	});

	it('the attribution under the map is the one recorded for the source in data/sources.csv', () => {
		const rows = Papa.parse<Record<string, string>>(readFileSync('data/sources.csv', 'utf8'), { header: true }).data;
		expect(rows.find((r) => r.source_id === 'ons_lad_boundaries_2022')?.notes).toContain(BOUNDARY_ATTRIBUTION);
	});
});

describeWithShared('the map boundaries', (shared) => {
	it('in data/ are the official file from ../shared', () => {
		const official = join(shared(), 'data/official/wmca_lad_boundaries.geojson');
		expect(JSON.parse(readFileSync(BOUNDARIES_FILE, 'utf8'))).toEqual(JSON.parse(readFileSync(official, 'utf8')));
	});
});

describe('arrow keys between districts', () => {
	// A plus shape: centre 0, right 1, left 2, below 3, above 4.
	const points = [
		{ x: 0, y: 0 },
		{ x: 10, y: 1 },
		{ x: -10, y: 0 },
		{ x: 0, y: 10 },
		{ x: 1, y: -10 }
	];
	it('moves to the nearest district in the arrow’s direction, and nowhere past the edge', () => {
		expect(neighbourIndex(points, 0, 'ArrowRight')).toBe(1);
		expect(neighbourIndex(points, 0, 'ArrowLeft')).toBe(2);
		expect(neighbourIndex(points, 0, 'ArrowDown')).toBe(3);
		expect(neighbourIndex(points, 0, 'ArrowUp')).toBe(4);
		expect(neighbourIndex(points, 1, 'ArrowRight')).toBeUndefined();
		expect(neighbourIndex(points, 0, 'Enter')).toBeUndefined();
	});
});

describe('ChoroplethMap (SSR)', () => {
	const rows = [
		{ area_code: 'E08000025', area_name: 'Birmingham', value: 52, marker: '' },
		{ area_code: 'E08000026', area_name: 'Coventry', value: 23, marker: '' },
		{ area_code: 'E08000027', area_name: 'Dudley', value: null, marker: 'x' },
		{ area_code: 'E08000028', area_name: 'Sandwell', value: 1, marker: 'u' },
		{ area_code: 'E08000029', area_name: 'Solihull', value: 5, marker: '' },
		{ area_code: 'E08000030', area_name: 'Walsall', value: 9, marker: 'c' }
		// Wolverhampton: no row at all.
	];
	const body = render(ChoroplethMap, { props: { rows, unit: 'people', label: 'People sleeping rough, autumn 2025', id: 'm' } }).body;
	const names = [...body.matchAll(/<g class="district[^"]*" tabindex="0" role="img" aria-label="([^"]+)"/g)].map((m) => m[1]);

	it('gives seven focusable districts, each named with its figure or the marker in words', () => {
		expect(names).toEqual([
			'Birmingham: 52 people',
			'Coventry: 23 people',
			'Dudley: [x] not available',
			'Sandwell: 1 person (low reliability)',
			'Solihull: 5 people',
			'Walsall: [c] confidential',
			'Wolverhampton: [x] not available'
		]);
	});

	it('hatches the districts with no figure, never colouring them, and names the hatching in the key', () => {
		const fills = [...body.matchAll(/<path d="M[^"]*" fill="([^"]+)" stroke="#FFFFFF"/g)].map((m) => m[1]);
		expect(fills).toHaveLength(7);
		// Dudley, Walsall ([c]) and Wolverhampton are hatched.
		expect([fills[2], fills[5], fills[6]]).toEqual(['url(#m-hatch)', 'url(#m-hatch)', 'url(#m-hatch)']);
		expect(fills.filter((f) => f.startsWith('#'))).toHaveLength(4);
		expect(body).toContain('<pattern id="m-hatch"');
		expect(body).toContain('[x] not available, [c] confidential</li>');
		// The key labels the classes in words: 1, 5, 23, 52 → 0 to 60 in steps of 20 (three classes, the most a nice step gives under six).
		expect(body).toMatch(/0 to under 20/);
	});

	it('has a table beside it (authority, value, marker in words) and the ONS attribution', () => {
		const cells = [...body.matchAll(/<tr[^>]*><th scope="row"[^>]*>([^<]+)<\/th><td class="num[^"]*">([^<]+)<\/td><td[^>]*>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3]]);
		expect(cells).toContainEqual(['Sandwell', '1 [u]', 'low reliability']);
		expect(cells).toContainEqual(['Dudley', '[x]', 'not available']);
		expect(cells).toContainEqual(['Coventry', '23', '']);
		expect(cells).toHaveLength(7);
		expect(body).toContain(BOUNDARY_ATTRIBUTION);
		expect(body).not.toMatch(/\sstyle=/);
	});
});

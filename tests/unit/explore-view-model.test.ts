/**
 * The explorer's view model on hand-made rows: what each view is given, the takeaway, the rate's
 * denominator line, missing values never as 0, and the provenance columns of the table and CSV.
 */
import { describe, expect, it } from 'vitest';
import { exploreView } from '../../src/lib/explore/view-model';
import type { ExploreState, CatalogArea, CatalogIndicator } from '../../src/lib/explore/params';
import type { IndicatorSeriesRow } from '../../src/lib/data/queries';
import type { Source } from '../../src/lib/data/contract';

const indicator: CatalogIndicator = { indicator_id: 'snapshot_single_night', name: 'Autumn snapshot', unit: 'people', frequency: 'annual' };
const areas: CatalogArea[] = [
	{ area_code: 'E92000001', area_name: 'England', area_type: 'country' },
	{ area_code: 'E08000025', area_name: 'Birmingham', area_type: 'local_authority' },
	{ area_code: 'E08000026', area_name: 'Coventry', area_type: 'local_authority' }
];
const sources = [
	{ source_id: 's1', kind: 'official_statistics', title: 'Snapshot 2019', publisher: 'MHCLG', url: '', licence: '', published: '2020-02-27', notes: '' },
	{ source_id: 'pop', kind: 'official_statistics', title: 'Mid-year estimates', publisher: 'ONS', url: '', licence: '', published: '2025-07-01', notes: '' }
] as Source[];
const row = (area_code: string, area_name: string, period: string, value: number | null, population: number | null, marker = ''): IndicatorSeriesRow => ({
	indicator_id: 'snapshot_single_night', area_code, area_name, area_type: 'local_authority', period, value, marker, note: '',
	source_id: 's1', source_kind: 'official_statistics', source_title: 'Snapshot 2019', source_published: '2020-02-27',
	population, population_year: population === null ? null : Number(period), population_source_id: population === null ? '' : 'pop',
	rate_per_100k: value === null || population === null ? null : Math.round((value / population) * 1e6) / 10,
	cell: ''
});
const rows = [
	row('E08000025', 'Birmingham', '2018', 91, 1_000_000),
	{ ...row('E08000025', 'Birmingham', '2019', 52, 1_000_000), cell: 'Table_1!N34' },
	row('E08000026', 'Coventry', '2018', 25, 400_000),
	row('E08000026', 'Coventry', '2019', null, 400_000, 'x')
];
const state = (over: Partial<ExploreState>): ExploreState => ({
	indicator: 'snapshot_single_night', areas: ['E08000025', 'E08000026'], from: '2018', to: '2019', fromPeriod: '2018', toPeriod: '2019',
	measure: 'count', view: 'line', ...over
});

describe('exploreView', () => {
	it('one line series per area with data, in the order asked, missing as a gap (null) with its marker', () => {
		const m = exploreView(state({}), indicator, areas, rows, sources);
		expect(m.series.map((s) => [s.label, s.points.map((p) => p.y)])).toEqual([
			['Birmingham', [91, 52]],
			['Coventry', [25, null]]
		]);
		expect(m.series[1].points[1].marker).toBe('x');
		expect(m.unit).toBe('people');
	});
	it('bars at the latest period, largest first, the missing one last and never 0', () => {
		const m = exploreView(state({ view: 'bars' }), indicator, areas, rows, sources);
		expect(m.latestPeriod).toBe('2019');
		expect(m.bars.map((b) => [b.label, b.value])).toEqual([['Birmingham', 52], ['Coventry', null]]);
		expect(m.table.rows.find((r) => r[0] === 'Coventry' && r[1] === 'Autumn 2019')?.[2]).toBe('[x]');
	});
	it('rates: per 100,000 (52 / 1,000,000 → 5.2), the denominator and its year said, population columns in table and CSV', () => {
		const m = exploreView(state({ measure: 'rate' }), indicator, areas, rows, sources);
		expect(m.unit).toBe('rate_per_100k');
		expect(m.series[0].points.map((p) => p.y)).toEqual([9.1, 5.2]);
		expect(m.title).toBe('Autumn snapshot, per 100,000 residents');
		expect(m.subtitle).toContain('ONS mid-year population estimate of each count\'s year (2018–2019)');
		expect(m.source).toBe('MHCLG, Snapshot 2019; population: ONS, Mid-year estimates');
		expect(m.table.columns.map((c) => c.label)).toEqual(['Area', 'Period', 'Per 100,000 residents', 'Population', 'Population year', 'Status', 'Source', 'Kind', 'Published']);
		expect(m.table.rows[0]).toEqual(['Birmingham', 'Autumn 2018', '9.1', '1,000,000', '2018', 'As published', 'Snapshot 2019', 'Official statistics', '27 February 2020']);
		expect(m.table.rows[1][6]).toBe('Snapshot 2019, cell Table_1!N34');
		expect(m.csv.header).toEqual(['area_code', 'area_name', 'period', 'value', 'marker', 'source_id', 'source_kind', 'source_published', 'cell', 'population', 'population_year', 'rate_per_100k']);
		expect(m.csv.rows[0]).toEqual(['E08000025', 'Birmingham', '2018', 91, '', 's1', 'official_statistics', '2020-02-27', '', 1_000_000, 2018, 9.1]);
		expect(m.csv.rows[1]).toEqual(['E08000025', 'Birmingham', '2019', 52, '', 's1', 'official_statistics', '2020-02-27', 'Table_1!N34', 1_000_000, 2019, 5.2]);
	});
	it('takeaway: the highest of several areas at the latest period; one area from first to last', () => {
		expect(exploreView(state({}), indicator, areas, rows, sources).takeaway).toBe(
			'In Autumn 2019, Birmingham had the highest figure of the 2 areas shown: 52 people.'
		);
		const one = rows.filter((r) => r.area_code === 'E08000025');
		expect(exploreView(state({ areas: ['E08000025'] }), indicator, areas, one, sources).takeaway).toBe(
			'Birmingham: 52 people in Autumn 2019, against 91 people in Autumn 2018.'
		);
	});
	it('the map gets local authorities only, at the latest period', () => {
		const withEngland = [...rows, { ...row('E92000001', 'England', '2019', 3000, 56_000_000), area_type: 'country' }];
		const m = exploreView(state({ areas: ['E92000001', 'E08000025', 'E08000026'], view: 'map' }), indicator, areas, withEngland, sources);
		expect(m.mapRows.map((r) => [r.area_name, r.value, r.marker])).toEqual([['Birmingham', 52, ''], ['Coventry', null, 'x']]);
	});
	it('map: the takeaway is of the map\'s rows (every authority), not of the areas chosen', () => {
		// Chosen: England only, which has no row; the map still shows Birmingham 52 and Coventry [x] in 2019.
		const m = exploreView(state({ areas: ['E92000001'], view: 'map' }), indicator, areas, rows, sources);
		expect(m.takeaway).toBe('In Autumn 2019, Birmingham had the highest figure of the 2 authorities shown: 52 people.');
	});
	it('the latest period in words for the bars subtitle and map label', () => {
		expect(exploreView(state({ view: 'bars' }), indicator, areas, rows, sources).latestPeriodText).toBe('Autumn 2019');
		expect(exploreView(state({ view: 'bars' }), indicator, areas, [], sources).latestPeriodText).toBe('none');
		const monthly = rows.map((r) => ({ ...r, indicator_id: 'rs_month', period: `${r.period}-12` }));
		const rsMonth: CatalogIndicator = { indicator_id: 'rs_month', name: 'Sleeping rough in month', unit: 'people', frequency: 'monthly' };
		expect(exploreView(state({ view: 'map', fromPeriod: '2018-12', toPeriod: '2019-12' }), rsMonth, areas, monthly, sources).latestPeriodText).toBe('December 2019');
	});
	it('no rows: says so rather than drawing anything as zero', () => {
		expect(exploreView(state({}), indicator, areas, [], sources).takeaway).toBe('No figures are held for this choice.');
	});
});

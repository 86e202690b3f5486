/**
 * The overview's view-model on a hand-made area: two autumns for a small authority and England,
 * one authority row missing, monthly rows in a unit that is not "people", and one Housing First
 * milestone. Every expected figure below is worked by hand from these rows.
 */
import { describe, expect, it } from 'vitest';
import { overviewViewModel, unitHeading } from '../../src/routes/areas/[code]/view-model';
import type { OverviewData } from '../../src/routes/areas/[code]/load';
import type { IndicatorSeriesRow, NamedQuery } from '../../src/lib/data/queries';
import type { Source } from '../../src/lib/data/contract';

const AREA = 'E08000026';
const OTHER = 'E08000025';
const ENGLAND = 'E92000001';
const WMCA = 'E47000007';

const row = (over: Partial<IndicatorSeriesRow>): IndicatorSeriesRow => ({
	indicator_id: 'snapshot_single_night',
	area_code: AREA,
	area_name: 'Coventry',
	area_type: 'local_authority',
	period: '2024',
	value: null,
	marker: '',
	note: '',
	source_id: 'snap',
	source_kind: 'official_statistics',
	source_title: 'Snapshot 2024',
	source_published: '2025-02-27',
	cell: '',
	population: null,
	population_year: null,
	population_source_id: '',
	rate_per_100k: null,
	...over
});

const sources: Source[] = [
	{ source_id: 'snap', kind: 'official_statistics', title: 'Snapshot 2024', publisher: 'MHCLG', url: '', licence: 'OGL', published: '2025-02-27', notes: '' },
	{ source_id: 'pop', kind: 'official_statistics', title: 'Mid-year estimates', publisher: 'ONS', url: '', licence: 'OGL', published: '2025-07-01', notes: '' },
	{ source_id: 'synth', kind: 'illustrative', title: 'Synthetic register', publisher: 'This project', url: '', licence: 'MIT', published: '2025-06-01', notes: '' }
];

const q = (name: string, params: unknown[] = []): NamedQuery<IndicatorSeriesRow> => ({ name, sql: 'SELECT 1', params: params as never });

const indicators = [
	{ indicator_id: 'snapshot_single_night', name: 'People sleeping rough on a single night', short_name: 'Single night', unit: 'people', polarity: 'lower_is_better', frequency: 'annual', pillar: 'rare' },
	// Nights, not people: the cards and the chart must say "nights".
	{ indicator_id: 'rs_month', name: 'Nights slept rough over the month', short_name: 'Nights', unit: 'nights', polarity: 'lower_is_better', frequency: 'monthly', pillar: 'rare' },
	...['new', 'new_pct', 'left_institution', 'rs_single_night', 'long_term', 'long_term_pct', 'accommodated', 'returners', 'returners_pct', 'returners_from_settled'].map((id) => ({
		indicator_id: id, name: id, short_name: id, unit: id.endsWith('_pct') ? 'percent' : 'people', polarity: 'lower_is_better', frequency: 'monthly', pillar: 'prevented'
	})),
	{ indicator_id: 'hf_people_housed', name: 'People housed', short_name: 'People housed', unit: 'people', polarity: 'higher_is_better', frequency: 'monthly', pillar: 'context' }
] as OverviewData['indicators'];

function fixture(): OverviewData {
	return {
		area: { area_code: AREA, area_name: 'Coventry' },
		areas: [
			{ area_code: WMCA, area_name: 'West Midlands Combined Authority' },
			{ area_code: OTHER, area_name: 'Birmingham' },
			{ area_code: AREA, area_name: 'Coventry' },
			{ area_code: 'E08000027', area_name: 'Dudley' }
		],
		indicators,
		sources,
		annotations: [{ period: '2020-03', label: 'Everyone In', description: '' }],
		latestYear: '2024',
		snapshot: {
			queries: [q('indicatorSeries', ['snapshot_single_night'])],
			rows: [
				row({ period: '2023', value: 20, source_title: 'Snapshot 2023' }),
				// 30 people in 2024 of 300,000 residents (mid-2023): 30 / 300,000 × 100,000 = 10.0.
				row({ period: '2024', value: 30, marker: 'p', population: 300_000, population_year: 2023, population_source_id: 'pop', rate_per_100k: 10 }),
				row({ area_code: ENGLAND, area_name: 'England', period: '2023', value: 3898 }),
				row({ area_code: ENGLAND, area_name: 'England', period: '2024', value: 4667 })
			]
		},
		byAuthority: {
			queries: [q('indicatorSeries', ['snapshot_single_night'])],
			rows: [
				row({ area_code: OTHER, area_name: 'Birmingham', value: 50, rate_per_100k: 4.3, population: 1_150_000, population_year: 2023, population_source_id: 'pop' }),
				row({ value: 30, marker: 'p', rate_per_100k: 10, population: 300_000, population_year: 2023, population_source_id: 'pop' })
				// Dudley: no row for 2024.
			]
		},
		monthly: {
			queries: [q('indicatorSeries', ['rs_month']), q('indicatorSeries', ['new'])],
			rows: [
				row({ indicator_id: 'rs_month', period: '2024-05', value: 120, source_id: 'synth', source_kind: 'illustrative' }),
				row({ indicator_id: 'rs_month', period: '2025-05', value: 90, source_id: 'synth', source_kind: 'illustrative' })
			]
		},
		housingFirst: {
			queries: [q('indicatorSeries', ['hf_people_housed'])],
			rows: [row({ indicator_id: 'hf_people_housed', area_code: WMCA, period: '2023-03', value: 515 })]
		},
		housingFirstFacts: []
	};
}

describe('overview view-model', () => {
	const vm = overviewViewModel(fixture());

	it('opens with the latest official figure: the 2024 snapshot, its rate and the population year used', () => {
		expect(vm.headline.value).toBe(30);
		expect(vm.headline.period).toBe('2024');
		expect(vm.headline.marker).toBe('p');
		expect(vm.headline.rate).toBe(10);
		expect(vm.headline.populationYear).toBe(2023);
		expect(vm.headline.population).toBe(300_000);
		expect(vm.headline.kind).toBe('Official statistics');
		// 20 → 30 is up 10, and lower is better.
		expect(vm.headline.card.status.word).toBe('Worsening');
		expect(vm.headline.sentence).toBe('30 people slept rough on a single night in Coventry in autumn 2024: up 10 (from 20 to 30) since Autumn 2023.');
	});

	it('draws the area then England, and gives the chart its query and embed parameters', () => {
		const c = vm.snapshotChart;
		expect(c.panels.map((p) => p.title)).toEqual(['Coventry', 'England']);
		expect(c.panels[0].series[0].points.map((p) => p.y)).toEqual([20, 30]);
		expect(c.panels[0].series[0].points[1].provenance).toMatchObject({ source_id: 'snap', source_kind: 'official_statistics' });
		expect(c.query).toHaveLength(1);
		expect(c.embed).toEqual({ indicator: 'snapshot_single_night', areas: [AREA, ENGLAND], from: '2023', to: '2024', measure: 'count', view: 'line' });
		expect(c.alt).toContain('Coventry: 2023 20, 2024 30 [p]');
		expect(c.yLabel).toBe('People');
	});

	it('lists every authority from the areas, largest first, a missing one as [x] (never 0 and never left out)', () => {
		const bars = vm.authorityChart.bars;
		expect(bars.map((b) => [b.label, b.value, b.marker])).toEqual([
			['Birmingham', 50, ''],
			['Coventry', 30, 'p'],
			['Dudley', null, 'x']
		]);
		expect(vm.authorityChart.highlight).toEqual([AREA]);
		expect(vm.authorityChart.takeaway).toContain('Birmingham had the most people sleeping rough on the night (50)');
		// Rates: Coventry 10.0 is above Birmingham 4.3; each rate bar carries its population.
		expect(vm.rateChart.bars.map((b) => [b.label, b.value])).toEqual([
			['Coventry', 10],
			['Birmingham', 4.3],
			['Dudley', null]
		]);
		expect(vm.rateChart.bars[0].provenance).toMatchObject({ population: 300_000, population_year: 2023 });
		expect(vm.rateChart.subtitle).toContain('ONS mid-2023 population estimates');
		expect(vm.rateChart.source).toBe('ONS, Mid-year estimates (1 July 2025); MHCLG, Snapshot 2024 (27 February 2025)');
		expect(vm.rateChart.sourceDate).toBe('');
		expect(vm.rateChart.embed).toMatchObject({ measure: 'rate', view: 'bars', from: '2024', to: '2024', areas: [OTHER, AREA, 'E08000027'] });
	});

	it("takes units and labels from the indicator: nights are 'nights', never 'people'", () => {
		const rare = vm.cards.find((c) => c.pillar === 'rare')!;
		expect(rare.unitWords).toBe('nights');
		expect(rare.main.value).toBe(90);
		const chart = vm.pillarCharts.find((c) => c.pillar === 'rare')!;
		expect(chart.unit).toBe('nights');
		expect(chart.yLabel).toBe('Nights');
		expect(chart.takeaway).toBe('Nights slept rough over the month in Coventry: 90 nights in May 2025.');
		// Only the series holding figures are drawn; the chart carries only its own indicators' queries.
		expect(chart.series.map((s) => s.id)).toEqual(['rs_month']);
		expect(chart.query.map((x) => x.params[0])).toEqual(['rs_month']);
		expect(unitHeading('percent')).toBe('Per cent');
	});

	it('marks the monthly section illustrative when its figures are', () => {
		expect(vm.illustrative).toBe(true);
		expect(vm.pillarCharts.find((c) => c.pillar === 'rare')!.illustrative).toBe(true);
		expect(vm.snapshotChart.illustrative).toBe(false);
		const official = overviewViewModel({ ...fixture(), monthly: { queries: [], rows: [] } });
		expect(official.illustrative).toBe(false);
	});

	it('says so when the area holds no snapshot figure, rather than showing 0', () => {
		const empty = overviewViewModel({ ...fixture(), snapshot: { queries: [], rows: [] } });
		expect(empty.headline.value).toBeNull();
		expect(empty.headline.sentence).toBe('No autumn snapshot figure is held for Coventry.');
	});

	it('gives the Housing First chart its own unit words', () => {
		expect(vm.housingFirst.takeaway).toBe('By March 2023 the pilot had housed 515 people since it began in 2018.');
		expect(vm.housingFirst.embed.areas).toEqual([WMCA]);
	});
});

/**
 * The progress report's view-model on hand-made rows: one monthly count for Coventry over 14
 * months (one month missing), an illustrative target of 0, and a comparison across four areas.
 * Every expected figure is worked by hand from these rows (sums in the comments).
 */
import { describe, expect, it } from 'vitest';
import { comparisonTable, comparisonView, indicatorReport, letterSentence, reportViewModel } from '../../src/routes/report/[code]/view-model';
import type { ReportData } from '../../src/routes/report/[code]/load';
import type { IndicatorSummary } from '../../src/routes/areas/[code]/load';
import type { AreaComparisonRow, IndicatorSeriesRow, TargetRow } from '../../src/lib/data/queries';
import type { Source } from '../../src/lib/data/contract';
import { csvText } from '../../src/lib/charts/download-csv';

const AREA = 'E08000026';

const rsMonth: IndicatorSummary = {
	indicator_id: 'rs_month',
	name: 'People sleeping rough over the month',
	short_name: 'Sleeping rough in month',
	unit: 'people',
	polarity: 'lower_is_better',
	frequency: 'monthly',
	pillar: 'rare'
};

const sources: Source[] = [
	{ source_id: 'synth', kind: 'illustrative', title: 'Synthetic register', publisher: 'This project', url: '', licence: '', published: '2025-07-01', notes: '' },
	{ source_id: 'aims', kind: 'illustrative', title: 'Illustrative targets', publisher: 'This project', url: '', licence: '', published: '', notes: '' },
	{ source_id: 'mi', kind: 'management_information', title: 'Framework MI', publisher: 'MHCLG', url: '', licence: 'OGL', published: '2025-10-01', notes: '' }
];

const series = (over: Partial<IndicatorSeriesRow>): IndicatorSeriesRow => ({
	indicator_id: 'rs_month',
	area_code: AREA,
	area_name: 'Coventry',
	area_type: 'local_authority',
	period: '2024-05',
	value: null,
	marker: '',
	note: '',
	cell: '',
	source_id: 'synth',
	source_kind: 'illustrative',
	source_title: 'Synthetic register',
	source_published: '2025-07-01',
	population: null,
	population_year: null,
	population_source_id: '',
	rate_per_100k: null,
	...over
});

// 2024-05 40 (baseline), 2024-06 50 (a year before the latest), then down to 2025-06 36; 2025-03 is [x].
const VALUES: [string, number | null][] = [
	['2024-05', 40], ['2024-06', 50], ['2024-07', 45], ['2024-08', 44], ['2024-09', 43], ['2024-10', 42], ['2024-11', 41],
	['2024-12', 39], ['2025-01', 38], ['2025-02', 37], ['2025-03', null], ['2025-04', 35], ['2025-05', 34], ['2025-06', 36]
];
const rows = VALUES.map(([period, value]) => series({ period, value, marker: value === null ? 'x' : '', source_id: value === null ? '' : 'synth' }));

const target: TargetRow = {
	indicator_id: 'rs_month',
	area_code: AREA,
	target_value: 0,
	target_period: '2026-05',
	baseline_period: '2024-05',
	set_by: 'Illustrative',
	source_id: 'aims',
	source_kind: 'illustrative',
	source_title: 'Illustrative targets',
	source_published: ''
};

describe('indicatorReport', () => {
	const r = indicatorReport(rsMonth, rows, [], sources);

	it('baseline is May 2023 (no figure here: [x], not the first month held), latest the last with a value, compared with the same month a year earlier', () => {
		expect(r.baseline).toEqual({ period: '2023-05', value: null, marker: 'x' });
		expect(r.latest).toEqual({ period: '2025-06', value: 36, marker: '' });
		expect(r.yearEarlier).toEqual({ period: '2024-06', value: 50, marker: '' });
		// 36 − 50 = −14, −14/50 = −28%: a fall, lower is better
		expect(r.status).toEqual({ word: 'Improving', icon: 'improving', change: -14, changePct: -28 });
		// No baseline figure, so no change since it (never a change from 0).
		expect(r.sinceBaseline).toEqual({ change: null, changePct: null });
		// With a target measured from 2024-05 (40): 36 − 40 = −4, −10% of the baseline.
		expect(indicatorReport(rsMonth, rows, [target], sources).sinceBaseline).toEqual({ change: -4, changePct: -10 });
		expect(r.target).toBeNull();
		expect(r.illustrative).toBe(true);
	});

	it('the trend is the 12 months to the latest, the missing month a gap (never 0)', () => {
		expect(r.trend.map((p) => p.x)).toEqual(VALUES.slice(2).map(([p]) => p));
		expect(r.trend.find((p) => p.x === '2025-03')).toEqual({ x: '2025-03', y: null, marker: 'x' });
		// 2024-07..2025-06 without March: lowest 34 (May 2025), highest 45 (July 2024)
		expect(r.trendText).toBe('Over the 12 months to June 2025: lowest 34 people, highest 45 people (1 of the 12 months has no figure).');
	});

	it('a target of 0 is judged on the straight line from the baseline', () => {
		const t = indicatorReport(rsMonth, rows, [target], sources).target!;
		// 24 months from 2024-05 to 2026-05; 2025-06 is 13 in: 40 × (1 − 13/24) = 18.33…; 36 is above the line
		expect(t.track.word).toBe('Not on track');
		expect(t.track.expected).toBeCloseTo(18.3333, 4);
		expect(t.illustrative).toBe(true);
	});

	it("a target's own baseline period replaces the first month", () => {
		const r2 = indicatorReport(rsMonth, rows, [{ ...target, baseline_period: '2024-06' }], sources);
		expect(r2.baseline).toEqual({ period: '2024-06', value: 50, marker: '' });
		// 36 − 50 = −14, −28%
		expect(r2.sinceBaseline).toEqual({ change: -14, changePct: -28 });
	});

	it('with no figure a year earlier: Not enough data, and the sentence says so', () => {
		const short = rows.filter((x) => x.period >= '2024-07');
		const r3 = indicatorReport(rsMonth, short, [], sources);
		expect(r3.status.word).toBe('Not enough data');
		expect(r3.yearEarlier).toEqual({ period: '2024-06', value: null, marker: 'x' });
		expect(letterSentence('Coventry', r3)).toBe(
			'People sleeping rough over the month in Coventry: 36 people in June 2025, with no figure for June 2024 to compare with. These are illustrative figures computed from a synthetic register, not real data, and must not be quoted as fact.'
		);
	});
});

describe('letterSentence', () => {
	it('gives figures, direction, period, the target and the caveat from the source kind', () => {
		const r = indicatorReport(rsMonth, rows, [target], sources);
		expect(letterSentence('Coventry', r)).toBe(
			'People sleeping rough over the month in Coventry: 36 people in June 2025, down 14 (28.0%) on June 2024 (50): improving. Against the illustrative target of 0 people by May 2026, not on track. These are illustrative figures computed from a synthetic register, not real data, and must not be quoted as fact.'
		);
		const mi = indicatorReport(rsMonth, rows.map((x) => ({ ...x, source_kind: 'management_information', source_id: x.value === null ? '' : 'mi' })), [], sources);
		expect(letterSentence('Coventry', mi)).toMatch(/: improving\. These are management information, not official statistics\.$/);
	});
});

const cmp = (over: Partial<AreaComparisonRow>): AreaComparisonRow => ({
	area_code: AREA,
	area_name: 'Coventry',
	area_type: 'local_authority',
	period: '2025-06',
	value: null,
	marker: '',
	source_id: 'synth',
	source_kind: 'illustrative',
	source_title: 'Synthetic register',
	source_published: '2025-07-01',
	cell: '',
	population: null,
	population_year: 2024,
	population_source_id: 'pop',
	rate_per_100k: null,
	...over
});

describe('comparisonView', () => {
	// Rates as the SQL gives them: 36/360,000 = 10.0; 8/200,000 = 4.0 (a small count); 300/3,000,000 = 10.0; England none.
	const compared = [
		cmp({ area_code: 'E92000001', area_name: 'England', area_type: 'country', value: null, marker: 'x', source_id: '', source_kind: '', population: 58_000_000 }),
		cmp({ area_code: 'E47000007', area_name: 'West Midlands Combined Authority', area_type: 'combined_authority', value: 300, population: 3_000_000, rate_per_100k: 10 }),
		cmp({ value: 36, population: 360_000, rate_per_100k: 10 }),
		cmp({ area_code: 'E08000029', area_name: 'Solihull', value: 8, population: 200_000, rate_per_100k: 4 })
	];
	const c = comparisonView(AREA, rsMonth, compared, sources);

	it('sorts by rate, highest first (ties by name), missing last; flags small counts [u]; marks each role', () => {
		expect(c.items.map((i) => [i.label, i.value, i.marker, i.role])).toEqual([
			['Coventry', 10, '', 'area'],
			['West Midlands Combined Authority', 10, '', 'wmca'],
			['Solihull', 4, 'u', 'other'],
			['England', null, 'x', 'england']
		]);
		expect(c.smallCounts).toBe(true);
		expect(c.denominator).toBe('ONS mid-2024 population estimates');
		expect(c.embed).toEqual({ indicator: 'rs_month', areas: ['E92000001', 'E47000007', AREA, 'E08000029'], from: '2025-06', to: '2025-06', measure: 'rate', view: 'bars' });
		expect(c.takeaway).toBe('In June 2025, Coventry had 10.0 per 100,000 residents, an illustrative figure (England has no figure for that month): the highest rate of the 3 areas with one.');
		// A real figure for the area: the sentence has no such caveat.
		const real = comparisonView(AREA, rsMonth, compared.map((r) => (r.area_code === AREA ? { ...r, source_id: 'mi', source_kind: 'management_information' } : r)), sources);
		expect(real.takeaway).toBe('In June 2025, Coventry had 10.0 per 100,000 residents (England has no figure for that month): the highest rate of the 3 areas with one.');
	});

	it('the table gives each rate with the count it is from', () => {
		const t = comparisonTable(c, AREA);
		expect(t.table.rows.map((r) => r.slice(0, 3))).toEqual([
			['Coventry', '10.0', '36'],
			['West Midlands Combined Authority', '10.0', '300'],
			['Solihull', '4.0 [u]', '8 (small count)'],
			['England', '[x]', '[x]']
		]);
		expect(t.csv.header.slice(0, 4)).toEqual(['Area', 'Per 100,000 residents', 'marker', 'count']);
		expect(t.csv.rows[2].slice(0, 4)).toEqual(['Solihull', 4, 'u', 8]);
	});
});

describe('reportViewModel', () => {
	const data = {
		area: { area_code: AREA, area_name: 'Coventry' },
		areas: [{ area_code: AREA, area_name: 'Coventry' }],
		indicators: [rsMonth],
		sources,
		monthly: { queries: [], rows },
		targets: { queries: [], rows: [target] },
		comparison: {},
		snapshotIndicator: { indicator_id: 'snapshot_single_night', name: 'People sleeping rough on a single night (autumn snapshot)', short_name: 'Autumn snapshot', unit: 'people', polarity: 'lower_is_better', frequency: 'annual', pillar: 'rare' },
		snapshot: { queries: [], rows: [series({ indicator_id: 'snapshot_single_night', period: '2024', value: 23, source_kind: 'official_statistics', source_id: 'mi', rate_per_100k: 6.4, population_year: 2024 })] }
	} as unknown as ReportData;
	const vm = reportViewModel(data);

	it('has four pillars; one with no figures says so rather than showing zeros', () => {
		expect(vm.pillars.map((p) => p.pillar)).toEqual(['prevented', 'rare', 'brief', 'non_recurring']);
		expect(vm.pillars[0].headline).toBeNull();
		expect(vm.pillars[0].sentence).toBe('No figures are held for Coventry.');
		expect(vm.pillars[1].headline?.latest?.value).toBe(36);
	});

	it('the first figure is the official snapshot; the edition is the latest month; the date the latest publication used', () => {
		expect(vm.official?.sentence).toBe('23 people slept rough on a single night in Coventry in autumn 2024 (6.4 per 100,000 residents, mid-2024 population).');
		expect(vm.latestMonth).toBe('2025-06');
		// synth (2025-07-01) and mi (2025-10-01) are used: the later
		expect(vm.date).toBe('2025-10-01');
	});

	it('the CSV has one row per figure with marker and provenance, formula-like text neutralised on download', () => {
		const byMeasure = Object.fromEntries(vm.csv.rows.map((r) => [r[5], r]));
		// The official figure first, then rs_month's figures (the only indicator held).
		expect(byMeasure.latest_official_rate_per_100k).toEqual([AREA, 'Coventry', 'rare', 'snapshot_single_night', 'People sleeping rough on a single night (autumn snapshot)', 'latest_official_rate_per_100k', '2024', 6.4, '', 'rate_per_100k', 'mi', 'official_statistics', '2025-07-01', null, 2024, '', '']);
		expect(Object.keys(byMeasure)).toEqual(['latest_official', 'latest_official_rate_per_100k', 'baseline', 'latest', 'same_month_year_earlier', 'change_on_year_earlier', 'change_on_baseline', 'target', 'trajectory']);
		expect(byMeasure.latest).toEqual([AREA, 'Coventry', 'rare', 'rs_month', 'People sleeping rough over the month', 'latest', '2025-06', 36, '', 'people', 'synth', 'illustrative', '2025-07-01', null, null, 'Status: Improving', '']);
		expect(byMeasure.target.slice(6, 12)).toEqual(['2026-05', 0, '', 'people', 'aims', 'illustrative']);
		const hostile = reportViewModel({ ...data, area: { area_code: AREA, area_name: '=HYPERLINK("x")' } } as ReportData);
		expect(csvText(hostile.csv).split('\n')[1]).toContain(`"'=HYPERLINK(""x"")"`);
	});

	it("the comparison's CSV rows carry the spreadsheet cell each count was read from, and none where none is held", () => {
		const compared = [
			cmp({ area_code: 'E92000001', area_name: 'England', area_type: 'country', value: 3000, population: 58_000_000, rate_per_100k: 5.2, source_id: 'mi', source_kind: 'official_statistics', cell: 'Table_2!C9' }),
			cmp({ value: 36, population: 360_000, rate_per_100k: 10 })
		];
		const withComparison = reportViewModel({ ...data, comparison: { rare: { queries: [], rows: compared } } } as unknown as ReportData);
		const rates = withComparison.csv.rows.filter((r) => r[5] === 'rate_per_100k');
		// Sorted as the dot plot is, highest rate first; column 17 is cell.
		expect(rates.map((r) => [r[0], r[7], r[10], r[16]])).toEqual([
			[AREA, 10, 'synth', ''],
			['E92000001', 5.2, 'mi', 'Table_2!C9']
		]);
	});
});

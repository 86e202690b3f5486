/**
 * The explorer's query string, on a small hand-made catalog: what each parameter accepts, what
 * it defaults to, and the message (valid values, nearest alternative) for each kind of mistake.
 */
import { describe, expect, it } from 'vitest';
import {
	defaultState,
	editDistance,
	nearest,
	parseExplore,
	toSearch,
	type ExploreCatalog,
	type ParamProblem
} from '../../src/lib/explore/params';

const catalog: ExploreCatalog = {
	indicators: [
		{ indicator_id: 'snapshot_single_night', name: 'Autumn snapshot', unit: 'people', frequency: 'annual' },
		{ indicator_id: 'rs_month', name: 'Sleeping rough in month', unit: 'people', frequency: 'monthly' },
		{ indicator_id: 'new_pct', name: 'New (% of month)', unit: 'percent', frequency: 'monthly' },
		{ indicator_id: 'hf_people_housed', name: 'Housing First: people housed', unit: 'people', frequency: 'monthly' },
		{ indicator_id: 'no_figures', name: 'Nothing yet', unit: 'people', frequency: 'annual' }
	],
	areas: [
		{ area_code: 'E92000001', area_name: 'England', area_type: 'country' },
		{ area_code: 'E12000005', area_name: 'West Midlands', area_type: 'region' },
		{ area_code: 'E47000007', area_name: 'West Midlands Combined Authority', area_type: 'combined_authority' },
		{ area_code: 'E08000025', area_name: 'Birmingham', area_type: 'local_authority' },
		{ area_code: 'E08000026', area_name: 'Coventry', area_type: 'local_authority' }
	],
	coverage: {
		snapshot_single_night: {
			periods: ['2015', '2016', '2017', '2018', '2019'],
			areas: ['E92000001', 'E12000005', 'E47000007', 'E08000025', 'E08000026']
		},
		rs_month: { periods: ['2023-05', '2023-06', '2024-01'], areas: ['E92000001', 'E08000025'] },
		new_pct: { periods: ['2023-05', '2023-06'], areas: ['E08000025'] },
		hf_people_housed: { periods: ['2019-03'], areas: ['E47000007'] }
	}
};

const parse = (qs: string, fixed?: string) => parseExplore(new URLSearchParams(qs), catalog, fixed);
const problems = (qs: string, fixed?: string): ParamProblem[] => {
	const r = parse(qs, fixed);
	if (r.ok) throw new Error(`expected problems for ?${qs}`);
	return r.problems;
};
const state = (qs: string, fixed?: string) => {
	const r = parse(qs, fixed);
	if (!r.ok) throw new Error(`unexpected problems for ?${qs}: ${r.problems.map((p) => p.message).join(' | ')}`);
	return r.state;
};

describe('nearest and editDistance', () => {
	it('counts edits', () => {
		expect(editDistance('bars', 'bar')).toBe(1);
		expect(editDistance('pie', 'line')).toBe(2);
		expect(editDistance('', 'map')).toBe(3);
		expect(editDistance('veiw', 'view')).toBe(1);
	});
	it('suggests only close values, all of those tied', () => {
		expect(nearest('bar', ['line', 'bars', 'map', 'table'])).toEqual(['bars']);
		expect(nearest('pie', ['line', 'bars', 'map', 'table'])).toEqual([]);
		expect(nearest('tab', ['line', 'bars', 'map', 'table'])).toEqual(['table']);
		expect(nearest('E0800002X', ['E08000025', 'E08000026', 'E92000001'])).toEqual(['E08000025', 'E08000026']);
	});
});

describe('parseExplore: no parameters', () => {
	it('is the default: the snapshot, WMCA with the region and England, every year, per 100,000, as a line', () => {
		expect(state('')).toEqual({
			indicator: 'snapshot_single_night',
			areas: ['E92000001', 'E12000005', 'E47000007'],
			from: '2015',
			to: '2019',
			fromPeriod: '2015',
			toPeriod: '2019',
			measure: 'rate',
			view: 'line'
		});
		expect(toSearch(state(''))).toBe(
			'?indicator=snapshot_single_night&areas=E92000001,E12000005,E47000007&from=2015&to=2019&measure=rate&view=line'
		);
	});
	it('an indicator held for one area only defaults to that area, as a count', () => {
		expect(defaultState(catalog, 'hf_people_housed')).toMatchObject({ areas: ['E47000007'], measure: 'count', view: 'bars' });
	});
});

describe('parseExplore: valid parameters', () => {
	it('reads the issue example exactly', () => {
		const s = state('indicator=snapshot_single_night&areas=E08000025,E08000026&from=2015&to=2019&measure=count&view=table');
		expect(s).toEqual({
			indicator: 'snapshot_single_night',
			areas: ['E08000025', 'E08000026'],
			from: '2015',
			to: '2019',
			fromPeriod: '2015',
			toPeriod: '2019',
			measure: 'count',
			view: 'table'
		});
		// and writes it back as it was written
		expect(toSearch(s)).toBe('?indicator=snapshot_single_night&areas=E08000025,E08000026&from=2015&to=2019&measure=count&view=table');
	});
	it('joins repeated areas (a form of checkboxes), drops duplicates, keeps the dashboard order, accepts lower case', () => {
		expect(state('areas=e08000026&areas=E08000025&areas=E08000026').areas).toEqual(['E08000025', 'E08000026']);
	});
	it('latest stands for the last period held', () => {
		expect(state('from=latest&to=latest')).toMatchObject({ from: 'latest', fromPeriod: '2019', toPeriod: '2019' });
		expect(state('indicator=rs_month&to=latest')).toMatchObject({ to: 'latest', toPeriod: '2024-01' });
	});
	it('a bare year on a monthly indicator means January (from) and December (to)', () => {
		expect(state('indicator=rs_month&areas=E08000025&from=2023&to=2023')).toMatchObject({ fromPeriod: '2023-01', toPeriod: '2023-12' });
	});
	it('one area defaults to its count; measure=rate is allowed for a count of people', () => {
		expect(state('areas=E08000025').measure).toBe('count');
		expect(state('areas=E08000025&measure=rate').measure).toBe('rate');
	});
	it('notes areas with no figures rather than drawing them as zero', () => {
		const r = parse('indicator=rs_month&areas=E08000025,E08000026');
		expect(r.ok && r.notes).toEqual(['No figures are held for Coventry on this indicator.']);
	});
	it('an embed takes its indicator from the path', () => {
		expect(state('', 'rs_month')).toMatchObject({ indicator: 'rs_month', areas: ['E92000001'] });
		expect(state('indicator=rs_month', 'rs_month').indicator).toBe('rs_month');
	});
});

describe('parseExplore: problems', () => {
	it('view=pie lists the four views, with no guess', () => {
		expect(problems('view=pie')).toEqual([
			{ param: 'view', message: 'view=pie is not a view.', valid: ['line', 'bars', 'map', 'table'], suggestion: undefined }
		]);
	});
	it('view=bar suggests bars', () => {
		expect(problems('view=bar')[0].suggestion).toBe('bars');
	});
	it('areas=E0800002X lists every area by code and name, and suggests the nearest', () => {
		const [p] = problems('areas=E0800002X');
		expect(p.param).toBe('areas');
		expect(p.message).toBe('"E0800002X" is not an area code this dashboard holds.');
		expect(p.valid).toEqual([
			'E92000001 (England)',
			'E12000005 (West Midlands)',
			'E47000007 (West Midlands Combined Authority)',
			'E08000025 (Birmingham)',
			'E08000026 (Coventry)'
		]);
		expect(p.suggestion).toBe('E08000025 (Birmingham) or E08000026 (Coventry)');
	});
	it('an area name gives its code as the suggestion', () => {
		expect(problems('areas=birmingham')[0].suggestion).toBe('E08000025 (Birmingham)');
	});
	it('empty areas asks for at least one', () => {
		expect(problems('areas=')[0].message).toBe('areas is empty: choose at least one area.');
	});
	it('areas with no figures at all for the indicator is a problem naming those that have some', () => {
		const [p] = problems('indicator=hf_people_housed&areas=E08000025');
		expect(p.message).toBe('Housing First: people housed has no figures for Birmingham.');
		expect(p.valid).toEqual(['E47000007 (West Midlands Combined Authority)']);
	});
	it('from=2019&to=2015 says to swap them', () => {
		const [p] = problems('from=2019&to=2015');
		expect(p.param).toBe('from');
		expect(p.message).toBe('from (2019) is after to (2015): the range would be empty. Swap them.');
		expect(p.suggestion).toBe('from=2015&to=2019');
	});
	it('a malformed period names the form wanted and the range held', () => {
		expect(problems('from=19')[0].message).toBe(
			'from=19 is not a period of Autumn snapshot: give a year (YYYY) or latest. Figures run from 2015 to 2019.'
		);
		expect(problems('indicator=rs_month&to=2024-13')[0].message).toBe(
			'to=2024-13 is not a period of Sleeping rough in month: give a month (YYYY-MM) or a year (YYYY) or latest. Figures run from 2023-05 to 2024-01.'
		);
	});
	it('a month on an annual indicator suggests its year', () => {
		expect(problems('to=2019-11')[0].suggestion).toBe('2019');
	});
	it('a range outside the figures held says where they run', () => {
		expect(problems('from=2001&to=2003')[0].message).toBe('Autumn snapshot has no figures from 2001 to 2003; they run from 2015 to 2019.');
	});
	it('measure=rate on a percentage explains why there is no rate', () => {
		const [p] = problems('indicator=new_pct&measure=rate');
		expect(p.message).toBe(
			'measure=rate: New (% of month) is not a count of people (it is measured in per cent (a share)), so it has no rate per 100,000 residents. Use measure=count.'
		);
		expect(p.valid).toEqual(['count']);
	});
	it('measure=rates suggests rate', () => {
		expect(problems('measure=rates')[0]).toMatchObject({ valid: ['count', 'rate'], suggestion: 'rate' });
	});
	it('an unknown indicator lists the indicators with figures and suggests the nearest', () => {
		const [p] = problems('indicator=rs_mnth');
		expect(p.valid).toEqual(['snapshot_single_night', 'rs_month', 'new_pct', 'hf_people_housed']);
		expect(p.suggestion).toBe('rs_month');
	});
	it('an unknown parameter name lists the six and suggests the nearest; a repeated one asks for one', () => {
		expect(problems('veiw=line')[0]).toMatchObject({ param: 'veiw', valid: ['indicator', 'areas', 'from', 'to', 'measure', 'view'], suggestion: 'view' });
		expect(problems('view=line&view=bars')[0].message).toBe('view is given 2 times; give it once.');
	});
	it('view=map ignores areas (the map draws every authority), and says so', () => {
		// Default areas (England, region, WMCA: no authority) and an area without figures are both fine for the map.
		for (const qs of ['view=map', 'areas=E92000001&view=map', 'indicator=hf_people_housed&areas=E08000025&view=map']) {
			const r = parse(qs);
			if (!r.ok) throw new Error(`unexpected problems for ?${qs}: ${r.problems.map((p) => p.message).join(' | ')}`);
			expect(r.notes).toEqual(['The map always shows the seven WMCA authorities; the areas chosen apply to the other views.']);
		}
		expect(state('areas=E92000001&view=map').areas).toEqual(['E92000001']);
		// An unknown code is still a mistake.
		expect(problems('areas=E0800002&view=map')[0].param).toBe('areas');
	});
	it('the swap suggestion stays inside the periods held', () => {
		// from=2030 with the default to=2019: swapped would be from=2019&to=2030, and 2030 is not held.
		expect(problems('from=2030')[0].suggestion).toBe('from=2019&to=2019');
		expect(problems('from=2019&to=2010')[0].suggestion).toBe('from=2015&to=2019');
		// Monthly: a bare year stands for its last/first month, moved to the months held (2023-05 to 2024-01).
		expect(problems('indicator=rs_month&from=2030&to=2023-06')[0].suggestion).toBe('from=2023-06&to=2024-01');
	});
	it('several mistakes are all reported at once', () => {
		expect(problems('view=pie&measure=x&from=2019&to=2015').map((p) => p.param)).toEqual(['from', 'measure', 'view']);
	});
	it('an embed refuses another indicator in its query string', () => {
		expect(problems('indicator=rs_month', 'snapshot_single_night')[0].param).toBe('indicator');
	});
});

/**
 * The indicator page's view-model (src/routes/indicators/[indicator_id]/view-model.ts), on small
 * hand-made rows with expected values worked by hand.
 */
import { describe, expect, it } from 'vitest';
import {
	authoritiesTakeaway,
	denominatorNote,
	figuresTable,
	headline,
	latestPeriod,
	measured,
	ratesComparable,
	sortedBars,
	type Obs,
	type SourceInfo
} from '../../src/routes/indicators/[indicator_id]/view-model';

const obs = (o: Partial<Obs> & Pick<Obs, 'area_code' | 'period'>): Obs => ({
	area_name: o.area_code,
	value: null,
	marker: '',
	rate: null,
	population: null,
	population_year: null,
	source_id: 'off',
	population_source_id: '',
	cell: '',
	...o
});
const sources: Record<string, SourceInfo> = {
	off: { title: 'Snapshot', publisher: 'MHCLG', kind: 'official_statistics', published: '2026-02-26' },
	fake: { title: 'Register', publisher: 'This project', kind: 'illustrative', published: '' },
	pop: { title: 'Mid-year estimates', publisher: 'ONS', kind: 'official_statistics', published: '2025-09-26' }
};

describe('indicator view-model', () => {
	it('rates are compared only for counts of people, across two or more areas that all have a population', () => {
		const a = obs({ area_code: 'A', period: '2024', value: 10, rate: 2 });
		const b = obs({ area_code: 'B', period: '2024', value: 30, rate: 3 });
		expect(ratesComparable('people', [a, b])).toBe(true);
		expect(ratesComparable('percent', [a, b])).toBe(false);
		expect(ratesComparable('people', [a])).toBe(false);
		expect(ratesComparable('people', [a, { ...b, rate: null }])).toBe(false);
		// A missing count needs no population.
		expect(ratesComparable('people', [a, b, obs({ area_code: 'C', period: '2024', marker: 'x' })])).toBe(true);
	});

	it('a count with no population has no rate: [x], never 0; a confidential count stays [c]', () => {
		expect(measured(obs({ area_code: 'A', period: '2024', value: 10, rate: 2.5, marker: 'p' }), 'rate')).toEqual({ value: 2.5, marker: 'p' });
		expect(measured(obs({ area_code: 'A', period: '2024', value: 10 }), 'rate')).toEqual({ value: null, marker: 'x' });
		expect(measured(obs({ area_code: 'A', period: '2024', marker: 'c' }), 'rate')).toEqual({ value: null, marker: 'c' });
		expect(measured(obs({ area_code: 'A', period: '2024', value: 10, rate: 2.5 }), 'count')).toEqual({ value: 10, marker: '' });
	});

	it('says which population years were used, and which stood in for years not held', () => {
		const rows = [
			obs({ area_code: 'A', period: '2010', value: 5, rate: 1, population_year: 2011 }),
			obs({ area_code: 'A', period: '2015', value: 5, rate: 1, population_year: 2015 }),
			obs({ area_code: 'A', period: '2025', value: 5, rate: 1, population_year: 2024 }),
			obs({ area_code: 'A', period: '2026-03', value: 5, rate: 1, population_year: 2024 })
		];
		expect(denominatorNote(rows)).toBe(
			'Denominator: ONS mid-year population estimates (mid-2011 to mid-2024), the population of the year of each count; ' +
				'counts for 2010 use mid-2011, the earliest year held; counts for 2025 and 2026 use mid-2024, the latest year held.'
		);
		expect(denominatorNote([rows[1]])).toBe('Denominator: ONS mid-year population estimates (mid-2015), the population of the year of each count.');
		expect(denominatorNote([obs({ area_code: 'A', period: '2015', value: 5 })])).toBe('');
	});

	it('the table and its CSV carry count, rate, population and its year, marker in words and provenance', () => {
		const rows = [
			obs({ area_code: 'E1', area_name: 'Coventry', period: '2019', value: 23, rate: 6.3, population: 366_785, population_year: 2019, population_source_id: 'pop', cell: 'Table 1 Total!N82' }),
			obs({ area_code: 'E2', area_name: 'Dudley', period: '2019', marker: 'x', source_id: '' })
		];
		const { table, csv } = figuresTable(rows, { unit: 'people', rates: true, snapshot: true, caption: 'c', filename: 'f', sources });
		expect(table.rows[0]).toEqual(['Coventry', 'Autumn 2019', '23', '6.3', '366,785 (2019)', '', 'MHCLG, Snapshot. Official statistics, published 26 February 2026; cell Table 1 Total!N82']);
		expect(table.rows[1].slice(0, 6)).toEqual(['Dudley', 'Autumn 2019', '[x]', '[x]', '[x]', 'not available']);
		expect(csv.header).toEqual([
			'area_code', 'area_name', 'period', 'period_label', 'value (people)', 'marker',
			'rate_per_100k', 'population', 'population_year', 'population_source_id',
			'source_id', 'source_kind', 'source_published', 'cell'
		]);
		expect(csv.rows[0]).toEqual(['E1', 'Coventry', '2019', 'Autumn 2019', 23, '', 6.3, 366_785, 2019, 'pop', 'off', 'official_statistics', '2026-02-26', 'Table 1 Total!N82']);
		expect(csv.rows[1].at(-1)).toBe('');
		expect(csv.rows[1].slice(4, 7)).toEqual([null, 'x', null]);
	});

	it('bars: largest first, missing figures last (never sorted as 0)', () => {
		const rows = [
			obs({ area_code: 'A', area_name: 'A', period: '2025', value: 0, rate: 0 }),
			obs({ area_code: 'B', area_name: 'B', period: '2025', marker: 'x' }),
			obs({ area_code: 'C', area_name: 'C', period: '2025', value: 9, rate: 1 })
		];
		expect(sortedBars(rows, 'count').map((b) => [b.label, b.value])).toEqual([
			['C', 9],
			['A', 0],
			['B', null]
		]);
	});

	it('the latest period is the latest with a figure; the first figure shown is never illustrative', () => {
		const rows = [
			obs({ area_code: 'W', period: '2026-10', value: 40, source_id: 'fake' }),
			obs({ area_code: 'W', period: '2025-09', marker: 'x' }),
			obs({ area_code: 'E', period: '2025-06', value: 9000 }),
			obs({ area_code: 'E', period: '2025-09', value: 9292 })
		];
		expect(latestPeriod(rows)).toBe('2026-10');
		expect(headline(rows, sources, ['W', 'E'])?.value).toBe(9292);
		expect(headline(rows.slice(0, 2), sources, ['W', 'E'])).toBeNull();
	});
});

describe('authoritiesTakeaway', () => {
	const words = (p: string) => `autumn ${p}`;
	const panel = (code: string, values: [string, number | null][]) =>
		values.map(([period, value]) => obs({ area_code: code, period, value, marker: value === null ? 'x' : '' }));

	it('spans the first and last periods with a value in any panel, not the first panel\'s rows', () => {
		// The first panel runs 2015–2019 but its 2015 is [x]; another panel has 2020. By hand: 2016 to 2020.
		const panels = [
			panel('a', [['2015', null], ['2016', 3], ['2019', 4]]),
			panel('b', [['2017', 5], ['2020', 6], ['2021', null]]),
			panel('c', [['2014', null]])
		];
		expect(authoritiesTakeaway(panels, words)).toBe('2 of the seven authorities have figures, autumn 2016 to autumn 2020.');
	});

	it('says "All seven" when every authority has figures, and handles one or none', () => {
		const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((c, i) => panel(c, [[String(2018 + (i % 2)), 1]]));
		expect(authoritiesTakeaway(seven, words)).toBe('All seven authorities have figures, autumn 2018 to autumn 2019.');
		expect(authoritiesTakeaway([panel('a', [['2018', 1]]), []], words)).toBe('1 of the seven authorities has figures, for autumn 2018.');
		expect(authoritiesTakeaway([panel('a', [['2018', null]])], words)).toBe('None of the seven authorities has figures.');
	});
});

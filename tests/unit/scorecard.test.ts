import { describe, expect, it } from 'vitest';
import { cardFigure } from '../../src/lib/pages/scorecard';
import type { Indicator } from '../../src/lib/data/contract';
import type { SeriesRow } from '../../src/lib/data/queries';

const indicator = (over: Partial<Indicator> = {}): Indicator => ({
	indicator_id: 'rs_month', pillar: 'rare', name: 'People sleeping rough over the month', short_name: 'Sleeping rough',
	definition: '', unit: 'people', polarity: 'lower_is_better', frequency: 'monthly', source_id: 's', notes: '',
	area_types: '', max_value: '', wmca_total: '', ...over
});
const row = (period: string, value: number | null, over: Partial<SeriesRow> = {}): SeriesRow => ({
	indicator_id: 'rs_month', area_code: 'E47000007', period, value, marker: value === null ? 'x' : '',
	source_id: 's', note: '', source_kind: 'official_statistics', ...over
});

describe('cardFigure', () => {
	it('compares the latest value with the same month a year earlier', () => {
		const card = cardFigure(indicator(), [row('2024-03', 50), row('2024-04', 60), row('2025-02', 41), row('2025-03', 40)]);
		expect(card.period).toBe('2025-03');
		expect(card.value).toBe(40);
		expect(card.previousPeriod).toBe('2024-03');
		expect(card.previousValue).toBe(50);
		// 40 against 50: a 20% fall, and lower is better.
		expect(card.status.word).toBe('Improving');
		expect(card.status.arrow).toBe('↓');
	});

	it('skips a latest period that has no value, and never treats it as 0', () => {
		const card = cardFigure(indicator({ frequency: 'annual', indicator_id: 'snapshot_single_night' }), [
			row('2018', 169, { indicator_id: 'snapshot_single_night' }),
			row('2019', 115, { indicator_id: 'snapshot_single_night' }),
			row('2020', null, { indicator_id: 'snapshot_single_night' })
		]);
		expect(card.period).toBe('2019');
		expect(card.value).toBe(115);
		expect(card.previousValue).toBe(169);
		expect(card.points).toEqual([{ x: '2018', y: 169 }, { x: '2019', y: 115 }, { x: '2020', y: null }]);
	});

	it('says there is no comparison when the year-earlier figure is missing', () => {
		const card = cardFigure(indicator(), [row('2024-02', 30), row('2025-03', 40)]);
		expect(card.previousValue).toBeNull();
		expect(card.status.word).toBe('No comparison');
	});

	it('a rise is worsening when lower is better, improving when higher is better', () => {
		const rows = [row('2024-05', 10), row('2025-05', 20)];
		expect(cardFigure(indicator(), rows).status.word).toBe('Worsening');
		expect(cardFigure(indicator({ polarity: 'higher_is_better' }), rows).status.word).toBe('Improving');
	});

	it('flags a series from an illustrative source', () => {
		const card = cardFigure(indicator(), [row('2025-05', 20, { source_kind: 'illustrative' })]);
		expect(card.illustrative).toBe(true);
		expect(card.status.word).toBe('No comparison');
		expect(cardFigure(indicator(), [row('2025-05', 20)]).illustrative).toBe(false);
	});

	it('gives an empty card for a series with no values', () => {
		const card = cardFigure(indicator(), []);
		expect(card.value).toBeNull();
		expect(card.period).toBeNull();
		expect(card.status.word).toBe('No comparison');
	});
});

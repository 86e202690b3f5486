import { describe, expect, it } from 'vitest';
import { status } from '$lib/format/status';

describe('status: polarity', () => {
	it('lower is better: a fall is improving, arrow down', () => {
		// 52 → 40: change −12, −23.08%
		const s = status(40, 52, 'lower_is_better', { since: '2024-05' });
		expect(s.word).toBe('Improving');
		expect(s.arrow).toBe('↓');
		expect(s.change).toBe(-12);
		expect(s.changePct).toBeCloseTo(-23.0769, 3);
		expect(s.sentence).toBe('Down 12 (from 52 to 40) since May 2024');
	});
	it('lower is better: a rise is worsening, arrow up', () => {
		const s = status(60, 50, 'lower_is_better');
		expect(s.word).toBe('Worsening');
		expect(s.arrow).toBe('↑');
		expect(s.change).toBe(10);
		expect(s.changePct).toBe(20);
		expect(s.sentence).toBe('Up 10 (from 50 to 60)');
	});
	it('higher is better: a rise is improving, a fall worsening', () => {
		expect(status(60, 50, 'higher_is_better')).toMatchObject({ word: 'Improving', arrow: '↑' });
		expect(status(40, 50, 'higher_is_better')).toMatchObject({ word: 'Worsening', arrow: '↓' });
	});
	it('neutral: the arrow shows the direction but no judgement is made', () => {
		const s = status(130, 100, 'neutral', { since: '2023' , snapshot: true });
		expect(s.word).toBe('No comparison');
		expect(s.arrow).toBe('↑');
		expect(s.sentence).toBe('Up 30 (from 100 to 130) since Autumn 2023');
		expect(status(101, 100, 'neutral').word).toBe('Little change');
	});
});

describe('status: little change', () => {
	it('is little change below the 5% threshold, whatever the polarity', () => {
		// 100 → 104: +4% < 5%
		const s = status(104, 100, 'lower_is_better');
		expect(s.word).toBe('Little change');
		expect(s.arrow).toBe('→');
		expect(s.change).toBe(4);
		expect(s.changePct).toBe(4);
		expect(s.sentence).toBe('Up 4 (from 100 to 104)');
		expect(status(96, 100, 'higher_is_better').word).toBe('Little change');
	});
	it('is not little change at exactly the threshold', () => {
		// 100 → 95: −5%, not below 5%
		expect(status(95, 100, 'lower_is_better').word).toBe('Improving');
	});
	it('takes a threshold as a fraction', () => {
		expect(status(108, 100, 'lower_is_better', { threshold: 0.1 }).word).toBe('Little change');
		expect(status(108, 100, 'lower_is_better', { threshold: 0 }).word).toBe('Worsening');
		expect(() => status(1, 2, 'neutral', { threshold: 5 })).toThrow(RangeError);
	});
	it('says unchanged for no change', () => {
		const s = status(52, 52, 'lower_is_better', { since: '2024-Q1' });
		expect(s).toMatchObject({ word: 'Little change', arrow: '→', change: 0, changePct: 0 });
		expect(s.sentence).toBe('Unchanged at 52 since Jan to Mar 2024');
	});
	it('handles a previous value of zero', () => {
		expect(status(0, 0, 'lower_is_better')).toMatchObject({ word: 'Little change', changePct: null, change: 0 });
		expect(status(3, 0, 'lower_is_better')).toMatchObject({ word: 'Worsening', arrow: '↑', changePct: null, change: 3 });
	});
});

describe('status: units', () => {
	it('describes percentages in percentage points', () => {
		const s = status(12.1, 10, 'lower_is_better', { unit: 'percent', since: '2024-03' });
		expect(s.change).toBe(2.1);
		expect(s.changePct).toBe(21);
		expect(s.sentence).toBe('Up 2.1 percentage points (from 10.0% to 12.1%) since March 2024');
	});
	it('uses thousands separators', () => {
		expect(status(1245, 1500, 'lower_is_better').sentence).toBe('Down 255 (from 1,500 to 1,245)');
	});
	it('describes money and nights', () => {
		expect(status(9.6, 8, 'neutral', { unit: 'gbp_million' }).sentence).toBe(
			'Up £1.6 million (from £8.0 million to £9.6 million)'
		);
		expect(status(30, 40, 'lower_is_better', { unit: 'nights' }).sentence).toBe('Down 10 nights (from 40 to 30)');
	});
});

describe('status: missing values', () => {
	it('gives no comparison when the previous value is missing', () => {
		const s = status(40, null, 'lower_is_better', { since: '2024-05' });
		expect(s).toEqual({
			word: 'No comparison',
			arrow: '',
			change: null,
			changePct: null,
			sentence: 'No figure for May 2024 to compare with'
		});
	});
	it('gives no comparison when the current value is missing', () => {
		const s = status(null, 52, 'higher_is_better');
		expect(s.word).toBe('No comparison');
		expect(s.arrow).toBe('');
		expect(s.sentence).toBe('The latest figure is not available');
	});
	it('treats undefined and NaN as missing, and both missing too', () => {
		expect(status(undefined, 5, 'lower_is_better').word).toBe('No comparison');
		expect(status(Number.NaN, 5, 'lower_is_better').word).toBe('No comparison');
		expect(status(null, null, 'neutral').word).toBe('No comparison');
	});
});

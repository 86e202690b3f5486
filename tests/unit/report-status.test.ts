/**
 * The report's status rule and on-track rule, on cases worked by hand (each comment gives the sum).
 */
import { describe, expect, it } from 'vitest';
import { isLittleChange, onTrack, periodIndex, yearOnYear, type TargetInput } from '$lib/report/status';

describe('yearOnYear: polarity', () => {
	it('lower is better: a fall is Improving, a rise Worsening', () => {
		// 52 → 40: −12, −12/52 = −23.08%
		const fall = yearOnYear(40, 52, 'lower_is_better', 'people');
		expect(fall).toMatchObject({ word: 'Improving', icon: 'improving', change: -12 });
		expect(fall.changePct).toBeCloseTo(-23.077, 3);
		// 50 → 60: +10, +20%
		expect(yearOnYear(60, 50, 'lower_is_better', 'people')).toEqual({ word: 'Worsening', icon: 'worsening', change: 10, changePct: 20 });
	});

	it('higher is better: a rise is Improving, a fall Worsening', () => {
		expect(yearOnYear(60, 50, 'higher_is_better', 'people')).toMatchObject({ word: 'Improving', change: 10 });
		expect(yearOnYear(40, 50, 'higher_is_better', 'people')).toMatchObject({ word: 'Worsening', change: -10 });
		// Percentages: 30.0% → 25.5%, −4.5 points (above the 1-point floor), −15% of 30
		const pct = yearOnYear(25.5, 30, 'higher_is_better', 'percent');
		expect(pct).toMatchObject({ word: 'Worsening', change: -4.5, changePct: -15 });
	});

	it('neutral: the direction in words, with no judgement', () => {
		expect(yearOnYear(20, 10, 'neutral', 'people')).toMatchObject({ word: 'Increasing', icon: 'up' });
		expect(yearOnYear(10, 20, 'neutral', 'people')).toMatchObject({ word: 'Decreasing', icon: 'down' });
	});
});

describe('yearOnYear: little change', () => {
	it('less than 5% of the year-earlier figure is Little change, whichever way', () => {
		// 200 → 191: −9, 4.5% of 200 (under 5%)
		expect(yearOnYear(191, 200, 'lower_is_better', 'people')).toMatchObject({ word: 'Little change', icon: 'little', change: -9, changePct: -4.5 });
		// 200 → 190: −10, exactly 5%: a change
		expect(yearOnYear(190, 200, 'lower_is_better', 'people').word).toBe('Improving');
	});

	it('small counts: a change of 1 or 2 people is Little change even when it is a large share', () => {
		// 3 → 1: −2 people (−66.7%), under the 3-person floor
		expect(yearOnYear(1, 3, 'lower_is_better', 'people').word).toBe('Little change');
		// 4 → 1: −3 people: a change
		expect(yearOnYear(1, 4, 'lower_is_better', 'people').word).toBe('Improving');
		// From 0: 0 → 2 is little (2 < 3); 0 → 5 is Worsening, with no percentage (no share of 0)
		expect(yearOnYear(2, 0, 'lower_is_better', 'people').word).toBe('Little change');
		expect(yearOnYear(5, 0, 'lower_is_better', 'people')).toEqual({ word: 'Worsening', icon: 'worsening', change: 5, changePct: null });
	});

	it('percentages: under 1 percentage point is Little change; rates have only the share rule', () => {
		// 10.0% → 10.8%: +0.8 points (8% of 10, but under a point)
		expect(isLittleChange(0.8, 10, 'percent')).toBe(true);
		expect(yearOnYear(10.8, 10, 'lower_is_better', 'percent').word).toBe('Little change');
		// A rate of 2.0 → 2.8 per 100,000: +0.8, 40%: a change (no count floor for rates)
		expect(yearOnYear(2.8, 2, 'lower_is_better', 'rate_per_100k').word).toBe('Worsening');
	});

	it('no change at all is Little change', () => {
		expect(yearOnYear(0, 0, 'lower_is_better', 'people')).toEqual({ word: 'Little change', icon: 'little', change: 0, changePct: null });
	});
});

describe('yearOnYear: not enough data', () => {
	it('a missing month (never taken as 0) gives Not enough data', () => {
		for (const [a, b] of [[null, 10], [10, null], [undefined, 10], [Number.NaN, 10]] as const)
			expect(yearOnYear(a, b, 'lower_is_better', 'people')).toEqual({ word: 'Not enough data', icon: 'none', change: null, changePct: null });
	});
});

describe('onTrack: the straight line from baseline to target', () => {
	const base: TargetInput = {
		baselinePeriod: '2023-05',
		baselineValue: 120,
		targetPeriod: '2027-05',
		targetValue: 0,
		latestPeriod: '2025-05',
		latestValue: 60,
		polarity: 'lower_is_better'
	};

	it('counts periods in months, quarters and years', () => {
		// 2027-05 − 2023-05 = 48 months; 2024-Q1 − 2023-Q3 = 2 quarters
		expect(periodIndex('2027-05') - periodIndex('2023-05')).toBe(48);
		expect(periodIndex('2024-Q1') - periodIndex('2023-Q3')).toBe(2);
		expect(periodIndex('2026') - periodIndex('2020')).toBe(6);
	});

	it('a target of 0: halfway through the time, the line stands at half the baseline', () => {
		// 24 of 48 months: 120 + (0 − 120) × 0.5 = 60. Latest 60: on the line, on track.
		expect(onTrack(base)).toEqual({ word: 'On track', icon: 'improving', expected: 60 });
		// Latest 61: above the line, not on track
		expect(onTrack({ ...base, latestValue: 61 })).toEqual({ word: 'Not on track', icon: 'worsening', expected: 60 });
		// 2026-10 is 41 of 48 months: 120 × (1 − 41/48) = 17.5
		expect(onTrack({ ...base, latestPeriod: '2026-10', latestValue: 17 })).toMatchObject({ word: 'On track', expected: 17.5 });
		expect(onTrack({ ...base, latestPeriod: '2026-10', latestValue: 18 })).toMatchObject({ word: 'Not on track', expected: 17.5 });
	});

	it('a baseline of 0 and a target of 0: only staying at 0 is on track', () => {
		expect(onTrack({ ...base, baselineValue: 0, latestValue: 0 })).toMatchObject({ word: 'On track', expected: 0 });
		expect(onTrack({ ...base, baselineValue: 0, latestValue: 1 })).toMatchObject({ word: 'Not on track', expected: 0 });
	});

	it('a target above the baseline (higher is better)', () => {
		// 40 → 100 over 48 months; at 12 months the line is 40 + 60 × 0.25 = 55
		const up = { ...base, baselineValue: 40, targetValue: 100, latestPeriod: '2024-05', polarity: 'higher_is_better' as const };
		expect(onTrack({ ...up, latestValue: 55 })).toMatchObject({ word: 'On track', expected: 55 });
		expect(onTrack({ ...up, latestValue: 54 })).toMatchObject({ word: 'Not on track', expected: 55 });
	});

	it('at or after the target period: met or not met, against the target itself', () => {
		expect(onTrack({ ...base, latestPeriod: '2027-05', latestValue: 0 })).toEqual({ word: 'Target met', icon: 'improving', expected: 0 });
		expect(onTrack({ ...base, latestPeriod: '2027-08', latestValue: 3 })).toEqual({ word: 'Target not met', icon: 'worsening', expected: 0 });
	});

	it('no baseline or no latest value: Not enough data', () => {
		expect(onTrack({ ...base, baselineValue: null })).toEqual({ word: 'Not enough data', icon: 'none', expected: null });
		expect(onTrack({ ...base, latestValue: null, latestPeriod: null })).toEqual({ word: 'Not enough data', icon: 'none', expected: null });
	});
});

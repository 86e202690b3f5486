import { describe, expect, it } from 'vitest';
import {
	comparePeriods,
	formatPeriod,
	parsePeriod,
	periodToDate,
	samePeriodYearEarlier,
	tryParsePeriod
} from '$lib/format/periods';

describe('parsePeriod', () => {
	it('parses the four forms', () => {
		expect(parsePeriod('2019')).toEqual({ kind: 'year', year: 2019 });
		expect(parsePeriod('2024-Q2')).toEqual({ kind: 'quarter', year: 2024, quarter: 2 });
		expect(parsePeriod('2023-05')).toEqual({ kind: 'month', year: 2023, month: 5 });
		expect(parsePeriod('2024-02-29')).toEqual({ kind: 'date', year: 2024, month: 2, day: 29 });
	});
	it('rejects anything else', () => {
		expect(tryParsePeriod('2023-13')).toBeUndefined();
		expect(tryParsePeriod('2024-Q5')).toBeUndefined();
		expect(tryParsePeriod('2023-02-29')).toBeUndefined();
		expect(tryParsePeriod('May 2023')).toBeUndefined();
		expect(() => parsePeriod('')).toThrow(RangeError);
	});
});

describe('formatPeriod', () => {
	it('writes months in full', () => {
		expect(formatPeriod('2023-05')).toBe('May 2023');
		expect(formatPeriod('2023-01')).toBe('January 2023');
		expect(formatPeriod('2023-09', { short: true })).toBe('Sep 2023');
	});
	it('writes quarters as month ranges', () => {
		expect(formatPeriod('2024-Q2')).toBe('Apr to Jun 2024');
		expect(formatPeriod('2024-Q1')).toBe('Jan to Mar 2024');
		expect(formatPeriod('2024-Q3')).toBe('Jul to Sep 2024');
		expect(formatPeriod('2024-Q4')).toBe('Oct to Dec 2024');
		expect(formatPeriod('2024-Q2', { short: true })).toBe('Q2 2024');
	});
	it('writes years, or autumns for the snapshot', () => {
		expect(formatPeriod('2019')).toBe('2019');
		expect(formatPeriod('2019', { snapshot: true })).toBe('Autumn 2019');
		expect(formatPeriod('2023-05', { snapshot: true })).toBe('May 2023');
	});
	it('writes dates', () => {
		expect(formatPeriod('2024-05-04')).toBe('4 May 2024');
	});
});

describe('periodToDate', () => {
	it('gives the first day of the period in UTC', () => {
		expect(periodToDate('2023-05').toISOString()).toBe('2023-05-01T00:00:00.000Z');
		expect(periodToDate('2024-Q2').toISOString()).toBe('2024-04-01T00:00:00.000Z');
		expect(periodToDate('2019').toISOString()).toBe('2019-01-01T00:00:00.000Z');
		expect(periodToDate('2024-05-14').toISOString()).toBe('2024-05-14T00:00:00.000Z');
	});
	it('can give the middle or end', () => {
		expect(periodToDate('2023-04', { align: 'end' }).toISOString()).toBe('2023-05-01T00:00:00.000Z');
		// April has 30 days: the middle is 15 days in.
		expect(periodToDate('2023-04', { align: 'middle' }).toISOString()).toBe('2023-04-16T00:00:00.000Z');
	});
	it('passes dates through', () => {
		const d = new Date(Date.UTC(2020, 0, 1));
		expect(periodToDate(d)).toBe(d);
	});
});

describe('samePeriodYearEarlier and comparePeriods', () => {
	it('goes back a year', () => {
		expect(samePeriodYearEarlier('2025-03')).toBe('2024-03');
		expect(samePeriodYearEarlier('2024-Q1')).toBe('2023-Q1');
		expect(samePeriodYearEarlier('2019')).toBe('2018');
		expect(samePeriodYearEarlier('2024-02-29')).toBe('2023-02-28');
	});
	it('sorts periods', () => {
		expect(['2024-03', '2023-12', '2024-01'].sort(comparePeriods)).toEqual(['2023-12', '2024-01', '2024-03']);
	});
});

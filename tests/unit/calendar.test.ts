/**
 * The real-calendar rule (src/lib/data/calendar.ts) shared by the data validator, the contacts
 * checker and period parsing. Every expectation is worked by hand from the Gregorian rule: a leap
 * year is divisible by 4, except centuries, which must be divisible by 400.
 */
import { describe, expect, it } from 'vitest';
import { daysInMonth, isLeapYear, isRealDate, isRealMonth } from '../../src/lib/data/calendar';

describe('isLeapYear', () => {
	it('every fourth year, but only every fourth century', () => {
		expect(isLeapYear(2024)).toBe(true); // 2024 / 4 = 506, not a century
		expect(isLeapYear(2023)).toBe(false); // 2023 / 4 = 505.75
		expect(isLeapYear(1900)).toBe(false); // a century; 1900 / 400 = 4.75
		expect(isLeapYear(2000)).toBe(true); // a century; 2000 / 400 = 5
	});
});

describe('daysInMonth', () => {
	it('gives thirty days hath September, April, June and November; February 28 or 29', () => {
		expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
			31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
		]);
		expect(daysInMonth(2024, 2)).toBe(29);
		expect(daysInMonth(2000, 2)).toBe(29);
		expect(daysInMonth(1900, 2)).toBe(28);
	});
	it('refuses a month that is not 1 to 12', () => {
		expect(() => daysInMonth(2024, 0)).toThrow(RangeError);
		expect(() => daysInMonth(2024, 13)).toThrow(RangeError);
	});
});

describe('isRealDate', () => {
	it('knows 29 February only in leap years', () => {
		expect(isRealDate('2024-02-29')).toBe(true);
		expect(isRealDate('2023-02-29')).toBe(false);
		expect(isRealDate('1900-02-29')).toBe(false);
		expect(isRealDate('2000-02-29')).toBe(true);
	});
	it('knows the length of each month, and that days and months start at 1', () => {
		expect(isRealDate('2024-04-30')).toBe(true);
		expect(isRealDate('2024-04-31')).toBe(false);
		expect(isRealDate('2024-01-31')).toBe(true);
		expect(isRealDate('2024-01-00')).toBe(false);
		expect(isRealDate('2024-13-01')).toBe(false);
	});
	it('accepts a valid date and rejects impossible ones', () => {
		expect(['2024-02-29', '2000-02-29', '2023-12-31'].every(isRealDate)).toBe(true);
		expect(['2023-02-29', '1900-02-29', '2024-04-31', '2024-00-10', '2024-1-01'].some(isRealDate)).toBe(false);
	});
	it('takes only the YYYY-MM-DD form', () => {
		expect(isRealDate('2024-02')).toBe(false);
		expect(isRealDate(' 2024-02-01')).toBe(false);
		expect(isRealDate('2024/02/01')).toBe(false);
	});
});

describe('isRealMonth', () => {
	it('takes months 01 to 12 in the YYYY-MM form', () => {
		expect(isRealMonth('2024-01')).toBe(true);
		expect(isRealMonth('2024-12')).toBe(true);
		expect(isRealMonth('2024-13')).toBe(false);
		expect(isRealMonth('2024-00')).toBe(false);
		expect(isRealMonth('2024-1')).toBe(false);
		expect(isRealMonth('2024-01-01')).toBe(false);
	});
});

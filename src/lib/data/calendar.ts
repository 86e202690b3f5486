/**
 * The real-calendar rule, in one place: which YYYY-MM months and YYYY-MM-DD days exist in the
 * (proleptic) Gregorian calendar. Pure arithmetic, no Date, so the answer is the same in Node and
 * every browser and for any four-digit year. Used by the data validator (validate.ts), the
 * contacts checker (indicators/records.ts) and period parsing (format/periods.ts).
 */

const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Every fourth year, except centuries not divisible by 400 (2000 is a leap year, 1900 is not). */
export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1 to 12) of `year`; a RangeError for any other month. */
export function daysInMonth(year: number, month: number): number {
	if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Not a month from 1 to 12: ${month}`);
	return month === 2 && isLeapYear(year) ? 29 : DAYS[month - 1];
}

/** A YYYY-MM string whose month is 01 to 12. */
export function isRealMonth(value: string): boolean {
	const m = MONTH_RE.exec(value);
	if (!m) return false;
	const month = Number(m[2]);
	return month >= 1 && month <= 12;
}

/** A YYYY-MM-DD string that names a real calendar day. */
export function isRealDate(value: string): boolean {
	const m = DATE_RE.exec(value);
	if (!m) return false;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Periods as the data holds them: "YYYY" (annual; for the snapshot, the autumn of that year),
 * "YYYY-Qn" (quarterly), "YYYY-MM" (monthly) and "YYYY-MM-DD" (a date, e.g. an annotation).
 * Dates are built in UTC so the server and every browser agree.
 */
import { daysInMonth, isRealDate, isRealMonth } from '../data/calendar';

export type PeriodKind = 'year' | 'quarter' | 'month' | 'date';

export interface ParsedPeriod {
	kind: PeriodKind;
	year: number;
	/** 1 to 4, for quarters. */
	quarter?: number;
	/** 1 to 12, for months and dates. */
	month?: number;
	/** 1 to 31, for dates. */
	day?: number;
}

export const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
] as const;
export const MONTHS_SHORT = [
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sep',
	'Oct',
	'Nov',
	'Dec'
] as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Parse a period string; undefined when it is not one of the four forms. */
export function tryParsePeriod(period: string): ParsedPeriod | undefined {
	const p = period.trim();
	let m: RegExpExecArray | null;
	if ((m = /^(\d{4})$/.exec(p))) return { kind: 'year', year: +m[1] };
	if ((m = /^(\d{4})-Q([1-4])$/i.exec(p))) return { kind: 'quarter', year: +m[1], quarter: +m[2] };
	if ((m = /^(\d{4})-(\d{2})$/.exec(p)))
		return isRealMonth(p) ? { kind: 'month', year: +m[1], month: +m[2] } : undefined;
	if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p)))
		return isRealDate(p) ? { kind: 'date', year: +m[1], month: +m[2], day: +m[3] } : undefined;
	return undefined;
}

/** Parse a period string; throws a RangeError naming the period when it is not valid. */
export function parsePeriod(period: string): ParsedPeriod {
	const parsed = tryParsePeriod(period);
	if (!parsed) throw new RangeError(`Not a period (YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD): "${period}"`);
	return parsed;
}

export interface FormatPeriodOptions {
	/** Annual periods are autumn snapshots: "Autumn 2019". */
	snapshot?: boolean;
	/** Shorter forms for tight spaces: "May 2023" → "May 2023", "January" → "Jan", "Q2 2024". */
	short?: boolean;
}

/**
 * Words for a period:
 *   "2023-05" → "May 2023"; "2023-01" → "January 2023" ("Jan 2023" with short)
 *   "2024-Q2" → "Apr to Jun 2024" ("Q2 2024" with short)
 *   "2019" → "2019" ("Autumn 2019" with snapshot)
 *   "2024-05-14" → "14 May 2024"
 */
export function formatPeriod(period: string, options: FormatPeriodOptions = {}): string {
	const p = parsePeriod(period);
	switch (p.kind) {
		case 'year':
			return options.snapshot ? `Autumn ${p.year}` : String(p.year);
		case 'quarter': {
			const q = p.quarter!;
			if (options.short) return `Q${q} ${p.year}`;
			return `${MONTHS_SHORT[(q - 1) * 3]} to ${MONTHS_SHORT[(q - 1) * 3 + 2]} ${p.year}`;
		}
		case 'month':
			return `${(options.short ? MONTHS_SHORT : MONTHS)[p.month! - 1]} ${p.year}`;
		case 'date':
			return `${p.day} ${(options.short ? MONTHS_SHORT : MONTHS)[p.month! - 1]} ${p.year}`;
	}
}

function periodBounds(p: ParsedPeriod): [Date, Date] {
	switch (p.kind) {
		case 'year':
			return [new Date(Date.UTC(p.year, 0, 1)), new Date(Date.UTC(p.year + 1, 0, 1))];
		case 'quarter': {
			const m = (p.quarter! - 1) * 3;
			return [new Date(Date.UTC(p.year, m, 1)), new Date(Date.UTC(p.year, m + 3, 1))];
		}
		case 'month':
			return [new Date(Date.UTC(p.year, p.month! - 1, 1)), new Date(Date.UTC(p.year, p.month!, 1))];
		case 'date':
			return [
				new Date(Date.UTC(p.year, p.month! - 1, p.day!)),
				new Date(Date.UTC(p.year, p.month! - 1, p.day! + 1))
			];
	}
}

export interface PeriodToDateOptions {
	/** Where in the period the date falls: its first day (default), middle, or end (exclusive). */
	align?: 'start' | 'middle' | 'end';
}

/**
 * A UTC Date for a period, for time scales. "2023-05" → 2023-05-01, "2024-Q2" → 2024-04-01,
 * "2019" → 2019-01-01. A Date passes through unchanged.
 */
export function periodToDate(period: string | Date, options: PeriodToDateOptions = {}): Date {
	if (period instanceof Date) return period;
	const [start, end] = periodBounds(parsePeriod(period));
	if (options.align === 'end') return end;
	if (options.align === 'middle') return new Date((start.getTime() + end.getTime()) / 2);
	return start;
}

/**
 * The same period a year before, for year-on-year comparisons:
 *   "2025-03" → "2024-03", "2024-Q1" → "2023-Q1", "2019" → "2018", "2024-02-29" → "2023-02-28".
 */
export function samePeriodYearEarlier(period: string): string {
	const p = parsePeriod(period);
	const y = pad(p.year - 1, 4);
	switch (p.kind) {
		case 'year':
			return y;
		case 'quarter':
			return `${y}-Q${p.quarter}`;
		case 'month':
			return `${y}-${pad(p.month!)}`;
		case 'date':
			return `${y}-${pad(p.month!)}-${pad(Math.min(p.day!, daysInMonth(p.year - 1, p.month!)))}`;
	}
}

/** Sort order for periods of the same kind (and dates against months): negative when a is first. */
export function comparePeriods(a: string, b: string): number {
	return periodToDate(a).getTime() - periodToDate(b).getTime();
}

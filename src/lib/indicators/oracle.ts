/**
 * A second implementation of the framework definitions, in plain TypeScript, written straight
 * from the wording of definitions.ts with no shared logic with the SQL (its own date arithmetic,
 * its own rounding). The tests run both on generated registers and require every cell to agree;
 * the benchmark times it against the SQL.
 */
import { WMCA, WMCA_AUTHORITIES } from '../data/contract';
import type { ContactRecord } from './records';
import type { WideRow } from './sql';

const INSTITUTION_TYPES = ['prison', 'other_justice', 'hospital', 'armed_forces', 'asylum_support', 'care_leaver'] as const;

interface Ymd {
	y: number;
	m: number; // 1-12
	d: number;
}
const parse = (s: string): Ymd => ({ y: +s.slice(0, 4), m: +s.slice(5, 7), d: +s.slice(8, 10) });
const daysInMonth = (y: number, m: number) => [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
/** Days since 1970-01-01 (proleptic Gregorian), by counting, not through Date. */
function serial({ y, m, d }: Ymd): number {
	// Days before year y since 0000-03-01 style algorithm (Howard Hinnant's days_from_civil).
	const yy = m <= 2 ? y - 1 : y;
	const era = Math.floor(yy / 400);
	const yoe = yy - era * 400;
	const mp = (m + 9) % 12;
	const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}
/** The same day of the month k months earlier, clamped to the end of a shorter month. */
function monthsBefore(date: Ymd, k: number): Ymd {
	const total = date.y * 12 + (date.m - 1) - k;
	const y = Math.floor(total / 12);
	const m = (total % 12) + 1;
	return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}
const monthKey = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

interface Sighting {
	date: Ymd;
	day: number;
	month: string;
	institution: string;
	leftDay: number | null;
}

export interface OracleOptions {
	/** First and last month (YYYY-MM), inclusive; default: the first and last month of the data. */
	from?: string;
	to?: string;
}

/** Every indicator for every area (seven authorities, then WMCA) and month, as WideRow rows. */
export function oracleIndicators(records: readonly ContactRecord[], options: OracleOptions = {}): WideRow[] {
	const areas = [...WMCA_AUTHORITIES.map((a) => a.code as string), WMCA];
	// Per area, per person: sightings and settled-accommodation days; per area, per month: the
	// people accommodated.
	const sightings = new Map<string, Map<string, Sighting[]>>();
	const settled = new Map<string, Map<string, number[]>>();
	const accommodated = new Map<string, Map<string, Set<string>>>();
	for (const a of areas) {
		sightings.set(a, new Map());
		settled.set(a, new Map());
		accommodated.set(a, new Map());
	}
	let firstMonth = '9999-99';
	let lastMonth = '0000-00';
	for (const r of records) {
		const date = parse(r.event_date);
		const month = r.event_date.slice(0, 7);
		if (month < firstMonth) firstMonth = month;
		if (month > lastMonth) lastMonth = month;
		for (const area of [r.area_code, WMCA]) {
			if (r.event === 'seen_rough_sleeping') {
				const byPerson = sightings.get(area)!;
				if (!byPerson.has(r.person_id)) byPerson.set(r.person_id, []);
				byPerson.get(r.person_id)!.push({
					date,
					day: serial(date),
					month,
					institution: r.institution,
					leftDay: r.institution_left_date ? serial(parse(r.institution_left_date)) : null
				});
			} else {
				const byMonth = accommodated.get(area)!;
				if (!byMonth.has(month)) byMonth.set(month, new Set());
				byMonth.get(month)!.add(r.person_id);
				if (r.accommodation === 'settled') {
					const byPerson = settled.get(area)!;
					if (!byPerson.has(r.person_id)) byPerson.set(r.person_id, []);
					byPerson.get(r.person_id)!.push(serial(date));
				}
			}
		}
	}
	const from = options.from ?? firstMonth;
	const to = options.to ?? lastMonth;
	const months: string[] = [];
	for (let y = +from.slice(0, 4), m = +from.slice(5, 7); monthKey(y, m) <= to; m === 12 ? ((m = 1), y++) : m++) {
		months.push(monthKey(y, m));
	}
	if (records.length === 0 && !options.from) return [];

	type Counts = Record<string, number>;
	const zero = (): Counts => ({
		rs_month: 0,
		new: 0,
		left_institution: 0,
		...Object.fromEntries(INSTITUTION_TYPES.map((t) => [`left_institution_${t}`, 0])),
		long_term: 0,
		returners: 0,
		returners_from_settled: 0,
		accommodated: 0,
		nights_1: 0,
		nights_2: 0,
		nights_3_5: 0,
		nights_6_10: 0,
		nights_11_plus: 0
	});
	const table = new Map<string, Counts>();
	for (const a of areas) for (const m of months) table.set(`${a}|${m}`, zero());
	const inRange = new Set(months);

	for (const area of areas) {
		for (const [person, list] of sightings.get(area)!) {
			const settledDays = settled.get(area)!.get(person) ?? [];
			const byMonth = new Map<string, Sighting[]>();
			for (const s of list) {
				if (!byMonth.has(s.month)) byMonth.set(s.month, []);
				byMonth.get(s.month)!.push(s);
			}
			const sightedMonths = new Set(byMonth.keys());
			for (const [month, inMonth] of byMonth) {
				if (!inRange.has(month)) continue;
				const c = table.get(`${area}|${month}`)!;
				const first = inMonth.reduce((a, b) => (b.day < a.day ? b : a));
				const d = first.day;
				const d60 = serial(monthsBefore(first.date, 60));
				const d12 = serial(monthsBefore(first.date, 12));
				c.rs_month++;
				// P1 new: no sighting in [d - 60 months, d).
				if (!list.some((s) => s.day >= d60 && s.day < d)) c.new++;
				// P2 left an institution: a sighting in M as a care leaver, or 0-85 days after leaving.
				const qualifies = (s: Sighting) =>
					s.institution === 'care_leaver' ||
					(s.institution !== '' && s.leftDay !== null && s.day - s.leftDay >= 0 && s.day - s.leftDay <= 85);
				if (inMonth.some(qualifies)) c.left_institution++;
				for (const t of INSTITUTION_TYPES) {
					if (inMonth.some((s) => s.institution === t && qualifies(s))) c[`left_institution_${t}`]++;
				}
				// B1 long-term: sightings in at least 3 distinct months among M and the 11 before.
				const [my, mm] = [+month.slice(0, 4), +month.slice(5, 7)];
				let distinct = 0;
				for (let k = 0; k < 12; k++) {
					const b = monthsBefore({ y: my, m: mm, d: 1 }, k);
					if (sightedMonths.has(monthKey(b.y, b.m))) distinct++;
				}
				if (distinct >= 3) c.long_term++;
				// NR1 returners: none in [d - 180 days, d), at least one in [d - 60 months, d - 180 days).
				const returner =
					!list.some((s) => s.day >= d - 180 && s.day < d) && list.some((s) => s.day >= d60 && s.day < d - 180);
				if (returner) {
					c.returners++;
					if (settledDays.some((x) => x >= d12 && x < d)) c.returners_from_settled++;
				}
				// Nights: distinct sighting dates in [last day of M - 179, last day of M].
				const end = serial({ y: my, m: mm, d: daysInMonth(my, mm) });
				const nights = new Set(list.filter((s) => s.day >= end - 179 && s.day <= end).map((s) => s.day)).size;
				if (nights === 1) c.nights_1++;
				else if (nights === 2) c.nights_2++;
				else if (nights <= 5) c.nights_3_5++;
				else if (nights <= 10) c.nights_6_10++;
				else c.nights_11_plus++;
			}
		}
		for (const [month, people] of accommodated.get(area)!) {
			if (inRange.has(month)) table.get(`${area}|${month}`)!.accommodated = people.size;
		}
	}

	/** Tenths of a per cent, rounded half up, by integer arithmetic; null when den is 0. */
	const tenths = (num: number, den: number) => (den === 0 ? null : Math.floor((2000 * num + den) / (2 * den)));
	const rows: WideRow[] = [];
	for (const area of areas) {
		for (const period of months) {
			const c = table.get(`${area}|${period}`)!;
			rows.push({
				area_code: area,
				period,
				...c,
				new_pct_tenths: tenths(c.new, c.rs_month),
				left_institution_pct_tenths: tenths(c.left_institution, c.rs_month),
				long_term_pct_tenths: tenths(c.long_term, c.rs_month),
				returners_pct_tenths: tenths(c.returners, c.rs_month),
				accommodated_pct_tenths: tenths(c.accommodated, c.rs_month),
				returners_from_settled_pct_tenths: tenths(c.returners_from_settled, c.returners)
			} as WideRow);
		}
	}
	return rows;
}

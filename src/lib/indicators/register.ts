/**
 * A seeded generator of SYNTHETIC person-level contact records (the contacts contract of
 * records.ts) for the seven WMCA authorities. Nothing here is real data: the people, dates and
 * places are drawn from a simple model, so the dashboard can show how the framework indicators
 * behave. Every person_id starts with SYN so a generated register is never mistaken for a real
 * one.
 *
 * The model, per person:
 * - an arrival date, more likely in later years (rough sleeping rose from 2021), less likely
 *   during the 2020-21 Everyone In period, and a little more likely in summer;
 * - a home authority, in proportion to the published autumn snapshot counts (mean of 2018-2025);
 * - a pattern: a one-off contact, a short spell of a few weeks to months, a long spell of
 *   many months with frequent sightings, or (a few) accommodated without being seen;
 * - spells of sightings at random intervals, mostly in the home authority, now and then in
 *   another; a later spell after a short gap (still the same episode) or a long one (a return),
 *   sometimes in another authority;
 * - for about one spell in five, an institution the person reports having left (prison,
 *   hospital, asylum support ...) and when, up to five months before the spell, recorded on each
 *   sighting of the spell;
 * - at the end of a spell, often a move into accommodation in the same month (settled or other;
 *   more "other" in winter, when severe weather provision opens); after a settled move a return
 *   (a tenancy that failed) tends to come sooner, so some returners come from settled homes;
 * - a spell still going at the end of the register ends with no move.
 *
 * The rates are tuned so that the WMCA figures land near the published England shares (about 30%
 * new, 10% left an institution, 13% returners, a third or more long-term) and the people seen
 * over a month run at about 1.5 to 2 times the autumn single-night snapshot.
 *
 * Deterministic for a seed: its own PRNG (mulberry32), no Math.random, no clock.
 */
import { WMCA_AUTHORITIES } from '../data/contract';
import { toCsv } from '../data/csv';
import { CONTACT_COLUMNS, INSTITUTIONS, type ContactRecord, type Institution } from './records';

/** Relative size of each authority: mean published autumn snapshot count 2018-2025 (years published). */
export const AUTHORITY_WEIGHTS: Record<string, number> = {
	E08000025: 49.1, // Birmingham
	E08000026: 18.8, // Coventry
	E08000027: 5.1, // Dudley
	E08000028: 7.6, // Sandwell
	E08000029: 7.5, // Solihull
	E08000030: 8.0, // Walsall
	E08000031: 10.3 // Wolverhampton
};

export interface RegisterOptions {
	/** Number of people (each with one or more events). */
	people: number;
	seed: number;
	/** First and last month of the register, YYYY-MM. */
	from: string;
	to: string;
	/** Stop once this many events are generated (the last person's events cut short). */
	maxEvents?: number;
	/**
	 * The authorities people live and are seen in, with their relative sizes. Default: the seven
	 * WMCA authorities weighted by AUTHORITY_WEIGHTS. (The scale benchmark passes England-sized
	 * lists of made-up codes; the records checker accepts only the WMCA's.)
	 */
	authorities?: readonly { code: string; weight: number }[];
}

/**
 * `n` made-up authorities for benchmarks at England's scale (296 districts): codes X00000001
 * and on (X is no GSS entity letter, so none can be taken for a real area), sized unevenly as
 * real districts are (weight 1 / rank^0.7).
 */
export function syntheticAuthorities(n: number): { code: string; weight: number }[] {
	return Array.from({ length: n }, (_, i) => ({ code: `X${String(i + 1).padStart(8, '0')}`, weight: 1 / Math.pow(i + 1, 0.7) }));
}

/** mulberry32: a small, fast, seedable 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const DAY_MS = 86_400_000;
const toDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
const isoDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const monthOf = (day: number) => new Date(day * DAY_MS).getUTCMonth() + 1;
const yearOfDay = (day: number) => new Date(day * DAY_MS).getUTCFullYear();

const PATTERNS = [
	{ name: 'one_off', weight: 0.52, spellDays: [0, 7], meanGap: 4, returnP: 0.38 },
	{ name: 'short', weight: 0.32, spellDays: [10, 75], meanGap: 7, returnP: 0.45 },
	{ name: 'long', weight: 0.13, spellDays: [90, 270], meanGap: 4, returnP: 0.5 },
	{ name: 'accommodated_only', weight: 0.03, spellDays: [0, 0], meanGap: 0, returnP: 0 }
] as const;

const INSTITUTION_WEIGHTS: Record<Institution, number> = {
	prison: 34,
	other_justice: 8,
	hospital: 22,
	armed_forces: 3,
	asylum_support: 21,
	care_leaver: 12
};

/** Generate a synthetic register, sorted by date, then person, then event. */
export function generateRegister(options: RegisterOptions): ContactRecord[] {
	return sortRegister([...registerEvents(options)]);
}

/** Sort records by date, then person, then event, then area. */
export function sortRegister(records: ContactRecord[]): ContactRecord[] {
	return records.sort(
		(a, b) =>
			cmp(a.event_date, b.event_date) || cmp(a.person_id, b.person_id) || cmp(a.event, b.event) || cmp(a.area_code, b.area_code)
	);
}

/**
 * The register's events one person after another, as they are drawn (not sorted), so a register
 * too large to hold can be written as it is generated. generateRegister sorts them.
 */
export function* registerEvents(options: RegisterOptions): Generator<ContactRecord> {
	const rand = mulberry32(options.seed);
	const first = toDay(+options.from.slice(0, 4), +options.from.slice(5, 7), 1);
	const last = toDay(+options.to.slice(0, 4), +options.to.slice(5, 7) + 1, 1) - 1;
	const maxEvents = options.maxEvents ?? Infinity;
	const weights = new Map(
		(options.authorities ?? WMCA_AUTHORITIES.map((a) => ({ code: a.code as string, weight: AUTHORITY_WEIGHTS[a.code] }))).map((a) => [a.code, a.weight])
	);
	const authorities = [...weights.keys()];

	const pick = <T>(items: readonly T[], weight: (t: T) => number): T => {
		const total = items.reduce((s, t) => s + weight(t), 0);
		let r = rand() * total;
		for (const t of items) {
			r -= weight(t);
			if (r < 0) return t;
		}
		return items[items.length - 1];
	};
	const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
	const exponential = (mean: number) => -Math.log(1 - rand()) * mean;
	const authorityWeight = (a: string) => weights.get(a)!;

	/** Relative chance of an arrival on a day: trend, Everyone In dip, summer peak. */
	const arrivalWeight = (day: number) => {
		const years = (day - toDay(2018, 1, 1)) / 365.25;
		const trend = Math.exp(0.07 * years);
		const everyoneIn = day >= toDay(2020, 4, 1) && day < toDay(2021, 4, 1) ? 0.6 : 1;
		const season = 1 + 0.15 * Math.cos((2 * Math.PI * (monthOf(day) - 8)) / 12);
		return trend * everyoneIn * season;
	};
	const maxWeight = arrivalWeight(last) * 1.2;

	let count = 0;

	for (let p = 0; p < options.people && count < maxEvents; p++) {
		const person_id = `SYN${String(p + 1).padStart(6, '0')}`;
		let day: number;
		do day = between(first, last);
		while (rand() * maxWeight > arrivalWeight(day));
		const home = pick(authorities, authorityWeight);
		const pattern = pick(PATTERNS, (t) => t.weight);

		if (pattern.name === 'accommodated_only') {
			if (count < maxEvents) {
				count++;
				yield {
					person_id,
					area_code: home,
					event_date: isoDate(day),
					event: 'accommodated',
					accommodation: rand() < 0.5 ? 'settled' : 'other',
					institution: '',
					institution_left_date: ''
				};
			}
			continue;
		}

		let area = home;
		for (let spell = 0; spell < 6 && day <= last; spell++) {
			const length = between(pattern.spellDays[0], pattern.spellDays[1]);
			const end = Math.min(day + length, last);
			// An institution the person reports having left before the spell, recorded on each
			// sighting of the spell.
			let institution: Institution | '' = '';
			let leftDay = 0;
			if (rand() < 0.2) {
				institution = pick(INSTITUTIONS, (i) => INSTITUTION_WEIGHTS[i]);
				leftDay = day - Math.floor(Math.pow(rand(), 1.3) * 150);
			}
			let t = day;
			let lastSeen = day;
			do {
				const where = rand() < 0.05 ? pick(authorities, authorityWeight) : area;
				if (count < maxEvents) {
					count++;
					yield {
						person_id,
						area_code: where,
						event_date: isoDate(t),
						event: 'seen_rough_sleeping',
						accommodation: '',
						institution,
						institution_left_date: institution && institution !== 'care_leaver' ? isoDate(leftDay) : ''
					};
				}
				lastSeen = t;
				t += Math.max(1, Math.round(exponential(pattern.meanGap)));
			} while (t <= end);

			if (day + length > last) break; // still going when the register ends

			// End of the spell: a move into accommodation, or not.
			const winter = [12, 1, 2].includes(monthOf(lastSeen));
			let settled = false;
			if (rand() < (winter ? 0.5 : 0.42)) {
				settled = rand() < (winter ? 0.4 : 0.55);
				// Within a week of the last sighting, in the same month (outreach verifies the move).
				const monthEnd = toDay(yearOfDay(lastSeen), monthOf(lastSeen) + 1, 1) - 1;
				const moved = lastSeen + between(0, Math.min(7, monthEnd - lastSeen));
				if (moved <= last && count < maxEvents) {
					count++;
					yield {
						person_id,
						area_code: area,
						event_date: isoDate(moved),
						event: 'accommodated',
						accommodation: settled ? 'settled' : 'other',
						institution: '',
						institution_left_date: ''
					};
				}
			}
			// Another spell: after a short gap (the same episode) or a long one (a return).
			if (rand() >= pattern.returnP * (settled ? 1.3 : 1)) break;
			// A return after a settled move (a tenancy that failed) tends to come sooner.
			const gap = rand() < 0.2 ? between(14, 170) : 181 + Math.floor(exponential(settled ? 150 : 360));
			day = lastSeen + gap;
			if (rand() < 0.12) area = pick(authorities, authorityWeight);
		}
	}
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A register as contacts CSV text (header row, LF line ends). */
export function registerCsv(records: readonly ContactRecord[]): string {
	return toCsv(
		CONTACT_COLUMNS,
		records.map((r) => CONTACT_COLUMNS.map((c) => r[c]))
	);
}

/**
 * A register as it stood on an earlier day, for an earlier (illustrative) edition of the figures:
 * each synthetic record is given a delay between the event and its entry in the register, and
 * only records entered by that day are kept. Real outreach records come in the same way (a
 * sighting logged at the end of a shift, a move into accommodation confirmed weeks later), which
 * is why management information restates its latest months upwards.
 *
 * Deterministic for a seed (the register's own PRNG, mulberry32), drawn in register order, so
 * a record's delay does not depend on the day of the cut.
 */
import type { ContactRecord } from './records';
import { mulberry32 } from './register';

export interface LateEntry {
	seed: number;
	/** Share of records entered late (after the week of the event). */
	lateShare: number;
	/** Mean delay of a late record beyond its first week, in days. */
	meanLateDays: number;
}

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Days from each record's event to its entry in the register, in register order. */
export function entryDelays(records: readonly ContactRecord[], late: LateEntry): number[] {
	const rand = mulberry32(late.seed);
	return records.map(() => {
		const isLate = rand() < late.lateShare;
		const draw = rand();
		// On time: within the week of the event. Late: a week, then an exponential delay.
		return isLate ? 7 + Math.floor(-Math.log(1 - draw) * late.meanLateDays) : Math.floor(draw * 7);
	});
}

/** The records entered by `day` (YYYY-MM-DD): event date plus delay on or before it. */
export function registerAsAt(records: readonly ContactRecord[], day: string, late: LateEntry): ContactRecord[] {
	const delays = entryDelays(records, late);
	const cut = dayOf(day);
	return records.filter((r, i) => dayOf(r.event_date) + delays[i] <= cut);
}

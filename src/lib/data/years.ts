/**
 * The sane-year rule's message, in one place: the data validator, the contacts checker
 * (lib/indicators/records) and the compute command's options all say it the same way.
 */
import { EARLIEST_YEAR } from './contract';
import type { CellProblem } from './problems';

/** The problem with a year outside EARLIEST_YEAR..lastYear, or null. */
export function yearOutOfRange(what: string, year: number, lastYear: number, lastYearWords = 'next year'): CellProblem | null {
	if (year >= EARLIEST_YEAR && year <= lastYear) return null;
	return {
		problem: `${what} is in the year ${String(year).padStart(4, '0')}, ${year < EARLIEST_YEAR ? `before ${EARLIEST_YEAR}` : `after ${lastYear}`}`,
		fix: `check the year: periods and dates run from ${EARLIEST_YEAR} to ${lastYear} (${lastYearWords})`
	};
}

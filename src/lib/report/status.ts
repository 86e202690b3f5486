/**
 * The progress report's two judgements, pure and stated once here (the methodology page prints
 * REPORT_RULES, so the words and the code cannot drift apart):
 *
 * 1. Status over a year: the latest month against the same month a year earlier. Rough sleeping is
 *    seasonal (more people are seen in some months than others), so last month is not a fair
 *    comparison; the same month a year earlier is.
 * 2. On track for a target: the latest value against the straight line from the baseline value to
 *    the target. Nothing is divided by the target, so a target of 0 works like any other.
 */
import type { Polarity, Unit } from '$lib/data/contract';
import { comparePeriods, parsePeriod } from '$lib/format/periods';

export type StatusWord = 'Improving' | 'Worsening' | 'Little change' | 'Not enough data' | 'Increasing' | 'Decreasing';
/** The shape drawn beside the word: never colour alone. */
export type StatusIcon = 'improving' | 'worsening' | 'little' | 'none' | 'up' | 'down';

/** A change smaller than this share of the year-earlier value is "Little change". */
export const LITTLE_CHANGE_SHARE = 0.05;
/** For counts (people, nights, days): a change of fewer than this many is "Little change", whatever the share. */
export const LITTLE_CHANGE_COUNT = 3;
/** For percentages: a change of less than this many percentage points is "Little change", whatever the share. */
export const LITTLE_CHANGE_POINTS = 1;

/** A rate per 100,000 from a count below this is flagged [u] (low reliability): one person moves it a lot. */
export const SMALL_COUNT = 10;

const COUNT_UNITS: readonly Unit[] = ['people', 'nights', 'days'];

export interface YearOnYear {
	word: StatusWord;
	icon: StatusIcon;
	/** latest − year earlier; null when either is missing. */
	change: number | null;
	/** The change as a percentage of the year-earlier value; null when missing or that value is 0. */
	changePct: number | null;
}

const missing = (v: number | null | undefined): v is null | undefined => v === null || v === undefined || Number.isNaN(v);
/** Removes floating-point noise (12.3 − 10.1 = 2.2000000000000006). */
const clean = (n: number) => Math.round(n * 1e9) / 1e9;

/** Whether a change from `before` is too small to call a change, by the unit's rule. */
export function isLittleChange(change: number, before: number, unit: Unit): boolean {
	const size = Math.abs(change);
	if (COUNT_UNITS.includes(unit) && size < LITTLE_CHANGE_COUNT) return true;
	if (unit === 'percent' && size < LITTLE_CHANGE_POINTS) return true;
	// No share of 0 exists: from 0, only the absolute rules above can make a change little.
	return before !== 0 && size < LITTLE_CHANGE_SHARE * Math.abs(before);
}

/** The status of `latest` against `yearEarlier` (the same month a year before), by polarity. */
export function yearOnYear(
	latest: number | null | undefined,
	yearEarlier: number | null | undefined,
	polarity: Polarity,
	unit: Unit
): YearOnYear {
	if (missing(latest) || missing(yearEarlier)) return { word: 'Not enough data', icon: 'none', change: null, changePct: null };
	const change = clean(latest - yearEarlier);
	const changePct = yearEarlier === 0 ? null : clean((change / Math.abs(yearEarlier)) * 100);
	if (isLittleChange(change, yearEarlier, unit)) return { word: 'Little change', icon: 'little', change, changePct };
	const up = change > 0;
	if (polarity === 'neutral') return { word: up ? 'Increasing' : 'Decreasing', icon: up ? 'up' : 'down', change, changePct };
	const better = polarity === 'lower_is_better' ? !up : up;
	return { word: better ? 'Improving' : 'Worsening', icon: better ? 'improving' : 'worsening', change, changePct };
}

export type TrackWord = 'On track' | 'Not on track' | 'Target met' | 'Target not met' | 'Not enough data';

export interface TargetInput {
	baselinePeriod: string;
	baselineValue: number | null;
	targetPeriod: string;
	targetValue: number;
	latestPeriod: string | null;
	latestValue: number | null;
	polarity: Polarity;
}

export interface Track {
	word: TrackWord;
	icon: StatusIcon;
	/** Where the straight line from baseline to target stands at the latest period; null without data. */
	expected: number | null;
}

/** A period as a count of its own steps (months, quarters or years), so two can be subtracted. */
export function periodIndex(period: string): number {
	const p = parsePeriod(period);
	if (p.kind === 'month') return p.year * 12 + (p.month! - 1);
	if (p.kind === 'quarter') return p.year * 4 + (p.quarter! - 1);
	return p.year;
}

/**
 * Whether the latest value is on the way to the target. The trajectory is the straight line from
 * the baseline value (at the baseline period) to the target value (at the target period); the area
 * is on track when the latest value is at or better than that line at the latest period. Which way
 * is better is the target's own direction (below the baseline: lower is better), or the indicator's
 * polarity when the target equals the baseline. Once the target period is reached, it is met or not.
 */
export function onTrack(t: TargetInput): Track {
	if (missing(t.baselineValue) || missing(t.latestValue) || t.latestPeriod === null)
		return { word: 'Not enough data', icon: 'none', expected: null };
	const span = periodIndex(t.targetPeriod) - periodIndex(t.baselinePeriod);
	const done = comparePeriods(t.latestPeriod, t.targetPeriod) >= 0;
	const fraction = span <= 0 || done ? 1 : Math.max(0, (periodIndex(t.latestPeriod) - periodIndex(t.baselinePeriod)) / span);
	const expected = clean(t.baselineValue + (t.targetValue - t.baselineValue) * fraction);
	const direction = Math.sign(t.targetValue - t.baselineValue) || (t.polarity === 'higher_is_better' ? 1 : t.polarity === 'lower_is_better' ? -1 : 0);
	const atOrBetter = direction < 0 ? t.latestValue <= expected : direction > 0 ? t.latestValue >= expected : t.latestValue === expected;
	if (done) return { word: atOrBetter ? 'Target met' : 'Target not met', icon: atOrBetter ? 'improving' : 'worsening', expected };
	return { word: atOrBetter ? 'On track' : 'Not on track', icon: atOrBetter ? 'improving' : 'worsening', expected };
}

/** The rules in words, for the methodology page and the report's notes. */
/** The first month of framework data (the framework's monthly returns began in May 2023): the baseline unless a target sets its own. */
export const FRAMEWORK_BASELINE = '2023-05';

export const REPORT_RULES = {
	status: [
		'Each figure is compared with the same month a year earlier. Rough sleeping is seasonal, so the month before is not a fair comparison; the same month a year earlier is.',
		`"Little change" when the change is smaller than ${LITTLE_CHANGE_SHARE * 100}% of the figure a year earlier, or, for counts of people, nights or days, smaller than ${LITTLE_CHANGE_COUNT} (small counts move by one or two by chance), or, for percentages, smaller than ${LITTLE_CHANGE_POINTS} percentage point.`,
		'Otherwise the direction is judged by the indicator\'s polarity: where lower is better, a fall is "Improving" and a rise "Worsening"; where higher is better, the reverse. Where neither is better (the number of nights people were seen), the report says "Increasing" or "Decreasing" without judging.',
		'"Not enough data" when either month has no figure (not available, confidential or not applicable): a missing figure is never taken as 0.'
	],
	target: [
		"A target (data/targets.csv) names a value, the period by which to reach it, and a baseline period. The trajectory is the straight line from the baseline month's value to the target value at the target period.",
		'"On track" when the latest value is at or better than where that line stands in the latest month; "Not on track" otherwise. Better is the target\'s direction: a target below the baseline means lower is better. Nothing is divided by the target, so a target of 0 (rough sleeping ended) is judged like any other.',
		'After the target period: "Target met" or "Target not met", comparing the latest value with the target itself.'
	],
	comparison: `Areas are compared as rates per 100,000 residents (ONS mid-year population estimates, the year stated), in the latest month in which England and the WMCA areas both have a figure. A rate from a count of fewer than ${SMALL_COUNT} people is marked [u] (low reliability): one person more or less moves it a lot.`,
	baseline:
		'The baseline is the first month of framework data, May 2023, unless a target sets its own baseline period for the indicator and area. Where the baseline month has no figure, the baseline is [x] and no change since it is given (the next month held is never put in its place).'
} as const;

/**
 * The explorer's state is its query string. This module reads and writes it, and nothing else:
 * pure, no DOM, no SQL. A parameter that is unknown, repeated or malformed gives a problem that
 * names it, lists the valid values and, where one is obviously meant, the nearest of them; never
 * a guess drawn as a chart.
 *
 *   indicator  an indicator_id of indicators.csv
 *   areas      comma-separated GSS codes (the seven authorities, WMCA, the region, England);
 *              repeated `areas` (a form's checkboxes) are joined
 *   from, to   periods as in the data (YYYY, YYYY-Qn, YYYY-MM) or `latest`; for a monthly or
 *              quarterly indicator a bare year means its first (from) or last (to) period
 *   measure    count | rate (per 100,000 residents, for counts of people only)
 *   view       line | bars | map | table
 */
import type { Frequency, Unit } from '$lib/data/contract';
import { ENGLAND, WEST_MIDLANDS_REGION, WMCA } from '$lib/data/contract';
import { SNAPSHOT_INDICATOR } from '$lib/pages/pillars';

export const PARAMS = ['indicator', 'areas', 'from', 'to', 'measure', 'view'] as const;
export const MEASURES = ['count', 'rate'] as const;
export const VIEWS = ['line', 'bars', 'map', 'table'] as const;
export type Measure = (typeof MEASURES)[number];
export type View = (typeof VIEWS)[number];

/** The indicator shown when the URL names none. */
export const DEFAULT_INDICATOR = SNAPSHOT_INDICATOR;
/** Areas shown by default, where the indicator has figures for them: the area and its context. */
const DEFAULT_AREAS = [WMCA, WEST_MIDLANDS_REGION, ENGLAND];

export interface CatalogIndicator {
	indicator_id: string;
	name: string;
	unit: Unit;
	frequency: Frequency;
}
export interface CatalogArea {
	area_code: string;
	area_name: string;
	area_type: string;
}
/** What the explorer may show: known at build time, prerendered into the page. */
export interface ExploreCatalog {
	indicators: CatalogIndicator[];
	/** In display order. */
	areas: CatalogArea[];
	/** Per indicator: the periods holding a row, oldest first, and the areas holding one. */
	coverage: Record<string, { periods: string[]; areas: string[] }>;
}

export interface ExploreState {
	indicator: string;
	areas: string[];
	/** As written in the URL (a period or `latest`). */
	from: string;
	to: string;
	/** The periods they stand for. */
	fromPeriod: string;
	toPeriod: string;
	measure: Measure;
	view: View;
}

export interface ParamProblem {
	param: string;
	message: string;
	/** The valid values, in words where a code alone would not do ("E08000025 (Birmingham)"). */
	valid: string[];
	/** The nearest valid value, when one is obviously meant. */
	suggestion?: string;
}

export type ParseResult =
	| { ok: true; state: ExploreState; notes: string[] }
	| { ok: false; problems: ParamProblem[] };

/** Edit distance for "did you mean": insertions, deletions, substitutions and swapped neighbours. */
export function editDistance(a: string, b: string): number {
	const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
		}
	}
	return d[a.length][b.length];
}

/**
 * The valid values nearest to `given`, when the nearest are close (a third of its length, at
 * least one edit) or `given` is a prefix of one: every value tied for nearest.
 */
export function nearest(given: string, valid: readonly string[]): string[] {
	const g = given.toLowerCase();
	const prefixed = valid.filter((v) => g.length >= 2 && v.toLowerCase().startsWith(g));
	if (prefixed.length === 1) return prefixed;
	const scored = valid.map((v) => ({ v, d: editDistance(g, v.toLowerCase()) }));
	const best = Math.min(...scored.map((s) => s.d));
	if (best > Math.max(1, Math.floor(g.length / 3))) return [];
	return scored.filter((s) => s.d === best).map((s) => s.v);
}

const suggest = (given: string, valid: readonly string[]) => {
	const near = nearest(given, valid);
	return near.length ? near.join(' or ') : undefined;
};

const PERIOD_FORMS: Record<Frequency, { pattern: RegExp; words: string; first: string; last: string }> = {
	annual: { pattern: /^\d{4}$/, words: 'a year (YYYY)', first: '', last: '' },
	quarterly: { pattern: /^\d{4}-Q[1-4]$/, words: 'a quarter (YYYY-Qn) or a year (YYYY)', first: '-Q1', last: '-Q4' },
	monthly: { pattern: /^\d{4}-(0[1-9]|1[0-2])$/, words: 'a month (YYYY-MM) or a year (YYYY)', first: '-01', last: '-12' }
};

/** Rates wherever counts of people are compared across areas; otherwise the figures as published. */
const defaultMeasure = (unit: Unit, areaCount: number): Measure => (unit === 'people' && areaCount > 1 ? 'rate' : 'count');

/** The defaults for one indicator: its context areas (or every area it has), its whole range. */
export function defaultState(catalog: ExploreCatalog, indicatorId = DEFAULT_INDICATOR): ExploreState {
	const indicator = catalog.indicators.find((i) => i.indicator_id === indicatorId);
	const coverage = catalog.coverage[indicatorId];
	if (!indicator || !coverage?.periods.length) throw new Error(`No figures held for indicator ${indicatorId}`);
	const held = catalog.areas.map((a) => a.area_code).filter((c) => coverage.areas.includes(c));
	const context = held.filter((c) => DEFAULT_AREAS.includes(c));
	const areas = context.length ? context : held;
	const fromPeriod = coverage.periods[0];
	const toPeriod = coverage.periods.at(-1)!;
	return {
		indicator: indicatorId,
		areas,
		from: fromPeriod,
		to: toPeriod,
		fromPeriod,
		toPeriod,
		measure: defaultMeasure(indicator.unit, areas.length),
		view: coverage.periods.length > 1 ? 'line' : 'bars'
	};
}

/** The canonical query string of a state (every parameter, in the documented order). */
export function toSearch(state: Pick<ExploreState, (typeof PARAMS)[number]>): string {
	const p = new URLSearchParams();
	p.set('indicator', state.indicator);
	p.set('areas', state.areas.join(','));
	p.set('from', state.from);
	p.set('to', state.to);
	p.set('measure', state.measure);
	p.set('view', state.view);
	// Commas in the area list read better unescaped, and are valid in a query string.
	return `?${p.toString().replaceAll('%2C', ',')}`;
}

/** Two states show the same view. */
export const sameView = (a: ExploreState, b: ExploreState) => toSearch(a) === toSearch(b);

/**
 * Read the explorer's query string. Parameters not given take the indicator's defaults.
 * `fixedIndicator` (the embed route) sets the indicator from the path instead.
 */
export function parseExplore(search: URLSearchParams, catalog: ExploreCatalog, fixedIndicator?: string): ParseResult {
	const problems: ParamProblem[] = [];
	const notes: string[] = [];
	const areaName = (code: string) => catalog.areas.find((a) => a.area_code === code)?.area_name ?? code;
	const areaWords = (codes: readonly string[]) => codes.map((c) => `${c} (${areaName(c)})`);

	for (const name of new Set(search.keys())) {
		if (!(PARAMS as readonly string[]).includes(name)) {
			problems.push({
				param: name,
				message: `"${name}" is not a parameter of this page.`,
				valid: [...PARAMS],
				suggestion: suggest(name, PARAMS)
			});
		} else if (name !== 'areas' && search.getAll(name).length > 1) {
			problems.push({
				param: name,
				message: `${name} is given ${search.getAll(name).length} times; give it once.`,
				valid: []
			});
		}
	}
	const single = (name: string) => (search.getAll(name).length === 1 ? search.get(name)!.trim() : undefined);

	// Indicator first: every other default depends on it.
	const ids = catalog.indicators.filter((i) => catalog.coverage[i.indicator_id]?.periods.length).map((i) => i.indicator_id);
	let indicatorId = fixedIndicator ?? DEFAULT_INDICATOR;
	const givenIndicator = single('indicator');
	if (givenIndicator !== undefined) {
		if (fixedIndicator && givenIndicator !== fixedIndicator) {
			problems.push({
				param: 'indicator',
				message: `This embed shows ${fixedIndicator}; indicator=${givenIndicator} belongs in the embed address of that indicator.`,
				valid: [fixedIndicator]
			});
		} else if (!ids.includes(givenIndicator)) {
			problems.push({
				param: 'indicator',
				message: givenIndicator ? `There is no indicator "${givenIndicator}".` : 'indicator is empty.',
				valid: ids,
				suggestion: suggest(givenIndicator, ids)
			});
			return { ok: false, problems };
		} else indicatorId = givenIndicator;
	}
	if (!ids.includes(indicatorId)) {
		problems.push({ param: 'indicator', message: `There are no figures for "${indicatorId}".`, valid: ids });
		return { ok: false, problems };
	}
	const indicator = catalog.indicators.find((i) => i.indicator_id === indicatorId)!;
	const coverage = catalog.coverage[indicatorId];
	const defaults = defaultState(catalog, indicatorId);

	// Areas. The map always draws the seven authorities (data.ts), so it ignores them.
	const wantsMap = single('view') === 'map';
	if (wantsMap) notes.push('The map always shows the seven WMCA authorities; the areas chosen apply to the other views.');
	let areas = defaults.areas;
	if (search.has('areas')) {
		const codes = catalog.areas.map((a) => a.area_code);
		const given = search
			.getAll('areas')
			.flatMap((v) => v.split(','))
			.map((v) => v.trim())
			.filter(Boolean);
		if (given.length === 0) {
			problems.push({ param: 'areas', message: 'areas is empty: choose at least one area.', valid: areaWords(codes) });
		}
		const chosen: string[] = [];
		let unknown = 0;
		for (const item of given) {
			const code = item.toUpperCase();
			if (codes.includes(code)) {
				if (!chosen.includes(code)) chosen.push(code);
				continue;
			}
			const byName = catalog.areas.find((a) => a.area_name.toLowerCase() === item.toLowerCase());
			const near = byName ? [byName.area_code] : nearest(code, codes);
			unknown++;
			problems.push({
				param: 'areas',
				message: `"${item}" is not an area code this dashboard holds.`,
				valid: areaWords(codes),
				suggestion: near.length ? areaWords(near).join(' or ') : undefined
			});
		}
		if (chosen.length && unknown === 0) {
			const held = chosen.filter((c) => coverage.areas.includes(c));
			if (wantsMap) {
				// The map ignores areas (see the note below); they are kept for the other views.
			} else if (held.length === 0) {
				problems.push({
					param: 'areas',
					message: `${indicator.name} has no figures for ${chosen.map(areaName).join(', ')}.`,
					valid: areaWords(catalog.areas.map((a) => a.area_code).filter((c) => coverage.areas.includes(c)))
				});
			} else if (held.length < chosen.length) {
				notes.push(`No figures are held for ${chosen.filter((c) => !held.includes(c)).map(areaName).join(', ')} on this indicator.`);
			}
			// Shown in the dashboard's area order, whatever the order written.
			areas = catalog.areas.map((a) => a.area_code).filter((c) => chosen.includes(c));
		}
	}

	// Periods.
	const form = PERIOD_FORMS[indicator.frequency];
	const periods = coverage.periods;
	const range = `${periods[0]} to ${periods.at(-1)}`;
	const period = (name: 'from' | 'to', fallback: string): { raw: string; period: string } | undefined => {
		const raw = single(name);
		if (raw === undefined) return { raw: fallback, period: fallback };
		if (raw === 'latest') return { raw, period: periods.at(-1)! };
		if (form.pattern.test(raw)) return { raw, period: raw };
		if (form.first && /^\d{4}$/.test(raw)) return { raw, period: raw + (name === 'from' ? form.first : form.last) };
		const annualGivenMonth = indicator.frequency === 'annual' && /^\d{4}-/.test(raw);
		problems.push({
			param: name,
			message: `${name}=${raw || '(empty)'} is not a period of ${indicator.name}: give ${form.words} or latest. Figures run from ${range}.`,
			valid: [`${periods[0]} … ${periods.at(-1)}`, 'latest'],
			suggestion: annualGivenMonth ? raw.slice(0, 4) : undefined
		});
		return undefined;
	};
	/** A period as written, moved into the range held (for a suggestion that is not out of range again). */
	const inRange = ({ raw, period }: { raw: string; period: string }) =>
		period < periods[0] ? periods[0] : period > periods.at(-1)! ? periods.at(-1)! : raw;
	const from = period('from', defaults.from);
	const to = period('to', defaults.to);
	if (from && to) {
		if (from.period > to.period) {
			problems.push({
				param: 'from',
				message: `from (${from.raw}) is after to (${to.raw}): the range would be empty. Swap them.`,
				valid: [`${periods[0]} … ${periods.at(-1)}`, 'latest'],
				suggestion: `from=${inRange(to)}&to=${inRange(from)}`
			});
		} else if (!periods.some((p) => p >= from.period && p <= to.period)) {
			problems.push({
				param: from.period > periods.at(-1)! ? 'from' : 'to',
				message: `${indicator.name} has no figures from ${from.raw} to ${to.raw}; they run from ${range}.`,
				valid: [`${periods[0]} … ${periods.at(-1)}`, 'latest']
			});
		}
	}

	// Measure.
	/** A parameter with a fixed list of values: the value given, if valid (else a problem), or undefined. */
	const choice = <T extends string>(name: 'measure' | 'view', values: readonly T[]): T | undefined => {
		const given = single(name);
		if (given === undefined || (values as readonly string[]).includes(given)) return given as T | undefined;
		problems.push({ param: name, message: `${name}=${given || '(empty)'} is not a ${name}.`, valid: [...values], suggestion: suggest(given, values) });
		return undefined;
	};
	const measure = choice('measure', MEASURES) ?? defaultMeasure(indicator.unit, areas.length);
	if (measure === 'rate' && indicator.unit !== 'people') {
		problems.push({
			param: 'measure',
			message: `measure=rate: ${indicator.name} is not a count of people (it is measured in ${UNIT_WORDS[indicator.unit]}), so it has no rate per 100,000 residents. Use measure=count.`,
			valid: ['count'],
			suggestion: 'count'
		});
	}

	// View.
	const view: View = choice('view', VIEWS) ?? defaults.view;

	if (problems.length) return { ok: false, problems };
	return {
		ok: true,
		state: { indicator: indicatorId, areas, from: from!.raw, to: to!.raw, fromPeriod: from!.period, toPeriod: to!.period, measure, view },
		notes
	};
}

/** What a unit is, for the "no rate" explanation. */
const UNIT_WORDS: Record<Unit, string> = {
	people: 'people',
	percent: 'per cent (a share)',
	rate_per_100k: 'a rate per 100,000 already',
	nights: 'nights',
	days: 'days',
	gbp_million: '£ million'
};

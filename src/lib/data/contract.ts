/**
 * The data contract's vocabulary: the codes, units, markers, ranges and row types every CSV in
 * data/ is written in. The files themselves (their columns, keys and descriptions) are specified
 * in ./files, apart, so a page that needs only a code or a unit does not ship the specs. One
 * source of truth, read by the validator (lib/data/validate), the loader SQL (lib/data/load-sql),
 * and the data dictionary generator (scripts/generate-data-readme), so the three cannot drift apart.
 */

export const AREA_TYPES = ['country', 'region', 'combined_authority', 'local_authority'] as const;
export const PILLARS = ['prevented', 'rare', 'brief', 'non_recurring', 'context'] as const;
export const POLARITIES = ['lower_is_better', 'higher_is_better', 'neutral'] as const;
export const FREQUENCIES = ['annual', 'quarterly', 'monthly'] as const;
export const SOURCE_KINDS = [
	'official_statistics',
	'management_information',
	'secondary',
	'illustrative'
] as const;
export const DENOMINATOR_MEASURES = ['population', 'households'] as const;
/**
 * How the WMCA's figure for an indicator relates to its seven authorities' figures for the same
 * period: `sum`, it is their sum (a count on one night: nobody sleeps in two places at once);
 * `at_most_sum`, it counts each person once however many authorities saw them, so it is at most
 * their sum. Empty in indicators.csv: no such relation (percentages, rates, measures that look
 * back over a person's history in the whole area, such as long-term or returners).
 */
export const WMCA_TOTALS = ['sum', 'at_most_sum'] as const;
export type WmcaTotal = (typeof WMCA_TOTALS)[number];

/**
 * A unit of indicator values, as one record: how its figures are written (lib/format/numbers),
 * what the validator holds them to (lib/data/validate), and how the data dictionary and the
 * methodology page describe it. A new unit is one entry in UNIT_SPECS.
 */
export interface UnitSpec {
	/** What a figure in the unit is, for the data dictionary. */
	description: string;
	/** Decimal places a figure is shown to unless a chart asks for others. */
	decimals: number;
	/** Words after a figure of 1 when the unit is spelled out ("1 person", "1 night"). */
	singular: string;
	/** Words after any other figure ("52 people"). */
	plural: string;
	/** The unit in a column heading or an axis label. */
	label: string;
	/** Written around every figure, spelled out or not ("£9.6 million", "12.3%"); replaces the words. */
	prefix?: string;
	suffix?: string;
	/** Around an axis tick, where space is short ("£10m"); default prefix and suffix. */
	tick?: { prefix?: string; suffix?: string };
	/**
	 * Words for a change in the unit: percentages change by percentage points; null for a bare
	 * count ("Up 12", the sentence names the people). Default: the unit's own words.
	 */
	change?: { singular: string; plural: string } | null;
	/** The allowed range of a figure (max undefined: no upper bound but an indicator's max_value). */
	min: number;
	max?: number;
	/** Figures are whole numbers (counts). */
	whole: boolean;
	/** Figures for areas can be added up, so a WMCA total can be its authorities' sum. */
	additive: boolean;
}

export const UNIT_SPECS = {
	people: {
		description: 'a count of people',
		decimals: 0,
		singular: 'person',
		plural: 'people',
		label: 'people',
		change: null,
		min: 0,
		whole: true,
		additive: true
	},
	percent: {
		description: "a percentage of the indicator's denominator",
		decimals: 1,
		singular: 'per cent',
		plural: 'per cent',
		label: 'per cent',
		suffix: '%',
		change: { singular: 'percentage point', plural: 'percentage points' },
		min: 0,
		whole: false,
		additive: false
	},
	rate_per_100k: {
		description: 'a rate per 100,000 of the population (its denominator and year are in denominators.csv)',
		decimals: 1,
		singular: 'per 100,000',
		plural: 'per 100,000',
		label: 'per 100,000',
		min: 0,
		whole: false,
		additive: false
	},
	nights: {
		description: 'a count of nights',
		decimals: 0,
		singular: 'night',
		plural: 'nights',
		label: 'nights',
		min: 0,
		whole: true,
		additive: true
	},
	days: {
		description: 'a count of days',
		decimals: 0,
		singular: 'day',
		plural: 'days',
		label: 'days',
		min: 0,
		whole: true,
		additive: true
	},
	gbp_million: {
		description: 'money in millions of pounds sterling',
		decimals: 1,
		singular: 'million',
		plural: 'million',
		label: '£ million',
		prefix: '£',
		suffix: ' million',
		tick: { prefix: '£', suffix: 'm' },
		min: 0,
		whole: false,
		additive: true
	}
} as const satisfies Record<string, UnitSpec>;

export type Unit = keyof typeof UNIT_SPECS;
export const UNITS = Object.keys(UNIT_SPECS) as Unit[];
/** The spec of a unit, typed as the general record (so optional fields can be read). */
export const unitSpec = (unit: Unit): UnitSpec => UNIT_SPECS[unit];
/** The units whose figures are whole numbers. */
export const WHOLE_NUMBER_UNITS: readonly Unit[] = UNITS.filter((u) => unitSpec(u).whole);
/** The units whose figures for areas can be added up. */
export const ADDITIVE_UNITS: readonly Unit[] = UNITS.filter((u) => unitSpec(u).additive);

/**
 * The sane range of years for a period or a date: the official counts of rough sleeping began
 * in 1998, and nothing can have happened after next year. Years outside it are typing mistakes
 * (0024 for 2024), and the engine's date arithmetic is only checked within it.
 */
export const EARLIEST_YEAR = 1998;
/** A target may be set this many years beyond next year (strategies run a decade or two ahead). */
export const TARGET_YEARS_AHEAD = 25;
export function latestYear(today: Date = new Date()): number {
	return today.getUTCFullYear() + 1;
}

/**
 * Largest file the tools read. Data files are shipped to every browser, so they are kept small;
 * a contacts file of a few million records is well under its limit. Over it, a file would be
 * too slow to check and could exhaust memory (and JavaScript strings stop at about 512 MiB).
 */
export const MAX_DATA_FILE_BYTES = 64 * 1024 * 1024;
export const MAX_CONTACTS_FILE_BYTES = 256 * 1024 * 1024;

/**
 * GSS statistical shorthand, one record per letter: its meaning, and whether it stands in for a
 * value (the value is then empty) or qualifies a value that is given.
 */
export const MARKER_KEY = {
	x: { meaning: 'not available', replacesValue: true },
	c: { meaning: 'confidential', replacesValue: true },
	z: { meaning: 'not applicable', replacesValue: true },
	p: { meaning: 'provisional', replacesValue: false },
	r: { meaning: 'revised', replacesValue: false },
	e: { meaning: 'estimated', replacesValue: false },
	u: { meaning: 'low reliability', replacesValue: false }
} as const;
export type Marker = keyof typeof MARKER_KEY;
/** Each marker letter's meaning. */
export const MARKERS = Object.fromEntries(
	Object.entries(MARKER_KEY).map(([letter, { meaning }]) => [letter, meaning])
) as { readonly [M in Marker]: (typeof MARKER_KEY)[M]['meaning'] };
/** The markers that stand in for a value. */
export const VALUE_REPLACING_MARKERS: readonly Marker[] = (Object.keys(MARKER_KEY) as Marker[]).filter(
	(m) => MARKER_KEY[m].replacesValue
);
/** "x not available, c confidential, …": the key in words, for descriptions and fixes. */
export const markerList = (letters: readonly Marker[] = Object.keys(MARKER_KEY) as Marker[]) =>
	letters.map((m) => `${m} ${MARKERS[m]}`).join(', ');
export type Pillar = (typeof PILLARS)[number];
export type Polarity = (typeof POLARITIES)[number];
export type Frequency = (typeof FREQUENCIES)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const ENGLAND = 'E92000001';
export const WEST_MIDLANDS_REGION = 'E12000005';
export const WMCA = 'E47000007';
/** The seven constituent authorities of the West Midlands Combined Authority. */
export const WMCA_AUTHORITIES = [
	{ code: 'E08000025', name: 'Birmingham' },
	{ code: 'E08000026', name: 'Coventry' },
	{ code: 'E08000027', name: 'Dudley' },
	{ code: 'E08000028', name: 'Sandwell' },
	{ code: 'E08000029', name: 'Solihull' },
	{ code: 'E08000030', name: 'Walsall' },
	{ code: 'E08000031', name: 'Wolverhampton' }
] as const;


/** Row types as loaded into DuckDB and returned by queries. */
export interface Observation {
	indicator_id: string;
	area_code: string;
	period: string;
	value: number | null;
	marker: string;
	source_id: string;
	note: string;
}

export interface Indicator {
	indicator_id: string;
	pillar: Pillar;
	name: string;
	short_name: string;
	definition: string;
	unit: Unit;
	polarity: Polarity;
	frequency: Frequency;
	source_id: string;
	notes: string;
	/** Area types the figures can be given for, separated by spaces; '' for any. */
	area_types: string;
	/** Largest possible value, as written ('' for no upper bound). */
	max_value: string;
	wmca_total: WmcaTotal | '';
}

export interface Area {
	area_code: string;
	area_name: string;
	area_type: (typeof AREA_TYPES)[number];
	parent_code: string;
}

export interface Source {
	source_id: string;
	kind: SourceKind;
	title: string;
	publisher: string;
	url: string;
	licence: string;
	published: string;
	notes: string;
}

export interface Target {
	indicator_id: string;
	area_code: string;
	target_value: number;
	target_period: string;
	baseline_period: string;
	set_by: string;
	source_id: string;
}

export interface Annotation {
	period: string;
	label: string;
	description: string;
}

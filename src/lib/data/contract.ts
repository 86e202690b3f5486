/**
 * The data contract: what every CSV in data/ must hold. One source of truth, read by the
 * validator (lib/data/validate), the loader SQL (lib/data/load-sql), and the data dictionary
 * generator (scripts/generate-data-readme), so the three cannot drift apart.
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
/** "x, c or z". */
const orList = (items: readonly string[]) =>
	items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
/** "people, nights and days". */
const andList = (items: readonly string[]) =>
	items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

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

/**
 * How a cell is checked. `ref` columns must name a key of another file; `enum` columns one of
 * `values`. `period` is checked against the frequency of the row's indicator.
 */
export type ColumnKind =
	| { kind: 'text'; maxLength?: number }
	| { kind: 'id' }
	| { kind: 'gss' }
	| { kind: 'enum'; values: readonly string[] }
	| { kind: 'enum_list'; values: readonly string[] }
	| { kind: 'ref'; file: string; column: string }
	| { kind: 'decimal' }
	| { kind: 'year' }
	| { kind: 'date' }
	| { kind: 'month_or_date' }
	| { kind: 'period' }
	| { kind: 'markers' }
	| { kind: 'url' }
	| { kind: 'cell' };

export interface ColumnSpec {
	name: string;
	/** An empty cell is an error when true (observations.value and source_id have their own rule). */
	required: boolean;
	type: ColumnKind;
	description: string;
}

export interface FileSpec {
	/** File name in data/. */
	file: string;
	description: string;
	columns: ColumnSpec[];
	/** Columns that together must be unique. */
	key: string[];
	/** Further files with the same columns (their rows are checked and keyed together with this one). */
	alsoMatches?: RegExp;
	/** The file may be absent (checked when present). */
	optional?: boolean;
}

/**
 * The sidecar naming the spreadsheet cell each imported figure was read from (written by the
 * importer, lib/import), so a tooltip and a download can point to it. Its own folder keeps it
 * apart from the figures: it is provenance, not data.
 */
export const CELLS_FILE = 'provenance/observation_cells.csv';
/**
 * A cell reference, SHEET!A1: a sheet name as spreadsheets allow it (1 to 31 characters, none of
 * ! : \ / ? * [ ], not starting or ending with an apostrophe), then a column of up to three
 * letters and a row number from 1. A figure the importer adds up (the WMCA total of its seven
 * authorities) names every cell it adds, joined by " + ".
 */
const ONE_CELL = "(?!')[^!:\\\\/?*[\\]\\u0000-\\u001f]{1,31}(?<!')![A-Z]{1,3}[1-9][0-9]{0,6}";
export const CELL_REFERENCE = new RegExp(`^${ONE_CELL}(?: \\+ ${ONE_CELL})*$`);

const col = (name: string, required: boolean, type: ColumnKind, description: string): ColumnSpec => ({
	name,
	required,
	type,
	description
});

/** The observations columns; an earlier edition's file gives its own source_id column (required there). */
function observationColumns(sourceId?: ColumnSpec): ColumnSpec[] {
	return [
		col('indicator_id', true, { kind: 'ref', file: 'indicators.csv', column: 'indicator_id' }, 'Which indicator.'),
		col('area_code', true, { kind: 'ref', file: 'areas.csv', column: 'area_code' }, 'Which area.'),
		col('period', true, { kind: 'period' }, "YYYY (annual; for the snapshot, the autumn of that year), YYYY-Qn or YYYY-MM, matching the indicator's frequency."),
		col('value', false, { kind: 'decimal' }, `A plain decimal number (no thousands separators or % sign); empty only when marker holds ${orList(VALUE_REPLACING_MARKERS)}. Counts of ${andList(WHOLE_NUMBER_UNITS)} are whole numbers; no value is outside its unit's range (see Units), and none exceeds the indicator's max_value.`),
		col('marker', false, { kind: 'markers' }, `Empty, or GSS shorthand letters separated by spaces: ${markerList()}.`),
		sourceId ?? col('source_id', false, { kind: 'ref', file: 'sources.csv', column: 'source_id' }, 'Where the figure comes from; required whenever there is a value.'),
		col('note', false, { kind: 'text' }, 'Anything a reader needs to know about this figure.')
	];
}

/** Figures of earlier editions (editions.csv). */
export const SUPERSEDED_FILE = 'observations_superseded.csv';

export const FILES: FileSpec[] = [
	{
		file: 'sources.csv',
		description: 'One row per source of figures: what it is, who published it, and its licence.',
		key: ['source_id'],
		columns: [
			col('source_id', true, { kind: 'id' }, 'Short identifier, lower case letters, digits and underscores.'),
			col('kind', true, { kind: 'enum', values: SOURCE_KINDS }, 'What kind of source: official statistics, management information, a secondary report quoting figures, or illustrative (generated) data.'),
			col('title', true, { kind: 'text' }, 'Title of the publication or dataset.'),
			col('publisher', true, { kind: 'text' }, 'Who published it.'),
			col('url', false, { kind: 'url' }, 'Where to find it (https). Empty when there is no single address.'),
			col('licence', false, { kind: 'text' }, 'Licence, e.g. Open Government Licence v3.0.'),
			col('published', false, { kind: 'month_or_date' }, 'Publication date, YYYY-MM-DD or YYYY-MM.'),
			col('notes', false, { kind: 'text' }, 'Anything a reader needs to know about the source.')
		]
	},
	{
		file: 'areas.csv',
		description: 'Every area a figure can be given for, with its parent in the geography.',
		key: ['area_code'],
		columns: [
			col('area_code', true, { kind: 'gss' }, 'GSS code (one letter and eight digits), e.g. E08000025.'),
			col('area_name', true, { kind: 'text' }, 'Name, e.g. Birmingham.'),
			col('area_type', true, { kind: 'enum', values: AREA_TYPES }, 'Level of the geography.'),
			col('parent_code', false, { kind: 'ref', file: 'areas.csv', column: 'area_code' }, 'The area this one sits within; empty for England.')
		]
	},
	{
		file: 'denominators.csv',
		description: 'Published population and household counts used to turn counts into rates. A rate is only shown where its denominator is here, with the denominator year beside it.',
		key: ['area_code', 'measure', 'year'],
		columns: [
			col('area_code', true, { kind: 'ref', file: 'areas.csv', column: 'area_code' }, 'Area the count is for.'),
			col('measure', true, { kind: 'enum', values: DENOMINATOR_MEASURES }, 'population (people) or households (thousand households).'),
			col('year', true, { kind: 'year' }, 'Year the count refers to.'),
			col('value', true, { kind: 'decimal' }, 'The count, a plain decimal number greater than 0 (a rate cannot be divided by nothing).'),
			col('unit', true, { kind: 'text' }, 'Unit of value, e.g. people or thousand households.'),
			col('source_id', true, { kind: 'ref', file: 'sources.csv', column: 'source_id' }, 'Where the figure comes from.'),
			col('note', false, { kind: 'text' }, 'Anything a reader needs to know.')
		]
	},
	{
		file: 'indicators.csv',
		description: 'The catalogue of indicators: the Ending Rough Sleeping Data Framework measures, the autumn snapshot and Housing First context measures. A new indicator is a new row here.',
		key: ['indicator_id'],
		columns: [
			col('indicator_id', true, { kind: 'id' }, 'Identifier used by observations, queries and the indicator engine.'),
			col('pillar', true, { kind: 'enum', values: PILLARS }, 'Which part of the framework: prevented, rare, brief, non_recurring, or context.'),
			col('name', true, { kind: 'text' }, 'Full name, as in charts and tables.'),
			col('short_name', true, { kind: 'text', maxLength: 40 }, 'Short label for cards and axes (40 characters at most).'),
			col('definition', true, { kind: 'text' }, "The definition, in MHCLG's words where it has them."),
			col('unit', true, { kind: 'enum', values: UNITS }, 'Unit of the values.'),
			col('polarity', true, { kind: 'enum', values: POLARITIES }, 'Whether a lower or higher value is better, or neither.'),
			col('frequency', true, { kind: 'enum', values: FREQUENCIES }, 'annual (period YYYY), quarterly (YYYY-Qn) or monthly (YYYY-MM).'),
			col('source_id', true, { kind: 'ref', file: 'sources.csv', column: 'source_id' }, 'Main source of the indicator (each observation names its own too).'),
			col('notes', false, { kind: 'text' }, 'Caveats and context.'),
			col('area_types', false, { kind: 'enum_list', values: AREA_TYPES }, "The types of area (areas.csv area_type) the indicator's figures can be given for, separated by spaces; empty for any type. For example combined_authority for the Housing First pilots' figures, which are recorded against the combined authority only."),
			col('max_value', false, { kind: 'decimal' }, 'The largest value a figure can take, or empty for no upper bound. 100 for a percentage whose numerator is part of its denominator (new_pct: new people are among the people seen in the month); empty for a percentage that can exceed 100 (accommodated_pct: people moving into accommodation in a month need not have been seen sleeping rough that month, so it is a ratio to the month\'s count, not a share of it).'),
			col('wmca_total', false, { kind: 'enum', values: WMCA_TOTALS }, "How the WMCA figure relates to its seven authorities' figures for the same period, checked wherever all seven are given: sum (it is their sum: the autumn snapshot counts one night), at_most_sum (each person is counted once however many authorities saw them, so it is at most their sum), or empty (no such relation: percentages, rates, and measures that look back over a person's history across the whole area, such as long-term or returners).")
		]
	},
	{
		file: 'observations.csv',
		description: 'The figures: one row per indicator, area and period. observations_*.csv files (e.g. observations_illustrative.csv) have the same columns and are read together with this one.',
		key: ['indicator_id', 'area_code', 'period'],
		// Not observations_superseded*.csv: an earlier edition's figures are never current ones.
		alsoMatches: /^observations_(?!superseded)[a-z0-9_]+\.csv$/,
		columns: observationColumns()
	},
	{
		file: 'annotations.csv',
		description: 'Events marked on time-series charts.',
		key: ['period', 'label'],
		columns: [
			col('period', true, { kind: 'month_or_date' }, 'When: YYYY, YYYY-MM or YYYY-MM-DD.'),
			col('label', true, { kind: 'text', maxLength: 40 }, 'Short label drawn on the chart (40 characters at most).'),
			col('description', true, { kind: 'text' }, 'One or two sentences for the table and the tooltip.')
		]
	},
	{
		file: CELLS_FILE,
		description:
			'Where each figure imported from an official spreadsheet was read: the sheet and cell of its value (written by npm run data:official). Each row names an observation that exists, with its source_id (a gap such as [x] names no source, but its cell is still given); figures typed in by hand have no row. Shown in tooltips, data tables and downloads.',
		key: ['indicator_id', 'area_code', 'period'],
		optional: true,
		columns: [
			col('indicator_id', true, { kind: 'ref', file: 'indicators.csv', column: 'indicator_id' }, 'Indicator of the observation.'),
			col('area_code', true, { kind: 'ref', file: 'areas.csv', column: 'area_code' }, 'Area of the observation.'),
			col('period', true, { kind: 'period' }, 'Period of the observation.'),
			col('source_id', true, { kind: 'ref', file: 'sources.csv', column: 'source_id' }, "The spreadsheet's source (the edition it was read from): the observation's source_id, where the observation names one."),
			col('cell', true, { kind: 'cell' }, 'The sheet and cell holding the value, e.g. Table_1!R14.')
		]
	},
	{
		file: 'targets.csv',
		description: "Targets for an indicator in an area, as set by the body named in set_by: the value it aims to reach by target_period, measured from baseline_period. The progress report (/report/) says whether the area is on track. Only published targets are official; a target whose source is of kind illustrative is shown as illustrative. An empty file means no target is set.",
		key: ['indicator_id', 'area_code', 'target_period'],
		columns: [
			col('indicator_id', true, { kind: 'ref', file: 'indicators.csv', column: 'indicator_id' }, 'Which indicator the target is for.'),
			col('area_code', true, { kind: 'ref', file: 'areas.csv', column: 'area_code' }, 'Which area.'),
			col('target_value', true, { kind: 'decimal' }, 'The value aimed for, a plain decimal number (0 for an aim of ending it).'),
			col('target_period', true, { kind: 'period' }, "When the target is to be met, a period of the indicator's frequency (YYYY-MM for a monthly indicator)."),
			col('baseline_period', true, { kind: 'period' }, "The period progress is measured from, of the indicator's frequency; the straight line from its value to the target is the trajectory."),
			col('set_by', true, { kind: 'text' }, 'Who set the target, e.g. a council or the combined authority.'),
			col('source_id', true, { kind: 'ref', file: 'sources.csv', column: 'source_id' }, 'Where the target is published (or the illustrative source).')
		]
	},
	{
		file: 'editions.csv',
		description:
			'Editions: dated publications of a series of figures that is restated (the autumn snapshot, restated each year; the monthly framework figures). Each edition is a row of sources.csv, ordered within its series by its published date. The current figures (observations*.csv) carry the latest edition\'s source_id; earlier editions\' figures are in observations_superseded*.csv. A current figure whose value or marker differs from the previous edition\'s is marked r (revised) when the data are loaded.',
		key: ['source_id'],
		optional: true,
		columns: [
			col('source_id', true, { kind: 'ref', file: 'sources.csv', column: 'source_id' }, 'The edition: a source with a published date.'),
			col('series', true, { kind: 'id' }, 'The series the edition restates, e.g. snapshot or framework_illustrative.'),
			col('reason', false, { kind: 'text' }, 'Why values were revised in this edition, in plain words (shown beside each revision).'),
			col('commentary', false, { kind: 'text' }, 'What happened in this edition and what to read into it, as markdown (rendered with raw HTML escaped).')
		]
	},
	{
		file: SUPERSEDED_FILE,
		description:
			'Figures of earlier editions (see editions.csv), kept to show what was revised: the observations columns, source_id naming the earlier edition. Never shown as current figures. observations_superseded_*.csv files are read together with this one.',
		key: ['source_id', 'indicator_id', 'area_code', 'period'],
		alsoMatches: /^observations_superseded_[a-z0-9_]+\.csv$/,
		optional: true,
		columns: observationColumns(
			col('source_id', true, { kind: 'ref', file: 'editions.csv', column: 'source_id' }, 'The earlier edition the figure was published in (a source_id of editions.csv), also for a gap.')
		)
	}
];

/** The columns of observations.csv in order, from its spec, typed as an Observation's keys. */
export const OBSERVATION_COLUMNS = FILES.find((f) => f.file === 'observations.csv')!.columns.map(
	(c) => c.name
) as readonly (keyof Observation)[];

export function fileSpec(file: string): FileSpec | undefined {
	return FILES.find((f) => f.file === file || f.alsoMatches?.test(file));
}

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

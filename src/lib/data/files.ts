/**
 * The data files' specification: for every CSV in data/, its columns (name, kind, whether
 * required, what it holds), its key and whether it may be absent. Written in the vocabulary of
 * ./contract; read by the validator, the loader SQL, the snapshot and the data dictionary. Kept
 * out of ./contract so the pages that need only a code or a unit do not ship these specs.
 */
import {
	AREA_TYPES,
	DENOMINATOR_MEASURES,
	FREQUENCIES,
	PILLARS,
	POLARITIES,
	SOURCE_KINDS,
	UNITS,
	VALUE_REPLACING_MARKERS,
	WHOLE_NUMBER_UNITS,
	WMCA_TOTALS,
	markerList,
	type Observation
} from './contract';

/** "x, c or z". */
const orList = (items: readonly string[]) =>
	items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
/** "people, nights and days". */
const andList = (items: readonly string[]) =>
	items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

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

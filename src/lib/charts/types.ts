import type { Shape } from './palette';
import type { Provenance } from '$lib/format/provenance';
import type { NamedQuery } from '$lib/data/queries/named';
import type { EmbedParams } from '$lib/config/site';

export type { Provenance };

/** A value on the x axis: a period string ("2024-05", "2024-Q2", "2019"), a Date or a number. */
export type XValue = Date | string | number;

export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface SeriesPoint {
	x: Date | string;
	/** null is a gap in the line, never a zero. */
	y: number | null;
	/** GSS marker letters, e.g. "p" or "x" or "p u". */
	marker?: string;
	/** Where the figure comes from: shown in the tooltip, the table and the CSV. */
	provenance?: Provenance;
}

export interface LineSeries {
	id: string;
	label: string;
	points: SeriesPoint[];
	/** Defaults to the palette in order. */
	colour?: string;
	/** stroke-dasharray; defaults to the dash patterns in order. */
	dash?: string;
	/** Marker shape; defaults to the shapes in order. */
	shape?: Shape;
}

export interface BarDatum {
	/** Unique key; defaults to the label. */
	id?: string;
	label: string;
	value: number | null;
	marker?: string;
	provenance?: Provenance;
}

export interface ChartAnnotation {
	x: Date | string;
	label: string;
}

export interface LegendItem {
	label: string;
	colour: string;
	dash?: string;
	shape?: Shape;
	/** Swatch drawn as a block (bars) instead of a line. */
	block?: boolean;
}

export interface TableColumn {
	label: string;
	/** Right-aligned figures. */
	numeric?: boolean;
}

/** A data table as shown: cells already formatted, with GSS markers ("39 [u]", "[x]"). */
export interface TableData {
	caption?: string;
	columns: TableColumn[];
	rows: string[][];
	/** The first cell of each row is a row header (th scope="row"). Default true. */
	rowHeaders?: boolean;
}

/** A CSV download: explicit column names and raw values, markers in their own columns. */
export interface CsvData {
	/** File name, e.g. "wmca-snapshot.csv" (".csv" added when missing). */
	filename: string;
	header: string[];
	rows: (string | number | null)[][];
}

export interface TooltipPoint {
	x: XValue;
	y: number;
	/** Read by screen readers when the point has focus, e.g. "May 2024: 52 people". */
	label: string;
	/** Lines of the visible tooltip, e.g. ["May 2024", "WMCA: 52"]. */
	lines: string[];
	/** Series the point belongs to (arrow keys up and down move between series). */
	series?: string;
	colour?: string;
}

/** The editorial props every chart figure takes (ChartFrame and the *Figure components). */
export interface FrameProps {
	title: string;
	/** Heading level of the title. Default 3. */
	headingLevel?: 2 | 3 | 4 | 5 | 6;
	/** The one thing to take away, in a sentence. */
	takeaway: string;
	subtitle?: string;
	/** Text summary of the graphic for screen readers (visually hidden). */
	alt: string;
	/** Source, in words, e.g. "MHCLG, Rough sleeping snapshot in England". */
	source: string;
	/** When the source was published or the data extracted, e.g. "February 2025". */
	sourceDate?: string;
	/** Link to the methodology page. */
	methodologyHref: string;
	/** Shows an "Illustrative data" label linking to the methodology's #illustrative section. */
	illustrative?: boolean;
	/** id of the figure; defaults to a generated one. */
	id?: string;
	/** The named queries behind the chart's data ("View the SQL"). */
	query?: NamedQuery<unknown> | readonly NamedQuery<unknown>[];
	/** The chart as /explore parameters ("Embed this chart"). */
	embed?: EmbedParams;
}

/**
 * Tidy query rows to chart data, by accessors (as ONS svelte-charts' xKey/yKey/zKey and
 * Observable Plot's channels): `x` the period or category, `y` the value, `z` the series (one
 * line per distinct z), `marker` the GSS markers, `provenance` the figure's source. A preset
 * takes rows and accessors; it never sees SQL, and the query never sees a chart.
 */
import type { Provenance } from '$lib/format/provenance';
import type { BarDatum, LineSeries } from './types';

/** A field name of the row, or a function of the row. */
export type Accessor<R, V> = keyof R | ((row: R) => V);

export const read = <R, V>(row: R, accessor: Accessor<R, V>): V =>
	typeof accessor === 'function' ? (accessor as (row: R) => V)(row) : (row[accessor] as unknown as V);

export interface Channels<R> {
	x: Accessor<R, string>;
	y: Accessor<R, number | null>;
	/** Series key; omitted, every row is one series. */
	z?: Accessor<R, string>;
	marker?: Accessor<R, string>;
	provenance?: (row: R) => Provenance;
}

/** Provenance from a row of the named queries (indicatorSeries and the like), when it has one. */
export function rowProvenance(row: {
	source_id?: string;
	source_kind?: string;
	source_title?: string;
	source_published?: string;
	cell?: string;
}): Provenance {
	return {
		source_id: row.source_id ?? '',
		source_kind: row.source_kind ?? '',
		source_title: row.source_title ?? '',
		source_published: row.source_published ?? '',
		cell: row.cell ?? ''
	};
}

/**
 * One line per distinct z, in order of first appearance; `label` names a series from its key
 * (defaults to the key), `order` fixes the series order (keys missing from the rows are skipped).
 */
export function seriesFromRows<R>(
	rows: readonly R[],
	channels: Channels<R>,
	options: { label?: (key: string, first: R) => string; order?: readonly string[] } = {}
): LineSeries[] {
	const groups = new Map<string, R[]>();
	for (const row of rows) {
		const key = channels.z ? read(row, channels.z) : 'value';
		if (!groups.has(key)) groups.set(key, []);
		groups.get(key)!.push(row);
	}
	const keys = options.order ? options.order.filter((k) => groups.has(k)) : [...groups.keys()];
	return keys.map((key) => {
		const group = groups.get(key)!;
		return {
			id: key,
			label: options.label ? options.label(key, group[0]) : key,
			points: group.map((row) => ({
				x: read(row, channels.x),
				y: read(row, channels.y),
				marker: channels.marker ? read(row, channels.marker) : undefined,
				provenance: channels.provenance?.(row)
			}))
		};
	});
}

/** One bar per row, in the order given (sort the rows first): x is the label, y the value. */
export function barsFromRows<R>(rows: readonly R[], channels: Channels<R> & { id?: Accessor<R, string> }): BarDatum[] {
	return rows.map((row) => ({
		id: channels.id ? read(row, channels.id) : undefined,
		label: read(row, channels.x),
		value: read(row, channels.y),
		marker: channels.marker ? read(row, channels.marker) : undefined,
		provenance: channels.provenance?.(row)
	}));
}

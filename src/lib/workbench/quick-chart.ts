/**
 * A quick chart of a console result: the columns the user picks, as the props of the project's
 * own LineChartFigure (one line per value of the series column) or BarChartFigure. Values that
 * are not numbers are gaps (null), never zeros.
 */
import type { Row } from '../data/engine';
import type { BarDatum, LineSeries } from '../charts/types';

const asNumber = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Columns a chart can take as values: those holding at least one number. */
export function numericColumns(rows: readonly Row[], columns: readonly string[]): string[] {
	return columns.filter((c) => rows.some((r) => asNumber(r[c]) !== null));
}

export function lineSeries(rows: readonly Row[], x: string, y: string, by?: string): LineSeries[] {
	const groups = new Map<string, LineSeries>();
	for (const r of rows) {
		const id = by ? String(r[by] ?? '') : y;
		let s = groups.get(id);
		if (!s) groups.set(id, (s = { id, label: id || '(empty)', points: [] }));
		s.points.push({ x: String(r[x] ?? ''), y: asNumber(r[y]) });
	}
	for (const s of groups.values()) s.points.sort((a, b) => (a.x < b.x ? -1 : a.x > b.x ? 1 : 0));
	return [...groups.values()];
}

export function bars(rows: readonly Row[], label: string, value: string): BarDatum[] {
	return rows.map((r, i) => ({ id: `${i}`, label: String(r[label] ?? ''), value: asNumber(r[value]) }));
}

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;
/** Whether a column can be a line chart's x axis: every value a period (YYYY, YYYY-MM, YYYY-Qn). */
export function isPeriodColumn(rows: readonly Row[], column: string): boolean {
	return rows.length > 0 && rows.every((r) => PERIOD.test(String(r[column] ?? '')));
}

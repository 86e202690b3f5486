/**
 * The explorer's view model: from a parsed state and the indicator series rows
 * (queries.indicatorSeries) to everything a view draws: title, takeaway, text alternative,
 * source line, the line series, the bars, the map rows and the tidy table with its CSV. Pure, so
 * the same rows give the same words on the server (prerender) and in the browser.
 */
import type { Source, SourceKind, Unit } from '$lib/data/contract';
import { MARKERS } from '$lib/data/contract';
import type { IndicatorSeriesRow } from '$lib/data/queries';
import type { BarDatum, CsvData, LineSeries, TableData } from '$lib/charts/types';
import { cellWords, formatCell, formatPeriod, formatValue, parseMarkers } from '$lib/format';
import { sourceLine } from '$lib/pages/sources';
import type { CatalogArea, CatalogIndicator, ExploreState } from './params';

const KIND_WORDS: Record<SourceKind, string> = {
	official_statistics: 'Official statistics',
	management_information: 'Management information',
	secondary: 'Secondary source',
	illustrative: 'Illustrative'
};

export interface ExploreViewModel {
	title: string;
	subtitle: string;
	takeaway: string;
	alt: string;
	source: string;
	sourceDate: string;
	illustrative: boolean;
	/** The unit drawn: the indicator's, or rate_per_100k. */
	unit: Unit;
	filename: string;
	series: LineSeries[];
	/** The last period of the range that holds a row, for bars and map. */
	latestPeriod: string | null;
	/** The same, in words ("Autumn 2023", "December 2024"), or "none". */
	latestPeriodText: string;
	bars: BarDatum[];
	mapRows: { area_code: string; area_name: string; value: number | null; marker: string }[];
	table: TableData;
	csv: CsvData;
}

/** The marker of a row's shown value: a rate without a population is not available. */
function shownMarker(row: IndicatorSeriesRow, rate: boolean): string {
	return rate && row.population === null && row.value !== null ? 'x' : row.marker;
}

export function exploreView(
	state: ExploreState,
	indicator: CatalogIndicator,
	areas: readonly CatalogArea[],
	rows: readonly IndicatorSeriesRow[],
	sources: readonly Source[]
): ExploreViewModel {
	const rate = state.measure === 'rate';
	const unit: Unit = rate ? 'rate_per_100k' : indicator.unit;
	const snapshot = indicator.indicator_id.startsWith('snapshot');
	const when = (p: string) => formatPeriod(p, { snapshot });
	const shown = (r: IndicatorSeriesRow) => (rate ? r.rate_per_100k : r.value);
	const withUnit = (v: number | null) => formatValue(v, unit, { withUnit: true });
	const areaName = (code: string) => areas.find((a) => a.area_code === code)?.area_name ?? code;
	const chosen = state.areas.filter((c) => rows.some((r) => r.area_code === c));

	const series: LineSeries[] = chosen.map((code) => ({
		id: code,
		label: areaName(code),
		points: rows.filter((r) => r.area_code === code).map((r) => ({ x: r.period, y: shown(r), marker: shownMarker(r, rate) }))
	}));

	const latestPeriod = rows.reduce<string | null>((max, r) => (max === null || r.period > max ? r.period : max), null);
	const latestRows = rows.filter((r) => r.period === latestPeriod);
	const bars: BarDatum[] = [...latestRows]
		.sort((a, b) => (shown(b) ?? -Infinity) - (shown(a) ?? -Infinity) || a.area_name.localeCompare(b.area_name))
		.map((r) => ({ id: r.area_code, label: r.area_name, value: shown(r), marker: shownMarker(r, rate) }));
	const mapRows = latestRows
		.filter((r) => areas.find((a) => a.area_code === r.area_code)?.area_type === 'local_authority')
		.map((r) => ({ area_code: r.area_code, area_name: r.area_name, value: shown(r), marker: shownMarker(r, rate) }));

	const title = rate ? `${indicator.name}, per 100,000 residents` : indicator.name;
	const range = state.fromPeriod === state.toPeriod ? when(state.fromPeriod) : `${when(state.fromPeriod)} to ${when(state.toPeriod)}`;
	const populationYears = [...new Set(rows.map((r) => r.population_year).filter((y): y is number => y !== null))].sort();
	const nearestUsed = rows.some((r) => r.population_year !== null && String(r.population_year) !== r.period.slice(0, 4));
	const denominator = rate
		? ` Rates per 100,000 residents use the ONS mid-year population estimate of each count's year` +
			(populationYears.length ? ` (${populationYears[0]}${populationYears.length > 1 ? `–${populationYears.at(-1)}` : ''})` : '') +
			(nearestUsed ? '; where that year is not held, the nearest year held.' : '.')
		: '';
	const who = state.view === 'map' ? 'The seven WMCA authorities' : chosen.map(areaName).join(', ') || 'No area';
	const subtitle = `${who}, ${range}.${denominator}`;

	let takeaway = 'No figures are held for this choice.';
	// The map draws its own rows (every authority, at the latest period), so its takeaway is of those.
	const mapTop = [...mapRows].filter((r) => r.value !== null).sort((a, b) => b.value! - a.value! || a.area_name.localeCompare(b.area_name))[0];
	const valued = series.map((s) => ({ s, pts: s.points.filter((p) => p.y !== null) })).filter((x) => x.pts.length);
	if (state.view === 'map') {
		if (mapTop && latestPeriod) {
			takeaway = `In ${when(latestPeriod)}, ${mapTop.area_name} had the highest ${rate ? 'rate' : 'figure'} of the ${mapRows.length} authorities shown: ${withUnit(mapTop.value)}.`;
		}
	} else if (valued.length === 1) {
		const { s, pts } = valued[0];
		const [first, last] = [pts[0], pts.at(-1)!];
		takeaway =
			pts.length === 1
				? `${s.label}: ${withUnit(last.y)} in ${when(String(last.x))}.`
				: `${s.label}: ${withUnit(last.y)} in ${when(String(last.x))}, against ${withUnit(first.y)} in ${when(String(first.x))}.`;
	} else if (valued.length > 1 && latestPeriod) {
		const top = bars.find((b) => b.value !== null);
		if (top) {
			takeaway = `In ${when(latestPeriod)}, ${top.label} had the highest ${rate ? 'rate' : 'figure'} of the ${chosen.length} areas shown: ${withUnit(top.value)}.`;
		}
	}
	const alt =
		`${title}, ${range}. ` +
		series.map((s) => `${s.label}: ${s.points.map((p) => `${when(String(p.x))} ${formatCell(p.y, p.marker, unit)}`).join(', ')}.`).join(' ');

	const line = sourceLine(sources, rows.map((r) => r.source_id));
	const populationSources = rate ? sourceLine(sources, rows.map((r) => r.population_source_id)) : null;
	const source = populationSources && populationSources.text !== 'Not stated' ? `${line.text}; population: ${populationSources.text}` : line.text;

	const markerWords = (m: string) => parseMarkers(m).map((l) => MARKERS[l]).join(', ');
	const table: TableData = {
		caption: `${title}: ${subtitle}`,
		columns: [
			{ label: 'Area' },
			{ label: 'Period' },
			{ label: rate ? 'Per 100,000 residents' : 'Value', numeric: true },
			...(rate ? [{ label: 'Population', numeric: true }, { label: 'Population year' }] : []),
			{ label: 'Status' },
			{ label: 'Source' },
			{ label: 'Kind' },
			{ label: 'Published' }
		],
		rows: rows.map((r) => [
			r.area_name,
			when(r.period),
			formatCell(shown(r), shownMarker(r, rate), unit),
			...(rate ? [formatCell(r.population, r.population === null ? 'x' : '', 'people'), r.population_year === null ? '[x]' : String(r.population_year)] : []),
			markerWords(shownMarker(r, rate)) || 'As published',
			r.cell ? `${r.source_title}, ${cellWords(r.cell)}` : r.source_title,
			KIND_WORDS[r.source_kind as SourceKind] ?? r.source_kind,
			r.source_published ? formatPeriod(r.source_published) : ''
		])
	};
	const people = indicator.unit === 'people';
	const csv: CsvData = {
		filename: `${indicator.indicator_id}-${state.measure}-${state.fromPeriod}-${state.toPeriod}`,
		header: [
			'area_code', 'area_name', 'period', 'value', 'marker', 'source_id', 'source_kind', 'source_published', 'cell',
			...(people ? ['population', 'population_year', 'rate_per_100k'] : [])
		],
		rows: rows.map((r) => [
			r.area_code, r.area_name, r.period, r.value, r.marker, r.source_id, r.source_kind, r.source_published, r.cell,
			...(people ? [r.population, r.population_year, r.rate_per_100k] : [])
		])
	};

	return {
		title,
		subtitle,
		takeaway,
		alt,
		source,
		sourceDate: line.date,
		illustrative: rows.some((r) => r.source_kind === 'illustrative'),
		unit,
		filename: csv.filename,
		series,
		latestPeriod,
		latestPeriodText: latestPeriod ? when(latestPeriod) : 'none',
		bars,
		mapRows,
		table,
		csv
	};
}

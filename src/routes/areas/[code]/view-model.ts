/**
 * The overview's view-model: the area's data (./load) in, everything the page says out: the
 * official headline, the cards, each chart's series, title, takeaway, text alternative, source
 * line, queries and embed parameters. Pure (no Svelte, no engine), so it is unit-tested on
 * hand-made rows. Units and their words come from each indicator, never from the page.
 */
import { ENGLAND, WMCA, type Source, type Unit } from '$lib/data/contract';
import { formatCell, formatPeriod, formatValue, unitLabel } from '$lib/format';
import { kindWords, type Provenance } from '$lib/format/provenance';
import type { IndicatorSeriesRow, NamedQuery } from '$lib/data/queries';
import type { EmbedParams } from '$lib/config/site';
import type { BarDatum, ChartAnnotation, LineSeries } from '$lib/charts/types';
import { seriesFromRows } from '$lib/charts/tidy';
import { COMPARATOR } from '$lib/charts/palette';
import { cardFigure, type CardFigure } from '$lib/pages/scorecard';
import { sourceLine } from '$lib/pages/sources';
import { HEADLINES, PILLAR_CHARTS, PILLAR_WORDS, SNAPSHOT_INDICATOR } from '$lib/pages/pillars';
import { housingFirstFacts } from '$lib/pages/housing-first';
import type { IndicatorSummary, OverviewData } from './load';


/** "People", "Per cent": a unit's words as a heading. */
export const unitHeading = (unit: Unit) => {
	const words = unitLabel(unit);
	return words.charAt(0).toUpperCase() + words.slice(1);
};

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A row's provenance, with the population behind its rate when it has one. */
export const provenanceOf = (r: IndicatorSeriesRow, withRate = false): Provenance => ({
	source_id: r.source_id,
	source_kind: r.source_kind,
	source_title: r.source_title,
	source_published: r.source_published,
	cell: r.cell,
	...(withRate ? { population: r.population, population_year: r.population_year } : {})
});

/** Tidy rows to line series, one per area or indicator, each point carrying its provenance. */
const lines = (rows: readonly IndicatorSeriesRow[], z: 'area_code' | 'indicator_id', label: (r: IndicatorSeriesRow) => string, order?: string[]) =>
	seriesFromRows(rows, { x: 'period', y: 'value', z, marker: 'marker', provenance: (r) => provenanceOf(r) }, { label: (_, r) => label(r), order });

/** First and last period of some rows, for the embed's from/to. */
function periodRange(rows: readonly { period: string }[]): { from: string; to: string } {
	const periods = rows.map((r) => r.period).sort();
	return { from: periods[0] ?? 'latest', to: periods.at(-1) ?? 'latest' };
}

const altList = (rows: readonly IndicatorSeriesRow[], period: (p: string) => string) =>
	rows.map((r) => `${period(r.period)} ${formatCell(r.value, r.marker)}`).join(', ');

export interface ChartModel {
	id: string;
	title: string;
	takeaway: string;
	subtitle?: string;
	alt: string;
	source: string;
	sourceDate: string;
	illustrative: boolean;
	filename: string;
	unit: Unit;
	yLabel: string;
	query: NamedQuery<unknown>[];
	embed: EmbedParams;
}

/** The frame's editorial props of a chart (title to embed), to spread onto a figure component. */
export const frameProps = ({ id, title, takeaway, subtitle, alt, source, sourceDate, illustrative, query, embed }: ChartModel) => ({
	id,
	title,
	takeaway,
	subtitle,
	alt,
	source,
	sourceDate,
	illustrative,
	query,
	embed
});

/** A line chart's figure props: the frame's, plus its file name, unit, axis words and series. */
export const lineFigureProps = (c: ChartModel & { series: LineSeries[] }) => ({
	...frameProps(c),
	filename: c.filename,
	unit: c.unit,
	yLabel: c.yLabel,
	series: c.series
});

export function overviewViewModel(data: OverviewData) {
	const { area, sources } = data;
	const indicator = (id: string): IndicatorSummary => {
		const found = data.indicators.find((i) => i.indicator_id === id);
		if (!found) throw new Error(`Indicator ${id} is not in indicators.csv`);
		return found;
	};
	const annotations: ChartAnnotation[] = data.annotations.map((a) => ({ x: a.period, label: a.label }));
	const snapshotIndicator = indicator(SNAPSHOT_INDICATOR);
	const snapshotUnit = snapshotIndicator.unit;
	const words = unitLabel(snapshotUnit);

	// The official headline: the area's latest autumn snapshot, with its rate and population year.
	const areaSnapshot = data.snapshot.rows.filter((r) => r.area_code === area.area_code);
	const englandSnapshot = data.snapshot.rows.filter((r) => r.area_code === ENGLAND);
	const snapshotCard = cardFigure(snapshotIndicator, areaSnapshot);
	const latestRow = areaSnapshot.find((r) => r.period === snapshotCard.period) ?? null;
	const headlineSource = sourceLine(sources, latestRow ? [latestRow.source_id] : []);
	const headline = {
		card: snapshotCard,
		value: latestRow?.value ?? null,
		marker: latestRow?.marker ?? 'x',
		period: snapshotCard.period,
		rate: latestRow?.rate_per_100k ?? null,
		population: latestRow?.population ?? null,
		populationYear: latestRow?.population_year ?? null,
		kind: latestRow ? kindWords(latestRow.source_kind) : '',
		source: headlineSource.text,
		sourceDate: headlineSource.date,
		unitWords: words,
		sentence:
			snapshotCard.value === null
				? `No autumn snapshot figure is held for ${area.area_name}.`
				: `${formatValue(snapshotCard.value, snapshotUnit, { withUnit: true })} slept rough on a single night in ${area.area_name} in autumn ${snapshotCard.period}: ${lowerFirst(snapshotCard.status.sentence)}.`
	};

	// The snapshot since 2010: the area and England, each on its own scale.
	const snapshotSeries = lines(data.snapshot.rows, 'area_code', (r) => r.area_name, [area.area_code, ENGLAND]);
	const snapshotSrc = sourceLine(sources, data.snapshot.rows.map((r) => r.source_id));
	const snapshotChart: ChartModel & { panels: { id: string; title: string; series: LineSeries[]; annotations: ChartAnnotation[] }[] } = {
		id: 'chart-snapshot',
		title: `${snapshotIndicator.name}, ${area.area_name} and England, 2010 to ${data.latestYear}`,
		takeaway: headline.sentence,
		subtitle: 'Gaps are years with no figure, not zeros.',
		alt:
			`Two line charts of the autumn snapshot since 2010. ${area.area_name}: ${altList(areaSnapshot, (p) => p)}. ` +
			`England: ${altList(englandSnapshot, (p) => p)}.`,
		source: snapshotSrc.text,
		sourceDate: snapshotSrc.date,
		illustrative: data.snapshot.rows.some((r) => r.source_kind === 'illustrative'),
		filename: `rough-sleeping-autumn-snapshot-${area.area_code}`,
		unit: snapshotUnit,
		yLabel: unitHeading(snapshotUnit),
		query: data.snapshot.queries,
		embed: { indicator: SNAPSHOT_INDICATOR, areas: [area.area_code, ENGLAND], ...periodRange(data.snapshot.rows), measure: 'count', view: 'line' },
		panels: snapshotSeries.map((s) => ({
			id: s.id === ENGLAND ? 'england' : 'area',
			title: s.label,
			series: [s.id === ENGLAND ? { ...s, colour: COMPARATOR } : s],
			annotations
		}))
	};

	// The latest snapshot by authority: counts (largest first) and rates (highest first). An
	// authority with no row for the year is [x], never left out and never 0.
	const authorityNames = data.areas.filter((a) => a.area_code !== WMCA);
	const byCode = new Map(data.byAuthority.rows.map((r) => [r.area_code, r]));
	const authorityBars = (measure: 'count' | 'rate'): BarDatum[] =>
		authorityNames
			.map((a) => {
				const r = byCode.get(a.area_code);
				const value = r ? (measure === 'count' ? r.value : r.rate_per_100k) : null;
				return {
					id: a.area_code,
					label: a.area_name,
					value,
					marker: r && value !== null ? r.marker : 'x',
					provenance: r ? provenanceOf(r, measure === 'rate') : undefined
				};
			})
			.sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
	const counts = authorityBars('count');
	const rates = authorityBars('rate');
	const year = data.latestYear;
	const authoritySrc = sourceLine(sources, data.byAuthority.rows.map((r) => r.source_id));
	const rateSrc = sourceLine(sources, data.byAuthority.rows.flatMap((r) => [r.source_id, r.population_source_id]));
	const populationYears = [...new Set(data.byAuthority.rows.map((r) => r.population_year).filter((y): y is number => y !== null))].sort();
	const populationWords = populationYears.length > 0 ? populationYears.map((y) => `mid-${y}`).join(' and ') : 'mid-[x]';
	const authorityEmbed = (measure: 'count' | 'rate'): EmbedParams => ({
		indicator: SNAPSHOT_INDICATOR,
		areas: authorityNames.map((a) => a.area_code),
		from: year ?? 'latest',
		to: year ?? 'latest',
		measure,
		view: 'bars'
	});
	const highlight = area.area_code === WMCA ? [] : [area.area_code];
	const authorityChart: ChartModel & { bars: BarDatum[]; highlight: string[] } = {
		id: 'chart-authorities',
		title: `${snapshotIndicator.name} by authority, autumn ${year}`,
		takeaway: counts[0]?.value != null
			? `${counts[0].label} had the most ${words} sleeping rough on the night (${formatCell(counts[0].value, counts[0].marker, snapshotUnit)}) of the seven WMCA authorities in autumn ${year}.`
			: 'No figures by authority are held.',
		alt: `Bar chart, largest first: ${counts.map((b) => `${b.label} ${formatCell(b.value, b.marker, snapshotUnit)}`).join(', ')}.`,
		source: authoritySrc.text,
		sourceDate: authoritySrc.date,
		illustrative: data.byAuthority.rows.some((r) => r.source_kind === 'illustrative'),
		filename: `rough-sleeping-snapshot-by-authority-${year}`,
		unit: snapshotUnit,
		yLabel: unitHeading(snapshotUnit),
		query: data.byAuthority.queries,
		embed: authorityEmbed('count'),
		bars: counts,
		highlight
	};
	const rateChart: ChartModel & { bars: BarDatum[]; highlight: string[] } = {
		id: 'chart-authority-rates',
		title: `${snapshotIndicator.name} per 100,000 residents, by authority, autumn ${year}`,
		takeaway: rates[0]?.value != null
			? `Per head of population, ${rates[0].label} had the highest rate (${formatValue(rates[0].value, 'rate_per_100k')} per 100,000 residents) in autumn ${year}.`
			: 'No rates can be given: no population figures are held.',
		subtitle: `Rate per 100,000 residents, using ONS ${populationWords} population estimates. [x] where no population figure is held.`,
		alt: `Bar chart, highest rate first: ${rates.map((b) => `${b.label} ${formatCell(b.value, b.marker)}`).join(', ')} per 100,000 residents.`,
		source: rateSrc.text,
		sourceDate: rateSrc.date,
		illustrative: authorityChart.illustrative,
		filename: `rough-sleeping-rate-by-authority-${year}`,
		unit: 'rate_per_100k',
		yLabel: 'Per 100,000 residents',
		query: data.byAuthority.queries,
		embed: authorityEmbed('rate'),
		bars: rates,
		highlight
	};

	// The monthly framework indicators: the scorecard, then one chart per pillar.
	const monthly = data.monthly.rows;
	const shareOf = (pctId: string | null, period: string | null) =>
		pctId && period ? (monthly.find((r) => r.indicator_id === pctId && r.period === period)?.value ?? null) : null;
	const cards = HEADLINES.map((h) => {
		const main: CardFigure = cardFigure(indicator(h.indicator), monthly);
		return { pillar: h.pillar, words: PILLAR_WORDS[h.pillar], main, unitWords: unitLabel(main.indicator.unit), share: shareOf(h.pct, main.period) };
	});
	const queryOf = (id: string) => data.monthly.queries.filter((q) => q.params[0] === id);
	const pillarCharts = PILLAR_CHARTS.map((c) => {
		const ids = c.indicators as readonly string[];
		const rows = monthly.filter((r) => ids.includes(r.indicator_id));
		const first = indicator(ids[0]);
		// A series with no figure at all for this area is left out rather than drawn as an empty legend entry.
		const series = lines(rows, 'indicator_id', (r) => indicator(r.indicator_id).short_name, [...ids]).filter((s) =>
			s.points.some((p) => p.y !== null)
		);
		const head = cardFigure(first, rows);
		const src = sourceLine(sources, rows.map((r) => r.source_id));
		const model: ChartModel & { series: LineSeries[]; pillar: string } = {
			id: `chart-pillar-${c.pillar}`,
			pillar: c.pillar,
			title: `${PILLAR_WORDS[c.pillar].title}: ${series.map((s) => s.label.toLowerCase()).join(' and ')}`,
			takeaway:
				head.value === null
					? `No monthly figures are held for ${area.area_name}.`
					: `${first.name} in ${area.area_name}: ${formatValue(head.value, first.unit, { withUnit: true })} in ${formatPeriod(head.period!)}.`,
			alt: `Line chart of ${series.map((s) => s.label).join(' and ')} each month for ${area.area_name}.`,
			source: src.text,
			sourceDate: src.date,
			illustrative: rows.some((r) => r.source_kind === 'illustrative'),
			filename: `${c.pillar}-monthly-${area.area_code}`,
			unit: first.unit,
			yLabel: unitHeading(first.unit),
			query: ids.flatMap(queryOf),
			embed: { indicator: first.indicator_id, areas: [area.area_code], ...periodRange(rows), measure: 'count', view: 'line' },
			series
		};
		return model;
	});
	const illustrative = cards.some((c) => c.main.illustrative) || pillarCharts.some((c) => c.illustrative);

	// Housing First: published milestones of people housed by the West Midlands pilot.
	const housedIndicator = indicator('hf_people_housed');
	const housedRows = data.housingFirst.rows;
	const latestHoused = [...housedRows].reverse().find((r) => r.value !== null);
	const housedSrc = sourceLine(sources, housedRows.map((r) => r.source_id));
	const housingFirst: ChartModel & { series: LineSeries[] } = {
		id: 'chart-housing-first',
		title: 'People housed by the West Midlands Housing First pilot, as published',
		takeaway: latestHoused
			? `By ${formatPeriod(latestHoused.period)} the pilot had housed ${formatValue(latestHoused.value, housedIndicator.unit, { withUnit: true })} since it began in 2018.`
			: 'No published figures are held.',
		subtitle: "Cumulative. Figures marked [e] were published as approximations (for example 'nearly 300').",
		alt: `Line chart of published milestones: ${altList(housedRows, (p) => formatPeriod(p))}.`,
		source: housedSrc.text,
		sourceDate: housedSrc.date,
		illustrative: housedRows.some((r) => r.source_kind === 'illustrative'),
		filename: 'housing-first-people-housed',
		unit: housedIndicator.unit,
		yLabel: unitHeading(housedIndicator.unit),
		query: data.housingFirst.queries,
		embed: { indicator: housedIndicator.indicator_id, areas: [WMCA], ...periodRange(housedRows), measure: 'count', view: 'line' },
		series: lines(housedRows, 'indicator_id', () => housedIndicator.short_name)
	};

	return {
		area,
		headline,
		cards,
		illustrative,
		snapshotChart,
		authorityChart,
		rateChart,
		pillarCharts,
		housingFirst,
		facts: housingFirstFacts(data.housingFirstFacts, data.indicators, sources as Source[])
	};
}

export type OverviewViewModel = ReturnType<typeof overviewViewModel>;

/** What every section of the overview is given. */
export interface SectionProps {
	vm: OverviewViewModel;
	methodologyHref: string;
}

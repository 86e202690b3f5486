/**
 * The progress report's view-model: the area's rows (./load) in, everything the report says out:
 * for each pillar its headline indicator and the others, each with baseline, latest, the change on
 * the same month a year earlier and on the baseline, the last 12 months, the status in words, the
 * target and whether the area is on track; the comparison across areas as rates per 100,000; one
 * sentence a partner can quote; and the whole report as one CSV. Pure (no Svelte, no engine), so
 * it is unit-tested on hand-made rows. The rules themselves live in $lib/report/status.
 */
import { ENGLAND, WMCA, type Source, type Unit } from '$lib/data/contract';
import { comparePeriods, formatChange, formatPeriod, formatValue, samePeriodYearEarlier, unitLabel } from '$lib/format';
import { kindWords } from '$lib/format/provenance';
import type { AreaComparisonRow, IndicatorSeriesRow, TargetRow } from '$lib/data/queries';
import type { BarDatum, CsvData, TableData } from '$lib/charts/types';
import type { EmbedParams } from '$lib/config/site';
import { barTable } from '$lib/charts/table-data';
import { sourceLine } from '$lib/pages/sources';
import { HEADLINES, PILLAR_WORDS, REPORT_PILLARS } from '$lib/pages/pillars';
import { FRAMEWORK_BASELINE, onTrack, yearOnYear, periodIndex, SMALL_COUNT, type Track, type YearOnYear } from '$lib/report/status';
import type { IndicatorSummary } from '../../areas/[code]/load';
// Types only: the load (and the query and markdown modules it needs) stays out of the page's JavaScript.
import type { ReportData } from './load';

export interface Figure {
	period: string;
	value: number | null;
	marker: string;
}

export interface TargetView {
	value: number;
	period: string;
	baselinePeriod: string;
	setBy: string;
	sourceId: string;
	kind: string;
	illustrative: boolean;
	track: Track;
}

export interface IndicatorReport {
	indicator: IndicatorSummary;
	baseline: Figure | null;
	latest: Figure | null;
	yearEarlier: Figure | null;
	status: YearOnYear;
	/** latest − baseline, and as a percentage of the baseline (null when the baseline is 0 or missing). */
	sinceBaseline: { change: number | null; changePct: number | null };
	/** The last 12 months to the latest, oldest first; a missing month is null, never 0. */
	trend: { x: string; y: number | null; marker: string }[];
	trendText: string;
	target: TargetView | null;
	kind: string;
	illustrative: boolean;
	source: { text: string; date: string };
}

/** 2 → "2nd", 11 → "11th", 23 → "23rd". */
const ordinal = (n: number) => `${n}${[11, 12, 13].includes(n % 100) ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const clean = (n: number) => Math.round(n * 1e9) / 1e9;

/** Which months a period string is, for the trend's 12 months. */
function monthsBack(period: string, n: number): string[] {
	const i = periodIndex(period);
	return Array.from({ length: n }, (_, k) => {
		const j = i - (n - 1 - k);
		return `${Math.floor(j / 12)}-${String((j % 12) + 1).padStart(2, '0')}`;
	});
}

/** "up 12 (23.1%)" / "down 4.5 percentage points" / "unchanged": a change in words. */
export function changeWords(change: number | null, changePct: number | null, unit: Unit): string {
	if (change === null) return 'no comparison';
	if (change === 0) return 'unchanged';
	const pct = changePct !== null && unit !== 'percent' ? ` (${formatValue(Math.abs(changePct), 'percent')})` : '';
	return `${change > 0 ? 'up' : 'down'} ${formatChange(change, unit)}${pct}`;
}

/** What kind of figures these are, in plain words a partner can put in a letter. */
export function caveat(kind: string): string {
	switch (kind) {
		case 'illustrative':
			return 'These are illustrative figures computed from a synthetic register, not real data, and must not be quoted as fact.';
		case 'management_information':
			return 'These are management information, not official statistics.';
		case 'official_statistics':
			return 'These are official statistics.';
		case 'secondary':
			return 'These figures are as quoted in a secondary source, not taken from the official release.';
		default:
			return 'The kind of source of these figures is not stated.';
	}
}

export function indicatorReport(
	indicator: IndicatorSummary,
	rows: readonly IndicatorSeriesRow[],
	targets: readonly TargetRow[],
	sources: readonly Source[]
): IndicatorReport {
	const series = rows.filter((r) => r.indicator_id === indicator.indicator_id).sort((a, b) => comparePeriods(a.period, b.period));
	const at = (period: string | null | undefined): Figure | null => {
		const r = period ? series.find((s) => s.period === period) : undefined;
		return r ? { period: r.period, value: r.value, marker: r.marker } : null;
	};
	const target = targets.find((t) => t.indicator_id === indicator.indicator_id) ?? null;
	const latestRow = [...series].reverse().find((r) => r.value !== null) ?? null;
	const latest = latestRow ? at(latestRow.period) : null;
	// The baseline: the target's own baseline period, else the framework's first month (May 2023). A
	// gap there stays a gap: a later month put in its place would overstate the change since.
	const baselinePeriod = target?.baseline_period ?? FRAMEWORK_BASELINE;
	const baseline = at(baselinePeriod) ?? (baselinePeriod ? { period: baselinePeriod, value: null, marker: 'x' } : null);
	const yearEarlierPeriod = latest ? samePeriodYearEarlier(latest.period) : null;
	const yearEarlier = at(yearEarlierPeriod) ?? (yearEarlierPeriod ? { period: yearEarlierPeriod, value: null, marker: 'x' } : null);
	const status = yearOnYear(latest?.value ?? null, yearEarlier?.value ?? null, indicator.polarity, indicator.unit);
	const sinceBaseline =
		latest?.value != null && baseline?.value != null && baseline.period !== latest.period
			? {
					change: clean(latest.value - baseline.value),
					changePct: baseline.value === 0 ? null : clean(((latest.value - baseline.value) / Math.abs(baseline.value)) * 100)
				}
			: { change: null, changePct: null };
	const trend = latest
		? monthsBack(latest.period, 12).map((m) => {
				const f = at(m);
				return { x: m, y: f?.value ?? null, marker: f ? f.marker : 'x' };
			})
		: [];
	const shown = trend.filter((p) => p.y !== null);
	const unit = indicator.unit;
	const trendText =
		shown.length === 0
			? 'No figures in the last 12 months.'
			: `Over the 12 months to ${formatPeriod(trend.at(-1)!.x)}: lowest ${formatValue(Math.min(...shown.map((p) => p.y!)), unit, { withUnit: true })}, highest ${formatValue(Math.max(...shown.map((p) => p.y!)), unit, { withUnit: true })}${shown.length < 12 ? ` (${12 - shown.length} of the 12 months ${12 - shown.length === 1 ? 'has' : 'have'} no figure)` : ''}.`;
	const kind = latestRow?.source_kind ?? series[0]?.source_kind ?? '';
	const targetView: TargetView | null = target
		? {
				value: target.target_value,
				period: target.target_period,
				baselinePeriod: target.baseline_period,
				setBy: target.set_by,
				sourceId: target.source_id,
				kind: target.source_kind,
				illustrative: target.source_kind === 'illustrative',
				track: onTrack({
					baselinePeriod: target.baseline_period,
					baselineValue: baseline?.value ?? null,
					targetPeriod: target.target_period,
					targetValue: target.target_value,
					latestPeriod: latest?.period ?? null,
					latestValue: latest?.value ?? null,
					polarity: indicator.polarity
				})
			}
		: null;
	return {
		indicator,
		baseline,
		latest,
		yearEarlier,
		status,
		sinceBaseline,
		trend,
		trendText,
		target: targetView,
		kind,
		illustrative: series.some((r) => r.source_kind === 'illustrative'),
		source: sourceLine(sources, series.map((r) => r.source_id))
	};
}

/** The sentence a partner can lift into a letter: figures, direction, period and the caveat. */
export function letterSentence(areaName: string, r: IndicatorReport): string {
	const unit = r.indicator.unit;
	if (!r.latest || r.latest.value === null) return `No figure for ${lowerFirst(r.indicator.name)} is held for ${areaName}.`;
	const value = formatValue(r.latest.value, unit, { withUnit: true });
	const compared =
		r.status.change === null
			? `with no figure for ${formatPeriod(r.yearEarlier!.period)} to compare with`
			: `${changeWords(r.status.change, r.status.changePct, unit)} on ${formatPeriod(r.yearEarlier!.period)} (${formatValue(r.yearEarlier!.value, unit)})`;
	const judgement = r.status.word === 'Not enough data' ? '' : `: ${lowerFirst(r.status.word)}`;
	const target = r.target ? ` Against the ${r.target.illustrative ? 'illustrative ' : ''}target of ${formatValue(r.target.value, unit, { withUnit: true })} by ${formatPeriod(r.target.period)}, ${lowerFirst(r.target.track.word)}.` : '';
	return `${r.indicator.name} in ${areaName}: ${value} in ${formatPeriod(r.latest.period)}, ${compared}${judgement}.${target} ${caveat(r.kind)}`;
}

export interface ComparisonRow extends BarDatum {
	id: string;
	count: number | null;
	/** Fewer than SMALL_COUNT people: the rate moves a lot with one person. */
	small: boolean;
	role: 'area' | 'wmca' | 'england' | 'other';
}

export function comparisonView(areaCode: string, indicator: IndicatorSummary, rows: readonly AreaComparisonRow[], sources: readonly Source[]) {
	const period = rows.find((r) => r.period)?.period ?? null;
	const items: ComparisonRow[] = rows
		.map((r) => {
			const small = r.value !== null && r.value < SMALL_COUNT;
			const role: ComparisonRow['role'] = r.area_code === areaCode && areaCode !== WMCA ? 'area' : r.area_code === WMCA ? 'wmca' : r.area_code === ENGLAND ? 'england' : 'other';
			const marker = r.rate_per_100k === null ? (r.value === null ? r.marker || 'x' : 'x') : [r.marker, small ? 'u' : ''].filter(Boolean).join(' ');
			return {
				id: r.area_code,
				label: r.area_name,
				value: r.rate_per_100k,
				marker,
				count: r.value,
				small,
				role,
				provenance: {
					source_id: r.source_id,
					source_kind: r.source_kind,
					source_title: r.source_title,
					source_published: r.source_published,
					cell: r.cell,
					population: r.population,
					population_year: r.population_year
				}
			};
		})
		.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.label.localeCompare(b.label));
	const years = [...new Set(rows.map((r) => r.population_year).filter((y): y is number => y !== null))].sort();
	const denominator = years.length ? `ONS mid-${years.join(' and mid-')} population estimates` : 'no population estimate held';
	const src = sourceLine(sources, rows.flatMap((r) => [r.source_id, r.population_source_id]));
	const ranked = items.filter((i) => i.value !== null);
	const place = items.find((i) => i.id === areaCode);
	const englandRow = items.find((i) => i.id === ENGLAND);
	const when = period ? formatPeriod(period) : '[x]';
	const rank = ranked.findIndex((i) => i.id === areaCode) + 1;
	// The area's figure is illustrative while England's is real: the sentence says so, not only the subtitle.
	const placeIllustrative = rows.some((r) => r.area_code === areaCode && r.source_kind === 'illustrative');
	const takeaway =
		place && place.value !== null
			? `In ${when}, ${place.label} had ${formatValue(place.value, 'rate_per_100k')} per 100,000 residents${placeIllustrative ? ', an illustrative figure' : ''}${
					englandRow?.value != null ? `, against ${formatValue(englandRow.value, 'rate_per_100k')} for England` : ' (England has no figure for that month)'
				}: ${rank === 1 ? 'the highest' : `the ${ordinal(rank)} highest`} rate of the ${ranked.length} areas with one.`
			: `No rate can be given for ${place?.label ?? 'this area'} in ${when}.`;
	return {
		indicator,
		period,
		items,
		denominator,
		source: src,
		illustrative: rows.some((r) => r.source_kind === 'illustrative'),
		mixedKinds: new Set(rows.map((r) => r.source_kind).filter(Boolean)).size > 1,
		smallCounts: items.some((i) => i.small),
		takeaway,
		title: `${indicator.name} per 100,000 residents, by area, ${when}`,
		/** The same comparison as /explore parameters: rates for these areas in that month, as bars. */
		embed: {
			indicator: indicator.indicator_id,
			areas: rows.map((r) => r.area_code),
			from: period ?? 'latest',
			to: period ?? 'latest',
			measure: 'rate',
			view: 'bars'
		} satisfies EmbedParams
	};
}

export type ComparisonView = ReturnType<typeof comparisonView>;

/** The comparison's table and CSV: the rates as the dot plot draws them, with the count each is from. */
export function comparisonTable(c: ComparisonView, areaCode: string): { table: TableData; csv: CsvData } {
	const t = barTable(c.items, {
		unit: 'rate_per_100k',
		filename: `${c.indicator.indicator_id}-rate-by-area-${areaCode}-${c.period ?? 'latest'}`,
		categoryLabel: 'Area',
		valueLabel: 'Per 100,000 residents'
	});
	const countCell = (i: ComparisonRow) => (i.count === null ? '[x]' : formatValue(i.count, c.indicator.unit) + (i.small ? ' (small count)' : ''));
	return {
		table: {
			...t.table,
			columns: [t.table.columns[0], t.table.columns[1], { label: `Count (${unitLabel(c.indicator.unit)})`, numeric: true }, ...t.table.columns.slice(2)],
			rows: t.table.rows.map((row, k) => [row[0], row[1], countCell(c.items[k]), ...row.slice(2)])
		},
		csv: {
			...t.csv,
			header: [t.csv.header[0], t.csv.header[1], t.csv.header[2], 'count', ...t.csv.header.slice(3)],
			rows: t.csv.rows.map((row, k) => [row[0], row[1], row[2], c.items[k].count, ...row.slice(3)])
		}
	};
}

/** The report's figures as one long CSV: one row per figure, with its marker and provenance. */
/** Each figure's source and spreadsheet cell, by period. */
interface FigureProvenance {
	sourceIds: Map<string, string>;
	cells: Map<string, string>;
}

/** One indicator's rows as its figures' provenance by period. */
function figureProvenance(rows: readonly IndicatorSeriesRow[]): FigureProvenance {
	const sourceIds = new Map<string, string>();
	const cells = new Map<string, string>();
	for (const r of rows) {
		sourceIds.set(r.period, r.source_id);
		if (r.cell) cells.set(r.period, r.cell);
	}
	return { sourceIds, cells };
}

export function reportCsv(
	area: { area_code: string; area_name: string },
	pillars: readonly PillarReport[],
	sources: readonly Source[],
	official: { indicator: IndicatorSummary; row: IndicatorSeriesRow } | null = null
): CsvData {
	const published = (id: string) => sources.find((s) => s.source_id === id)?.published ?? '';
	const kindOf = (id: string) => sources.find((s) => s.source_id === id)?.kind ?? '';
	const rows: (string | number | null)[][] = [];
	if (official) {
		const { indicator: ind, row: o } = official;
		rows.push([area.area_code, area.area_name, ind.pillar, ind.indicator_id, ind.name, 'latest_official', o.period, o.value, o.marker, ind.unit, o.source_id, o.source_kind, o.source_published, null, null, '', o.cell ?? '']);
		if (o.rate_per_100k !== null)
			rows.push([area.area_code, area.area_name, ind.pillar, ind.indicator_id, ind.name, 'latest_official_rate_per_100k', o.period, o.rate_per_100k, o.marker, 'rate_per_100k', o.source_id, o.source_kind, o.source_published, o.population, o.population_year, '', o.cell ?? '']);
	}
	for (const p of pillars) {
		for (const r of [p.headline, ...p.others]) {
			if (!r) continue;
			const ind = r.indicator;
			const srcId = (period: string | undefined) => (period ? (r.sourceIds.get(period) ?? '') : '');
			const figure = (measure: string, f: Figure | null, note = '') => {
				if (!f) return;
				const id = srcId(f.period);
				rows.push([area.area_code, area.area_name, p.pillar, ind.indicator_id, ind.name, measure, f.period, f.value, f.value === null ? f.marker || 'x' : f.marker, ind.unit, id, kindOf(id), published(id), null, null, note, r.cells.get(f.period) ?? '']);
			};
			figure('baseline', r.baseline);
			figure('latest', r.latest, `Status: ${r.status.word}`);
			figure('same_month_year_earlier', r.yearEarlier);
			if (r.latest) {
				rows.push([area.area_code, area.area_name, p.pillar, ind.indicator_id, ind.name, 'change_on_year_earlier', r.latest.period, r.status.change, r.status.change === null ? 'x' : '', ind.unit, '', '', '', null, null, r.status.changePct === null ? '' : `${r.status.changePct}% of the year-earlier figure`, '']);
				rows.push([area.area_code, area.area_name, p.pillar, ind.indicator_id, ind.name, 'change_on_baseline', r.latest.period, r.sinceBaseline.change, r.sinceBaseline.change === null ? 'x' : '', ind.unit, '', '', '', null, null, r.sinceBaseline.changePct === null ? '' : `${r.sinceBaseline.changePct}% of the baseline`, '']);
			}
			if (r.target) {
				const t = r.target;
				rows.push([area.area_code, area.area_name, p.pillar, ind.indicator_id, ind.name, 'target', t.period, t.value, '', ind.unit, t.sourceId, t.kind, published(t.sourceId), null, null, `Set by ${t.setBy}; baseline ${t.baselinePeriod}`, '']);
				if (r.latest) rows.push([area.area_code, area.area_name, p.pillar, ind.indicator_id, ind.name, 'trajectory', r.latest.period, t.track.expected, t.track.expected === null ? 'x' : '', ind.unit, t.sourceId, t.kind, published(t.sourceId), null, null, t.track.word, '']);
			}
		}
		if (p.comparison) {
			const c = p.comparison;
			for (const i of c.items)
				rows.push([i.id, i.label, p.pillar, c.indicator.indicator_id, c.indicator.name, 'rate_per_100k', c.period ?? '', i.value, i.value === null ? i.marker || 'x' : (i.marker ?? ''), 'rate_per_100k', i.provenance?.source_id ?? '', i.provenance?.source_kind ?? '', i.provenance?.source_published ?? '', i.provenance?.population ?? null, i.provenance?.population_year ?? null, i.count === null ? '' : `From a count of ${i.count}`, i.provenance?.cell ?? '']);
		}
	}
	return {
		filename: `progress-report-${area.area_code}`,
		header: ['area_code', 'area_name', 'pillar', 'indicator_id', 'indicator', 'measure', 'period', 'value', 'marker', 'unit', 'source_id', 'source_kind', 'source_published', 'population', 'population_year', 'note', 'cell'],
		rows
	};
}

export interface PillarReport {
	pillar: (typeof REPORT_PILLARS)[number];
	words: (typeof PILLAR_WORDS)[keyof typeof PILLAR_WORDS];
	headline: (IndicatorReport & FigureProvenance) | null;
	others: (IndicatorReport & FigureProvenance)[];
	comparison: ComparisonView | null;
	sentence: string;
	illustrative: boolean;
}

export function reportViewModel(data: ReportData) {
	const { area, sources } = data;
	const targets = data.targets.rows;
	const build = (ind: IndicatorSummary) => ({
		...indicatorReport(ind, data.monthly.rows, targets, sources),
		...figureProvenance(data.monthly.rows.filter((r) => r.indicator_id === ind.indicator_id))
	});
	const pillars: PillarReport[] = REPORT_PILLARS.map((pillar) => {
		const headId = HEADLINES.find((h) => h.pillar === pillar)?.indicator;
		const inPillar = data.indicators.filter((i) => i.pillar === pillar);
		const head = inPillar.find((i) => i.indicator_id === headId) ?? null;
		const headline = head ? build(head) : null;
		const others = inPillar.filter((i) => i !== head).map(build);
		const rows = data.comparison[pillar]?.rows ?? [];
		const comparison = head && rows.length ? comparisonView(area.area_code, head, rows, sources) : null;
		return {
			pillar,
			words: PILLAR_WORDS[pillar],
			headline,
			others,
			comparison,
			sentence: headline ? letterSentence(area.area_name, headline) : `No figures are held for ${area.area_name}.`,
			illustrative: [headline, ...others].some((r) => r?.illustrative)
		};
	});

	// The first figure a reader sees is official: the area's latest autumn snapshot.
	const snap = [...data.snapshot.rows].reverse().find((r) => r.value !== null) ?? null;
	const snapSrc = sourceLine(sources, snap ? [snap.source_id] : []);
	const official = snap
		? {
				period: snap.period,
				value: snap.value,
				marker: snap.marker,
				unit: data.snapshotIndicator.unit,
				rate: snap.rate_per_100k,
				populationYear: snap.population_year,
				sourceKind: snap.source_kind,
				kind: kindWords(snap.source_kind),
				source: snapSrc,
				sentence: `${formatValue(snap.value, data.snapshotIndicator.unit, { withUnit: true })} slept rough on a single night in ${area.area_name} in autumn ${snap.period}${
					snap.rate_per_100k !== null ? ` (${formatValue(snap.rate_per_100k, 'rate_per_100k')} per 100,000 residents, mid-${snap.population_year} population)` : ''
				}.`
			}
		: null;
	// The report's date: the latest publication among the real sources of its figures (an
	// illustrative source's date is not a publication).
	const used = new Set([...data.monthly.rows, ...data.snapshot.rows].map((r) => r.source_id));
	const date = sources.filter((s) => used.has(s.source_id) && s.published && s.kind !== 'illustrative').map((s) => s.published).sort().at(-1) ?? null;
	const latestPeriods = pillars.map((p) => p.headline?.latest?.period).filter((p): p is string => !!p).sort(comparePeriods);
	const latestMonth = latestPeriods.at(-1) ?? null;
	return {
		area,
		areas: data.areas,
		isWmca: area.area_code === WMCA,
		official,
		pillars,
		latestMonth,
		date,
		illustrative: pillars.some((p) => p.illustrative),
		csv: reportCsv(area, pillars, sources, snap ? { indicator: data.snapshotIndicator, row: snap } : null)
	};
}

export type ReportViewModel = ReturnType<typeof reportViewModel>;

/**
 * What the progress report asks of the data, run by the Node engine at build time for /report/
 * (WMCA) and each /report/{code}/. Plain rows with the named queries that produced them; the
 * view-model beside this file turns them into the report. The pillars' indicators come from
 * indicators.csv (every monthly indicator of the four pillars that has a figure for the area), the
 * areas from areas.csv, never a hand list.
 */
import type { Engine } from '$lib/data/engine';
import { ENGLAND, WMCA } from '$lib/data/contract';
import { queries, run, type AreaComparisonRow, type IndicatorSeriesRow } from '$lib/data/queries';
import { HEADLINES, REPORT_PILLARS, SNAPSHOT_INDICATOR } from '$lib/pages/pillars';
import { loadWhatChanged } from '$lib/report/what-changed';
import { overviewAreas, queried, type IndicatorSummary, type Queried } from '../../areas/[code]/load';

export async function loadReport(engine: Engine, areaCode: string) {
	const areas = await overviewAreas(engine);
	const area = areas.find((a) => a.area_code === areaCode);
	if (!area) throw new Error(`No report for ${areaCode}: it is not WMCA or one of its authorities in areas.csv`);
	const authorities = areas.filter((a) => a.parent_code === WMCA).map((a) => a.area_code);
	const summaries: IndicatorSummary[] = (await run(engine, queries.indicators())).map(
		({ indicator_id, name, short_name, unit, polarity, frequency, pillar }) => ({ indicator_id, name, short_name, unit, polarity, frequency, pillar })
	);
	const indicators = summaries.filter((i) => (REPORT_PILLARS as readonly string[]).includes(i.pillar) && i.frequency === 'monthly');
	const snapshotIndicator = summaries.find((i) => i.indicator_id === SNAPSHOT_INDICATOR);
	if (!snapshotIndicator) throw new Error(`Indicator ${SNAPSHOT_INDICATOR} is not in indicators.csv`);
	const monthly = await queried(
		engine,
		indicators.map((i) => queries.indicatorSeries({ indicatorId: i.indicator_id, areaCodes: [area.area_code] }))
	);
	const held = new Set(monthly.rows.filter((r) => r.value !== null || r.marker !== '').map((r) => r.indicator_id));
	const compared = [ENGLAND, WMCA, ...authorities];
	const comparison: Record<string, Queried<AreaComparisonRow>> = {};
	for (const h of HEADLINES)
		comparison[h.pillar] = await queried(engine, [queries.areaComparison({ indicatorId: h.indicator, areaCodes: compared, referenceCode: ENGLAND })]);
	return {
		area: { area_code: area.area_code, area_name: area.area_name },
		areas: areas.map((a) => ({ area_code: a.area_code, area_name: a.area_name })),
		indicators: indicators.filter((i) => held.has(i.indicator_id)),
		sources: await run(engine, queries.sources()),
		monthly: { queries: monthly.queries.filter((q) => held.has(String(q.params[0]))), rows: monthly.rows },
		targets: await queried(engine, [queries.targetsForArea(area.area_code)]),
		comparison,
		/** New periods and revised figures of each series' latest edition against the one before. */
		whatChanged: await loadWhatChanged(engine, area),
		/** The official autumn snapshot for the area, the report's first figure. */
		snapshotIndicator,
		snapshot: (await queried(engine, [queries.indicatorSeries({ indicatorId: SNAPSHOT_INDICATOR, areaCodes: [area.area_code] })])) as Queried<IndicatorSeriesRow>
	};
}

export type ReportData = Awaited<ReturnType<typeof loadReport>>;

/**
 * What an indicator's page asks of the data (run by the Node engine at build time, and by the
 * browser's engine on the user's own dataset when they show it).
 */
import type { Engine } from '$lib/data/engine';
import { ENGLAND, WMCA, WMCA_AUTHORITIES } from '$lib/data/contract';
import { queries, run } from '$lib/data/queries';
import { SOURCE_KIND_WORDS } from '$lib/pages/sources';
import { isSnapshot, latestPeriod, ratesComparable, toObs, sourceIndex, type IndicatorView, type Obs } from './view-model';

const AUTHORITY_CODES = WMCA_AUTHORITIES.map((a) => a.code);

/** The page's data, from any engine (the build's, or the browser's with the user's dataset); undefined when there is no such indicator. */
export async function loadIndicator(db: Engine, indicatorId: string): Promise<{ view: IndicatorView } | undefined> {
	const indicator = (await run(db, queries.indicators())).find((i) => i.indicator_id === indicatorId);
	if (!indicator) return undefined;

	const seriesQuery = queries.indicatorSeries({ indicatorId, areaCodes: [WMCA, ENGLAND] });
	const authoritiesQuery = queries.indicatorSeries({ indicatorId, areaCodes: AUTHORITY_CODES });
	const allQuery = queries.indicatorSeries({ indicatorId, areaCodes: [] });
	// One after another, as the browser engine would (one connection).
	const series = (await run(db, seriesQuery)).map(toObs);
	const authorities = (await run(db, authoritiesQuery)).map(toObs);
	const all = (await run(db, allQuery)).map(toObs);
	const period = latestPeriod(authorities);
	const latestQuery = queries.indicatorSeries({ indicatorId, areaCodes: AUTHORITY_CODES, from: period, to: period });
	const latestRows = period ? (await run(db, latestQuery)).map(toObs) : [];
	// Every authority appears in the latest period: one with no row there has no figure ([x]).
	const latest: Obs[] = WMCA_AUTHORITIES.map(
		(a) =>
			latestRows.find((r) => r.area_code === a.code) ?? {
				area_code: a.code,
				area_name: a.name,
				period: period ?? '',
				value: null,
				marker: 'x',
				rate: null,
				population: null,
				population_year: null,
				source_id: '',
				population_source_id: '',
				cell: ''
			}
	);

	const allSources = await run(db, queries.sources());
	const used = new Set(all.flatMap((r) => [r.source_id, r.population_source_id]).filter(Boolean));
	const sources = allSources.filter((s) => used.has(s.source_id));
	const kinds = new Set(all.map((r) => sourceIndex(sources)[r.source_id]?.kind).filter(Boolean));
	const view: IndicatorView = {
		indicator,
		snapshot: isSnapshot(indicator),
		rates: ratesComparable(indicator.unit, authorities) || ratesComparable(indicator.unit, series),
		sourceKinds: Object.entries(SOURCE_KIND_WORDS)
			.filter(([kind]) => kinds.has(kind as never))
			.map(([, words]) => words),
		sources,
		series: { query: seriesQuery, rows: series },
		authorities: { query: authoritiesQuery, rows: authorities },
		latest: { query: latestQuery, rows: latest, period },
		all: { query: allQuery, rows: all }
	};
	return { view };
}

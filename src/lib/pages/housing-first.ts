/**
 * Housing First key figures for the overview, read from data/ (observations and sources), so each
 * figure on the page carries the date and source of its row and exists in one place only.
 */
import type { Source } from '../data/contract';
import type { SeriesRow } from '../data/queries';
import { formatCell, formatPeriod } from '../format';
import { HOUSING_FIRST_FACT_IDS } from './pillars';
import type { Indicator } from '../data/contract';

type IndicatorSummary = Pick<Indicator, 'indicator_id' | 'name' | 'unit'>;

export interface HousingFirstFact {
	id: string;
	/** Formatted, with any GSS marker, e.g. "515", "£9.6 million", "300 [e]". */
	value: string;
	label: string;
	/** When the figure was published or refers to, in words. */
	when: string;
	source: string;
	url: string;
	note: string;
}

/** The latest figure of each Housing First fact indicator that has one, in the order shown. */
export function housingFirstFacts(
	rows: readonly SeriesRow[],
	indicators: readonly Pick<IndicatorSummary, 'indicator_id' | 'name' | 'unit'>[],
	sources: readonly Source[]
): HousingFirstFact[] {
	return HOUSING_FIRST_FACT_IDS.flatMap((id) => {
		const latest = rows
			.filter((r) => r.indicator_id === id && r.value !== null)
			.sort((a, b) => a.period.localeCompare(b.period))
			.at(-1);
		const indicator = indicators.find((i) => i.indicator_id === id);
		if (!latest || !indicator) return [];
		const source = sources.find((s) => s.source_id === latest.source_id);
		return [
			{
				id,
				value: formatCell(latest.value, latest.marker, indicator.unit),
				label: indicator.name,
				when: formatPeriod(latest.period),
				source: source ? `${source.publisher}, ${source.title}` : 'Not stated',
				url: source?.url ?? '',
				note: latest.note
			}
		];
	});
}

/**
 * The headline scorecard: for each pillar's headline indicator, the latest value for the area,
 * the same period a year earlier, and a status in words that follows the indicator's polarity.
 * Pure: plain series rows in, plain cards out.
 */
import type { Indicator } from '../data/contract';
import type { SeriesRow } from '../data/queries';
import { samePeriodYearEarlier, status, type Status } from '../format';

/** The indicator fields a card needs. */
export type CardIndicator = Pick<Indicator, 'indicator_id' | 'short_name' | 'unit' | 'polarity' | 'frequency'>;

export interface CardFigure {
	indicator: CardIndicator;
	/** Latest period with a value, or null when the series has none. */
	period: string | null;
	value: number | null;
	marker: string;
	previousPeriod: string | null;
	previousValue: number | null;
	status: Status;
	/** Every value of the series, oldest first, for the sparkline. */
	points: { x: string; y: number | null }[];
	illustrative: boolean;
}

export function cardFigure(indicator: CardIndicator, rows: readonly SeriesRow[]): CardFigure {
	const series = rows.filter((r) => r.indicator_id === indicator.indicator_id);
	const latest = [...series].reverse().find((r) => r.value !== null) ?? null;
	const previousPeriod = latest ? samePeriodYearEarlier(latest.period) : null;
	const previous = previousPeriod ? (series.find((r) => r.period === previousPeriod) ?? null) : null;
	const snapshot = indicator.frequency === 'annual';
	return {
		indicator,
		period: latest?.period ?? null,
		value: latest?.value ?? null,
		marker: latest?.marker ?? '',
		previousPeriod,
		previousValue: previous?.value ?? null,
		status: status(latest?.value ?? null, previous?.value ?? null, indicator.polarity, {
			unit: indicator.unit,
			since: previousPeriod ?? undefined,
			snapshot
		}),
		points: series.map((r) => ({ x: r.period, y: r.value })),
		illustrative: series.some((r) => r.source_kind === 'illustrative')
	};
}

/**
 * The framework's pillars in words, and which indicators the overview shows for each: shared by
 * the overview and the methodology page. Plain constants, so the page can render without loading
 * the query module.
 */
import type { Pillar } from '../data/contract';

/** The official autumn snapshot (one night a year, every authority since 2010): the longest official series. */
export const SNAPSHOT_INDICATOR = 'snapshot_single_night';

/** The headline indicator of each pillar (the scorecard), with its percentage twin. */
export const HEADLINES = [
	{ pillar: 'prevented', indicator: 'new', pct: 'new_pct' },
	{ pillar: 'rare', indicator: 'rs_month', pct: null },
	{ pillar: 'brief', indicator: 'long_term', pct: 'long_term_pct' },
	{ pillar: 'non_recurring', indicator: 'returners', pct: 'returners_pct' }
] as const;

/** The four pillars the progress report covers, in its order. */
export const REPORT_PILLARS = ['prevented', 'rare', 'brief', 'non_recurring'] as const;

/** The monthly indicators charted for each pillar: one small chart per pillar. */
export const PILLAR_CHARTS = [
	{ pillar: 'prevented', indicators: ['new', 'left_institution'] },
	{ pillar: 'rare', indicators: ['rs_month', 'rs_single_night'] },
	{ pillar: 'brief', indicators: ['long_term', 'accommodated'] },
	{ pillar: 'non_recurring', indicators: ['returners', 'returners_from_settled'] }
] as const;

/** Every monthly indicator the overview reads for an area. */
export const MONTHLY_IDS: readonly string[] = [
	...new Set([
		...HEADLINES.flatMap((h) => [h.indicator, ...(h.pct ? [h.pct] : [])]),
		...PILLAR_CHARTS.flatMap((c) => c.indicators)
	])
];

/** Housing First key figures, in the order shown; each is read from data/ with its source. */
export const HOUSING_FIRST_FACT_IDS: readonly string[] = [
	'hf_people_housed',
	'hf_target_people',
	'hf_funding_gbp_million',
	'hf3_people_worked_with',
	'hf3_people_housed_secure_tenancy',
	'hf3_people_supported_other_home',
	'hf3_people_needing_support_when_funding_ends',
	'hf3_people_into_settled_tenancies'
];

export const PILLAR_WORDS: Record<Pillar, { title: string; question: string; text: string }> = {
	prevented: {
		title: 'Prevented',
		question: 'Are fewer people sleeping rough for the first time?',
		text: 'Rough sleeping is prevented wherever possible: fewer people sleep rough for the first time, and fewer arrive on the streets from prison, hospital, care or other institutions.'
	},
	rare: {
		title: 'Rare',
		question: 'Are fewer people sleeping rough?',
		text: 'Where it happens, rough sleeping is rare: few people sleep rough in a month or on any one night.'
	},
	brief: {
		title: 'Brief',
		question: 'Are fewer people sleeping rough for long?',
		text: 'Where it happens, it is brief: few people sleep rough for long, and people move quickly into accommodation.'
	},
	non_recurring: {
		title: 'Non-recurring',
		question: 'Are fewer people returning to rough sleeping?',
		text: 'It does not recur: few people return to rough sleeping, especially after moving into a settled home.'
	},
	context: {
		title: 'Context',
		question: 'What helps read the other figures?',
		text: 'Measures that help read the others, such as the Housing First pilot.'
	}
};

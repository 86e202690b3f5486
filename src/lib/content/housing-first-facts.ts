/**
 * Housing First key figures shown as cards in the Housing First section.
 *
 * Every figure is taken from data/official/housing_first.csv (shared data) with its source from
 * sources.csv; the July 2021 figures are from the mayors' news article (source `mayors_hf_2021`,
 * the seed article 002_0c57bd2821cda00b.txt). Nothing here is derived or estimated by this project.
 */

export interface HousingFirstFact {
	/** source_id + measure, stable key for rendering. */
	id: string;
	value: number;
	/** How to read `value`. */
	unit: 'people';
	/** What the number counts, including whose figure it is (West Midlands pilot or all three pilots). */
	label: string;
	/** As-at month, 'YYYY-MM'. */
	date: string;
	sourceTitle: string;
	sourceUrl: string;
	publisher: string;
	/** Caveats: approximate, estimated, lower bound, scope. */
	note?: string;
}

const DLUHC_2022 = {
	sourceTitle: 'More than 500 rough sleepers given new start thanks to Housing First scheme in West Midlands',
	sourceUrl:
		'https://www.wired-gov.net/wg/news.nsf/articles/more+than+500+rough+sleepers+given+new+start+thanks+to+housing+first+scheme+in+west+midlands+25032022151000?open',
	publisher: 'Department for Levelling Up Housing and Communities'
} as const;

const MAYORS_2021 = {
	sourceTitle: 'Ending rough sleeping: Metro Mayors join forces to call for extension of Housing First',
	sourceUrl:
		'https://www.wmca.org.uk/news/ending-rough-sleeping-metro-mayors-join-forces-to-call-for-extension-of-housing-first/',
	publisher: 'West Midlands Combined Authority'
} as const;

const EVALUATION_2024 = {
	sourceTitle: 'Housing First regional pilots: final evaluation report (as summarised by Homeless Link)',
	sourceUrl: 'https://homeless.org.uk/news/building-a-case-for-housing-first-regional-pilots-final-evaluation-report',
	publisher: 'Homeless Link / MHCLG evaluation'
} as const;

const THREE_PILOTS = 'All three regional pilots: West Midlands, Greater Manchester and Liverpool City Region.';

export const HOUSING_FIRST_FACTS: readonly HousingFirstFact[] = [
	{
		id: 'dluhc_hf_2022:people_housed',
		value: 515,
		unit: 'people',
		label: 'people housed by the West Midlands Housing First pilot since it began',
		date: '2022-03',
		...DLUHC_2022,
		note: 'West Midlands pilot only.'
	},
	{
		id: 'mayors_hf_2021:people_worked_with',
		value: 1245,
		unit: 'people',
		label: 'people worked with by the three Housing First pilots',
		date: '2021-07',
		...MAYORS_2021,
		note: THREE_PILOTS
	},
	{
		id: 'mayors_hf_2021:people_housed_secure_tenancy',
		value: 812,
		unit: 'people',
		label: 'people housed in secure tenancies by the three pilots',
		date: '2021-07',
		...MAYORS_2021,
		note: THREE_PILOTS
	},
	{
		id: 'mayors_hf_2021:people_supported_other_home',
		value: 87,
		unit: 'people',
		label: 'more people supported into another home by the three pilots',
		date: '2021-07',
		...MAYORS_2021,
		note: THREE_PILOTS
	},
	{
		id: 'mayors_hf_2021:people_needing_support_when_funding_ends',
		value: 1018,
		unit: 'people',
		label: 'people across the three pilots who would need support when the funding ended',
		date: '2021-07',
		...MAYORS_2021,
		note: 'Approximate: an estimate by the mayors. ' + THREE_PILOTS
	},
	{
		id: 'hf_evaluation_2024:people_into_settled_tenancies',
		value: 1061,
		unit: 'people',
		label: 'people moved into settled tenancies by the three pilots',
		date: '2024-10',
		...EVALUATION_2024,
		note: THREE_PILOTS
	}
];

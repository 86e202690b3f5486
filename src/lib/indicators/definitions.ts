/**
 * The person-level framework indicators in plain English, for the methodology page. These are
 * the definitions the indicator engine (sql.ts) and its oracle (oracle.ts) implement exactly.
 */
export interface IndicatorDefinition {
	/** Indicator id (indicators.csv); for a family (left_institution_*, nights_*) the common stem. */
	id: string;
	title: string;
	plainEnglish: string;
}

/** Terms used by the definitions below. */
export const DEFINITION_TERMS: IndicatorDefinition[] = [
	{
		id: 'area',
		title: 'Area',
		plainEnglish:
			'One of the seven WMCA authorities, or the WMCA as a whole (E47000007): the seven authorities taken together, so a person seen in two of them is counted once for the WMCA and once in each authority.'
	},
	{
		id: 'sighting',
		title: 'Sighting',
		plainEnglish: 'A record of a person seen sleeping rough in the area, on a date.'
	},
	{
		id: 'first_sighting',
		title: 'First sighting of the month (d)',
		plainEnglish:
			'For a person seen in the month, the date of their first sighting in that month. Look-backs are counted from this date.'
	},
	{
		id: 'months_before',
		title: '"60 months before" and "12 months before"',
		plainEnglish:
			'The same day of the month that many months earlier; where that month is shorter, its last day (60 months before 29 February 2024 is 28 February 2019).'
	}
];

export const INDICATOR_DEFINITIONS: IndicatorDefinition[] = [
	{
		id: 'rs_month',
		title: 'People sleeping rough over the month (R1)',
		plainEnglish: 'The number of different people seen sleeping rough in the area at least once during the calendar month.'
	},
	{
		id: 'new',
		title: 'New people sleeping rough (P1)',
		plainEnglish:
			'People seen in the month who had not been seen sleeping rough in the area in the 60 months before their first sighting of the month.'
	},
	{
		id: 'left_institution',
		title: 'People who had left an institution (P2)',
		plainEnglish:
			'People seen in the month with at least one sighting that month at which they were a care leaver, or had left prison, other criminal justice accommodation, hospital, the UK armed forces or asylum support accommodation 0 to 85 days before (inclusive). Also counted by type of institution; a person can count under more than one type.'
	},
	{
		id: 'long_term',
		title: 'People sleeping rough long-term (B1)',
		plainEnglish:
			'People seen in the month who were seen sleeping rough in the area in at least 3 different calendar months out of that month and the 11 months before it.'
	},
	{
		id: 'returners',
		title: 'People returning to rough sleeping (NR1)',
		plainEnglish:
			'People seen in the month who had not been seen in the area in the 180 days before their first sighting of the month, but had been seen there at some point from 60 months to 180 days before it. A person is never both new and a returner.'
	},
	{
		id: 'returners_from_settled',
		title: 'Returners from settled accommodation',
		plainEnglish:
			'Returners who had moved into settled accommodation in the area in the 12 months before their first sighting of the month.'
	},
	{
		id: 'accommodated',
		title: 'People moving into accommodation',
		plainEnglish:
			'The number of different people recorded as moving into accommodation (settled or other) in the area during the month, whether or not they were seen sleeping rough that month.'
	},
	{
		id: 'nights',
		title: 'Nights seen bedded down in the last 180 days',
		plainEnglish:
			'For each person seen in the month, the number of different dates they were seen sleeping rough in the area in the 180 days up to and including the last day of the month; people are counted in bands of 1, 2, 3 to 5, 6 to 10, and 11 or more nights.'
	},
	{
		id: 'percentages',
		title: 'Percentages',
		plainEnglish:
			'New people, people who had left an institution, people sleeping rough long-term, returners and people moving into accommodation as a percentage of the people sleeping rough over the month; returners from settled accommodation as a percentage of returners. Rounded to one decimal place (halves up), from the counts. Where the count divided by is 0 the percentage does not apply and is shown as not applicable (z).'
	}
];

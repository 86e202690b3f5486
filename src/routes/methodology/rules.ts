/**
 * The rules the validator applies to one indicator's figures (from its row of indicators.csv), in
 * plain words for the methodology page: the same columns the validator reads, so the page
 * cannot state a rule the data are not held to.
 */
import { UNITS, unitSpec, type Indicator } from '$lib/data/contract';

const AREA_TYPE_WORDS: Record<string, string> = {
	country: 'the country (England)',
	region: 'the region',
	combined_authority: 'the combined authority',
	local_authority: 'local authorities'
};

const list = (items: string[]) =>
	items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

export function indicatorRules(ind: Indicator): string[] {
	const rules: string[] = [];
	const max = ind.max_value;
	if (ind.unit === 'percent')
		rules.push(
			max === '100'
				? 'A share of its denominator: between 0 and 100.'
				: max === ''
					? 'A ratio to its denominator, not a share of it: it can exceed 100 (the people it counts need not be among the people in the denominator).'
					: `Between 0 and ${max}.`
		);
	else {
		const spec = UNITS.includes(ind.unit) ? unitSpec(ind.unit) : undefined;
		const whole = spec?.whole ?? false;
		const min = spec?.min ?? 0;
		const top = max !== '' ? max : spec?.max !== undefined ? String(spec.max) : '';
		const range = top === '' ? (min === 0 ? 'never negative' : `at least ${min}`) : `between ${min} and ${top}`;
		rules.push(whole ? `Whole numbers, ${range}.` : `${range[0].toUpperCase()}${range.slice(1)}.`);
	}
	if (ind.area_types !== '')
		rules.push(`Given for ${list(ind.area_types.split(' ').map((t) => AREA_TYPE_WORDS[t] ?? t))} only.`);
	if (ind.wmca_total === 'sum') rules.push("The WMCA figure is the sum of its seven authorities' figures.");
	else if (ind.wmca_total === 'at_most_sum')
		rules.push(
			"The WMCA figure counts each person once, however many authorities saw them, so it is at most the sum of the seven authorities' figures."
		);
	return rules;
}

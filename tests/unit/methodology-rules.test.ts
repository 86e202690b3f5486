/**
 * The methodology page's per-indicator checks follow the columns of data/indicators.csv that the
 * validator reads (max_value, area_types, wmca_total). Expected sentences written by hand.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../src/lib/data/contract';
import { indicatorRules } from '../../src/routes/methodology/rules';

const indicators = Papa.parse<Indicator>(readFileSync('data/indicators.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const rules = (id: string) => {
	const ind = indicators.find((i) => i.indicator_id === id);
	if (!ind) throw new Error(`no indicator ${id}`);
	return indicatorRules(ind);
};

describe('indicatorRules, from data/indicators.csv', () => {
	it('a share (new_pct) is bounded by 100; accommodated_pct is a ratio that can exceed it', () => {
		expect(rules('new_pct')).toEqual(['A share of its denominator: between 0 and 100.']);
		expect(rules('accommodated_pct')).toEqual([
			'A ratio to its denominator, not a share of it: it can exceed 100 (the people it counts need not be among the people in the denominator).'
		]);
	});

	it('counts: whole numbers, with the WMCA relation where there is one', () => {
		expect(rules('snapshot_single_night')).toEqual([
			'Whole numbers, never negative.',
			"The WMCA figure is the sum of its seven authorities' figures."
		]);
		expect(rules('rs_month')).toEqual([
			'Whole numbers, never negative.',
			"The WMCA figure counts each person once, however many authorities saw them, so it is at most the sum of the seven authorities' figures."
		]);
		expect(rules('long_term')).toEqual(['Whole numbers, never negative.']);
	});

	it('the three pilots together are recorded against the combined authority only; money is never negative', () => {
		expect(rules('hf3_people_housed')).toEqual(['Whole numbers, never negative.', 'Given for the combined authority only.']);
		expect(rules('hf_funding_gbp_million')).toEqual(['Never negative.', 'Given for the combined authority only.']);
	});

	it('several area types are listed', () => {
		const ind = { ...indicators[0], area_types: 'country local_authority', wmca_total: '' } as Indicator;
		expect(indicatorRules(ind)).toEqual(['Whole numbers, never negative.', 'Given for the country (England) and local authorities only.']);
	});
});

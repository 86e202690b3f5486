/**
 * Units and markers as one record in the contract: the validator's whole-number, range and
 * WMCA-sum rules follow each unit's record, and the lists derived from the records are the GSS and
 * framework facts (worked out by hand: counts of people, nights and days are whole; money adds
 * up across areas, percentages and rates do not; x, c and z stand in for a value).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADDITIVE_UNITS, UNITS, VALUE_REPLACING_MARKERS, WHOLE_NUMBER_UNITS } from '../../src/lib/data/contract';
import { OBSERVATION_COLUMNS } from '../../src/lib/data/files';
import { check, edit } from '../fixtures/validate/helpers';

/** The fixture's people_annual indicator, counted in `unit`, with wmca_total `total`. */
const indicator = (unit: string, total = '') => ({
	'indicators.csv': edit('indicators.csv', {
		2: `people_annual,rare,People (annual),People annual,Count of people.,${unit},lower_is_better,annual,src_a,,,,${total}`
	})
});
const value = (v: string) => ({ 'observations.csv': edit('observations.csv', { 2: `people_annual,E08000025,2023,${v},,src_a,` }) });

describe('lists derived from the unit and marker records', () => {
	it('are the framework facts', () => {
		expect([...WHOLE_NUMBER_UNITS].sort()).toEqual(['days', 'nights', 'people']);
		expect([...ADDITIVE_UNITS].sort()).toEqual(['days', 'gbp_million', 'nights', 'people']);
		expect(VALUE_REPLACING_MARKERS).toEqual(['x', 'c', 'z']);
	});

	it('the observation columns are the header of data/observations.csv', () => {
		const header = readFileSync('data/observations.csv', 'utf8').split('\n')[0].replace(/^\uFEFF/, '').trim();
		expect(OBSERVATION_COLUMNS.join(',')).toBe(header);
	});
});

describe.each(UNITS)('an indicator in %s', (unit) => {
	const whole = ['people', 'nights', 'days'].includes(unit);

	it(whole ? 'rejects 2.5 (not a whole number)' : 'accepts 2.5', () => {
		const problems = check({ ...indicator(unit), ...value('2.5') });
		if (whole)
			expect(problems).toEqual([
				`data/observations.csv:2:4: value "2.5" in column "value" is not a whole number, but indicator "people_annual" counts ${unit} (give the count as a whole number of ${unit})`
			]);
		else expect(problems).toEqual([]);
	});

	it('rejects -1 (below the range starting at 0)', () => {
		const problems = check({ ...indicator(unit), ...value('-1') });
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^data\/observations\.csv:2:4: value "-1" in column "value" is negative/);
	});

	it(`${['people', 'nights', 'days', 'gbp_million'].includes(unit) ? 'may' : 'may not'} have a wmca_total`, () => {
		const problems = check(indicator(unit, 'sum'));
		if (['people', 'nights', 'days', 'gbp_million'].includes(unit)) expect(problems).toEqual([]);
		else expect(problems).toEqual([expect.stringMatching(/^data\/indicators\.csv:2:13: wmca_total "sum" is given for an indicator in /)]);
	});
});

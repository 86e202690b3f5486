import { describe, expect, it } from 'vitest';
import { axisFormat, formatChange, formatNumber, formatValue, unitLabel } from '$lib/format/numbers';

const MINUS = '\u2212';

describe('formatNumber', () => {
	it('uses thousands separators', () => {
		expect(formatNumber(1245)).toBe('1,245');
		expect(formatNumber(1234567)).toBe('1,234,567');
		expect(formatNumber(999)).toBe('999');
		expect(formatNumber(0)).toBe('0');
	});
	it('shows whole numbers without decimals and others to one place', () => {
		expect(formatNumber(12.34)).toBe('12.3');
		expect(formatNumber(12.36)).toBe('12.4');
		expect(formatNumber(1500.5)).toBe('1,500.5');
	});
	it('takes a number of decimal places', () => {
		expect(formatNumber(12, 1)).toBe('12.0');
		expect(formatNumber(12.345, 2)).toBe('12.35');
		expect(formatNumber(12.6, 0)).toBe('13');
	});
	it('writes negatives with a minus sign and never "−0"', () => {
		expect(formatNumber(-1245)).toBe(`${MINUS}1,245`);
		expect(formatNumber(-0.04, 1)).toBe('0.0');
		expect(formatNumber(-0)).toBe('0');
	});
});

describe('formatValue', () => {
	it('formats each unit', () => {
		expect(formatValue(1245, 'people')).toBe('1,245');
		expect(formatValue(12.34, 'percent')).toBe('12.3%');
		expect(formatValue(4.56, 'rate_per_100k')).toBe('4.6');
		expect(formatValue(52, 'nights')).toBe('52');
		expect(formatValue(3, 'days')).toBe('3');
		expect(formatValue(9.62, 'gbp_million')).toBe('£9.6 million');
		expect(formatValue(1234.5, 'gbp_million')).toBe('£1,234.5 million');
		expect(formatValue(-2.5, 'gbp_million')).toBe(`${MINUS}£2.5 million`);
	});
	it('adds the unit in words when asked, singular for one', () => {
		expect(formatValue(52, 'people', { withUnit: true })).toBe('52 people');
		expect(formatValue(1, 'people', { withUnit: true })).toBe('1 person');
		expect(formatValue(1, 'nights', { withUnit: true })).toBe('1 night');
		expect(formatValue(14, 'days', { withUnit: true })).toBe('14 days');
		expect(formatValue(4.56, 'rate_per_100k', { withUnit: true })).toBe('4.6 per 100,000');
		expect(formatValue(12.3, 'percent', { withUnit: true })).toBe('12.3%');
	});
	it('never shows a missing value as 0', () => {
		expect(formatValue(null, 'people')).toBe('[x]');
		expect(formatValue(undefined, 'percent')).toBe('[x]');
		expect(formatValue(Number.NaN, 'people')).toBe('[x]');
		expect(formatValue(0, 'people')).toBe('0');
	});
	it('takes decimals', () => {
		expect(formatValue(12.345, 'percent', { decimals: 2 })).toBe('12.35%');
	});
});

describe('formatChange', () => {
	it('gives the size of a change in its unit', () => {
		expect(formatChange(-12, 'people')).toBe('12');
		expect(formatChange(2.14, 'percent')).toBe('2.1 percentage points');
		expect(formatChange(-1, 'percent', { decimals: 0 })).toBe('1 percentage point');
		expect(formatChange(1.2, 'gbp_million')).toBe('£1.2 million');
		expect(formatChange(-3, 'nights')).toBe('3 nights');
		expect(formatChange(0.5, 'rate_per_100k')).toBe('0.5 per 100,000');
	});
});

describe('unitLabel and axisFormat', () => {
	it('names units', () => {
		expect(unitLabel('people')).toBe('people');
		expect(unitLabel('percent')).toBe('per cent');
		expect(unitLabel('gbp_million')).toBe('£ million');
	});
	it('formats ticks without trailing zeros', () => {
		expect(axisFormat('people')(1000)).toBe('1,000');
		expect(axisFormat('percent')(2.5)).toBe('2.5%');
		expect(axisFormat('percent')(10)).toBe('10%');
		expect(axisFormat('gbp_million')(10)).toBe('£10m');
		expect(axisFormat(undefined)(0.1 + 0.2)).toBe('0.3');
	});
});

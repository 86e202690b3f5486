import { describe, expect, it } from 'vitest';
import { formatCell, markerKey, markersIn, markerText, parseMarkers } from '$lib/format/markers';

describe('parseMarkers', () => {
	it('reads marker fields in GSS order, once each', () => {
		expect(parseMarkers('u p')).toEqual(['p', 'u']);
		expect(parseMarkers('[p] [u]')).toEqual(['p', 'u']);
		expect(parseMarkers('x')).toEqual(['x']);
		expect(parseMarkers('pp')).toEqual(['p']);
		expect(parseMarkers('')).toEqual([]);
		expect(parseMarkers(null)).toEqual([]);
		expect(parseMarkers('q')).toEqual([]);
	});
	it('writes markers in brackets', () => {
		expect(markerText(['p', 'u'])).toBe('[p] [u]');
	});
});

describe('formatCell', () => {
	it('formats a plain value', () => {
		expect(formatCell(52, '')).toBe('52');
		expect(formatCell(1245, undefined)).toBe('1,245');
		expect(formatCell(0, '')).toBe('0');
	});
	it('adds qualifying markers after the value', () => {
		expect(formatCell(39, 'u')).toBe('39 [u]');
		expect(formatCell(39, 'p u')).toBe('39 [p] [u]');
		expect(formatCell(12.34, 'r', 'percent')).toBe('12.3% [r]');
		expect(formatCell(9.62, 'e', 'gbp_million')).toBe('£9.6 million [e]');
	});
	it('shows value-replacing markers instead of a value', () => {
		expect(formatCell(null, 'x')).toBe('[x]');
		expect(formatCell(null, 'c')).toBe('[c]');
		expect(formatCell(null, 'z')).toBe('[z]');
		expect(formatCell(5, 'c')).toBe('[c]');
	});
	it('never renders a missing value as 0', () => {
		expect(formatCell(null, '')).toBe('[x]');
		expect(formatCell(undefined, null)).toBe('[x]');
		expect(formatCell(null, 'p')).toBe('[x] [p]');
		expect(formatCell(Number.NaN, '')).toBe('[x]');
	});
});

describe('marker key', () => {
	it('finds markers in formatted cells', () => {
		expect(markersIn(['52', '39 [u]', '[x]', '[x] [p]', 7, null])).toEqual(['x', 'p', 'u']);
		expect(markersIn(['[q]', 'text [not]'])).toEqual([]);
	});
	it('lists the markers used, in GSS order, with their meanings', () => {
		expect(markerKey(['u', 'x'])).toEqual([
			{ marker: 'x', symbol: '[x]', meaning: 'not available' },
			{ marker: 'u', symbol: '[u]', meaning: 'low reliability' }
		]);
		expect(markerKey(['39 [u]', '[c]']).map((e) => e.symbol)).toEqual(['[c]', '[u]']);
		expect(markerKey(['52'])).toEqual([]);
	});
});

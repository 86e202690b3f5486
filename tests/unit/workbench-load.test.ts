/**
 * The workbench's pure helpers: which kind of file a header row is, the size limit refused before
 * reading, and the quick chart's series and bars from a query result.
 */
import { describe, expect, it } from 'vitest';
import { formatBytes, kindOfHeader, oversize } from '../../src/lib/workbench/load-protocol';
import { bars, isPeriodColumn, lineSeries, numericColumns } from '../../src/lib/workbench/quick-chart';

describe('load protocol', () => {
	it('tells contacts, observations and the reference files apart by their header', () => {
		expect(kindOfHeader(['person_id', 'area_code', 'event_date', 'event', 'accommodation', 'institution', 'institution_left_date'])).toBe('contacts');
		expect(kindOfHeader(['indicator_id', 'area_code', 'period', 'value', 'marker', 'source_id', 'note'])).toBe('observations');
		// An import's cell sidecar has the observation's key too: told apart by its cell column.
		expect(kindOfHeader(['indicator_id', 'area_code', 'period', 'source_id', 'cell'])).toBe('cells');
		expect(kindOfHeader(['indicator_id', 'pillar', 'name'])).toBe('indicators.csv');
		expect(kindOfHeader(['area_code', 'area_name', 'area_type', 'parent_code'])).toBe('areas.csv');
		expect(kindOfHeader(['source_id', 'kind', 'title', 'publisher'])).toBe('sources.csv');
		expect(kindOfHeader(['a', 'b'])).toBeUndefined();
	});

	it('refuses files over 1 GB, naming the size and the limit, and lets 1 GB itself through', () => {
		expect(oversize([{ name: 'ok.csv', size: 1_000_000_000 }])).toEqual([]);
		const [message] = oversize([{ name: 'big.csv', size: 1_234_567_890 }, { name: 'ok.csv', size: 10 }]);
		expect(message).toMatch(/^big\.csv is 1\.23 GB, over the 1 GB limit/);
		expect([formatBytes(999), formatBytes(1500), formatBytes(101_572_584)]).toEqual(['999 bytes', '1.5 kB', '101.6 MB']);
	});
});

describe('quick chart', () => {
	const rows = [
		{ period: '2024-02', area: 'B', n: 5, note: 'x' },
		{ period: '2024-01', area: 'B', n: 3, note: 'y' },
		{ period: '2024-01', area: 'C', n: null, note: 'z' }
	];
	it('finds the numeric and period columns', () => {
		expect(numericColumns(rows, ['period', 'area', 'n', 'note'])).toEqual(['n']);
		expect(isPeriodColumn(rows, 'period')).toBe(true);
		expect(isPeriodColumn(rows, 'area')).toBe(false);
	});
	it('makes one line per series value, in period order, with gaps (never zeros) for missing values', () => {
		expect(lineSeries(rows, 'period', 'n', 'area')).toEqual([
			{ id: 'B', label: 'B', points: [{ x: '2024-01', y: 3 }, { x: '2024-02', y: 5 }] },
			{ id: 'C', label: 'C', points: [{ x: '2024-01', y: null }] }
		]);
	});
	it('makes a bar per row', () => {
		expect(bars(rows, 'area', 'n').map((b) => [b.label, b.value])).toEqual([['B', 5], ['B', 3], ['C', null]]);
	});
});

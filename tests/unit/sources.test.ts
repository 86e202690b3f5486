import { describe, expect, it } from 'vitest';
import { sourceLine } from '../../src/lib/pages/sources';
import type { Source } from '../../src/lib/data/contract';

const source = (id: string, published: string, title = `Title ${id}`): Source => ({
	source_id: id, kind: 'official_statistics', title, publisher: `Publisher ${id}`, url: '', licence: '', published, notes: ''
});

describe('sourceLine', () => {
	const all = [source('a', '2020-02-27'), source('b', '2026-02-26'), source('c', ''), source('unused', '2027-01-01')];

	it('names each source used once, newest first, dated by the newest publication', () => {
		const line = sourceLine(all, ['a', 'b', 'a', 'b', '']);
		expect(line.text).toBe('Publisher b, Title b; Publisher a, Title a');
		expect(line.date).toBe('26 February 2026');
	});

	it('puts undated sources last and gives no date when none is dated', () => {
		expect(sourceLine(all, ['c', 'a']).text).toBe('Publisher a, Title a; Publisher c, Title c');
		expect(sourceLine(all, ['c'])).toEqual({ text: 'Publisher c, Title c', date: '' });
	});

	it('says so when no source is named', () => {
		expect(sourceLine(all, ['', ''])).toEqual({ text: 'Not stated', date: '' });
	});
});

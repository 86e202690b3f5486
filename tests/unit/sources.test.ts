import { describe, expect, it } from 'vitest';
import { sourceLine } from '../../src/lib/pages/sources';
import type { Source } from '../../src/lib/data/contract';

const source = (id: string, published: string, title = `Title ${id}`): Source => ({
	source_id: id, kind: 'official_statistics', title, publisher: `Publisher ${id}`, url: '', licence: '', published, notes: ''
});

describe('sourceLine', () => {
	const all = [source('a', '2020-02-27'), source('b', '2026-02-26'), source('c', ''), source('unused', '2027-01-01')];

	it('names each source used once, newest first, each with its own publication date', () => {
		const line = sourceLine(all, ['a', 'b', 'a', 'b', '']);
		expect(line.text).toBe('Publisher b, Title b (26 February 2026); Publisher a, Title a (27 February 2020)');
		expect(line.date).toBe('');
	});

	it('gives a single source its date apart, for the frame to append once', () => {
		expect(sourceLine(all, ['a', 'a'])).toEqual({ text: 'Publisher a, Title a', date: '27 February 2020' });
	});

	it('puts undated sources last, undated, and gives no date when none is dated', () => {
		expect(sourceLine(all, ['c', 'a']).text).toBe('Publisher a, Title a (27 February 2020); Publisher c, Title c');
		expect(sourceLine(all, ['c'])).toEqual({ text: 'Publisher c, Title c', date: '' });
	});

	it('says so when no source is named', () => {
		expect(sourceLine(all, ['', ''])).toEqual({ text: 'Not stated', date: '' });
	});
});
